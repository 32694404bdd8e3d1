/**
 * What the desktop client (extension.ts) and the web client (browser-extension.ts) share: the client options, the
 * start, and the features registered after it. Only how the server is started differs (a Node process or a worker).
 */
import { type Diagnostic, type ExtensionContext, extensions, FileType, RelativePattern, type TextDocument, Uri, workspace } from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import { CONFIG_FILE_NAME } from '../../server/src/core/config/config-file-name';
import {
  type InitializationOptions,
  READ_FILE_REQUEST,
  type ReadFileParams,
  type ReadFileResult,
  WORKSPACE_FILES_REQUEST,
  type WorkspaceFilesParams,
  type WorkspaceFilesResult,
  WORKSPACE_TRUSTED_NOTIFICATION,
} from '../../server/src/shared/protocol';
import { DOCUMENT_SELECTOR } from './document-selector';
import { editorReportsJsonSyntax, withoutEditorDuplicates } from './editor-json-syntax';
import { CLIENT_FEATURES } from './features';

let client: BaseLanguageClient | undefined;

/** Owner of pushed diagnostics (VS Code keys markers by owner and file across all extension hosts: never generated). */
export const PUSH_DIAGNOSTICS_OWNER = 'ecs-taskdef-push';

export async function startClient(context: ExtensionContext, create: (options: LanguageClientOptions) => BaseLanguageClient): Promise<void> {
  // In Restricted Mode VS Code already leaves out workspace values of ecsTaskdef.placeholderPatterns (package.json
  // restrictedConfigurations); the server leaves out those of .ecs-taskdef.json files until trust is granted.
  const trustedAtStart = workspace.isTrusted;
  const initializationOptions: InitializationOptions = {
    // Plain data: a worker's postMessage cannot clone the configuration object's functions (IPC dropped them).
    settings: JSON.parse(JSON.stringify(workspace.getConfiguration('ecsTaskdef'))) as unknown,
    workspaceTrusted: trustedAtStart,
    readFiles: true,
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    // The pulled diagnostics are kept under the server's `diagnosticProvider.identifier` (DIAGNOSTIC_OWNER, issue 18);
    // this names the push collection, which only a server without pull support would fill: an owner of its own too.
    diagnosticCollectionName: PUSH_DIAGNOSTICS_OWNER,
    synchronize: {
      configurationSection: 'ecsTaskdef',
      // Config changes on disk and in virtual workspaces alike (the server re-reads and re-lints); JSON and YAML
      // files for the server's workspace index (a task definition or workflow changed outside the editor).
      // A glob watcher says nothing of the files in a deleted, created or moved folder: deletions and creations of
      // anything name the folder (the server drops what it held below a deleted one and walks a created one).
      fileEvents: [
        workspace.createFileSystemWatcher(`**/${CONFIG_FILE_NAME}`),
        workspace.createFileSystemWatcher('**/*.{json,yml,yaml}'),
        workspace.createFileSystemWatcher('**/*', false, true, false),
      ],
    },
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
  const started = create(clientOptions);
  client = started;
  // Registered before start: the server may ask while it answers the first diagnostics request.
  started.onRequest(READ_FILE_REQUEST, (params: ReadFileParams) => readFile(params?.uri));
  started.onRequest(WORKSPACE_FILES_REQUEST, (params: WorkspaceFilesParams) => workspaceFiles(params));
  await started.start();
  const trusted = (): void => void started.sendNotification(WORKSPACE_TRUSTED_NOTIFICATION);
  context.subscriptions.push(workspace.onDidGrantWorkspaceTrust(trusted));
  if (!trustedAtStart && workspace.isTrusted) trusted(); // granted while the server started
  for (const register of CLIENT_FEATURES) register(context, started);
}

/** Largest workspace file the server's index may read through the client (its own cap is the same). */
const MAX_INDEXED_FILE = 1024 * 1024;

/**
 * A `.ecs-taskdef.json`, or a JSON/YAML file below a workspace folder (the server's workspace index), through the
 * editor's file system (disk, vscode-vfs, the browser's): null when unreadable, outside the workspace or too big.
 */
async function readFile(uri: unknown): Promise<ReadFileResult> {
  if (typeof uri !== 'string') return null;
  const config = uri.endsWith(`/${CONFIG_FILE_NAME}`);
  if (!config && !/\.(json|ya?ml)$/i.test(uri)) return null;
  try {
    const target = Uri.parse(uri, true);
    if (!config && !workspace.getWorkspaceFolder(target)) return null;
    const st = await workspace.fs.stat(target);
    if (st.type & FileType.Directory || (!config && st.size > MAX_INDEXED_FILE)) return null;
    return { text: new TextDecoder().decode(await workspace.fs.readFile(target)) };
  } catch {
    return null;
  }
}

/** The JSON and YAML files of a workspace folder, for the server's index (dependencies and VCS data left out). */
async function workspaceFiles(params: WorkspaceFilesParams): Promise<WorkspaceFilesResult> {
  try {
    const folder = workspace.workspaceFolders?.find((f) => f.uri.toString() === params?.folder);
    if (!folder) return null;
    const max = Math.min(Math.max(0, Number(params.max) || 0), 5000);
    const found = await workspace.findFiles(new RelativePattern(folder, '**/*.{json,yml,yaml}'), '{**/node_modules/**,**/.git/**}', max);
    return { uris: found.map((u) => u.toString()) };
  } catch {
    return null;
  }
}

/** Whether the built-in JSON Language Features report syntax errors for this document (read at each report). */
function builtInJsonReportsSyntax(document: TextDocument | Uri): boolean {
  const doc = 'languageId' in document ? document : workspace.textDocuments.find((d) => d.uri.toString() === document.toString());
  const enabled = workspace.getConfiguration('json', doc?.uri).get<boolean>('validate.enable', true);
  return editorReportsJsonSyntax(doc?.languageId, enabled, extensions.getExtension('vscode.json-language-features') !== undefined);
}

export function stopClient(): Promise<void> | undefined {
  return client?.stop();
}
