/**
 * Messages are one sentence that names the value and what to do; the explanation lives in docs, hover and
 * `explain`. Every rule's bad fixtures are linted and every message (and fix title) must fit in 160 characters.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint } from '../../server/src/core/lint';
import { loadFixtures } from '../helpers/fixtures';

export const MAX_MESSAGE = 160;

describe('messages stay short (≤ 160 characters) on every bad fixture', () => {
  const bad = loadFixtures().filter((f) => f.kind === 'bad');
  it('covers every rule that has bad fixtures', () => assert.ok(new Set(bad.map((f) => f.ruleId)).size >= 60));
  for (const fx of bad) {
    it(fx.file, () => {
      const long: string[] = [];
      for (const d of lint(fx.text).diagnostics) {
        if (d.message.length > MAX_MESSAGE) long.push(`${d.code} (${d.message.length}): ${d.message}`);
        for (const r of d.related ?? []) if (r.message.length > MAX_MESSAGE) long.push(`${d.code} related (${r.message.length}): ${r.message}`);
        for (const f of d.fixes ?? []) if (f.title.length > MAX_MESSAGE) long.push(`${d.code} fix (${f.title.length}): ${f.title}`);
      }
      assert.deepEqual(long, []);
    });
  }
});
