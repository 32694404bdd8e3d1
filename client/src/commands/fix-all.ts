/**
 * "ECS: Fix all problems in file": asks the server for its `source.fixAll.ecs-taskdef` code action on the
 * whole document and applies it (the same action `editor.codeActionsOnSave` runs).
 */
import { type CodeAction, commands, Range, window, workspace } from 'vscode';
import { FIX_ALL_CODE_ACTION_KIND } from '../../../server/src/shared/protocol';
import type { ClientFeature } from '../features';
import { COMMANDS } from './catalog';

export const registerFixAll: ClientFeature = (context) => {
  context.subscriptions.push(commands.registerCommand(COMMANDS.fixAll.id, run));
};

async function run(): Promise<void> {
  const editor = window.activeTextEditor;
  if (!editor) return;
  const doc = editor.document;
  const whole = new Range(doc.positionAt(0), doc.positionAt(doc.getText().length));
  // The last argument asks VS Code to resolve the first action, in case the server computes edits lazily.
  const actions = await commands.executeCommand<CodeAction[] | undefined>('vscode.executeCodeActionProvider', doc.uri, whole, FIX_ALL_CODE_ACTION_KIND, 1);
  const fix = actions?.find((a) => a.kind?.value === FIX_ALL_CODE_ACTION_KIND && (a.edit || a.command));
  if (!fix) {
    void window.showInformationMessage('No automatic fixes available for this file.');
    return;
  }
  if (fix.edit && !(await workspace.applyEdit(fix.edit))) {
    void window.showErrorMessage('The fixes could not be applied (the document changed); run the command again.');
    return;
  }
  if (fix.command) await commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
}
