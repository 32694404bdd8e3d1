import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, expectRanges, only } from '../helpers/rule-fix';

const ID = 'execution-role-required';
const task = (top: string, container: string) =>
  `{\n  "family": "api",${top}\n  "containerDefinitions": [\n    { "name": "api", "image": "api:1.0", "memory": 256${container} }\n  ]\n}`;
const FARGATE = '\n  "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc", "cpu": "256", "memory": "512",';
const AWSLOGS = ', "logConfiguration": { "logDriver": "awslogs", "options": { "awslogs-group": "/ecs/api", "awslogs-region": "eu-west-1", "awslogs-stream-prefix": "api" } }';

describe(ID, () => {
  it('one diagnostic per container on its first trigger key, related lists every trigger', () => {
    const text = task(FARGATE, `, ⟦"logConfiguration"⟧: { "logDriver": "awslogs", "secretOptions": [{ "name": "tok", "valueFrom": "/tok" }] }, "secrets": [{ "name": "A", "valueFrom": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:a" }]`);
    const [d] = expectRanges(text, ID);
    assert.equal(d.severity, 'error');
    assert.equal(d.message, "Container 'api' uses awslogs, a log-driver secret and 1 more but executionRoleArn is not set, so ECS refuses to register it; add a task execution role.");
    assert.ok(d.message.length <= 160);
    assert.deepEqual(d.diagnostic.related?.map((r) => r.message), [
      'awslogs: AmazonECSTaskExecutionRolePolicy covers it; also logs:CreateLogGroup if awslogs-create-group is "true"',
      'a log-driver secret: the role needs ssm:GetParameters and secretsmanager:GetSecretValue, not in the managed policy; also kms:Decrypt if a customer-managed KMS key encrypts it',
      'a Secrets Manager secret: the role needs secretsmanager:GetSecretValue, not in the managed policy; also kms:Decrypt if a customer-managed KMS key encrypts it',
    ]);
    assert.equal(d.diagnostic.related?.length, 3);
  });

  it('ECR and awslogs trigger on Fargate but not on EC2 or unknown launch; secrets trigger everywhere', () => {
    const ecr = ', "image": "123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:1"';
    assert.equal(only(task(FARGATE, AWSLOGS), ID).length, 1);
    assert.equal(only(task(FARGATE, ecr), ID).length, 1);
    assert.equal(only(task('\n  "requiresCompatibilities": ["EXTERNAL"],', AWSLOGS), ID).length, 1);
    assert.equal(only(task('\n  "requiresCompatibilities": ["EC2"],', AWSLOGS + ecr), ID).length, 0);
    assert.equal(only(task('', AWSLOGS + ecr), ID).length, 0);
    assert.equal(only(task('\n  "requiresCompatibilities": ["EC2"],', ', "secrets": [{ "name": "A", "valueFrom": "/a" }]'), ID).length, 1);
    assert.equal(only(task('', ', "repositoryCredentials": { "credentialsParameter": "dockerhub" }'), ID).length, 1);
  });

  it('empty values and a templated list are not triggers; a placeholder role counts as set', () => {
    assert.equal(only(task(FARGATE, ', "secrets": [], "environmentFiles": null, "repositoryCredentials": { "credentialsParameter": "" }, "credentialSpecs": [""]'), ID).length, 0);
    assert.equal(only(task('', ', "secrets": "<SECRETS>"'), ID).length, 0);
    assert.equal(only(task('', ', "secrets": [{ "name": "", "valueFrom": "" }]'), ID).length, 0);
    assert.equal(only(task(`${FARGATE} "executionRoleArn": "\${EXEC_ROLE}",`, AWSLOGS), ID).length, 0);
    assert.equal(only(task(`${FARGATE} "executionRoleArn": null,`, AWSLOGS), ID).length, 1);
  });

  it('fix inserts a role ARN with the account found in the document; applying it clears every container', () => {
    const text = task(FARGATE, ', "image": "123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:1"');
    const fixed = applyFix(text, ID, 'Add executionRoleArn');
    assert.equal(JSON.parse(fixed).executionRoleArn, 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole');
    assert.equal(only(fixed, ID).length, 0);
  });

  it('fix falls back to an ${AWS_ACCOUNT_ID} placeholder, replaces a null value and keeps comments', () => {
    const text = `// deploy template\n${task(`${FARGATE}\n  "executionRoleArn": null, // filled later`, AWSLOGS)}`;
    const fixed = applyFix(text, ID);
    assert.match(fixed, /"executionRoleArn": "arn:aws:iam::\$\{AWS_ACCOUNT_ID\}:role\/ecsTaskExecutionRole", \/\/ filled later/);
    assert.match(fixed, /^\/\/ deploy template/);
  });

  it('the fix title says which role name it assumed, and whether the account is left to fill in', () => {
    const [d] = only(task(`${FARGATE} "taskRoleArn": "arn:aws:iam::123456789012:role/api-task",`, AWSLOGS), ID);
    assert.equal(d.diagnostic.fixes?.[0].title, 'Add executionRoleArn (role name assumed: ecsTaskExecutionRole)');
    assert.equal(d.diagnostic.fixes?.[0].preferred, true);
    const [p] = only(task(FARGATE, AWSLOGS), ID);
    assert.equal(p.diagnostic.fixes?.[0].title, 'Add executionRoleArn (role name assumed: ecsTaskExecutionRole; fill in the account)');
    const [e] = only(task(`${FARGATE} "taskRoleArn": "arn:aws:iam::123456789012:role/api-execution",`, AWSLOGS), ID);
    assert.equal(e.diagnostic.fixes?.[0].preferred, false, 'role-confusion offers the preferred move instead');
  });

  it('the fix puts executionRoleArn beside taskRoleArn, or after family, not at the end', () => {
    const withTaskRole = `{\n  "family": "api",\n  "taskRoleArn": "arn:aws:iam::123456789012:role/api-task", // the app's role\n  "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc", "cpu": "256", "memory": "512",\n  "containerDefinitions": [\n    { "name": "api", "image": "api:1.0", "memory": 256${AWSLOGS} }\n  ]\n}`;
    const fixed = applyFix(withTaskRole, ID);
    assert.match(fixed, /"taskRoleArn": "arn:aws:iam::123456789012:role\/api-task", \/\/ the app's role\n  "executionRoleArn": "arn:aws:iam::123456789012:role\/ecsTaskExecutionRole",\n  "requiresCompatibilities"/);
    const afterFamily = applyFix(task(FARGATE, AWSLOGS), ID);
    assert.match(afterFamily, /^\{\n  "family": "api",\n  "executionRoleArn": "arn:aws:iam::\$\{AWS_ACCOUNT_ID\}:role\/ecsTaskExecutionRole",\n  "requiresCompatibilities"/);
  });

  it('describe output: the fix goes inside the taskDefinition wrapper', () => {
    const text = `{ "taskDefinition": ${task(FARGATE, AWSLOGS)} }`;
    const fixed = applyFix(text, ID);
    assert.ok(JSON.parse(fixed).taskDefinition.executionRoleArn);
  });

  it('container arrays are not checked (no task-level context)', () => {
    assert.equal(only('// ecs-taskdef: launchType=FARGATE\n[{ "name": "a", "image": "a:1", "secrets": [{ "name": "A", "valueFrom": "/a" }] }]', ID).length, 0);
  });
});
