/**
 * Files that appear after the server started: a task definition created on disk (with or without a watch event) or
 * opened before it is saved. Hover, definition, references, completion and diagnostics of the workflow that names it
 * must agree.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { assertServerBuilt } from '../helpers/lsp-session';
import { type LspDiagnostic, TestClient } from '../helpers/lsp-client';
import { LineIndex } from '../../server/src/core/syntax/positions';
import { INDEX_STATUS_REQUEST, type IndexStatus } from '../../server/src/shared/protocol';

const FIXTURE = join(__dirname, '..', 'fixtures', 'workspaces', 'cross-file');

async function indexed(client: TestClient): Promise<void> {
  for (;;) {
    if (!(await client.request<IndexStatus>(INDEX_STATUS_REQUEST, {})).indexing) return;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('LSP: a task definition created after the server started', () => {
  const client = new TestClient();
  let repo: string;
  let taskPath: string;
  let taskText: string;
  let deployUri: string;
  let deployText: string;

  before(async () => {
    assertServerBuilt();
    repo = mkdtempSync(join(tmpdir(), 'ecs-taskdef-created-'));
    cpSync(FIXTURE, repo, { recursive: true });
    taskPath = join(repo, '.aws', 'task-definition.json');
    taskText = readFileSync(taskPath, 'utf8');
    rmSync(join(repo, '.aws'), { recursive: true });
    deployUri = pathToFileURL(join(repo, '.github', 'workflows', 'deploy.yml')).href;
    deployText = readFileSync(join(repo, '.github', 'workflows', 'deploy.yml'), 'utf8');
    await client.initialize({ pull: true, workspaceFolders: [pathToFileURL(repo).href] });
    await indexed(client);
    await client.open(deployUri, deployText, 1, 'github-actions-workflow');
  });
  after(async () => {
    await client.shutdown();
    rmSync(repo, { recursive: true, force: true });
  });

  const at = (needle: string, shift: number) => new LineIndex(deployText).positionAt(deployText.indexOf(needle) + shift);
  const diagnostics = async () => (await client.request<{ items: LspDiagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: deployUri } })).items;
  const hover = async () => (await client.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri: deployUri }, position: at('CONTAINER_NAME: web', 17) })).contents.value;

  it('before the file exists: the diagnostic and the hover both say it is missing', async () => {
    assert.deepEqual((await diagnostics()).map((d) => d.code), ['unknown-task-definition-file']);
    assert.match(await hover(), /no task definition in the workspace matches '\.aws\/task-definition\.json'/);
  });

  const definition = async () =>
    (await client.request<Array<{ uri: string }>>('textDocument/definition', { textDocument: { uri: deployUri }, position: at('CONTAINER_NAME: web', 17) })).map((l) => l.uri);
  const completion = async () =>
    (await client.request<Array<{ label: string }>>('textDocument/completion', { textDocument: { uri: deployUri }, position: at('CONTAINER_NAME: web', 17) })).map((i) => i.label).sort();
  const watched = (uri: string, type: 1 | 2 | 3) => client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type }] });

  it('created on disk without a watch event: hover, definition and completion read it on demand and agree with the diagnostics', async () => {
    mkdirSync(join(repo, '.aws'));
    writeFileSync(taskPath, taskText);
    // Hover first: nothing else has read the file yet.
    assert.match(await hover(), /\*\*Container `web`\*\* in `\.aws\/task-definition\.json`/);
    assert.deepEqual(await definition(), [pathToFileURL(taskPath).href]);
    assert.deepEqual(await completion(), ['proxy', 'web']);
    assert.deepEqual(await diagnostics(), []);
  });

  it('deleted on disk without a watch event: once the diagnostics saw it gone, the hover says so too', async () => {
    assert.match(await hover(), /\*\*Container `web`\*\*/);
    rmSync(taskPath);
    assert.deepEqual((await diagnostics()).map((d) => d.code), ['unknown-task-definition-file']);
    assert.match(await hover(), /no task definition in the workspace matches/);
    assert.deepEqual(await definition(), []);
  });

  it('a deleted folder (the only event a glob watcher gives for it) takes its files out of the index', async () => {
    writeFileSync(taskPath, taskText);
    assert.match(await hover(), /\*\*Container `web`\*\*/);
    rmSync(join(repo, '.aws'), { recursive: true });
    await watched(pathToFileURL(join(repo, '.aws')).href, 3);
    assert.match(await hover(), /no task definition in the workspace matches/);
    assert.deepEqual(await definition(), []);
  });

  it('created with a watch event, then opened: the task definition links, and references from it reach the workflow', async () => {
    mkdirSync(join(repo, '.aws'));
    writeFileSync(taskPath, taskText);
    await watched(pathToFileURL(taskPath).href, 1);
    assert.deepEqual(await completion(), ['proxy', 'web']);
    const taskUri = pathToFileURL(taskPath).href;
    await client.open(taskUri, taskText, 1);
    const refs = await client.request<Array<{ uri: string }>>('textDocument/references', {
      textDocument: { uri: taskUri },
      position: new LineIndex(taskText).positionAt(taskText.indexOf('"web"') + 2),
      context: { includeDeclaration: false },
    });
    assert.ok(refs.some((r) => r.uri === deployUri), 'the workflow references the container');
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: taskUri } });
  });

  it('opened before it is saved (no file on disk): diagnostics and hover both use the editor text', async () => {
    rmSync(join(repo, '.aws'), { recursive: true });
    await watched(pathToFileURL(join(repo, '.aws')).href, 3);
    const taskUri = pathToFileURL(taskPath).href;
    await client.open(taskUri, taskText.replace('"name": "web"', '"name": "webapp"'), 1);
    assert.deepEqual((await diagnostics()).map((d) => d.code), ['unknown-container-reference']);
    assert.match(await hover(), /No container 'web' in `\.aws\/task-definition\.json` \(it has `webapp`, `proxy`\)/);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: taskUri } });
  });
});

