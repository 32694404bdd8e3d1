/**
 * The seeded fuzz run of `npm test`: every property of suite.ts on a fixed seed and a small case count, so a
 * failure here is reproducible as is. `npm run fuzz` runs the same properties on 100,000+ fresh cases.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { initHclFromDisk } from '../../server/src/lsp/node/hcl-wasm';
import { minimize } from './minimize';
import { PROPERTIES, runProperty } from './suite';

const SEED = 20_240_601;
const TOTAL = 2400;

describe(`fuzz (seed ${SEED}, ${TOTAL} cases)`, () => {
  before(() => initHclFromDisk());
  for (const p of PROPERTIES) {
    it(p.name, () => {
      const result = runProperty(p, Math.round(TOTAL * p.share), SEED);
      if (!result.failure) return;
      const f = result.failure;
      const small = p.recheck ? minimize(f.counterexample, p.recheck) : f.counterexample;
      assert.fail(`${f.message.split('\n')[0].slice(0, 400)}\nminimized input:\n${small}\nreplay: npm run fuzz -- --property=${PROPERTIES.indexOf(p)} --seed=${f.seed} --path=${f.path}`);
    });
  }
});
