import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { completeAt, type CompletionEntry } from '../../server/src/core/completion';
import { applyTextEdits } from '../../server/src/core/fixes/edits';
import { lintAtCursor } from './cursor';

function complete(marked: string): { items: CompletionEntry[]; text: string } {
  const { output, offset, text } = lintAtCursor(marked);
  return { items: completeAt(output, offset), text };
}

const labels = (marked: string) => complete(marked).items.map((i) => i.label);

/** The text after accepting the item labelled `label` (snippet placeholders removed). */
function accept(marked: string, label: string): string {
  const { items, text } = complete(marked);
  const item = items.find((i) => i.label === label);
  assert.ok(item, `no item ${label} in ${items.map((i) => i.label)}`);
  const insert = item.insertText.replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1').replace(/\$\d+/g, '');
  return applyTextEdits(text, [{ offset: item.range.offset, length: item.range.length, content: insert }]);
}

const fargate = (body: string) => `{
  "family": "web",
  "requiresCompatibilities": ["FARGATE"],
  ${body}
}`;

describe('completion: property names', () => {
  it('offers task-level keys not yet present, with type and docs', () => {
    const { items } = complete('{ "family": "x", | }');
    const names = items.map((i) => i.label);
    assert.ok(names.includes('networkMode') && names.includes('containerDefinitions') && names.includes('cpu'));
    assert.ok(!names.includes('family'), 'present keys are not offered');
    const nm = items.find((i) => i.label === 'networkMode')!;
    assert.equal(nm.kind, 'property');
    assert.equal(nm.detail, 'string');
    assert.match(nm.documentation!, /awsvpc/);
    assert.equal(nm.insertText, '"networkMode": "${1|awsvpc,bridge,host,none|}"');
  });

  it('replaces the partly typed key, quotes included', () => {
    assert.equal(accept('{ "family": "x", "netw|" }', 'networkMode'), '{ "family": "x", "networkMode": "awsvpc" }');
  });

  it('renames only the key when a value already follows', () => {
    assert.equal(accept('{ "family": "x", "netw|": "bridge" }', 'networkMode'), '{ "family": "x", "networkMode": "bridge" }');
  });

  it('adds a comma when another property follows', () => {
    assert.equal(accept('{ | "family": "x" }', 'cpu'), '{ "cpu": "", "family": "x" }');
  });

  it('offers container keys inside a container and nested keys deeper', () => {
    assert.ok(labels(fargate('"containerDefinitions": [{ "name": "a", | }]')).includes('portMappings'));
    const hc = labels(fargate('"containerDefinitions": [{ "name": "a", "healthCheck": { | } }]'));
    assert.deepEqual(hc.sort(), ['command', 'interval', 'retries', 'startPeriod', 'timeout']);
  });

  it('offers the log options of the container\'s driver', () => {
    const aws = labels(fargate('"containerDefinitions": [{ "name": "a", "logConfiguration": { "logDriver": "awslogs", "options": { "awslogs-group": "g", | } } }]'));
    for (const k of ['awslogs-region', 'awslogs-stream-prefix', 'awslogs-create-group', 'mode', 'max-buffer-size']) assert.ok(aws.includes(k), k);
    assert.ok(!aws.includes('awslogs-group'));
    const splunk = labels(fargate('"containerDefinitions": [{ "name": "a", "logConfiguration": { "logDriver": "splunk", "options": { | } } }]'));
    assert.ok(splunk.includes('splunk-url') && !splunk.includes('awslogs-group'));
  });

  it('works in container arrays', () => {
    assert.ok(labels('[ { "name": "a", | } ]').includes('image'));
  });
});

