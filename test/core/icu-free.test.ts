/**
 * The core formats numbers and orders rule ids without ICU (its first number formatter or collator costs every
 * server start milliseconds and resident data: docs/performance.md, round two c). These check the replacements
 * give exactly what the ICU calls gave.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { withThousands } from '../../server/src/core/clip-value';
import { ALL_RULES } from '../../server/src/core/rules';

describe('formatting without ICU', () => {
  it("withThousands writes what toLocaleString('en-US') writes for whole numbers", () => {
    const values = [0, 7, 999, 1000, 9999, 65_536, 100_000, 999_999, 1_000_000, 1_234_567, 4_194_304, 2 ** 31, Number.MAX_SAFE_INTEGER];
    for (let n = 1; n < 2e7; n = Math.floor(n * 1.37) + 1) values.push(n);
    for (const n of values) assert.equal(withThousands(n), n.toLocaleString('en-US'), String(n));
  });

  it('rule ids in code-unit order are in localeCompare order (lint sorts findings at one place by id so)', () => {
    const ids = ALL_RULES.map((r) => r.id);
    const byUnits = [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const byLocale = [...ids].sort((a, b) => a.localeCompare(b));
    assert.deepEqual(byUnits, byLocale);
  });
});
