/**
 * Cross-file editor features on a small repository (test/fixtures/workspaces/cross-file): the server indexes the
 * workspace folder it is given, so files never opened still link. Definition, references, rename, hover and
 * completion between the workflows and the task definition; refresh of a workflow's diagnostics when the task
 * definition is typed in; context flowing back into the task definition.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { assertServerBuilt } from '../helpers/lsp-session';
import { type LspDiagnostic, TestClient } from '../helpers/lsp-client';
import { applyLspEdits, type LspTextEdit } from './editor-protocol';
import { LineIndex } from '../../server/src/core/syntax/positions';
import { INDEX_STATUS_REQUEST, type IndexStatus } from '../../server/src/shared/protocol';

const FIXTURE = join(__dirname, '..', 'fixtures', 'workspaces', 'cross-file');

interface Location {
  uri: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

describe('LSP: cross-file navigation over the workspace index', () => {
  const client = new TestClient();
  let repo: string;
  let taskUri: string;
  let deployUri: string;
  let stagingUri: string;
  let taskText: string;
  let deployText: string;
  let stagingText: string;

  before(async () => {
    assertServerBuilt();
    repo = mkdtempSync(join(tmpdir(), 'ecs-taskdef-xfile-'));
    cpSync(FIXTURE, repo, { recursive: true });
    taskUri = pathToFileURL(join(repo, '.aws', 'task-definition.json')).href;
    deployUri = pathToFileURL(join(repo, '.github', 'workflows', 'deploy.yml')).href;
    stagingUri = pathToFileURL(join(repo, '.github', 'workflows', 'staging.yml')).href;
    taskText = readFileSync(join(repo, '.aws', 'task-definition.json'), 'utf8');
    deployText = readFileSync(join(repo, '.github', 'workflows', 'deploy.yml'), 'utf8');
    stagingText = readFileSync(join(repo, '.github', 'workflows', 'staging.yml'), 'utf8');
    await client.initialize({ pull: true, workspaceFolders: [pathToFileURL(repo).href] });
    // The walk runs in the background; wait until it is done (the files are then linked without being opened).
    for (;;) {
      const status = await client.request<IndexStatus>(INDEX_STATUS_REQUEST, {});
      if (!status.indexing) break;
      await new Promise((r) => setTimeout(r, 20));
    }
  });
  after(async () => {
    await client.shutdown();
    rmSync(repo, { recursive: true, force: true });
  });

  /** The position of the `nth` occurrence of `needle` in `text`, `shift` characters in. */
  function pos(text: string, needle: string, nth = 0, shift = 1) {
    let at = -1;
    for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `${needle} not found`);
    return new LineIndex(text).positionAt(at + shift);
  }

  async function diagnostics(uri: string): Promise<LspDiagnostic[]> {
    return (await client.request<{ items: LspDiagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } })).items;
  }

  it('advertises definition, references and rename with prepare', async () => {
    // A second client just to read the capabilities of a fresh server.
    const other = new TestClient();
    try {
      const { capabilities } = await other.initialize({ pull: true });
      assert.equal(capabilities.definitionProvider, true);
      assert.equal(capabilities.referencesProvider, true);
      assert.deepEqual(capabilities.renameProvider, { prepareProvider: true });
    } finally {
      await other.shutdown();
    }
  });

  it('goes from the container name in a workflow (an env value) to the container in the task definition, never opened', async () => {
    await client.open(deployUri, deployText, 1, 'github-actions-workflow');
    const locations = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: deployUri }, position: pos(deployText, 'CONTAINER_NAME: web', 0, 17) });
    assert.deepEqual(locations, [{ uri: taskUri, range: { start: pos(taskText, '"web"', 0, 1), end: pos(taskText, '"web"', 0, 4) } }]);
  });

  it('hovers a referenced container with its image, ports and essential flag', async () => {
    const hover = await client.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri: deployUri }, position: pos(deployText, 'CONTAINER_NAME: web', 0, 17) });
    assert.match(hover.contents.value, /\*\*Container `web`\*\* in `\.aws\/task-definition\.json`/);
    assert.match(hover.contents.value, /ports: 8080\/tcp \(http\)/);
    assert.match(hover.contents.value, /essential: yes/);
  });

  it('finds every reference of a container from the task definition: in-file dependsOn/volumesFrom and both workflows', async () => {
    await client.open(taskUri, taskText, 1);
    const refs = await client.request<Location[]>('textDocument/references', {
      textDocument: { uri: taskUri },
      position: pos(taskText, '"web"', 0, 2),
      context: { includeDeclaration: true },
    });
    const where = refs.map((r) => `${r.uri.slice(r.uri.lastIndexOf('/') + 1)}:${r.range.start.line}:${r.range.start.character}`).sort();
    assert.deepEqual(where, [
      `deploy.yml:${pos(deployText, 'CONTAINER_NAME: web', 0, 16).line}:18`,
      `staging.yml:${pos(stagingText, '"web"', 0, 1).line}:27`,
      `task-definition.json:${pos(taskText, '"web"', 0).line}:15`,
      `task-definition.json:${pos(taskText, '"containerName": "web"').line}:${pos(taskText, '"containerName": "web"', 0, 18).character}`,
      `task-definition.json:${pos(taskText, '"sourceContainer": "web"').line}:${pos(taskText, '"sourceContainer": "web"', 0, 20).character}`,
    ].sort());
    const withoutDecl = await client.request<Location[]>('textDocument/references', {
      textDocument: { uri: taskUri },
      position: pos(taskText, '"web"', 0, 2),
      context: { includeDeclaration: false },
    });
    assert.equal(withoutDecl.length, 4);
  });

  it('refuses to rename a port or a templated name, and a new name that is taken or invalid', async () => {
    await assert.rejects(
      client.request('textDocument/prepareRename', { textDocument: { uri: taskUri }, position: pos(taskText, '"family"', 0, 2) }),
      /Place the cursor on a container name/,
    );
    await assert.rejects(
      client.request('textDocument/rename', { textDocument: { uri: taskUri }, position: pos(taskText, '"web"', 0, 2), newName: 'proxy' }),
      /A container named 'proxy' already exists/,
    );
    await assert.rejects(
      client.request('textDocument/rename', { textDocument: { uri: taskUri }, position: pos(taskText, '"web"', 0, 2), newName: 'we b' }),
      /not a valid container name/,
    );
    const templatedUri = pathToFileURL(join(repo, '.aws', 'templated.json')).href;
    const templated = '{ "family": "t", "containerDefinitions": [{ "name": "${APP}-web", "image": "x:1", "memory": 128 }] }';
    await client.open(templatedUri, templated, 1);
    await assert.rejects(
      client.request('textDocument/prepareRename', { textDocument: { uri: templatedUri }, position: pos(templated, '${APP}', 0, 3) }),
      /Cannot rename: '\$\{APP\}-web' is templated/,
    );
  });

  it('renames a container everywhere: its name, dependsOn, volumesFrom and both workflows (one never opened)', async () => {
    const prepared = await client.request<{ placeholder: string }>('textDocument/prepareRename', { textDocument: { uri: deployUri }, position: pos(deployText, 'CONTAINER_NAME: web', 0, 17) });
    assert.equal(prepared.placeholder, 'web');
    const edit = await client.request<{ changes: Record<string, LspTextEdit[]> }>('textDocument/rename', {
      textDocument: { uri: deployUri },
      position: pos(deployText, 'CONTAINER_NAME: web', 0, 17),
      newName: 'app',
    });
    assert.deepEqual(Object.keys(edit.changes).sort(), [deployUri, stagingUri, taskUri].sort());
    const task = applyLspEdits(taskText, edit.changes[taskUri]);
    assert.equal(JSON.parse(task).containerDefinitions[0].name, 'app');
    assert.equal(JSON.parse(task).containerDefinitions[1].dependsOn[0].containerName, 'app');
    assert.equal(JSON.parse(task).containerDefinitions[1].volumesFrom[0].sourceContainer, 'app');
    assert.match(task, /"awslogs-stream-prefix": "web"/, 'only container references change');
    assert.match(applyLspEdits(deployText, edit.changes[deployUri]), /CONTAINER_NAME: app {3}# the container the new image goes into/);
    assert.match(applyLspEdits(stagingText, edit.changes[stagingUri]), /container-name: "app"/);
  });

  it('completes container names at a reference and the container ports next to none', async () => {
    const items = await client.request<Array<{ label: string; textEdit: LspTextEdit }>>('textDocument/completion', {
      textDocument: { uri: deployUri },
      position: pos(deployText, 'CONTAINER_NAME: web', 0, 17),
    });
    assert.deepEqual(items.map((i) => i.label).sort(), ['proxy', 'web']);
  });

  it('refreshes the workflow when the task definition is typed in, and the workflow sees the unsaved text', async () => {
    assert.deepEqual(await diagnostics(deployUri), []);
    const seen = client.refreshes;
    const renamed = taskText.replace('"name": "web"', '"name": "webapp"');
    await client.change(taskUri, 2, [{ text: renamed }]);
    await client.waitForRefresh(seen);
    const [d, ...rest] = await diagnostics(deployUri);
    assert.equal(rest.length, 0);
    assert.equal(d.code, 'unknown-container-reference');
    assert.match(d.message, /did you mean 'webapp'/);
    await client.change(taskUri, 3, [{ text: taskText }]);
    assert.deepEqual(await diagnostics(deployUri), []);
  });

  it('lets context flow back: the deployed task definition gets faded null values, no empty-image finding, and says who deploys it', async () => {
    const items = await diagnostics(taskUri);
    const nullValue = items.find((d) => d.code === 'null-value');
    assert.ok(nullValue);
    assert.equal(nullValue.severity, 4);
    assert.match(nullValue.message, /deploy\.yml deploys this file with amazon-ecs-deploy-task-definition, which drops it/);
    assert.equal(items.filter((d) => d.code === 'null-value').length, 1, 'the empty image of the rendered container is not reported');
    const hover = await client.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri: taskUri }, position: pos(taskText, '"family"', 0, 2) });
    assert.match(hover.contents.value, /\*\*Deployed by\*\* `\.github\/workflows\/deploy\.yml`, `\.github\/workflows\/staging\.yml`/);
    assert.match(hover.contents.value, /sets the image of `web`/);
  });
});

