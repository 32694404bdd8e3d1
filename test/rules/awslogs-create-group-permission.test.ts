import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expectRanges, only } from '../helpers/rule-fix';

const ID = 'awslogs-create-group-permission';
const container = (value: string, driver = 'awslogs') =>
  `{ "name": "app", "image": "app:1.0", "memory": 256, "logConfiguration": { "logDriver": "${driver}", "options": { "awslogs-group": "/ecs/app", "awslogs-create-group": ${value} } } }`;
const task = (launch: string, value: string) => `{ "family": "app",${launch} "networkMode": "awsvpc", "cpu": "256", "memory": "512",\n  "containerDefinitions": [${container(value)}] }`;

describe(ID, () => {
  it('hint on the option value, naming the role for the launch type', () => {
    const [f] = expectRanges(task(' "requiresCompatibilities": ["FARGATE"],', '⟦"true"⟧'), ID);
    assert.equal(f.severity, 'hint');
    assert.equal(f.message, 'awslogs-create-group needs logs:CreateLogGroup, which the managed policy lacks; grant it to the execution role.');
    assert.match(only(task(' "requiresCompatibilities": ["EC2"],', '"true"'), ID)[0].message, /grant it to the container instance role\.$/);
    assert.match(only(task(' "requiresCompatibilities": ["EC2", "EXTERNAL"],', '"true"'), ID)[0].message, /grant it to the execution role or the container instance role\.$/);
    assert.match(only(`[${container('"true"')}]`, ID)[0].message, /grant it to the execution role \(on EC2: the container instance role\)\.$/);
  });

  it('Docker boolean spellings count; false, other drivers and placeholders do not', () => {
    for (const v of ['"1"', '"t"', '"TRUE"', '"True"']) assert.equal(only(`[${container(v)}]`, ID).length, 1, v);
    for (const v of ['"false"', '"0"', '"${CREATE}"', 'true']) assert.equal(only(`[${container(v)}]`, ID).length, 0, v);
    assert.equal(only(`[${container('"true"', 'awsfirelens')}]`, ID).length, 0);
  });
});
