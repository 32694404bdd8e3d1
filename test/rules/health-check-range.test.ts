import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, expectRanges, only } from '../helpers/rule-fix';
import { codesOf } from '../helpers/lint';

const ID = 'health-check-range';
const hc = (fields: string) => `[ { "name": "c", "image": "c:1", "healthCheck": { "command": ["CMD", "/healthcheck"]${fields} } } ]`;

describe(ID, () => {
  it('out-of-range values are errors on the value, with a clamp fix', () => {
    const ds = expectRanges(hc(', "interval": ⟦1⟧, "timeout": ⟦90⟧, "retries": ⟦15⟧, "startPeriod": ⟦301⟧'), ID);
    assert.deepEqual(ds.map((d) => d.message), [
      'healthCheck.interval must be 5–300 s; got 1.',
      'healthCheck.timeout must be 2–60 s; got 90.',
      'healthCheck.retries must be 1–10; got 15.',
      'healthCheck.startPeriod must be 0–300 s; got 301.',
    ]);
    assert.ok(ds.every((d) => d.severity === 'error'));
    assert.match(applyFix(hc(', "retries": 15'), ID), /"retries": 10/);
    assert.match(applyFix(hc(', "interval": 1'), ID), /"interval": 6/); // not 5: the default timeout is 5
  });

  it('sidecar case: timeout 6 ≥ interval 5 is a warning on timeout with two fixes', () => {
    const text = hc(', "interval": 5, "timeout": 6, "retries": 5, "startPeriod": 1');
    const [d] = expectRanges(text.replace('"timeout": 6', '"timeout": ⟦6⟧'), ID);
    assert.equal(d.severity, 'warning');
    assert.equal(d.message, "healthCheck.timeout (6 s) is not shorter than interval (5 s) in 'c'; shorten the timeout or lengthen the interval.");
    assert.match(applyFix(text, ID, 'Set timeout to 4'), /"timeout": 4/);
    assert.match(applyFix(text, ID, 'Set interval to 7'), /"interval": 7/);
  });

  it('a missing side uses the ECS default and the fix inserts it', () => {
    const text = hc(', "interval": 5');
    const [d] = expectRanges(hc(', "interval": ⟦5⟧'), ID);
    assert.match(d.message, /timeout \(5 s, default\)/);
    assert.match(applyFix(text, ID, 'Set timeout to 4'), /"interval": 5, "timeout": 4 \}/);
  });

  it('replaces the generic value-out-of-range, never doubles up; placeholders skipped', () => {
    assert.ok(!codesOf(hc(', "retries": 0')).includes('value-out-of-range'));
    assert.equal(only(hc(', "interval": ${interval}, "timeout": 10'), ID).length, 0);
    assert.equal(only(hc(', "interval": 30, "timeout": 5, "retries": 3, "startPeriod": 0'), ID).length, 0);
  });
});