describe('LSP: linked files changed on disk refresh the open files (push diagnostics)', () => {
  const client = new TestClient();
  let repo: string;
  let taskPath: string;
  let deployUri: string;

  before(async () => {
    assertServerBuilt();
    repo = mkdtempSync(join(tmpdir(), 'ecs-taskdef-xfile-push-'));
    cpSync(FIXTURE, repo, { recursive: true });
    taskPath = join(repo, '.aws', 'task-definition.json');
    deployUri = pathToFileURL(join(repo, '.github', 'workflows', 'deploy.yml')).href;
    await client.initialize({ pull: false, workspaceFolders: [pathToFileURL(repo).href] });
    for (;;) {
      if (!(await client.request<IndexStatus>(INDEX_STATUS_REQUEST, {})).indexing) break;
      await new Promise((r) => setTimeout(r, 20));
    }
  });
  after(async () => {
    await client.shutdown();
    rmSync(repo, { recursive: true, force: true });
  });

  it('re-publishes an open workflow when its task definition changes on disk, and again when it is deleted and restored', async () => {
    await client.open(deployUri, readFileSync(join(repo, '.github', 'workflows', 'deploy.yml'), 'utf8'), 1, 'github-actions-workflow');
    assert.deepEqual(await client.waitForPublications(deployUri, 1), []);
    const original = readFileSync(taskPath, 'utf8');
    writeFileSync(taskPath, original.replace('"name": "web"', '"name": "api"'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(taskPath).href, type: 2 }] });
    const [d] = await client.waitForPublications(deployUri, 2);
    assert.equal(d.code, 'unknown-container-reference');
    assert.match(d.message, /'web' is not a container of \.aws\/task-definition\.json/);
    rmSync(taskPath);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(taskPath).href, type: 3 }] });
    const [gone] = await client.waitForPublications(deployUri, 3);
    assert.equal(gone.code, 'unknown-task-definition-file');
    writeFileSync(taskPath, original);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(taskPath).href, type: 1 }] });
    assert.deepEqual(await client.waitForPublications(deployUri, 4), []);
  });
});

