/** An open GitHub workflow (language id github-actions-workflow) is checked against the task definition it deploys. */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { LspDiagnostic } from '../helpers/lsp-client';
import { useServer } from '../helpers/lsp-session';
import { applyLspEdits, type LspTextEdit } from './editor-protocol';

const STARTER = join(__dirname, '..', 'fixtures', 'workspaces', 'github-starter');

interface Related {
  location: { uri: string; range: { start: { line: number; character: number } } };
  message: string;
}

describe('LSP: GitHub workflow documents', () => {
  const { client } = useServer();
  let repo: string;
  before(() => {
    repo = mkdtempSync(join(tmpdir(), 'ecs-taskdef-lsp-wf-'));
    cpSync(STARTER, repo, { recursive: true });
  });
  after(() => rmSync(repo, { recursive: true, force: true }));

  async function diagnostics(uri: string): Promise<Array<LspDiagnostic & { relatedInformation?: Related[] }>> {
    const report = await client.request<{ items: Array<LspDiagnostic & { relatedInformation?: Related[] }> }>('textDocument/diagnostic', { textDocument: { uri } });
    return report.items;
  }

  it('reports the unknown container on its env value, with related information in the task-definition file', async () => {
    const path = join(repo, '.github', 'workflows', 'aws.yml');
    const uri = pathToFileURL(path).href;
    const text = readFileSync(path, 'utf8');
    await client.open(uri, text, 1, 'github-actions-workflow');
    const [d, ...rest] = await diagnostics(uri);
    assert.equal(rest.length, 0);
    assert.equal(d.code, 'unknown-container-reference');
    assert.deepEqual(d.range, { start: { line: 13, character: 18 }, end: { line: 13, character: 24 } });
    const taskUri = pathToFileURL(join(repo, '.aws', 'task-definition.json')).href;
    assert.deepEqual(d.relatedInformation?.map((r) => [r.location.uri, r.location.range.start.line, r.message]), [[taskUri, 9, "container 'web'"]]);

    const actions = await client.request<Array<{ title: string; isPreferred?: boolean; edit: { changes: Record<string, LspTextEdit[]> } }>>('textDocument/codeAction', {
      textDocument: { uri },
      range: d.range,
      context: { diagnostics: [d] },
    });
    assert.deepEqual(actions.map((a) => [a.title, a.isPreferred]), [["Change to 'web'", true]]);
    const fixed = applyLspEdits(text, actions[0].edit.changes[uri]);
    assert.match(fixed, /CONTAINER_NAME: web {3}# the container/);
    await client.change(uri, 2, [{ text: fixed }]);
    assert.deepEqual(await diagnostics(uri), []);
  });

  it('reports a missing task-definition file with the nearest name, and sees a file created on disk next time', async () => {
    const path = join(repo, '.github', 'workflows', 'worker.yml');
    const uri = pathToFileURL(path).href;
    await client.open(uri, readFileSync(path, 'utf8'), 1, 'github-actions-workflow');
    const [d] = await diagnostics(uri);
    assert.equal(d.code, 'unknown-task-definition-file');
    assert.match(d.message, /did you mean '\.aws\/worker-task-definition\.json'/);
    writeFileSync(join(repo, '.aws', 'worker-task-defintion.json'), readFileSync(join(repo, '.aws', 'worker-task-definition.json')));
    await client.change(uri, 2, [{ text: readFileSync(path, 'utf8') + '\n' }]);
    assert.deepEqual(await diagnostics(uri), []);
  });

  it('leaves other YAML files and workflows without the ECS actions alone', async () => {
    const uri = pathToFileURL(join(repo, '.github', 'workflows', 'ci.yml')).href;
    await client.open(uri, readFileSync(join(repo, '.github', 'workflows', 'ci.yml'), 'utf8'), 1, 'github-actions-workflow');
    assert.deepEqual(await diagnostics(uri), []);
  });
});
