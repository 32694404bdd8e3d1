/**
 * Inputs the fuzz run found (minimized), one per fixed defect: each fix of the rule must now satisfy the fix
 * properties (parses, keeps comments, no new errors of another rule), plus the specific expectation.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyTextEdits } from '../../server/src/core/fixes/edits';
import { jsonInsertPropertyEdits } from '../../server/src/core/fixes/layout-edits';
import { lint } from '../../server/src/core/lint';
import { parseTree, type Node } from 'jsonc-parser';
import type { Diagnostic } from '../../server/src/core/types';
import { checkCore, checkFix, commentsOf } from './properties';
import { checkJsonTemplateFixes } from './yaml-templates';

/** Every fix of every `rule` diagnostic passes the fix properties; returns the diagnostics. */
function fixesHold(text: string, rule: string): Diagnostic[] {
  const out = checkCore(text);
  const ds = out.diagnostics.filter((d) => d.code === rule);
  assert.ok(ds.length > 0, `${rule} does not fire: ${JSON.stringify(out.diagnostics.map((d) => d.code))}`);
  for (const d of ds) for (const f of d.fixes ?? []) checkFix(text, out, d, f);
  return ds;
}
const titles = (ds: Diagnostic[]) => ds.flatMap((d) => (d.fixes ?? []).map((f) => f.title));
const apply = (text: string, d: Diagnostic, title: string) => applyTextEdits(text, d.fixes!.find((f) => f.title.startsWith(title))!.edits);

