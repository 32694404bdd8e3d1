import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, expectRanges, only } from '../helpers/rule-fix';

const ID = 'host-pid-mode';
const text = '{ "family": "a", "pidMode": "host", "containerDefinitions": [ { "name": "a", "image": "a:1", "memory": 128 } ] }';

describe(ID, () => {
  it('warns on the value (unknown launch and EC2)', () => {
    const [d] = expectRanges(text.replace('"host"', '⟦"host"⟧'), ID);
    assert.equal(d.severity, 'warning');
    assert.match(d.message, /^pidMode 'host' lets every container see and signal all processes/);
    assert.equal(only(text.replace('"pidMode"', '"requiresCompatibilities": ["EC2"], "pidMode"'), ID).length, 1);
  });

  it('fixes: task (preferred) or remove', () => {
    assert.match(applyFix(text, ID), /"pidMode": "task"/);
    assert.doesNotMatch(applyFix(text, ID, 'Remove'), /pidMode/);
  });

  it('silent for task mode and on Fargate', () => {
    assert.equal(only(text.replace('"host"', '"task"'), ID).length, 0);
    assert.equal(only(text.replace('"pidMode"', '"requiresCompatibilities": ["FARGATE"], "pidMode"'), ID).length, 0);
  });
});
