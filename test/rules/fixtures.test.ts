import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadFixtures } from '../helpers/fixtures';
import { lintShown } from '../helpers/lint';

describe('rule fixtures (test/fixtures/rules/<id>/bad-*|good-*)', () => {
  for (const fx of loadFixtures()) {
    it(`${fx.file}`, () => {
      const got = lintShown(fx.text).filter((d) => d.code === fx.ruleId);
      if (fx.kind === 'good') {
        assert.deepEqual(got.map((d) => `${d.line + 1}: ${d.message}`), [], `${fx.file} must not trigger ${fx.ruleId}`);
        return;
      }
      assert.ok(fx.expected.length > 0, `${fx.file} has no '// <- ${fx.ruleId}' marker`);
      assert.deepEqual(
        got.map((d) => d.line + 1),
        fx.expected.map((e) => e.line + 1),
        `${fx.file}: lines with ${fx.ruleId}; got ${JSON.stringify(got.map((d) => [d.line + 1, d.text, d.message]))}`,
      );
      fx.expected.forEach((e, i) => {
        if (e.severity) assert.equal(got[i].severity, e.severity, `${fx.file} line ${e.line + 1} severity`);
      });
    });
  }
});