describe('fix regressions found by the fuzz run', () => {
  it('setting a key that stands once without a value and once with one edits the valued one (no endless hand-back)', () => {
    // Broken text as typed: `"networkMode"` with no value, then the complete member (the fuzz found a NUL-led copy).
    const text = '{"networkMode" "family": "web", "networkMode": "bridge"}';
    const root = parseTree(text, [], { allowTrailingComma: true }) as Node;
    const keys = (root.children ?? []).map((p) => `${p.children?.[0]?.value}:${p.children?.length}`);
    assert.ok(keys.includes('networkMode:1') && keys.includes('networkMode:2'), JSON.stringify(keys));
    const edits = jsonInsertPropertyEdits(text, root, 'networkMode', 'awsvpc');
    assert.equal(applyTextEdits(text, edits), '{"networkMode" "family": "web", "networkMode": "awsvpc"}');
  });

  it('a template fix that removes one of two identical links counts as gone (its twin moves into its place)', () => {
    const template = JSON.stringify({
      Resources: { TaskDef: { Type: 'AWS::ECS::TaskDefinition', Properties: { ContainerDefinitions: [{ Name: 'web', Image: 'nginx:1.27', Links: ['app-container:app-container', 'app-container:app-container'] }] } } },
    }, null, 2);
    const out = lint(template, { fileName: 'stack.json' });
    assert.equal(out.diagnostics.filter((d) => d.code === 'links-unknown-container').length, 2, JSON.stringify(out.diagnostics.map((d) => d.code)));
    checkJsonTemplateFixes(template);
  });

  it('depends-on-unknown-container: HEALTHY never renames to a container without a healthCheck', () => {
    const task = (check: string) =>
      `{ "containerDefinitions": [ { "name": "CAP_SYS_ADMIN", "image": "a:1"${check} }, { "name": "web", "image": "b:1", "dependsOn": [ { "containerName": "SYS_ADMIN", "condition": "HEALTHY" } ] } ] }`;
    const [without] = fixesHold(task(''), 'depends-on-unknown-container');
    assert.deepEqual(titles([without]), ['Remove this dependency']);
    const [withCheck] = fixesHold(task(', "healthCheck": { "command": ["CMD-SHELL", "true"] }'), 'depends-on-unknown-container');
    assert.ok(titles([withCheck]).includes("Change to 'CAP_SYS_ADMIN'"), JSON.stringify(titles([withCheck])));
  });

  it('fargate-log-driver: the log group made from an invalid family is still a valid log group name', () => {
    const text = '{ "family": "bad family!", "requiresCompatibilities": ["FARGATE"], "cpu": "256", "memory": "512", "networkMode": "awsvpc", "containerDefinitions": [ { "name": "web", "image": "nginx:1.27", "logConfiguration": { "logDriver": "fluentd" } } ] }';
    const [d] = fixesHold(text, 'fargate-log-driver');
    assert.match(apply(text, d, 'Switch to awslogs'), /"awslogs-group": "\/ecs\/bad-family"/);
  });

  it('a fix that adds a key the object already holds as null replaces that value (no duplicate key)', () => {
    const text = '{ "containerDefinitions": [ { "readonlyRootFilesystem": null } ] }';
    const [d] = fixesHold(text, 'readonly-root-filesystem');
    const fixed = apply(text, d, 'Set readonlyRootFilesystem');
    assert.equal(fixed, '{ "containerDefinitions": [ { "readonlyRootFilesystem": true } ] }');
    assert.ok(!lint(fixed).diagnostics.some((x) => x.code === 'duplicate-key'));
  });

  it('wrong-type: no conversion whose result the schema or a format check rejects', () => {
    assert.ok(!titles(fixesHold('{ "family": "web", "memory": true, "containerDefinitions": [] }', 'wrong-type')).some((t) => t.startsWith('Convert')));
    assert.ok(!titles(fixesHold('[{ "name": "a", "image": "b", "credentialSpecs": [true] }]', 'wrong-type')).some((t) => t.startsWith('Convert')));
    assert.deepEqual(titles(fixesHold('[{ "name": "a", "image": "b", "environment": [{ "name": "DEBUG", "value": true }] }]', 'wrong-type')), ['Convert to string "true"']);
  });

  it('removing the last element keeps a comment that sits before it', () => {
    const text = '[\n  { "name": "a", "image": "b", "essential": true, "dependsOn": [\n    { "containerName": "x", "condition": "START" }, /* b11 */ { "containerName": "y", "condition": "START" }\n  ] }\n]';
    const ds = fixesHold(text, 'depends-on-unknown-container');
    const fixed = apply(text, ds[ds.length - 1], 'Remove this dependency');
    assert.ok(fixed.includes('/* b11 */'), fixed);
  });

  it('health-check-command: merging into CMD-SHELL keeps the comments between the elements', () => {
    const text = '[{ "name": "a", "image": "b", "essential": true, "healthCheck": { "command": [\n  "curl", // c1\n  /* b2 */ "-f", "http://localhost/"\n] } }]';
    const [d] = fixesHold(text, 'health-check-command');
    const fixed = apply(text, d, 'Convert to CMD-SHELL');
    assert.deepEqual(commentsOf(fixed).map((c) => c.text), ['// c1', '/* b2 */']);
    assert.match(fixed, /"CMD-SHELL", "curl -f http:\/\/localhost\/"/);
  });

  it('container-memory-required: the task memory it adds covers the largest hard limit', () => {
    const [d] = fixesHold('{ "family": "w", "containerDefinitions": [ { "name": "a", "image": "b", "memory": 2048, "memoryReservation": 2 }, { "name": "c", "image": "d" } ] }', 'container-memory-required');
    assert.ok(titles([d]).includes('Add task-level memory: "2048"'), JSON.stringify(titles([d])));
  });

  it('fargate-task-size-required: container cpu written as a string counts; no lone memory that cannot hold the containers', () => {
    const [d] = fixesHold('{ "family": "w", "requiresCompatibilities": ["FARGATE"], "containerDefinitions": [ { "name": "a", "image": "b", "cpu": "4096" } ] }', 'fargate-task-size-required');
    assert.deepEqual(titles([d]), ['Add cpu 4096 / memory 8192 (the smallest size that fits the containers)']);
    const [e] = fixesHold('{ "family": "w", "requiresCompatibilities": ["FARGATE"], "cpu": "256", "containerDefinitions": [ { "name": "a", "image": "b", "memoryReservation": 65535 } ] }', 'fargate-task-size-required');
    assert.deepEqual(titles([e]), []);
  });

  it('container-memory-too-small and memory-reservation-exceeds-memory: raised values stay within the hard limit and the task', () => {
    const [d] = fixesHold('[{ "name": "a", "image": "b", "memory": 4, "memoryReservation": 2 }]', 'container-memory-too-small').filter((x) => x.message.startsWith('memoryReservation'));
    assert.deepEqual(titles([d]), []);
    const ds = fixesHold('{ "family": "w", "memory": "1024", "containerDefinitions": [ { "name": "a", "image": "b", "memory": 512, "memoryReservation": 2048 } ] }', 'memory-reservation-exceeds-memory');
    assert.deepEqual(titles(ds), ['Set memoryReservation to 512']);
  });

  it('references: never suggest an invalid name, a loop, or an essential container to wait for with COMPLETE', () => {
    fixesHold('{ "family": "w", "containerDefinitions": [ { "name": "a b", "image": "x" }, { "name": "c", "image": "x", "volumesFrom": [ { "sourceContainer": "a" } ] } ] }', 'volumes-from-unknown-container');
    const loop = fixesHold('[ { "name": "b", "image": "x", "dependsOn": [ { "containerName": "c", "condition": "START" } ] }, { "name": "c", "image": "x", "dependsOn": [ { "containerName": "bb", "condition": "START" } ] } ]', 'depends-on-unknown-container');
    assert.ok(!titles(loop).includes("Change to 'b'"));
    const mount = fixesHold('{ "family": "w", "containerDefinitions": [ { "name": "a", "image": "x", "mountPoints": [ { "sourceVolume": "a b", "containerPath": "/d" } ] } ] }', 'mount-point-unknown-volume');
    assert.ok(!titles(mount).some((t) => t.startsWith('Declare')));
  });

  it('essential flags: never leave no essential container, never make a waited-for container essential', () => {
    fixesHold('[ { "name": "web", "image": "x", "essential": true, "dependsOn": [ { "containerName": "init", "condition": "COMPLETE" } ] }, { "name": "init", "image": "x", "essential": true } ]', 'depends-on-complete-essential');
    const [d] = fixesHold('[ { "name": "web", "image": "x", "essential": false, "dependsOn": [ { "containerName": "init", "condition": "SUCCESS" } ] }, { "name": "init", "image": "x", "essential": false } ]', 'no-essential-container');
    assert.deepEqual(titles([d]), ["Make 'web' essential"]);
  });

  it('firelens-container-missing: the router gets memory when the task has none, and a name nothing refers to', () => {
    const text = '{ "family": "w", "containerDefinitions": [ { "name": "app", "image": "x", "memory": 128, "logConfiguration": { "logDriver": "awsfirelens" }, "dependsOn": [ { "containerName": "log_router", "condition": "START" } ] } ] }';
    const [d] = fixesHold(text, 'firelens-container-missing');
    const fixed = apply(text, d, 'Add a Fluent Bit log router');
    assert.match(fixed, /"name": "log_router-2"/);
    assert.match(fixed, /"memoryReservation": 50/);
  });

  it('network-mode-incompatible: a host-mode mapping with only a range goes whole', () => {
    const [d] = fixesHold('{ "family": "w", "networkMode": "host", "containerDefinitions": [ { "name": "a", "image": "x", "portMappings": [ { "containerPortRange": "8000-8010" } ] } ] }', 'network-mode-incompatible');
    assert.deepEqual(titles([d]), ['Remove this port mapping']);
  });

  it('switching to awslogs or moving a value to secrets also adds the missing execution role', () => {
    const ds = fixesHold('{ "family": "w", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc", "cpu": "256", "memory": "512", "containerDefinitions": [ { "name": "a", "image": "x", "logConfiguration": { "logDriver": "fluentd" } } ] }', 'fargate-log-driver');
    assert.deepEqual(titles(ds), ['Switch to awslogs (and add executionRoleArn, role name assumed: ecsTaskExecutionRole)']);
    const ps = fixesHold('{ "family": "w", "containerDefinitions": [ { "name": "a", "image": "x", "memory": 128, "environment": [ { "name": "DB_PASSWORD", "value": "hunter2" } ] } ] }', 'plaintext-secret');
    assert.deepEqual(titles(ps), ['Move to secrets (and add executionRoleArn, role name assumed: ecsTaskExecutionRole)']);
  });

  it('efs-transit-encryption: no fix on a volume that is also another kind', () => {
    fixesHold('{ "family": "w", "containerDefinitions": [ { "name": "a", "image": "x", "memory": 128 } ], "volumes": [ { "name": "v", "host": {}, "efsVolumeConfiguration": { "fileSystemId": "fs-12345678" } } ] }', 'efs-transit-encryption');
  });

  it('task sizes: fixes never go below what the containers reserve', () => {
    fixesHold('{ "family": "w", "requiresCompatibilities": ["FARGATE"], "cpu": "4096", "memory": "512", "containerDefinitions": [ { "name": "a", "image": "x", "cpu": 4096 } ] }', 'fargate-cpu-memory');
    const [d] = fixesHold('{ "family": "w", "memory": "1024", "containerDefinitions": [ { "name": "a", "image": "x", "memory": 2048, "memoryReservation": 2048 } ] }', 'container-memory-exceeds-task');
    assert.equal(titles([d])[0], 'Lower memory and memoryReservation to 1024');
    const [c] = fixesHold('{ "family": "w", "cpu": "1024", "containerDefinitions": [ { "name": "a", "image": "x", "cpu": 3.5 }, { "name": "b", "image": "x", "cpu": 1024 } ] }', 'container-cpu-exceeds-task');
    assert.ok(titles([c]).every((t) => !/\.\d/.test(t)), JSON.stringify(titles([c])));
  });

  it('value-out-of-range: a port is not clamped to another port', () => {
    const ds = fixesHold('[ { "name": "a", "image": "x", "portMappings": [ { "containerPort": 80, "hostPort": 65535 } ] }, { "name": "b", "image": "x", "portMappings": [ { "containerPort": 81, "hostPort": 70000 } ] } ]', 'value-out-of-range');
    assert.deepEqual(titles(ds), []);
  });

  it('inserting into an unclosed or commented empty object keeps what is there', () => {
    const text = '{ "family": "w", "containerDefinitions": [ { "name": "a", "image": "x", "memory": 128, "logConfiguration": { /* later */ } } ] }';
    checkCore(text);
    const typing = '{"family":"web","requiresCompatibilities":["EC2"],"containerDefinitions":[{"name":"a","image":"b"},{';
    for (const d of lint(typing).diagnostics) for (const f of d.fixes ?? []) for (const e of f.edits) assert.ok(e.length >= 0, `${d.code}: ${JSON.stringify(e)}`);
  });

  it('an unclosed comment is reported inside the document', () => {
    const [d] = lint('/*').diagnostics;
    assert.deepEqual(d.range, { offset: 0, length: 2 });
  });

  it('awsvpc-host-port: no "Set hostPort" to a containerPort that is no port', () => {
    const text = '{ "networkMode": "awsvpc", "containerDefinitions": [ { "name": "a", "image": "b", "portMappings": [ { "containerPort": 1000000000, "hostPort": 0 } ] } ] }';
    assert.deepEqual(titles(fixesHold(text, 'awsvpc-host-port')), ['Remove hostPort']);
    const ok = text.replace('1000000000', '8080');
    assert.deepEqual(titles(fixesHold(ok, 'awsvpc-host-port')), ['Remove hostPort', 'Set hostPort to 8080']);
  });

  it('plaintext-secret: no "Move to secrets" while the name is set twice in environment (it would collide with the secret)', () => {
    const text = '[{ "name": "a", "image": "b", "memory": 512, "environment": [ { "name": "API_KEY" }, { "name": "API_KEY", "value": "{{API_KEY}}" } ] }]';
    assert.deepEqual(titles(fixesHold(text, 'plaintext-secret')), []);
    const once = '[{ "name": "a", "image": "b", "memory": 512, "environment": [ { "name": "API_KEY", "value": "{{API_KEY}}" } ] }]';
    assert.ok(titles(fixesHold(once, 'plaintext-secret'))[0].startsWith('Move to secrets'));
  });
});

describe('template fix checks found by the fuzz run', () => {
  it('a `#` inside a JSON template string is no comment: fixes on its line pass the JSON template fix check', () => {
    const text = '{"Resources":{"T":{"Type":"AWS::ECS::TaskDefinition","Properties":{"ContainerDefinitions":[{"Name":"a","Image":"b:1","Memory":512,"Command":["echo <body style=background-color: #333;>"]}]}}}}';
    const fixes = lint(text, { fileName: 'stack.template.json' }).diagnostics.flatMap((d) => d.fixes ?? []);
    assert.ok(fixes.length > 0);
    checkJsonTemplateFixes(text);
  });
});
