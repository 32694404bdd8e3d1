/** The VS Code client: starts the language server and does little else (commands and the status item live in features.ts). */
import * as path from 'node:path';
import { type Diagnostic, type ExtensionContext, extensions, type TextDocument, type Uri, workspace } from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { type InitializationOptions, WORKSPACE_TRUSTED_NOTIFICATION } from '../../server/src/shared/protocol';
import { DOCUMENT_SELECTOR } from './document-selector';
import { editorReportsJsonSyntax, withoutEditorDuplicates } from './editor-json-syntax';
import { CLIENT_FEATURES } from './features';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  // In Restricted Mode VS Code already leaves out workspace values of ecsTaskdef.placeholderPatterns (package.json
  // restrictedConfigurations); the server leaves out those of .ecs-taskdef.json files until trust is granted.
  const trustedAtStart = workspace.isTrusted;
  const initializationOptions: InitializationOptions = { settings: workspace.getConfiguration('ecsTaskdef'), workspaceTrusted: trustedAtStart };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    synchronize: { configurationSection: 'ecsTaskdef' },
    initializationOptions,
    // VS Code's JSON support already marks syntax errors: ours would repeat them (editor-json-syntax.ts).
    middleware: {
      async provideDiagnostics(document, previousResultId, token, next) {
        const report = await next(document, previousResultId, token);
        if (!report || report.kind !== 'full') return report;
        return { ...report, items: withoutEditorDuplicates(report.items, builtInJsonReportsSyntax(document)) };
      },
      handleDiagnostics(uri, diagnostics, next) {
        next(uri, withoutEditorDuplicates(diagnostics as Diagnostic[], builtInJsonReportsSyntax(uri)));
      },
    },
  };
  const started = new LanguageClient('ecsTaskdef', 'ECS Task Definition', serverOptions, clientOptions);
  client = started;
  await started.start();
  const trusted = (): void => void started.sendNotification(WORKSPACE_TRUSTED_NOTIFICATION);
  context.subscriptions.push(workspace.onDidGrantWorkspaceTrust(trusted));
  if (!trustedAtStart && workspace.isTrusted) trusted(); // granted while the server started
  for (const register of CLIENT_FEATURES) register(context, client);
}

/** Whether the built-in JSON Language Features report syntax errors for this document (read at each report). */
function builtInJsonReportsSyntax(document: TextDocument | Uri): boolean {
  const doc = 'languageId' in document ? document : workspace.textDocuments.find((d) => d.uri.toString() === document.toString());
  const enabled = workspace.getConfiguration('json', doc?.uri).get<boolean>('validate.enable', true);
  return editorReportsJsonSyntax(doc?.languageId, enabled, extensions.getExtension('vscode.json-language-features') !== undefined);
}

export function deactivate(): Promise<void> | undefined {
  return client?.stop();
}
