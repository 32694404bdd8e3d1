import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, expectRanges, only } from '../helpers/rule-fix';
import { codesOf } from '../helpers/lint';

const ID = 'firelens-container-missing';
const array = `[
  { "name": "app", "image": "app:1.0", "logConfiguration": { "logDriver": "awsfirelens", "options": { "Name": "cloudwatch" } } },
  { "name": "worker", "image": "app:1.0", "logConfiguration": { "logDriver": "awsfirelens" } }
]`;

describe(ID, () => {
  it('reports each FireLens user on its logDriver value', () => {
    const marked = array.replace(/"awsfirelens"/g, '⟦"awsfirelens"⟧');
    const ds = expectRanges(marked, ID);
    assert.equal(ds[0].message, "'app' sends logs to FireLens, but no container is a log router (firelensConfiguration).");
    assert.ok(ds.every((d) => d.severity === 'error'));
  });

  it('the fix appends one log router that silences every report', () => {
    const fixed = applyFix(array, ID);
    assert.equal(only(fixed, ID).length, 0);
    const router = JSON.parse(fixed)[2];
    assert.deepEqual(router, { name: 'log_router', image: 'public.ecr.aws/aws-observability/aws-for-fluent-bit:stable', essential: true, firelensConfiguration: { type: 'fluentbit' } });
    assert.match(fixed, /\n  \{\n    "name": "log_router",/); // indentation of the other containers
    assert.ok(codesOf(fixed).includes('image-mutable-tag') === false, ':stable is not in the default mutable list');
  });

  it('picks a free name and works inside a task definition', () => {
    const text = '{ "family": "f", "containerDefinitions": [ { "name": "log_router", "image": "a:1", "logConfiguration": { "logDriver": "awsfirelens" } } ] }';
    const fixed = applyFix(text, ID);
    assert.equal(JSON.parse(fixed).containerDefinitions[1].name, 'log_router-2');
  });

  it('silent with a router, or when a container is templated', () => {
    assert.equal(only(array.replace('"name": "worker", "image": "app:1.0",', '"name": "worker", "image": "app:1.0", "firelensConfiguration": { "type": "fluentd" },'), ID).length, 0);
    assert.equal(only(array.replace('\n]', ',\n  "${log_router}"\n]'), ID).length, 0);
  });
});
