/**
 * "ECS: Convert describe output to register input": one undoable edit of the active document. The server computes
 * the edit (`ecsTaskdef/convertDescribeOutput`, core/fixes/convert.ts), so the client does not bundle the core.
 */
import { commands, Range, window } from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import {
  CONVERT_DESCRIBE_OUTPUT_REQUEST,
  type ConvertDescribeOutputParams,
  type ConvertDescribeOutputResult,
} from '../../../server/src/shared/protocol';
import type { ClientFeature } from '../features';
import { COMMANDS } from './catalog';

export const registerConvertDescribeOutput: ClientFeature = (context, client) => {
  context.subscriptions.push(commands.registerCommand(COMMANDS.convertDescribeOutput.id, () => run(client)));
};

async function run(client: LanguageClient): Promise<void> {
  const editor = window.activeTextEditor;
  if (!editor) {
    void window.showInformationMessage('Open the describe-task-definition output (JSON) first.');
    return;
  }
  const doc = editor.document;
  const version = doc.version;
  const text = doc.getText();
  const edit = await client.sendRequest<ConvertDescribeOutputResult>(CONVERT_DESCRIBE_OUTPUT_REQUEST, { text } satisfies ConvertDescribeOutputParams);
  if (!edit) {
    void window.showInformationMessage('Nothing to convert: this document has no describe-only keys or taskDefinition wrapper.');
    return;
  }
  // The offsets are into `text`: typing during the round trip would shift them.
  if (doc.version !== version) {
    void window.showErrorMessage('The document changed while converting; run the command again.');
    return;
  }
  const range = new Range(doc.positionAt(edit.offset), doc.positionAt(edit.offset + edit.length));
  const ok = await editor.edit((b) => b.replace(range, edit.content));
  if (!ok) void window.showErrorMessage('The document changed while converting; run the command again.');
}
