import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, expectRanges, only } from '../helpers/rule-fix';

const ID = 'fargate-awslogs-stream-prefix';
const doc = (log: string, compat = '"FARGATE"') =>
  `{\n  "family": "tiny",\n  "requiresCompatibilities": [${compat}],\n  "networkMode": "awsvpc",\n  "cpu": "256",\n  "memory": "512",\n  "containerDefinitions": [\n    {\n      "name": "tiny",\n      "image": "busybox:1.36",\n      "essential": true,\n      "logConfiguration": ${log}\n    }\n  ]\n}`;
const OPTIONS = '{\n        "logDriver": "awslogs",\n        "options": {\n          "awslogs-group": "/ecs/tiny",\n          "awslogs-region": "eu-west-1"\n        }\n      }';

describe(ID, () => {
  it('missing prefix: reported on the options key, message names the stream layout', () => {
    const [d] = expectRanges(doc(OPTIONS.replace('"options"', '⟦"options"⟧')), ID);
    assert.equal(d.message, "On Fargate the awslogs driver needs 'awslogs-stream-prefix'; streams are then named <prefix>/tiny/<task-id>.");
    assert.deepEqual(d.diagnostic.fixes!.map((f) => `${f.preferred ? '*' : ''}${f.title}`), ["*Add awslogs-stream-prefix 'ecs'", "Add awslogs-stream-prefix 'tiny'"]);
  });

  it('each fix adds the option in the existing layout', () => {
    const fixed = applyFix(doc(OPTIONS), ID);
    assert.ok(fixed.includes('"awslogs-region": "eu-west-1",\n          "awslogs-stream-prefix": "ecs"\n        }'), fixed);
    assert.ok(applyFix(doc(OPTIONS), ID, "'tiny'").includes('"awslogs-stream-prefix": "tiny"'));
  });

  it('no options at all, null options, or an empty prefix', () => {
    const none = doc('{ "logDriver": "awslogs" }');
    assert.equal(only(none, ID)[0].text, '"logConfiguration"');
    assert.ok(applyFix(none, ID).includes('{ "logDriver": "awslogs", "options": { "awslogs-stream-prefix": "ecs" } }'));
    const nulled = doc('{ "logDriver": "awslogs", "options": null }');
    assert.ok(applyFix(nulled, ID).includes('"options": { "awslogs-stream-prefix": "ecs" }'));
    const empty = doc('{ "logDriver": "awslogs", "options": { "awslogs-stream-prefix": "" } }');
    assert.equal(only(empty, ID)[0].text, '""');
    assert.deepEqual(only(empty, 'null-value'), []);
    assert.ok(applyFix(empty, ID).includes('"awslogs-stream-prefix": "ecs"'));
  });

  it('silent with a prefix (also a placeholder), other drivers, templated options, EC2 and unknown launch', () => {
    assert.deepEqual(only(doc('{ "logDriver": "awslogs", "options": { "awslogs-stream-prefix": "${prefix}" } }'), ID), []);
    assert.deepEqual(only(doc('{ "logDriver": "awsfirelens" }'), ID), []);
    assert.deepEqual(only(doc('{ "logDriver": "awslogs", "options": "${log_options}" }'), ID), []);
    assert.deepEqual(only(doc(OPTIONS, '"EC2"'), ID), []);
    assert.deepEqual(only(doc(OPTIONS, ''), ID), []);
  });
});
