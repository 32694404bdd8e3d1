import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, expectRanges, only } from '../helpers/rule-fix';

const ID = 'log-configuration-missing';
const AWSLOGS = '"logConfiguration": { "logDriver": "awslogs", "options": { "awslogs-group": "/ecs/shop", "awslogs-region": "eu-west-3", "awslogs-stream-prefix": "web" } }';

describe(ID, () => {
  it('information on the name of each container without logConfiguration', () => {
    const ds = expectRanges(`[{ "name": ⟦"a"⟧, "image": "a:1" }, { "name": "b", "image": "b:1", ${AWSLOGS} }, { "name": ⟦"c"⟧, "image": "c:1" }]`, ID);
    assert.ok(ds.every((d) => d.severity === 'information'));
    assert.equal(ds[0].message, "'a' has no logConfiguration, so its output is lost; add a log driver such as awslogs (Security Hub ECS.9).");
  });

  it('fix copies the awslogs settings of another container, and says so', () => {
    const text = `{ "family": "shop", "containerDefinitions": [{ "name": "web", "image": "w:1", "memory": 64, ${AWSLOGS} }, { "name": "cron", "image": "c:1", "memory": 64 }] }`;
    const [d] = only(text, ID);
    assert.deepEqual(d.diagnostic.fixes?.map((f) => f.title), ["Add awslogs like 'web' (group /ecs/shop)"]);
    const cron = JSON.parse(applyFix(text, ID)).containerDefinitions[1];
    assert.deepEqual(cron.logConfiguration, { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/shop', 'awslogs-region': 'eu-west-3', 'awslogs-stream-prefix': 'web' } });
  });

  it('without a model: a template with the family as group and the Region of the document; on Fargate it adds the execution role', () => {
    const text = '{ "family": "shop", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc", "cpu": "256", "memory": "512",\n  "containerDefinitions": [{ "name": "web", "image": "123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1.0" }] }';
    const [d] = only(text, ID);
    assert.equal(d.diagnostic.fixes?.[0].title, "Add awslogs to '/ecs/shop' (assumed group; it must exist) (and add executionRoleArn, role name assumed: ecsTaskExecutionRole)");
    const fixed = applyFix(text, ID, 'Add awslogs to');
    const task = JSON.parse(fixed);
    assert.deepEqual(task.containerDefinitions[0].logConfiguration.options, { 'awslogs-group': '/ecs/shop', 'awslogs-region': 'eu-west-1', 'awslogs-stream-prefix': 'ecs' });
    assert.equal(task.executionRoleArn, 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole');
    assert.deepEqual(only(fixed, 'awslogs-options').concat(only(fixed, 'execution-role-required'), only(fixed, 'fargate-awslogs-stream-prefix')), []);
  });

  it('a container array has no family: the container name is the group; the Region falls back to a placeholder', () => {
    const fixed = applyFix('[{ "name": "api", "image": "api:1" }]', ID, "Add awslogs to '/ecs/api'");
    assert.deepEqual(JSON.parse(fixed)[0].logConfiguration.options['awslogs-region'], '${AWS_REGION}');
  });

  it('the assumed group is a valid log group name whatever the family holds', () => {
    const fixed = applyFix('{ "family": "bad family!", "containerDefinitions": [{ "name": "x", "image": "x:1", "memory": 64 }] }', ID, "Add awslogs to '/ecs/bad-family'");
    assert.equal(JSON.parse(fixed).containerDefinitions[0].logConfiguration.options['awslogs-group'], '/ecs/bad-family');
    assert.equal(only(fixed, 'awslogs-options').length, 0);
  });

  it('a model with an invalid Region or group is not copied (the template is offered instead)', () => {
    const text = `[{ "name": "web", "image": "w:1", "logConfiguration": { "logDriver": "awslogs", "options": { "awslogs-group": "/ecs/web", "awslogs-region": "Ireland" } } }, { "name": "cron", "image": "c:1" }]`;
    assert.deepEqual(only(text, ID)[0].diagnostic.fixes?.map((f) => f.title), ["Add awslogs to '/ecs/cron' (assumed group; it must exist)"]);
  });

  it('any logConfiguration counts: other drivers, awsfirelens, null and placeholders', () => {
    for (const v of ['{ "logDriver": "awsfirelens" }', '{ "logDriver": "splunk", "options": {} }', 'null', '"${log_config}"']) {
      assert.equal(only(`[{ "name": "a", "image": "a:1", "logConfiguration": ${v} }]`, ID).length, 0, v);
    }
  });
});