describe('LSP: an appspec whose taskdef.json appears after the server started', () => {
  const client = new TestClient();
  let repo: string;
  let appspecUri: string;
  let appspecText: string;
  let taskdefText: string;

  before(async () => {
    assertServerBuilt();
    repo = mkdtempSync(join(tmpdir(), 'ecs-taskdef-created-appspec-'));
    const fixture = join(__dirname, '..', 'fixtures', 'workspaces', 'codepipeline-blue-green');
    appspecText = readFileSync(join(fixture, 'appspec.yaml'), 'utf8');
    taskdefText = readFileSync(join(fixture, 'taskdef.json'), 'utf8');
    writeFileSync(join(repo, 'appspec.yaml'), appspecText);
    appspecUri = pathToFileURL(join(repo, 'appspec.yaml')).href;
    await client.initialize({ pull: true, workspaceFolders: [pathToFileURL(repo).href] });
    await indexed(client);
    await client.open(appspecUri, appspecText, 1, 'yaml');
  });
  after(async () => {
    await client.shutdown();
    rmSync(repo, { recursive: true, force: true });
  });

  it('hover on ContainerName reads taskdef.json on demand, and go to definition reaches it', async () => {
    const position = new LineIndex(appspecText).positionAt(appspecText.indexOf('"orders"') + 2);
    const hover = () => client.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri: appspecUri }, position });
    assert.match((await hover()).contents.value, /not checked: no task definition in the workspace matches 'taskdef\.json'/);
    writeFileSync(join(repo, 'taskdef.json'), taskdefText);
    assert.match((await hover()).contents.value, /\*\*Container `orders`\*\* in `taskdef\.json`/);
    const locations = await client.request<Array<{ uri: string }>>('textDocument/definition', { textDocument: { uri: appspecUri }, position });
    assert.deepEqual(locations.map((l) => l.uri), [pathToFileURL(join(repo, 'taskdef.json')).href]);
  });
});

describe('LSP: a folder created or moved in after the server started (only the folder is reported)', () => {
  const client = new TestClient();
  let repo: string;
  let outside: string;
  let serviceUri: string;
  const family = join(__dirname, '..', 'fixtures', 'workspaces', 'service-by-family');
  const taskText = readFileSync(join(family, 'task-definitions', 'web.json'), 'utf8');

  const status = () => client.request<IndexStatus>(INDEX_STATUS_REQUEST, {});
  const codes = async () => (await client.request<{ items: LspDiagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: serviceUri } })).items.map((d) => d.code).sort();
  const created = (...paths: string[]) =>
    client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: paths.map((p) => ({ uri: pathToFileURL(p).href, type: 1 })) });

  before(async () => {
    assertServerBuilt();
    repo = mkdtempSync(join(tmpdir(), 'ecs-taskdef-created-folder-'));
    outside = mkdtempSync(join(tmpdir(), 'ecs-taskdef-created-folder-src-'));
    cpSync(join(family, 'services'), join(repo, 'services'), { recursive: true });
    serviceUri = pathToFileURL(join(repo, 'services', 'web-service.json')).href;
    await client.initialize({ pull: true, workspaceFolders: [pathToFileURL(repo).href] });
    await indexed(client);
    await client.open(serviceUri, readFileSync(join(repo, 'services', 'web-service.json'), 'utf8'), 1);
  });
  after(async () => {
    await client.shutdown();
    rmSync(repo, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  it('before: the service names family web, which no file in the workspace registers, so it is checked alone', async () => {
    assert.deepEqual(await codes(), ['service-role-with-awsvpc']);
    assert.equal((await status()).files, 1);
  });

  it('a folder moved in: its subtree is walked, and the open service is refreshed and links by family into it', async () => {
    // Nested, so that the family file is two levels below the reported folder, and not beside the service.
    mkdirSync(join(outside, 'deploy', 'ecs'), { recursive: true });
    writeFileSync(join(outside, 'deploy', 'ecs', 'web.json'), taskText);
    renameSync(join(outside, 'deploy'), join(repo, 'deploy'));
    const seen = client.refreshes;
    await created(join(repo, 'deploy'));
    await client.waitForRefresh(seen);
    await indexed(client);
    assert.equal((await status()).files, 2);
    assert.deepEqual(await codes(), ['launch-type-incompatible', 'service-role-with-awsvpc', 'unknown-container-reference']);
  });

  it('a created file that is not JSON or YAML, and a folder inside a skipped one, are not walked', async () => {
    // A second file with family web below node_modules would unlink the service (two candidates) if it were indexed.
    mkdirSync(join(repo, 'node_modules', 'pkg'), { recursive: true });
    writeFileSync(join(repo, 'node_modules', 'pkg', 'web.json'), taskText);
    writeFileSync(join(repo, 'NOTES.md'), '# notes\n');
    // A folder reported in the same batch that is walked: its refresh shows the batch was handled.
    mkdirSync(join(repo, 'more'));
    writeFileSync(join(repo, 'more', 'api.json'), taskText.replace('"family": "web"', '"family": "api"'));
    const seen = client.refreshes;
    await created(join(repo, 'node_modules', 'pkg'), join(repo, 'NOTES.md'), join(repo, 'more'));
    await client.waitForRefresh(seen);
    await indexed(client);
    assert.equal((await status()).files, 3);
    assert.deepEqual(await codes(), ['launch-type-incompatible', 'service-role-with-awsvpc', 'unknown-container-reference']);
  });
});
