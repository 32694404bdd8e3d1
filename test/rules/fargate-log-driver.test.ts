import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, expectRanges, only } from '../helpers/rule-fix';

const ID = 'fargate-log-driver';
const doc = (log: string, compat = '"FARGATE"', extra = '') =>
  `{\n  "family": "web",\n  "requiresCompatibilities": [${compat}],\n  "networkMode": "awsvpc",\n  "cpu": "256",\n  "memory": "512",${extra}\n  "containerDefinitions": [\n    {\n      "name": "web",\n      "image": "nginx:1.27",\n      "essential": true,\n      "logConfiguration": ${log}\n    }\n  ]\n}`;

describe(ID, () => {
  it('reports the driver value with the three choices', () => {
    const [d] = expectRanges(doc('{ "logDriver": ⟦"gelf"⟧ }'), ID);
    assert.equal(d.message, "Fargate only offers the awslogs, splunk and awsfirelens log drivers; 'gelf' is not available.");
  });

  it('"Switch to awslogs" writes driver and options in the surrounding layout, with a region from the file', () => {
    const text = doc('{\n        "logDriver": "json-file",\n        "options": { "max-size": "10m" }\n      }', '"FARGATE"', '\n  "executionRoleArn": "arn:aws:iam::123456789012:role/x",\n  "taskRoleArn": "arn:aws:iam::123456789012:role/y",\n  "volumes": [],\n  "tags": [{ "key": "region", "value": "eu-central-1" }],');
    const fixed = applyFix(text, ID);
    assert.ok(
      fixed.includes('"logDriver": "awslogs",\n        "options": {\n          "awslogs-group": "/ecs/web",\n          "awslogs-region": "eu-central-1",\n          "awslogs-stream-prefix": "ecs"\n        }'),
      fixed,
    );
    assert.deepEqual(only(fixed, 'fargate-awslogs-stream-prefix'), []);
  });

  it('inserts options when there are none; without a region it writes a placeholder the linter tolerates', () => {
    const fixed = applyFix(doc('{ "logDriver": "syslog" }'), ID);
    assert.ok(fixed.includes('{ "logDriver": "awslogs", "options": { "awslogs-group": "/ecs/web", "awslogs-region": "REPLACE_ME_REGION", "awslogs-stream-prefix": "ecs" } }'), fixed);
    assert.deepEqual(only(fixed, 'invalid-format').concat(only(fixed, 'awslogs-options')).filter((d) => d.severity === 'error'), []);
  });

  it('the invalid-enum report on the same value gives way', () => {
    const text = doc('{ "logDriver": "json_file" }');
    assert.equal(only(text, ID).length, 1);
    assert.deepEqual(only(text, 'invalid-enum-value'), []);
  });

  it('silent for allowed drivers, placeholders, EC2 and unknown launch types', () => {
    for (const d of ['awslogs", "options": { "awslogs-stream-prefix": "x', 'splunk', 'awsfirelens', '${driver}']) assert.deepEqual(only(doc(`{ "logDriver": "${d}" }`), ID), [], d);
    assert.deepEqual(only(doc('{ "logDriver": "json-file" }', '"EC2"'), ID), []);
    assert.deepEqual(only(doc('{ "logDriver": "json-file" }', ''), ID), []);
  });
});
