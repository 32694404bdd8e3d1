/**
 * Helpers for the VS Code API suite (runs inside a real extension host, see scripts/test-vscode.mjs):
 * workspace files, waiting for the language server's diagnostics, reading hovers and completion labels.
 */
import * as vscode from 'vscode';

export const SOURCE = 'ecs-taskdef';
export const EXTENSION_ID = 'ecs-taskdef.ecs-taskdef';

/** Longest wait for the language server to answer (a cold server start included); a failure guard, not a measure. */
const WAIT_MS = 30_000;

export function workspaceUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('The test workspace folder is not open (scripts/test-vscode.mjs passes it to VS Code).');
  return vscode.Uri.joinPath(folder.uri, name);
}

export async function openEditor(name: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(name));
  return vscode.window.showTextDocument(doc, { preview: false });
}

/** Polls `probe` until it returns something other than undefined; on time-out throws with `what` and the last state. */
export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, describeState?: () => string): Promise<T> {
  const end = Date.now() + WAIT_MS;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}${describeState ? `; last state: ${describeState()}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function ruleId(d: vscode.Diagnostic): string {
  const code = d.code;
  if (code === undefined) return '';
  return typeof code === 'object' ? String(code.value) : String(code);
}

export function ourDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

function summary(uri: vscode.Uri): string {
  const all = vscode.languages.getDiagnostics(uri);
  return all.length === 0 ? 'no diagnostics' : all.map((d) => `${d.source ?? '?'}:${ruleId(d)}@${d.range.start.line + 1}`).join(', ');
}

/** Waits until the file's ecs-taskdef diagnostics satisfy `accept`, returns them. */
export function waitForDiagnostics(uri: vscode.Uri, what: string, accept: (ds: vscode.Diagnostic[]) => boolean): Promise<vscode.Diagnostic[]> {
  return waitFor(
    `${what} in ${uri.path.slice(uri.path.lastIndexOf('/') + 1)}`,
    () => {
      const ds = ourDiagnostics(uri);
      return accept(ds) ? ds : undefined;
    },
    () => summary(uri),
  );
}

export function waitForRules(uri: vscode.Uri, rules: readonly string[]): Promise<vscode.Diagnostic[]> {
  return waitForDiagnostics(uri, `diagnostics ${rules.join(', ')}`, (ds) => rules.every((r) => ds.some((d) => ruleId(d) === r)));
}

/** Position of the `index`-th character inside the first occurrence of `needle` in the document. */
export function positionOf(doc: vscode.TextDocument, needle: string, index = 0): vscode.Position {
  const at = doc.getText().indexOf(needle);
  if (at < 0) throw new Error(`'${needle}' not found in ${doc.uri.path}`);
  return doc.positionAt(at + index);
}

export function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

export function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** Reverts the document in the active editor to its saved content (the tests never save). */
export async function revert(editor: vscode.TextEditor): Promise<void> {
  await vscode.window.showTextDocument(editor.document, { preview: false });
  await vscode.commands.executeCommand('workbench.action.files.revert');
  await waitFor('the revert', () => (editor.document.isDirty ? undefined : true));
}
