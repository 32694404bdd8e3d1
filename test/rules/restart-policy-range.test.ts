import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, expectRanges, only } from '../helpers/rule-fix';
import { codesOf } from '../helpers/lint';

const ID = 'restart-policy-range';

describe(ID, () => {
  it('period outside 60–1800 is reported on the value with a clamp fix', () => {
    const text = '[ { "name": "w", "image": "w:1", "restartPolicy": { "enabled": true, "restartAttemptPeriod": ⟦10⟧ } } ]';
    const [d] = expectRanges(text, ID);
    assert.equal(d.message, 'restartAttemptPeriod must be 60–1800 s (default 300); got 10.');
    assert.match(applyFix(text.replace(/[⟦⟧]/g, ''), ID), /"restartAttemptPeriod": 60/);
    assert.match(applyFix('[ { "name": "w", "image": "w:1", "restartPolicy": { "enabled": true, "restartAttemptPeriod": 7200 } } ]', ID), /"restartAttemptPeriod": 1800/);
  });

  it('more than 50 ignored exit codes, and non-integer codes', () => {
    const codes = Array.from({ length: 51 }, (_, i) => i).join(', ');
    const [d] = expectRanges(`[ { "name": "w", "image": "w:1", "restartPolicy": { "enabled": true, ⟦"ignoredExitCodes"⟧: [${codes}] } } ]`, ID);
    assert.equal(d.message, 'At most 50 ignoredExitCodes; got 51.');
    expectRanges('[ { "name": "w", "image": "w:1", "restartPolicy": { "enabled": true, "ignoredExitCodes": [0, ⟦"1"⟧, ⟦1.5⟧] } } ]', ID);
  });

  it('enabled missing: replaces missing-required on the restartPolicy key, fix adds enabled', () => {
    const text = '[ { "name": "w", "image": "w:1", ⟦"restartPolicy"⟧: { "restartAttemptPeriod": 120 } } ]';
    const [d] = expectRanges(text, ID);
    assert.match(d.message, /sets restartAttemptPeriod but not 'enabled'/);
    const clean = text.replace(/[⟦⟧]/g, '');
    assert.ok(!codesOf(clean).includes('missing-required'));
    assert.equal(JSON.parse(applyFix(clean, ID))[0].restartPolicy.enabled, true);
  });

  it('silent within bounds and for placeholders', () => {
    assert.equal(only('[ { "name": "w", "image": "w:1", "restartPolicy": { "enabled": true, "restartAttemptPeriod": 300, "ignoredExitCodes": [0, "${CODE}"] } } ]', ID).length, 0);
    assert.equal(only('[ { "name": "w", "image": "w:1", "restartPolicy": { "enabled": true, "restartAttemptPeriod": ${period} } } ]', ID).length, 0);
  });
});
