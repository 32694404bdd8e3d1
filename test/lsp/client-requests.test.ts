/**
 * The server's answers behind the client commands that need the core (client-requests.ts): unit level, and over
 * stdio from the built Node server, as the desktop client asks them; and the owner it names for its diagnostics.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { convertDescribeOutput, referencePage } from '../../server/src/lsp/client-requests';
import { fargateSizesMarkdown, rolesMarkdown } from '../../server/src/lsp/reference-pages';
import { CONVERT_DESCRIBE_OUTPUT_REQUEST, REFERENCE_PAGE_REQUEST } from '../../server/src/shared/protocol';
import { TestClient } from '../helpers/lsp-client';

const DESCRIBE = `{
  // from aws ecs describe-task-definition
  "taskDefinition": {
    "taskDefinitionArn": "arn:aws:ecs:eu-west-1:123456789012:task-definition/web:3",
    "family": "web",
    "revision": 3,
    "status": "ACTIVE",
    "containerDefinitions": [{ "name": "web", "image": "nginx:1.27", "essential": true }]
  },
  "tags": []
}`;

const apply = (text: string, e: { offset: number; length: number; content: string }) => text.slice(0, e.offset) + e.content + text.slice(e.offset + e.length);

describe('client requests (unit)', () => {
  it('referencePage: the two pages by path, null for anything else', () => {
    assert.deepEqual(referencePage({ path: '/fargate-sizes.md' }), { markdown: fargateSizesMarkdown() });
    assert.deepEqual(referencePage({ path: '/task-role-vs-execution-role.md' }), { markdown: rolesMarkdown() });
    for (const bad of [{ path: '/nope.md' }, { path: 'toString' }, { path: '__proto__' }, { path: 5 }, {}, undefined]) {
      assert.equal(referencePage(bad as never), null, JSON.stringify(bad));
    }
  });

  it('convertDescribeOutput: unwraps taskDefinition, drops describe-only keys, keeps the comment', () => {
    const edit = convertDescribeOutput({ text: DESCRIBE });
    assert.ok(edit);
    const out = apply(DESCRIBE, edit);
    assert.match(out, /\/\/ from aws ecs describe-task-definition/);
    assert.doesNotMatch(out, /taskDefinitionArn|"revision"|"status"/);
    assert.match(out, /"family": "web"/);
  });

  it('convertDescribeOutput: null for register input and for non-strings', () => {
    assert.equal(convertDescribeOutput({ text: '{ "family": "web", "containerDefinitions": [] }' }), null);
    assert.equal(convertDescribeOutput({ text: 42 } as never), null);
    assert.equal(convertDescribeOutput(undefined), null);
  });
});

describe('client requests over stdio (dist/server.js)', () => {
  let client: TestClient;
  let capabilities: Record<string, unknown>;
  before(async () => {
    client = new TestClient();
    ({ capabilities } = await client.initialize({ pull: true }));
  });

  it('names the owner of its pulled diagnostics (diagnosticProvider.identifier, issue 18)', () => {
    assert.deepEqual(capabilities.diagnosticProvider, { identifier: 'ecs-taskdef', interFileDependencies: false, workspaceDiagnostics: false });
  });
  after(() => client?.shutdown());

  it('answers ecsTaskdef/referencePage and ecsTaskdef/convertDescribeOutput', async () => {
    const page = (await client.connection.sendRequest(REFERENCE_PAGE_REQUEST, { path: '/task-role-vs-execution-role.md' })) as { markdown: string };
    assert.match(page.markdown, /^# Task role vs task execution role/);
    assert.equal(await client.connection.sendRequest(REFERENCE_PAGE_REQUEST, { path: '/x.md' }), null);
    const edit = (await client.connection.sendRequest(CONVERT_DESCRIBE_OUTPUT_REQUEST, { text: DESCRIBE })) as { offset: number; length: number; content: string };
    assert.doesNotMatch(apply(DESCRIBE, edit), /taskDefinitionArn/);
  });
});
