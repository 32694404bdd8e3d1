/**
 * The comparison server for memory: vscode-json-languageservice behind vscode-languageserver, validating the
 * open document against our schema and keeping its parsed JSONDocument, as VS Code's JSON server does.
 */
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService, type JSONDocument } from 'vscode-json-languageservice';
import schema from '../../schemas/task-definition.schema.json';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const service = getLanguageService({});
service.configure({ validate: true, allowComments: true, schemas: [{ uri: 'ecs-taskdef://task-definition.schema.json', fileMatch: ['*'], schema: schema as object }] });
const parsed = new Map<string, JSONDocument>();

connection.onInitialize(() => ({ capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental } }));
documents.onDidChangeContent(async (e) => {
  const doc = e.document;
  const json = service.parseJSONDocument(doc);
  parsed.set(doc.uri, json);
  const diagnostics = await service.doValidation(doc, json, { comments: 'ignore', trailingCommas: 'ignore' });
  void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
});
documents.onDidClose((e) => parsed.delete(e.document.uri));
documents.listen(connection);
connection.listen();