describe('completion: values', () => {
  it('offers enum values with their meaning, replacing the typed string', () => {
    const { items } = complete(fargate('"networkMode": "aw|"'));
    assert.deepEqual(items.map((i) => i.label), ['awsvpc', 'bridge', 'host', 'none']);
    assert.match(items[0].documentation!, /elastic network interface/);
    assert.equal(accept(fargate('"networkMode": "aw|"'), 'awsvpc'), fargate('"networkMode": "awsvpc"'));
  });

  it('inserts a space after a bare colon', () => {
    assert.equal(accept(fargate('"networkMode":|'), 'host'), fargate('"networkMode": "host"'));
  });

  it('leaves out launch types the array already has', () => {
    assert.deepEqual(labels('{ "family": "x", "requiresCompatibilities": ["EC2", |] }'), ['EXTERNAL', 'FARGATE', 'MANAGED_INSTANCES']);
  });

  it('offers Fargate memory values valid for the current cpu, in the user\'s notation', () => {
    assert.deepEqual(labels(fargate('"cpu": "512", "memory": "|"')), ['1024', '2048', '3072', '4096']);
    assert.deepEqual(labels(fargate('"cpu": "512", "memory": "1 GB|"')), ['1 GB', '2 GB', '3 GB', '4 GB']);
    const item = complete(fargate('"cpu": "1024", "memory": "|"')).items[0];
    assert.equal(item.detail, '2 GB (Fargate)');
  });

  it('offers Fargate cpu values that accept the current memory', () => {
    assert.deepEqual(labels(fargate('"memory": "4096", "cpu": "|"')), ['512', '1024', '2048']);
    assert.deepEqual(labels(fargate('"memory": "4096", "cpu": "1 vCPU|"')), ['.5 vCPU', '1 vCPU', '2 vCPU']);
  });

  it('offers no Fargate sizes on EC2', () => {
    assert.deepEqual(labels('{ "family": "x", "requiresCompatibilities": ["EC2"], "cpu": "|" }'), []);
  });

  it('offers the other containers in dependsOn, links and volumesFrom, and all of them in proxyConfiguration', () => {
    const containers = (at: string) => `"containerDefinitions": [{ "name": "app", "image": "x", ${at} }, { "name": "envoy", "image": "envoy:1" }, { "name": "log" }]`;
    assert.deepEqual(labels(fargate(containers('"dependsOn": [{ "containerName": "|" }]'))), ['envoy', 'log']);
    assert.deepEqual(labels(fargate(containers('"links": ["|"]'))), ['envoy', 'log']);
    assert.deepEqual(labels(fargate(containers('"volumesFrom": [{ "sourceContainer": "|" }]'))), ['envoy', 'log']);
    assert.deepEqual(labels(fargate(`"proxyConfiguration": { "containerName": "|" }, ${containers('"essential": true')}`)), ['app', 'envoy', 'log']);
    const envoy = complete(fargate(containers('"dependsOn": [{ "containerName": "|" }]'))).items[0];
    assert.equal(envoy.kind, 'reference');
    assert.equal(envoy.detail, 'container · envoy:1');
  });

  it('offers volume names in mountPoints.sourceVolume', () => {
    const text = fargate('"volumes": [{ "name": "data", "efsVolumeConfiguration": { "fileSystemId": "fs-1" } }, { "name": "scratch" }], "containerDefinitions": [{ "name": "a", "mountPoints": [{ "sourceVolume": "|" }] }]');
    const { items } = complete(text);
    assert.deepEqual(items.map((i) => i.label), ['data', 'scratch']);
    assert.equal(items[0].detail, 'volume · efsVolumeConfiguration');
  });

  it('offers log option values (mode, awslogs-create-group)', () => {
    const opts = (o: string) => fargate(`"containerDefinitions": [{ "name": "a", "logConfiguration": { "logDriver": "awslogs", "options": { ${o} } } }]`);
    assert.deepEqual(labels(opts('"mode": "|"')), ['non-blocking', 'blocking']);
    assert.deepEqual(labels(opts('"awslogs-create-group": "|"')), ['true', 'false']);
    assert.equal(accept(opts('"awslogs-create-group": "|"'), 'true'), opts('"awslogs-create-group": "true"'));
  });

  it('offers CMD and CMD-SHELL as the first element of healthCheck.command only', () => {
    const hc = (c: string) => fargate(`"containerDefinitions": [{ "name": "a", "healthCheck": { "command": [${c}] } }]`);
    assert.deepEqual(labels(hc('"|"')), ['CMD', 'CMD-SHELL', 'NONE']);
    assert.deepEqual(labels(hc('"CMD-SHELL", "|"')), []);
  });

  it('offers true/false for booleans', () => {
    assert.deepEqual(labels('[ { "name": "a", "essential": | } ]'), ['true', 'false']);
  });
});