describe('LSP: a virtual workspace is indexed through the client (web worker, Remote Repositories)', () => {
  const client = new TestClient();
  const ROOT_URI = 'vscode-vfs://github/acme/shop';
  const files = new Map<string, string>();
  const asked: string[] = [];

  before(async () => {
    assertServerBuilt();
    for (const rel of ['.aws/task-definition.json', '.github/workflows/deploy.yml', '.github/workflows/staging.yml']) files.set(`${ROOT_URI}/${rel}`, readFileSync(join(FIXTURE, rel), 'utf8'));
    const workspaces = join(FIXTURE, '..');
    for (const rel of ['services/web-service.json', 'task-definitions/web.json']) files.set(`${ROOT_URI}/${rel}`, readFileSync(join(workspaces, 'service-by-family', rel), 'utf8'));
    for (const rel of ['appspec.yaml', 'taskdef.json']) files.set(`${ROOT_URI}/blue-green/${rel}`, readFileSync(join(workspaces, 'codepipeline-blue-green', rel), 'utf8'));
    client.connection.onRequest('ecsTaskdef/workspaceFiles', (p: { folder: string; max: number }) => {
      asked.push(p.folder);
      return { uris: [...files.keys()] };
    });
    client.connection.onRequest('ecsTaskdef/readFile', (p: { uri: string }) => (files.has(p.uri) ? { text: files.get(p.uri) } : null));
    await client.initialize({ pull: true, workspaceFolders: [ROOT_URI], initializationOptions: { readFiles: true } });
    for (;;) {
      if (!(await client.request<IndexStatus>(INDEX_STATUS_REQUEST, {})).indexing) break;
      await new Promise((r) => setTimeout(r, 20));
    }
  });
  after(() => client.shutdown());

  it('lists the folder through the client, then links, navigates and checks the workflow against the unopened task definition', async () => {
    assert.deepEqual(asked, [ROOT_URI]);
    const deployUri = `${ROOT_URI}/.github/workflows/deploy.yml`;
    const taskUri = `${ROOT_URI}/.aws/task-definition.json`;
    const text = files.get(deployUri)!.replace('CONTAINER_NAME: web', 'CONTAINER_NAME: wbe');
    await client.open(deployUri, text, 1, 'github-actions-workflow');
    const items = (await client.request<{ items: LspDiagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: deployUri } })).items;
    assert.deepEqual(items.map((d) => [d.code, d.message]), [['unknown-container-reference', "'wbe' is not a container of .aws/task-definition.json (did you mean 'web'?)."]]);
    await client.change(deployUri, 2, [{ text: files.get(deployUri)! }]);
    const at = new LineIndex(files.get(deployUri)!).positionAt(files.get(deployUri)!.indexOf('CONTAINER_NAME: web') + 17);
    const locations = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: deployUri }, position: at });
    assert.deepEqual(locations.map((l) => l.uri), [taskUri]);
  });

  it('checks a service definition and an appspec against the task definitions the index holds (family from another folder, taskdef.json beside)', async () => {
    const serviceUri = `${ROOT_URI}/services/web-service.json`;
    await client.open(serviceUri, files.get(serviceUri)!, 1, 'json');
    const found = (await client.request<{ items: Array<LspDiagnostic & { relatedInformation?: Array<{ location: { uri: string } }> }> }>('textDocument/diagnostic', { textDocument: { uri: serviceUri } })).items;
    assert.deepEqual(found.map((d) => d.code), ['launch-type-incompatible', 'service-role-with-awsvpc', 'unknown-container-reference']);
    assert.match(found[2].message, /'webapp' is not a container of \.\.\/task-definitions\/web\.json/);
    assert.equal(found[2].relatedInformation?.[0].location.uri, `${ROOT_URI}/task-definitions/web.json`);

    const appspecUri = `${ROOT_URI}/blue-green/appspec.yaml`;
    await client.open(appspecUri, files.get(appspecUri)!, 1, 'yaml');
    const port = (await client.request<{ items: LspDiagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: appspecUri } })).items.filter((d) => d.severity !== 4);
    assert.deepEqual(port.map((d) => [d.code, d.range.start.line]), [['unknown-container-port', 9]]);
  });
});
