/**
 * The extension in a real VS Code, through the VS Code API: diagnostics from the language server, hover,
 * quick fixes, completion, the contributed snippet and a command. Same scenarios as the code-server suite
 * (test/e2e), without a UI driver. Run by scripts/test-vscode.mjs (`npm run test:vscode`).
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'jsonc-parser';
import { afterEach, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import {
  EXTENSION_ID,
  hoverText,
  labelOf,
  openEditor,
  ourDiagnostics,
  positionOf,
  revert,
  ruleId,
  SOURCE,
  waitFor,
  waitForDiagnostics,
  waitForRules,
  workspaceUri,
} from './helpers';

const WEB = 'web-fargate-task-def.json';
const DESCRIBE = 'describe-output.json';
const SECRETS = 'worker-secrets-task-def.json';

describe('ecs-taskdef in VS Code', function () {
  let extension: vscode.Extension<unknown>;

  before(async function () {
    const found = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(found, `extension ${EXTENSION_ID} is not loaded from the development path`);
    extension = found;
    await extension.activate();
  });

  afterEach(async function () {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('activates and contributes its commands', async function () {
    assert.equal(extension.isActive, true);
    const all = await vscode.commands.getCommands(true);
    for (const id of ['ecsTaskdef.convertDescribeOutput', 'ecsTaskdef.fixAll', 'ecsTaskdef.explainRoles']) {
      assert.ok(all.includes(id), `command ${id} is not registered`);
    }
  });

  it('publishes our rule ids as diagnostics for each workspace file', async function () {
    const expected: Record<string, { present: string[]; absent: string[] }> = {
      [WEB]: { present: ['fargate-cpu-memory'], absent: ['read-only-property', 'execution-role-required', 'json-syntax'] },
      [DESCRIBE]: { present: ['read-only-property'], absent: ['fargate-cpu-memory', 'json-syntax'] },
      [SECRETS]: { present: ['execution-role-required'], absent: ['fargate-cpu-memory', 'read-only-property'] },
    };
    for (const [file, { present, absent }] of Object.entries(expected)) {
      const editor = await openEditor(file);
      const ds = await waitForRules(editor.document.uri, present);
      for (const d of ds) assert.equal(d.source, SOURCE);
      const ids = new Set(ds.map(ruleId));
      for (const id of absent) assert.ok(!ids.has(id), `${file} unexpectedly has ${id}`);
    }
    const fargate = ourDiagnostics(workspaceUri(WEB)).find((d) => ruleId(d) === 'fargate-cpu-memory')!;
    assert.equal(fargate.severity, vscode.DiagnosticSeverity.Error);
    assert.match(fargate.message, /256/);
    assert.match(fargate.message, /4096/);
  });

  it('hovers executionRoleArn with the task role / execution role comparison', async function () {
    const editor = await openEditor(WEB);
    await waitForRules(editor.document.uri, ['fargate-cpu-memory']);
    const at = positionOf(editor.document, '"executionRoleArn"', 3);
    const text = await waitFor('an ecs-taskdef hover on executionRoleArn', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, at);
      const t = hoverText(hovers ?? []).replace(/[*`]/g, '').toLowerCase();
      return t.includes('task role') && t.includes('execution role') ? t : undefined;
    });
    assert.match(text, /task execution role/);
  });

  it('offers "Set cpu/memory to …" fixes for the Fargate size; the preferred one clears the error', async function () {
    const editor = await openEditor(WEB);
    const uri = editor.document.uri;
    const [diagnostic] = (await waitForRules(uri, ['fargate-cpu-memory'])).filter((d) => ruleId(d) === 'fargate-cpu-memory');
    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider',
      uri,
      diagnostic.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    // The result mixes CodeActions and bare Commands (whose `command` is a string).
    const ours = (actions ?? []).filter((a): a is vscode.CodeAction => typeof a.command !== 'string');
    const titles = ours.map((a) => a.title);
    assert.ok(titles.includes('Set cpu to 512'), `titles: ${titles.join(' | ')}`);
    for (const m of ['512', '1024', '2048']) assert.ok(titles.includes(`Set memory to ${m}`), `no "Set memory to ${m}" in ${titles.join(' | ')}`);
    const preferred = ours.filter((a) => a.isPreferred && /^Set (cpu|memory) to /.test(a.title));
    assert.equal(preferred.length, 1, `preferred: ${preferred.map((a) => a.title).join(' | ')}`);
    try {
      assert.ok(preferred[0].edit, 'the preferred fix has no edit');
      assert.equal(await vscode.workspace.applyEdit(preferred[0].edit), true);
      assert.match(editor.document.getText(), /"cpu": "512"/);
      assert.match(editor.document.getText(), /"memory": "4096"/);
      await waitForDiagnostics(uri, 'fargate-cpu-memory to go away', (ds) => !ds.some((d) => ruleId(d) === 'fargate-cpu-memory'));
    } finally {
      await revert(editor);
    }
  });

  it('completes the task memory value with the Fargate memories of cpu 256', async function () {
    const editor = await openEditor(WEB);
    const uri = editor.document.uri;
    await waitForRules(uri, ['fargate-cpu-memory']);
    const inside = positionOf(editor.document, '"memory": "4096"', '"memory": "'.length);
    const fargate = await waitFor('Fargate memory completions', async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, inside);
      const items = (list?.items ?? []).filter((i) => /\(Fargate\)/.test(typeof i.detail === 'string' ? i.detail : ''));
      return items.length > 0 ? items : undefined;
    });
    assert.deepEqual(fargate.map(labelOf).sort((a, b) => Number(a) - Number(b)), ['512', '1024', '2048']);
  });

  it('contributes the ecs-fargate-web snippet, which inserts a Fargate task definition', async function () {
    const snippets = JSON.parse(readFileSync(join(extension.extensionPath, 'snippets', 'task-definition.json'), 'utf8')) as Record<string, { prefix: string }>;
    const name = Object.keys(snippets).find((k) => snippets[k].prefix === 'ecs-fargate-web');
    assert.ok(name, 'snippets/task-definition.json has no ecs-fargate-web prefix');
    const doc = await vscode.workspace.openTextDocument({ language: 'json', content: '' });
    const editor = await vscode.window.showTextDocument(doc);
    try {
      const snippetItem = await waitFor('the ecs-fargate-web snippet completion', async () => {
        const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(0, 0));
        return (list?.items ?? []).find((i) => i.kind === vscode.CompletionItemKind.Snippet && labelOf(i) === 'ecs-fargate-web');
      });
      assert.ok(snippetItem);
      await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'json', name });
      const inserted = await waitFor('the snippet text', () => (doc.getText().includes('containerDefinitions') ? doc.getText() : undefined));
      const task = parse(inserted) as { family?: string; requiresCompatibilities?: string[]; cpu?: string; memory?: string };
      assert.equal(task.family, 'web');
      assert.deepEqual(task.requiresCompatibilities, ['FARGATE']);
      assert.equal(task.cpu, '256');
      assert.equal(task.memory, '512');
    } finally {
      await revert(editor);
    }
  });

  it('converts describe-task-definition output into register input', async function () {
    const editor = await openEditor(DESCRIBE);
    const uri = editor.document.uri;
    await waitForRules(uri, ['read-only-property']);
    try {
      await vscode.commands.executeCommand('ecsTaskdef.convertDescribeOutput');
      const text = await waitFor('the converted text', () => (editor.document.getText().includes('taskDefinitionArn') ? undefined : editor.document.getText()));
      const task = parse(text) as Record<string, unknown>;
      assert.equal(task.family, 'api');
      for (const key of ['taskDefinition', 'taskDefinitionArn', 'revision', 'status', 'compatibilities', 'requiresAttributes', 'registeredAt', 'registeredBy', 'tags']) {
        assert.ok(!(key in task), `${key} is still there`);
      }
      assert.ok(Array.isArray(task.containerDefinitions));
      await waitForDiagnostics(uri, 'read-only-property to go away', (ds) => !ds.some((d) => ruleId(d) === 'read-only-property'));
    } finally {
      await revert(editor);
    }
  });
});
