import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, expectRanges, only } from '../helpers/rule-fix';

const ID = 'fargate-timeouts';
const doc = (container: string, compat = '"FARGATE"') =>
  `{ "family": "w", "requiresCompatibilities": [${compat}], "networkMode": "awsvpc", "cpu": "256", "memory": "512", "containerDefinitions": [{ "name": "w", "image": "worker:3.1", "essential": true${container} }] }`;

describe(ID, () => {
  it('reports each timeout outside 2–120 s on its value; the fix clamps', () => {
    const got = expectRanges(doc(', "startTimeout": ⟦0⟧, "stopTimeout": ⟦300⟧'), ID);
    assert.deepEqual(got.map((d) => d.message), ['On Fargate startTimeout must be 2–120 s; got 0.', 'On Fargate stopTimeout must be 2–120 s; got 300.']);
    assert.equal(got[1].diagnostic.fixes![0].title, 'Set to 120');
    const fixed = applyFix(doc(', "startTimeout": 0, "stopTimeout": 300'), ID);
    assert.ok(fixed.includes('"startTimeout": 2'), fixed);
    assert.ok(applyFix(fixed, ID).includes('"stopTimeout": 120'));
  });

  it('silent inside the range, for placeholders and strings, on EC2 and unknown launch', () => {
    assert.deepEqual(only(doc(', "startTimeout": 2, "stopTimeout": 120'), ID), []);
    assert.deepEqual(only(doc(', "stopTimeout": "${stop}"'), ID), []);
    assert.deepEqual(only(doc(', "stopTimeout": 300', '"EC2"'), ID), []);
    assert.deepEqual(only(doc(', "stopTimeout": 300', ''), ID), []);
  });

  it('container arrays with a configured launch type', () => {
    const arr = '[{ "name": "w", "image": "worker:3.1", "essential": true, "stopTimeout": 600 }]';
    assert.deepEqual(only(arr, ID), []);
    assert.equal(only(arr, ID, { defaultLaunchType: 'FARGATE' }).length, 1);
  });
});
