import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TestClient } from '../helpers/lsp-client';
import { assertServerBuilt } from '../helpers/lsp-session';
import { webTask } from '../helpers/task-texts';
import { CancellationTokenSource, LSPErrorCodes } from 'vscode-languageserver-protocol';
import { generateTaskDefinition } from '../../scripts/bench/generate';

const TEXT = webTask('{ "name": "web", "image": "nginx:1.27", "essential": "yes" }');

describe('language server over stdio (dist/server.js --stdio)', () => {
  before(assertServerBuilt);

  describe('push diagnostics', () => {
    const client = new TestClient();
    after(() => client.shutdown());

    it('initializes with incremental sync and no pull provider', async () => {
      const init = await client.initialize();
      assert.deepEqual((init.capabilities.textDocumentSync as { change: number }).change, 2);
      assert.equal(init.capabilities.diagnosticProvider, undefined);
    });

    it('publishes diagnostics on open, with rule id, source and docs link', async () => {
      const uri = 'file:///work/app/task-definition.json';
      await client.open(uri, TEXT, 1);
      const diags = await client.waitForDiagnostics(uri, 1);
      const wrong = diags.find((d) => d.code === 'wrong-type');
      assert.ok(wrong, JSON.stringify(diags));
      assert.equal(wrong.source, 'ecs-taskdef');
      assert.match(wrong.codeDescription!.href, /docs\/rules\/wrong-type\.md$/);
      assert.deepEqual(wrong.range, { start: { line: 7, character: 57 }, end: { line: 7, character: 62 } });
    });

    it('re-lints after an incremental change', async () => {
      const uri = 'file:///work/app/task-definition.json';
      await client.change(uri, 2, [{ range: { start: { line: 7, character: 57 }, end: { line: 7, character: 62 } }, text: 'true' }]);
      const diags = await client.waitForDiagnostics(uri, 2);
      assert.equal(diags.find((d) => d.code === 'wrong-type'), undefined, JSON.stringify(diags));
    });

    it('ignores JSON files that are not task definitions', async () => {
      const uri = 'file:///work/app/package.json';
      await client.open(uri, '{ "name": "x", "version": 1 }', 1);
      assert.deepEqual(await client.waitForDiagnostics(uri, 1), []);
    });

    it('lints by content when the name says nothing', async () => {
      const uri = 'file:///work/app/deploy.json';
      await client.open(uri, '{ "family": "x", "containerDefinitions": [ { "name": "a" } ] }', 1);
      const diags = await client.waitForDiagnostics(uri, 1);
      assert.ok(diags.some((d) => d.code === 'missing-required'), JSON.stringify(diags));
    });

    it('never publishes an older version after a newer one (stale results are dropped)', async () => {
      const uri = 'file:///work/app/fast-task-def.json';
      await client.open(uri, TEXT, 1);
      for (let v = 2; v <= 6; v++) await client.change(uri, v, [{ text: TEXT.replace('"yes"', v === 6 ? 'true' : `"yes${v}"`) }]);
      const diags = await client.waitForDiagnostics(uri, 6);
      assert.equal(diags.find((d) => d.code === 'wrong-type'), undefined);
      const versions = client.publishedFor(uri).map((p) => p.version);
      assert.deepEqual(versions, [...versions].sort((a, b) => (a ?? 0) - (b ?? 0)), `published versions: ${versions}`);
      assert.equal(versions[versions.length - 1], 6);
    });
  });

  describe('pull diagnostics', () => {
    const client = new TestClient();
    after(() => client.shutdown());

    it('offers a diagnostic provider and answers textDocument/diagnostic', async () => {
      const init = await client.initialize({ pull: true, configuration: true });
      assert.ok(init.capabilities.diagnosticProvider);
      client.settings = { rules: { 'wrong-type': 'warning' } };
      const uri = 'file:///work/app/taskdef.json';
      await client.open(uri, TEXT, 1);
      const report = await client.request<{ kind: string; items: Array<{ code: string; severity: number }> }>('textDocument/diagnostic', { textDocument: { uri } });
      assert.equal(report.kind, 'full');
      const wrong = report.items.find((d) => d.code === 'wrong-type');
      assert.equal(wrong?.severity, 2, 'severity override from workspace settings applies');
      assert.equal(client.publishedFor(uri).length, 0, 'no push in pull mode');
    });

    it('stops linting a version the user typed past: the stale request is cancelled, the new one answered', async () => {
      const uri = 'file:///work/app/big-taskdef.json';
      const text = generateTaskDefinition(1_000_000);
      await client.open(uri, text, 1);
      const source = new CancellationTokenSource();
      type Report = { items: Array<{ code: string }> };
      const stale = client.connection.sendRequest<Report>('textDocument/diagnostic', { textDocument: { uri } }, source.token);
      // One keystroke that makes the family invalid, as an editor sends it: the change, then the cancel, then a new pull.
      const at = text.indexOf('"bench-generated"') + 1;
      await client.change(uri, 2, [{ range: { start: positionAt(text, at), end: positionAt(text, at) }, text: ' ' }]);
      source.cancel();
      const fresh = client.request<Report>('textDocument/diagnostic', { textDocument: { uri } });
      // Stopped, not finished: cancelled (the cancel was read first) or server-cancelled (the change was).
      const stopped = [LSPErrorCodes.RequestCancelled, LSPErrorCodes.ServerCancelled];
      await assert.rejects(stale, (e: { code?: number }) => stopped.includes(e.code ?? 0), 'the stale lint was stopped, not finished');
      const report = await fresh;
      assert.ok(report.items.some((d) => d.code === 'invalid-format'), JSON.stringify(report.items.map((d) => d.code)));
    });
  });
});

function positionAt(text: string, offset: number) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}
