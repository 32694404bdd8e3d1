import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TestClient } from '../helpers/lsp-client';
import { useServer } from '../helpers/lsp-session';
import { fargateTask } from '../helpers/task-texts';
import { applyLspEdits, freshUri, type LspTextEdit, openAtCursor } from './editor-protocol';

interface CompletionItem {
  label: string;
  kind?: number;
  detail?: string;
  documentation?: { kind: string; value: string };
  textEdit?: LspTextEdit;
  insertTextFormat?: number;
  filterText?: string;
}

const KIND = { property: 10, value: 12, keyword: 14, reference: 18 };
const SNIPPET = 2;
const PLAIN = 1;

async function completeWith(client: TestClient, marked: string): Promise<{ items: CompletionItem[]; text: string }> {
  const uri = freshUri();
  const { text, position } = await openAtCursor(client, uri, marked);
  const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position });
  return { items, text };
}

describe('completion over stdio', () => {
  const server = useServer();
  const { client } = server;
  const complete = (marked: string) => completeWith(client, marked);
  const labels = async (marked: string) => (await complete(marked)).items.map((i) => i.label);

  it('declares a completion provider triggered by quote and colon', () => {
    assert.deepEqual(server.capabilities.completionProvider, { triggerCharacters: ['"', ':'] });
  });

  it('property names: snippets with a text edit over the typed key, docs in markdown', async () => {
    const { items, text } = await complete(fargateTask('"cp|"'));
    const cpu = items.find((i) => i.label === 'cpu')!;
    assert.equal(cpu.kind, KIND.property);
    assert.equal(cpu.insertTextFormat, SNIPPET);
    assert.equal(cpu.textEdit!.newText, '"cpu": "$1"');
    assert.equal(cpu.filterText, '"cpu"');
    assert.equal(cpu.documentation!.kind, 'markdown');
    assert.equal(applyLspEdits(text, [cpu.textEdit!]), fargateTask('"cpu": "$1"'));
    assert.ok(!items.some((i) => i.label === 'family'));
  });

  it('enum values with meanings', async () => {
    const { items, text } = await complete(fargateTask('"networkMode": "|"'));
    assert.deepEqual(items.map((i) => i.label), ['awsvpc', 'bridge', 'host', 'none']);
    assert.equal(items[0].kind, KIND.value);
    assert.equal(items[0].insertTextFormat, PLAIN);
    assert.match(items[0].documentation!.value, /network interface/);
    assert.equal(applyLspEdits(text, [items[0].textEdit!]), fargateTask('"networkMode": "awsvpc"'));
  });

  it('Fargate memory values for the current cpu, and cpu values for the memory', async () => {
    assert.deepEqual(await labels(fargateTask('"cpu": "256", "memory": "|"')), ['512', '1024', '2048']);
    assert.deepEqual(await labels(fargateTask('"memory": "3072", "cpu": "|"')), ['512', '1024']);
  });

  it('container names in dependsOn.containerName', async () => {
    const { items } = await complete(fargateTask('"containerDefinitions": [{ "name": "app", "dependsOn": [{ "containerName": "|" }] }, { "name": "db", "image": "postgres:16" }]'));
    assert.deepEqual(items.map((i) => [i.label, i.kind, i.detail]), [['db', KIND.reference, 'container · postgres:16']]);
  });

  it('volume names in mountPoints.sourceVolume', async () => {
    assert.deepEqual(await labels(fargateTask('"volumes": [{ "name": "cache" }], "containerDefinitions": [{ "name": "a", "mountPoints": [{ "sourceVolume": "|" }] }]')), ['cache']);
  });

  it('log options of the driver, as snippets with choices', async () => {
    const { items } = await complete(fargateTask('"containerDefinitions": [{ "name": "a", "logConfiguration": { "logDriver": "awslogs", "options": { | } } }]'));
    const mode = items.find((i) => i.label === 'mode')!;
    assert.equal(mode.textEdit!.newText, '"mode": "${1|non-blocking,blocking|}"');
    assert.ok(items.some((i) => i.label === 'awslogs-group'));
  });

  it('CMD / CMD-SHELL as the first element of healthCheck.command', async () => {
    const { items } = await complete(fargateTask('"containerDefinitions": [{ "name": "a", "healthCheck": { "command": ["|"] } }]'));
    assert.deepEqual(items.map((i) => [i.label, i.kind]), [['CMD', KIND.keyword], ['CMD-SHELL', KIND.keyword], ['NONE', KIND.keyword]]);
  });

  const containers = (at: string) => fargateTask(`"containerDefinitions": [{ "name": "app", ${at} }, { "name": "sidecar", "image": "envoy" }]`);
  const MORE: Array<[string, string, string[]]> = [
    ['links', containers('"links": ["|"]'), ['sidecar']],
    ['volumesFrom.sourceContainer', containers('"volumesFrom": [{ "sourceContainer": "|" }]'), ['sidecar']],
    ['proxyConfiguration.containerName', fargateTask('"proxyConfiguration": { "type": "APPMESH", "containerName": "|" }, "containerDefinitions": [{ "name": "app" }, { "name": "envoy" }]'), ['app', 'envoy']],
    ['requiresCompatibilities element', '{ "family": "x", "requiresCompatibilities": ["FARGATE", "|"] }', ['EC2', 'EXTERNAL', 'MANAGED_INSTANCES']],
    ['boolean', containers('"essential": |'), ['true', 'false']],
    ['awslogs-create-group value', containers('"logConfiguration": { "logDriver": "awslogs", "options": { "awslogs-create-group": "|" } }'), ['true', 'false']],
    ['nested keys', containers('"portMappings": [{ "containerPort": 80, | }]'), ['hostPort', 'protocol', 'name', 'appProtocol', 'containerPortRange']],
  ];
  for (const [kind, marked, expected] of MORE) {
    it(kind, async () => assert.deepEqual(await labels(marked), expected));
  }

  it('nothing in JSON files that are not task definitions', async () => {
    const uri = 'file:///work/app/tsconfig.json';
    const { position } = await openAtCursor(client, uri, '{ "compilerOptions": { | } }');
    assert.deepEqual(await client.request('textDocument/completion', { textDocument: { uri }, position }), []);
  });
});

describe('completion for a client without snippet support', () => {
  const client = new TestClient();
  before(async () => {
    await client.connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { textDocument: { completion: { completionItem: {} } } } });
    await client.connection.sendNotification('initialized', {});
  });
  after(() => client.shutdown());

  it('sends plain text with the first choice filled in', async () => {
    const { items } = await completeWith(client, '{ "family": "x", | }');
    const nm = items.find((i) => i.label === 'networkMode')!;
    assert.equal(nm.insertTextFormat, PLAIN);
    assert.equal(nm.textEdit!.newText, '"networkMode": "awsvpc"');
  });
});
