/**
 * Workspace folders added and removed after the server started (workspace/didChangeWorkspaceFolders): a service
 * definition in one folder runs, by family, a task definition in another; adding that folder links them (indexed in
 * the background, then the open service is refreshed), removing it unlinks them again.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { assertServerBuilt } from '../helpers/lsp-session';
import { type LspDiagnostic, TestClient } from '../helpers/lsp-client';
import { LineIndex } from '../../server/src/core/syntax/positions';
import { INDEX_STATUS_REQUEST, type IndexStatus } from '../../server/src/shared/protocol';

const FIXTURE = join(__dirname, '..', 'fixtures', 'workspaces', 'service-by-family');

describe('LSP: workspace folders added and removed after start', () => {
  const client = new TestClient();
  let services: string;
  let tasks: string;
  let serviceUri: string;
  let serviceText: string;
  let capabilities: Record<string, unknown>;

  const status = () => client.request<IndexStatus>(INDEX_STATUS_REQUEST, {});
  async function indexed(): Promise<IndexStatus> {
    for (;;) {
      const s = await status();
      if (!s.indexing) return s;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  const folders = (added: string[], removed: string[]) =>
    client.connection.sendNotification('workspace/didChangeWorkspaceFolders', {
      event: { added: added.map((p) => ({ uri: pathToFileURL(p).href, name: 'f' })), removed: removed.map((p) => ({ uri: pathToFileURL(p).href, name: 'f' })) },
    });
  const diagnostics = async () => (await client.request<{ items: LspDiagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: serviceUri } })).items;
  const codes = async () => (await diagnostics()).map((d) => d.code).sort();
  const hover = async (at = '"webapp"') =>
    (
      await client.request<{ contents: { value: string } }>('textDocument/hover', {
        textDocument: { uri: serviceUri },
        position: new LineIndex(serviceText).positionAt(serviceText.indexOf(at) + 2),
      })
    ).contents.value;

  before(async () => {
    assertServerBuilt();
    services = mkdtempSync(join(tmpdir(), 'ecs-taskdef-folder-services-'));
    tasks = mkdtempSync(join(tmpdir(), 'ecs-taskdef-folder-tasks-'));
    cpSync(join(FIXTURE, 'services'), services, { recursive: true });
    cpSync(join(FIXTURE, 'task-definitions'), tasks, { recursive: true });
    serviceUri = pathToFileURL(join(services, 'web-service.json')).href;
    serviceText = readFileSync(join(services, 'web-service.json'), 'utf8');
    ({ capabilities } = await client.initialize({ pull: true, workspaceFolders: [pathToFileURL(services).href] }));
    await indexed();
    await client.open(serviceUri, serviceText, 1);
  });
  after(async () => {
    await client.shutdown();
    rmSync(services, { recursive: true, force: true });
    rmSync(tasks, { recursive: true, force: true });
  });

  it('asks to be told of folder changes', () => {
    assert.deepEqual((capabilities.workspace as { workspaceFolders?: unknown })?.workspaceFolders, { supported: true, changeNotifications: true });
  });

  it('with one folder: the service is checked alone and the hover says why', async () => {
    // Fargate means awsvpc whatever the task definition says: the role finding needs no link.
    assert.deepEqual(await codes(), ['service-role-with-awsvpc']);
    assert.match(await hover(), /'webapp' is not checked: no task definition in the workspace matches family 'web'/);
  });

  it('a folder added: indexed in the background, then the open service is refreshed and links by family into it', async () => {
    const seen = client.refreshes;
    await folders([tasks], []);
    await client.waitForRefresh(seen);
    assert.equal((await indexed()).files, 2);
    assert.deepEqual(await codes(), ['launch-type-incompatible', 'service-role-with-awsvpc', 'unknown-container-reference']);
    assert.match(await hover(), /No container 'webapp' in `ecs-taskdef-folder-tasks-\w+\/web\.json` \(it has `web`\)/);
  });

  it("messages and hovers name a task definition in another folder alike: by that folder's name, not a ../ path", async () => {
    const name = tasks.slice(tasks.lastIndexOf('/') + 1);
    const found = await diagnostics();
    const messages = found.filter((d) => d.code !== 'service-role-with-awsvpc').map((d) => d.message);
    assert.equal(messages.length, 2);
    for (const m of messages) {
      assert.ok(m.includes(`${name}/web.json`), m);
      assert.ok(!m.includes('../'), m);
    }
    const related = found.find((d) => d.code === 'unknown-container-reference') as LspDiagnostic & { relatedInformation?: Array<{ location: { uri: string }; message: string }> };
    assert.deepEqual(related.relatedInformation?.map((r) => [r.location.uri, r.message]), [[pathToFileURL(join(tasks, 'web.json')).href, "container 'web'"]]);
    assert.match(await hover('"arn:aws:ecs'), new RegExp(`\\*\\*Runs \`${name}/web\\.json\`\\*\\*`));
  });

  it('a folder removed: its files leave the index, and the open service is refreshed and checked alone again', async () => {
    const seen = client.refreshes;
    await folders([], [tasks]);
    await client.waitForRefresh(seen);
    assert.equal((await status()).files, 1);
    assert.deepEqual(await codes(), ['service-role-with-awsvpc']);
    assert.match(await hover(), /no task definition in the workspace matches family 'web'/);
  });

  it('the same folder added again is walked again', async () => {
    const seen = client.refreshes;
    await folders([tasks], []);
    await client.waitForRefresh(seen);
    assert.equal((await indexed()).files, 2);
    assert.ok((await codes()).includes('unknown-container-reference'));
  });
});
