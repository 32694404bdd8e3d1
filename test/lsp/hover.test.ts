import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useServer } from '../helpers/lsp-session';
import { fargateTask } from '../helpers/task-texts';
import { freshUri, type LspRange, openAtCursor } from './editor-protocol';

interface Hover {
  contents: { kind: string; value: string };
  range: LspRange;
}

describe('hover over stdio', () => {
  const server = useServer();
  const { client } = server;

  async function hover(marked: string, uri = freshUri()): Promise<Hover | null> {
    const { position } = await openAtCursor(client, uri, marked);
    return client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
  }

  it('declares a hover provider', () => assert.equal(server.capabilities.hoverProvider, true));

  it('property key: markdown from the schema, range on the key', async () => {
    const h = (await hover(fargateTask('"network|Mode": "awsvpc"')))!;
    assert.equal(h.contents.kind, 'markdown');
    assert.match(h.contents.value, /\*\*`networkMode`\*\* \(task\) · string/);
    assert.deepEqual(h.range, { start: { line: 3, character: 2 }, end: { line: 3, character: 15 } });
  });

  it('enum value: its meaning', async () => {
    const h = (await hover(fargateTask('"networkMode": "br|idge"')))!;
    assert.match(h.contents.value, /^\*\*`bridge`\*\* — Containers sit on Docker's virtual bridge network/);
    assert.deepEqual(h.range, { start: { line: 3, character: 17 }, end: { line: 3, character: 25 } });
  });

  it('task cpu value: vCPU, memory partners and the Fargate size table', async () => {
    const h = (await hover(fargateTask('"cpu": ".25 v|cpu", "memory": "512"')))!;
    assert.match(h.contents.value, /256 CPU units = 0\.25 vCPU/);
    assert.match(h.contents.value, /Fargate memory for 0\.25 vCPU: 512, 1024 or 2048 MiB/);
    assert.match(h.contents.value, /\| cpu \(units\) \| vCPU \| memory \(MiB\) \| OS \|/);
  });

  it('executionRoleArn: role table and what this file needs it for', async () => {
    const h = (await hover(fargateTask('"executionRole|Arn": "ecsTaskExecutionRole", "containerDefinitions": [{ "name": "api", "image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/api:7" }]')))!;
    assert.match(h.contents.value, /\| \*\*Who uses it\*\* \|/);
    assert.match(h.contents.value, /container `api`: an image in a private Amazon ECR repository/);
  });

  it('container memory value: MiB as GB', async () => {
    const h = (await hover(fargateTask('"containerDefinitions": [{ "name": "a", "memory": 20|48 }]')))!;
    assert.match(h.contents.value, /2048 MiB = 2 GB/);
  });

  const MORE: Array<[string, string, RegExp]> = [
    ['taskRoleArn key', fargateTask('"taskRole|Arn": "app"'), /The \*\*task role\*\*.*\| \| task execution role \| task role \|/s],
    ['task memory key', fargateTask('"cpu": "1024", "mem|ory": "3 GB"'), /3072 MiB = 3 GB.*Fargate cpu values that accept 3 GB: `512` \(0\.5 vCPU\), `1024` \(1 vCPU\)/s],
    ['read-only key', fargateTask('"status|": "ACTIVE"'), /Read-only/],
    ['log option key', fargateTask('"containerDefinitions": [{ "name": "a", "logConfiguration": { "logDriver": "awslogs", "options": { "mo|de": "blocking" } } }]'), /\*\*`mode`\*\* \(awslogs log option\)/],
    ['log option value', fargateTask('"containerDefinitions": [{ "name": "a", "logConfiguration": { "logDriver": "awslogs", "options": { "mode": "block|ing" } } }]'), /^\*\*`blocking`\*\* — The application waits/],
    ['health-check keyword', fargateTask('"containerDefinitions": [{ "name": "a", "healthCheck": { "command": ["C|MD", "curl"] } }]'), /^\*\*`CMD`\*\* — Runs the program/],
    ['launch type value', '{ "family": "x", "requiresCompatibilities": ["EXTER|NAL"] }', /^\*\*`EXTERNAL`\*\* — ECS Anywhere/],
    ['container cpu value', fargateTask('"containerDefinitions": [{ "name": "a", "cpu": 2|56 }]'), /256 CPU units = 0\.25 vCPU/],
  ];
  for (const [kind, marked, expected] of MORE) {
    it(`${kind}`, async () => assert.match((await hover(marked))!.contents.value, expected));
  }

  it('null outside keys and values, and in JSON files that are not task definitions', async () => {
    assert.equal(await hover(fargateTask('"cpu": "256"  |')), null);
    assert.equal(await hover('{ "na|me": "pkg", "version": "1.0.0" }', 'file:///work/app/package.json'), null);
  });

  it('answers for the current version after an edit', async () => {
    const uri = freshUri();
    await openAtCursor(client, uri, fargateTask('"networkMode": "bridge|"'));
    await client.change(uri, 2, [{ range: { start: { line: 3, character: 18 }, end: { line: 3, character: 24 } }, text: 'host' }]);
    const h = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 19 } });
    assert.match(h.contents.value, /^\*\*`host`\*\*/);
  });
});
