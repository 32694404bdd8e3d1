import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, expectRanges, only } from '../helpers/rule-fix';

const ID = 'role-confusion';
const FARGATE = '"requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc", "cpu": "256", "memory": "512",';
const AWSLOGS = '"logConfiguration": { "logDriver": "awslogs", "options": { "awslogs-group": "/ecs/api", "awslogs-region": "eu-west-1", "awslogs-stream-prefix": "api" } }';
const doc = (roles: string, container = '"memory": 256') =>
  `{\n  "family": "api", ${FARGATE}\n${roles}\n  "containerDefinitions": [{ "name": "api", "image": "api:1.0", ${container} }]\n}`;

describe(ID, () => {
  it('(a) same role in both fields, ARN vs bare name, case-insensitive: on taskRoleArn', () => {
    const [d] = expectRanges(doc('  "taskRoleArn": ⟦"arn:aws:iam::123456789012:role/EcsTaskExecutionRole"⟧,\n  "executionRoleArn": "ecsTaskExecutionRole",'), ID);
    assert.equal(d.severity, 'information', 'it works; least-privilege advice');
    assert.equal(d.message, "The task and the ECS agent share role 'EcsTaskExecutionRole'; give the task its own role so your app does not hold the agent's rights.");
    assert.equal(d.diagnostic.related?.length, 1);
    assert.equal(d.diagnostic.fixes, undefined);
  });

  it('(a) different accounts are different roles', () => {
    assert.equal(only(doc('  "taskRoleArn": "arn:aws:iam::111111111111:role/app",\n  "executionRoleArn": "arn:aws:iam::222222222222:role/app",'), ID).length, 0);
  });

  it('(b) an execution-looking task role while the execution role is needed; move is preferred', () => {
    const text = doc('  "taskRoleArn": ⟦"arn:aws:iam::123456789012:role/api-execution-role"⟧,', AWSLOGS);
    const [d] = expectRanges(text, ID);
    assert.equal(d.message, "'api-execution-role' looks like an execution role but is set as taskRoleArn; executionRoleArn is empty.");
    const clean = text.replace(/[⟦⟧]/g, '');
    const moved = applyFix(clean, ID, 'Use it as executionRoleArn');
    const parsed = JSON.parse(moved);
    assert.equal(parsed.executionRoleArn, 'arn:aws:iam::123456789012:role/api-execution-role');
    assert.equal(parsed.taskRoleArn, undefined);
    assert.equal(only(moved, 'execution-role-required').length, 0);
    assert.deepEqual(d.diagnostic.fixes?.map((f) => f.title), ['Use it as executionRoleArn']);
  });

  it('(b) move fills an empty executionRoleArn and removes taskRoleArn', () => {
    const text = doc('  "executionRoleArn": "", // set by CI\n  "taskRoleArn": "ecsTaskExecutionRole",', AWSLOGS);
    const fixed = applyFix(text, ID);
    assert.match(fixed, /"executionRoleArn": "ecsTaskExecutionRole", \/\/ set by CI\n  "containerDefinitions"/);
    const parsed = JSON.parse(fixed.replace('// set by CI', ''));
    assert.equal(parsed.executionRoleArn, 'ecsTaskExecutionRole');
    assert.ok(!('taskRoleArn' in parsed));
  });

  it('(b) silent when nothing needs the execution role', () => {
    assert.equal(only(doc('  "taskRoleArn": "api-execution-role",'), ID).length, 0);
  });

  it('(c) roles tasks cannot assume, in either field', () => {
    const ds = expectRanges(doc('  "executionRoleArn": ⟦"ecsServiceRole"⟧,\n  "taskRoleArn": ⟦"arn:aws:iam::123456789012:role/MyEcsInstanceRole"⟧,'), ID);
    assert.match(ds[0].message, /^'ecsServiceRole' is the legacy ECS service role/);
    assert.match(ds[1].message, /^'MyEcsInstanceRole' is a container instance role \(trusted by ec2\.amazonaws\.com\); ECS tasks cannot assume it\.$/);
  });

  it('placeholders are never compared', () => {
    assert.equal(only(doc('  "taskRoleArn": "${ROLE}",\n  "executionRoleArn": "${ROLE}",'), ID).length, 0);
  });
});
