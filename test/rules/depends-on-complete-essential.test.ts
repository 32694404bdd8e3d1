import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, expectRanges, only } from '../helpers/rule-fix';

const ID = 'depends-on-complete-essential';
const text = '[\n  { "name": "app", "image": "a:1", "dependsOn": [ { "containerName": "migrate", "condition": "SUCCESS" } ] },\n  { "name": "migrate", "image": "a:1", "command": ["migrate"] }\n]';

describe(ID, () => {
  it('reports the containerName of an essential-by-default target', () => {
    const [d] = expectRanges(text.replace('"containerName": "migrate"', '"containerName": ⟦"migrate"⟧'), ID);
    assert.equal(d.message, "'migrate' is essential, so waiting on it with SUCCESS stops the whole task when it exits; mark it essential: false or wait for START.");
  });

  it('COMPLETE on explicit essential:true too; silent for essential:false, placeholders and START', () => {
    assert.equal(only(text.replace('SUCCESS', 'COMPLETE').replace('["migrate"]', '["migrate"], "essential": true'), ID).length, 1);
    assert.equal(only(text.replace('["migrate"]', '["migrate"], "essential": false'), ID).length, 0);
    assert.equal(only(text.replace('["migrate"]', '["migrate"], "essential": "${ess}"'), ID).length, 0);
    assert.equal(only(text.replace('SUCCESS', 'START'), ID).length, 0);
  });

  it('fixes: essential false on the target (added or replaced), or condition START', () => {
    assert.equal(applyFix(text, ID), text.replace('["migrate"] }', '["migrate"], "essential": false }'), 'a one-line container stays on one line');
    assert.match(applyFix(text.replace('["migrate"]', '["migrate"], "essential": true'), ID), /"command": \["migrate"\], "essential": false/);
    assert.match(applyFix(text, ID, 'START'), /"condition": "START"/);
  });
});
