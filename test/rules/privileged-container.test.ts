import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, expectRanges, only } from '../helpers/rule-fix';

const ID = 'privileged-container';
const text = '{ "family": "j", "requiresCompatibilities": ["EC2"], "containerDefinitions": [ { "name": "runner", "image": "judge0:1.13.1", "memory": 512, "privileged": true } ] }';

describe(ID, () => {
  it('warns on the privileged key (EC2 and unknown launch)', () => {
    const [d] = expectRanges(text.replace('"privileged"', '⟦"privileged"⟧'), ID);
    assert.equal(d.severity, 'warning');
    assert.equal(d.message, "'runner' runs privileged, with nearly full root access to the host; add only the capabilities it needs instead.");
    assert.equal(only(text.replace('"requiresCompatibilities": ["EC2"], ', ''), ID).length, 1);
  });

  it('the fix removes the key', () => {
    assert.doesNotMatch(applyFix(text, ID), /privileged/);
  });

  it('silent on Fargate (fargate-unsupported-parameter), for false and placeholders', () => {
    assert.equal(only(text.replace('["EC2"]', '["FARGATE"]'), ID).length, 0);
    assert.equal(only(text.replace('"privileged": true', '"privileged": false'), ID).length, 0);
    assert.equal(only(text.replace('"privileged": true', '"privileged": "${PRIV}"'), ID).length, 0);
  });
});
