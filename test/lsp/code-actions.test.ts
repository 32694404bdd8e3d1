import assert from 'node:assert/strict';
import { parse } from 'jsonc-parser';
import { describe, it } from 'node:test';
import type { LspDiagnostic } from '../helpers/lsp-client';
import { useServer } from '../helpers/lsp-session';
import { webTask } from '../helpers/task-texts';
import { applyLspEdits, freshUri, type LspTextEdit } from './editor-protocol';

interface CodeAction {
  title: string;
  kind?: string;
  isPreferred?: boolean;
  diagnostics?: LspDiagnostic[];
  edit?: { changes: Record<string, LspTextEdit[]> };
  command?: { command: string; arguments?: unknown[] };
}

const TEXT = webTask('{ "name": "web", "image": "nginx:1.27", "essential": "true", "memory": "256", "esential": true }', { comment: 'web service' });

describe('code actions over stdio', () => {
  const server = useServer();
  const { client } = server;

  async function open(text: string): Promise<{ uri: string; diagnostics: LspDiagnostic[] }> {
    const uri = freshUri();
    await client.open(uri, text, 1);
    const report = await client.request<{ items: LspDiagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
    return { uri, diagnostics: report.items };
  }

  function actions(uri: string, diagnostics: LspDiagnostic[], only?: string[], range = diagnostics[0]?.range) {
    return client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics, ...(only ? { only } : {}) },
    });
  }

  const applied = (text: string, uri: string, a: CodeAction) => applyLspEdits(text, a.edit!.changes[uri]);

  it('declares quickfix and source.fixAll.ecs-taskdef', () => {
    assert.deepEqual((server.capabilities.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds, ['quickfix', 'source.fixAll.ecs-taskdef']);
  });

  it("offers a diagnostic's fixes as quick fixes; the preferred one is marked", async () => {
    const { uri, diagnostics } = await open(TEXT);
    const unknown = diagnostics.find((d) => d.code === 'unknown-property')!;
    const list = await actions(uri, [unknown]);
    const rename = list.find((a) => a.title === "Rename to 'essential'")!;
    const remove = list.find((a) => a.title === "Remove 'esential'")!;
    assert.equal(rename.kind, 'quickfix');
    assert.equal(rename.isPreferred, true);
    assert.equal(remove.isPreferred, false);
    assert.deepEqual(rename.diagnostics, [unknown]);
    assert.equal(applied(TEXT, uri, rename), TEXT.replace('"esential"', '"essential"'));
    const removed = parse(applied(TEXT, uri, remove)) as { containerDefinitions: Array<Record<string, unknown>> };
    assert.deepEqual(Object.keys(removed.containerDefinitions[0]), ['name', 'image', 'essential', 'memory']);
  });

  it('offers "Fix all <rule> problems in this file" when the rule has more than one fixable problem', async () => {
    const { uri, diagnostics } = await open(TEXT);
    const wrong = diagnostics.filter((d) => d.code === 'wrong-type');
    assert.equal(wrong.length, 2);
    const list = await actions(uri, [wrong[0]]);
    const all = list.find((a) => a.title === 'Fix all wrong-type problems in this file')!;
    assert.equal(all.kind, 'quickfix');
    assert.equal(applied(TEXT, uri, all), TEXT.replace('"essential": "true"', '"essential": true').replace('"memory": "256"', '"memory": 256'));
    // unknown-property has one problem only: no fix-all for it.
    const single = await actions(uri, [diagnostics.find((d) => d.code === 'unknown-property')!]);
    assert.equal(single.find((a) => a.title.startsWith('Fix all')), undefined);
  });

  it('offers "Disable <rule> in settings" and "Show documentation for <rule>" as client commands', async () => {
    const { uri, diagnostics } = await open(TEXT);
    const d = diagnostics.find((x) => x.code === 'unknown-property')!;
    const list = await actions(uri, [d]);
    const disable = list.find((a) => a.title === 'Disable unknown-property in settings')!;
    const docs = list.find((a) => a.title === 'Show documentation for unknown-property')!;
    assert.deepEqual(disable.command, { title: 'Disable unknown-property in settings', command: 'ecsTaskdef.disableRule', arguments: ['unknown-property'] });
    assert.deepEqual(docs.command, { title: 'Show documentation for unknown-property', command: 'ecsTaskdef.showRuleDocs', arguments: ['unknown-property'] });
    // Fixes come first, then the per-rule actions.
    assert.ok(list.indexOf(list.find((a) => a.title.startsWith('Rename'))!) < list.indexOf(disable));
  });

  it('source.fixAll.ecs-taskdef applies every preferred fix, keeping comments', async () => {
    const { uri } = await open(TEXT);
    for (const only of [['source.fixAll'], ['source.fixAll.ecs-taskdef'], ['source']]) {
      const list = await actions(uri, [], only);
      assert.equal(list.length, 1, JSON.stringify(only));
      assert.equal(list[0].kind, 'source.fixAll.ecs-taskdef');
      const fixed = applied(TEXT, uri, list[0]);
      assert.ok(fixed.includes('// web service'));
      assert.ok(fixed.includes('"essential": true') && fixed.includes('"memory": 256') && !fixed.includes('esential'));
    }
  });

  it('gives no source action unless asked, and none for other kinds', async () => {
    const { uri, diagnostics } = await open(TEXT);
    assert.ok((await actions(uri, diagnostics)).every((a) => a.kind === 'quickfix'));
    assert.deepEqual(await actions(uri, diagnostics, ['source.organizeImports']), []);
    assert.ok((await actions(uri, diagnostics, ['quickfix'])).length > 0);
  });

  it('gives no source.fixAll action when there is nothing to fix', async () => {
    const { uri } = await open('{ "family": "x", "containerDefinitions": [ { "name": "a", "image": "nginx", "essential": true, "memory": 128 } ] }');
    assert.deepEqual(await actions(uri, [], ['source.fixAll']), []);
  });

  it('finds the fix by range and code when data points at another version', async () => {
    const { uri, diagnostics } = await open(TEXT);
    const d = { ...diagnostics.find((x) => x.code === 'unknown-property')!, data: { index: 99, version: 0 } };
    const list = await actions(uri, [d]);
    assert.ok(list.some((a) => a.title === "Rename to 'essential'"));
  });

  it('ignores diagnostics from other sources', async () => {
    const { uri, diagnostics } = await open(TEXT);
    const foreign = { ...diagnostics[0], source: 'json', code: 'x' };
    assert.deepEqual(await actions(uri, [foreign]), []);
  });
});
