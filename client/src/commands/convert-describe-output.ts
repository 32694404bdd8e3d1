/** "ECS: Convert describe output to register input": one undoable edit of the active document (core/fixes/convert.ts). */
import { commands, Range, window } from 'vscode';
import { toRegisterInputEdit } from '../../../server/src/core/fixes/convert';
import type { ClientFeature } from '../features';
import { COMMANDS } from './catalog';

export const registerConvertDescribeOutput: ClientFeature = (context) => {
  context.subscriptions.push(commands.registerCommand(COMMANDS.convertDescribeOutput.id, run));
};

async function run(): Promise<void> {
  const editor = window.activeTextEditor;
  if (!editor) {
    void window.showInformationMessage('Open the describe-task-definition output (JSON) first.');
    return;
  }
  const doc = editor.document;
  const edit = toRegisterInputEdit(doc.getText());
  if (!edit) {
    void window.showInformationMessage('Nothing to convert: this document has no describe-only keys or taskDefinition wrapper.');
    return;
  }
  const range = new Range(doc.positionAt(edit.offset), doc.positionAt(edit.offset + edit.length));
  const ok = await editor.edit((b) => b.replace(range, edit.content));
  if (!ok) void window.showErrorMessage('The document changed while converting; run the command again.');
}
