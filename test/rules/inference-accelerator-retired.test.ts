import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, expectRanges, only } from '../helpers/rule-fix';

const ID = 'inference-accelerator-retired';
const text = `{
  "family": "infer",
  "requiresCompatibilities": ["EC2"],
  "inferenceAccelerators": [{ "deviceName": "eia", "deviceType": "eia2.medium" }],
  "containerDefinitions": [
    { "name": "model", "image": "model:4.0", "memory": 1024, "resourceRequirements": [{ "type": "GPU", "value": "1" }, { "type": "InferenceAccelerator", "value": "eia" }] }
  ]
}`;

describe(ID, () => {
  it('task key and container requirement type are reported as warnings', () => {
    const marked = text.replace('"inferenceAccelerators"', '⟦"inferenceAccelerators"⟧').replace('"InferenceAccelerator"', '⟦"InferenceAccelerator"⟧');
    const ds = expectRanges(marked, ID);
    assert.ok(ds.every((d) => d.severity === 'warning'));
    assert.match(ds[1].message, /^'model' reserves an Elastic Inference accelerator, a retired service; remove it/);
  });

  it('fixes remove the task key and the single requirement', () => {
    const a = applyFix(text, ID, 'Remove inferenceAccelerators');
    assert.equal(JSON.parse(a).inferenceAccelerators, undefined);
    const b = applyFix(a, ID, 'Remove this resource requirement');
    assert.deepEqual(JSON.parse(b).containerDefinitions[0].resourceRequirements, [{ type: 'GPU', value: '1' }]);
  });

  it('empty arrays are fine; Fargate is left to fargate-unsupported-parameter', () => {
    assert.equal(only(text.replace(/\[\{ "deviceName".*?\}\]/, '[]').replace(', { "type": "InferenceAccelerator", "value": "eia" }', ''), ID).length, 0);
    assert.equal(only(text.replace('["EC2"]', '["FARGATE"]'), ID).length, 0);
  });
});
