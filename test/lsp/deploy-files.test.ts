/** Open appspecs and service definitions are checked against the task definition they run (desktop: read from disk). */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { LspDiagnostic } from '../helpers/lsp-client';
import { useServer } from '../helpers/lsp-session';
import { applyLspEdits, type LspTextEdit } from './editor-protocol';

const WORKSPACES = join(__dirname, '..', 'fixtures', 'workspaces');

interface Related {
  location: { uri: string; range: { start: { line: number; character: number } } };
  message: string;
}
type Diag = LspDiagnostic & { relatedInformation?: Related[] };

describe('LSP: appspec and service definition documents', () => {
  const { client } = useServer();
  let repo: string;
  before(() => {
    repo = mkdtempSync(join(tmpdir(), 'ecs-taskdef-lsp-deploy-'));
    cpSync(WORKSPACES, repo, { recursive: true });
  });
  after(() => rmSync(repo, { recursive: true, force: true }));

  async function diagnostics(uri: string): Promise<Diag[]> {
    return (await client.request<{ items: Diag[] }>('textDocument/diagnostic', { textDocument: { uri } })).items;
  }

  it('an appspec: the port finding points into taskdef.json, its fix applies, and a task definition changed on disk is seen', async () => {
    const dir = join(repo, 'codepipeline-blue-green');
    const uri = pathToFileURL(join(dir, 'appspec.yaml')).href;
    const text = readFileSync(join(dir, 'appspec.yaml'), 'utf8');
    await client.open(uri, text, 1, 'yaml');
    const found = (await diagnostics(uri)).filter((d) => d.severity !== 4);
    assert.deepEqual(found.map((d) => [d.code, d.range.start.line]), [['unknown-container-port', 9]]);
    const taskUri = pathToFileURL(join(dir, 'taskdef.json')).href;
    assert.deepEqual(found[0].relatedInformation?.map((r) => [r.location.uri, r.location.range.start.line]), [[taskUri, 12]]);

    const actions = await client.request<Array<{ title: string; edit: { changes: Record<string, LspTextEdit[]> } }>>('textDocument/codeAction', { textDocument: { uri }, range: found[0].range, context: { diagnostics: [found[0]] } });
    assert.deepEqual(actions.map((a) => a.title), ['Change to 8080']);
    assert.match(applyLspEdits(text, actions[0].edit.changes[uri]), /ContainerPort: 8080\n/);

    writeFileSync(join(dir, 'taskdef.json'), readFileSync(join(dir, 'taskdef.json'), 'utf8').replace('"containerPort": 8080', '"containerPort": 80'));
    assert.deepEqual((await diagnostics(uri)).filter((d) => d.severity !== 4), []);
  });

  it('a service definition found by family: the container finding names the task-definition file', async () => {
    const dir = join(repo, 'service-by-family');
    // The LSP looks for the family beside the service; put the task definition there.
    cpSync(join(dir, 'task-definitions', 'web.json'), join(dir, 'services', 'web-task.json'));
    const uri = pathToFileURL(join(dir, 'services', 'web-service.json')).href;
    await client.open(uri, readFileSync(join(dir, 'services', 'web-service.json'), 'utf8'), 1, 'json');
    const found = await diagnostics(uri);
    assert.deepEqual(found.map((d) => d.code), ['launch-type-incompatible', 'service-role-with-awsvpc', 'unknown-container-reference']);
    assert.match(found[2].message, /'webapp' is not a container of web-task\.json/);
    assert.equal(found[2].relatedInformation?.[0].location.uri, pathToFileURL(join(dir, 'services', 'web-task.json')).href);
  });

  it('a service definition is schema-checked while typed: a key typo on its key, with the rename as quick fix', async () => {
    const dir = join(repo, 'ecspresso');
    const uri = pathToFileURL(join(dir, 'ecs-service-def.json')).href;
    const clean = readFileSync(join(dir, 'ecs-service-def.json'), 'utf8');
    const text = clean.replace('"schedulingStrategy"', '"schedulingStrategie"');
    await client.open(uri, text, 1, 'json');
    const found = (await diagnostics(uri)).filter((d) => d.code === 'unknown-property');
    const line = text.split('\n').findIndex((l) => l.includes('schedulingStrategie'));
    assert.deepEqual(found.map((d) => [d.range.start.line, d.range.start.character, d.range.end.character]), [[line, 2, 23]]);
    assert.match(found[0].message, /Did you mean 'schedulingStrategy'\?/);
    const actions = await client.request<Array<{ title: string; edit: { changes: Record<string, LspTextEdit[]> } }>>('textDocument/codeAction', { textDocument: { uri }, range: found[0].range, context: { diagnostics: [found[0]] } });
    assert.equal(actions[0].title, "Rename to 'schedulingStrategy'");
    assert.equal(applyLspEdits(text, actions[0].edit.changes[uri]), clean);
  });
});
