/**
 * Language status item for JSON/JSONC editors: what the server detected in the active document, e.g.
 * "ECS task definition · FARGATE". Hidden (disposed) when the document is not a task definition.
 */
import { languages, type LanguageStatusItem, type TextDocument, window, workspace } from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { DOCUMENT_INFO_REQUEST, type DocumentInfo } from '../../../server/src/shared/protocol';
import { COMMANDS } from '../commands/catalog';
import type { ClientFeature } from '../features';
import { describeDocumentInfo } from './describe-document';

const LANGUAGES = ['json', 'jsonc'];
const DELAY_MS = 250;

export const registerLanguageStatus: ClientFeature = (context, client) => {
  let item: LanguageStatusItem | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let generation = 0;

  const hide = () => {
    item?.dispose();
    item = undefined;
  };

  async function update(): Promise<void> {
    const doc = window.activeTextEditor?.document;
    const mine = ++generation;
    if (!doc || !LANGUAGES.includes(doc.languageId)) return hide();
    const info = await documentInfo(client, doc);
    if (mine !== generation) return; // a newer update started while we waited
    const status = describeDocumentInfo(info, COMMANDS.convertDescribeOutput.id);
    if (!status) return hide();
    item ??= languages.createLanguageStatusItem('ecsTaskdef.documentKind', LANGUAGES.map((language) => ({ language })));
    item.name = 'ECS task definition';
    item.text = status.text;
    item.detail = status.detail;
    item.command = status.command ? { command: status.command.id, title: status.command.title } : undefined;
  }

  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void update(), DELAY_MS);
  };

  context.subscriptions.push(
    window.onDidChangeActiveTextEditor(schedule),
    workspace.onDidChangeTextDocument((e) => {
      if (e.document === window.activeTextEditor?.document) schedule();
    }),
    workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('ecsTaskdef')) schedule();
    }),
    { dispose: () => (clearTimeout(timer), hide()) },
  );
  schedule();
};

async function documentInfo(client: LanguageClient, doc: TextDocument): Promise<DocumentInfo | null> {
  try {
    return await client.sendRequest<DocumentInfo | null>(DOCUMENT_INFO_REQUEST, { uri: doc.uri.toString() });
  } catch {
    return null;
  }
}
