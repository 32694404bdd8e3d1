import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, expectRanges, only } from '../helpers/rule-fix';

const ID = 'network-mode-ec2-only';
const task = (top: string) => `{ "family": "consul",${top}\n  "containerDefinitions": [{ "name": "consul", "image": "hashicorp/consul:1.19", "memory": 256 }] }`;

describe(ID, () => {
  it('hint on the networkMode value when the launch type is unknown', () => {
    const [d] = expectRanges(task(' "networkMode": ⟦"bridge"⟧,'), ID);
    assert.equal(d.severity, 'hint');
    assert.equal(d.message, "networkMode 'bridge' only runs on EC2 or EXTERNAL capacity; declare requiresCompatibilities so the matching checks run.");
  });

  it('fixes add requiresCompatibilities ["EC2"] (preferred) or ["EXTERNAL"]', () => {
    assert.deepEqual(JSON.parse(applyFix(task(' "networkMode": "host",'), ID)).requiresCompatibilities, ['EC2']);
    assert.deepEqual(JSON.parse(applyFix(task(' "networkMode": "none", "requiresCompatibilities": [],'), ID, 'EXTERNAL')).requiresCompatibilities, ['EXTERNAL']);
  });

  it('silent for awsvpc, a declared or templated launch type, a launch-type comment, or no explicit mode', () => {
    assert.equal(only(task(' "networkMode": "awsvpc",'), ID).length, 0);
    assert.equal(only(task(' "networkMode": "host", "requiresCompatibilities": ["EXTERNAL"],'), ID).length, 0);
    assert.equal(only(task(' "networkMode": "host", "requiresCompatibilities": "${COMPAT}",'), ID).length, 0);
    assert.equal(only(`// ecs-taskdef: launchType=EXTERNAL\n${task(' "networkMode": "host",')}`, ID).length, 0);
    assert.equal(only(task(''), ID).length, 0);
  });
});
