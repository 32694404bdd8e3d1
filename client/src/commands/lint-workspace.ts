/**
 * "ECS: Lint all task definitions in workspace". The client finds candidate files (JSON files by glob) and sends
 * their text in batches to the server (`ecsTaskdef/lintFiles`), which picks the task definitions among them (the
 * detection of the CLI and of open documents: core/documents/file-detection.ts, kept out of the client bundle)
 * and lints them with the user's settings exactly like open documents. Results go
 * to a diagnostic collection of their own; once a file is opened, the server's live diagnostics take over.
 * After a run, files that change on disk while closed (a checkout, a generator, another editor) are linted
 * again, new ones are added and deleted ones drop their results, so the Problems panel stays true.
 */
import {
  CancellationTokenSource,
  type CancellationToken,
  commands,
  type DiagnosticCollection,
  languages,
  ProgressLocation,
  Uri,
  window,
  workspace,
} from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import {
  DOCUMENT_INFO_REQUEST,
  type DocumentInfo,
  LINT_FILES_REQUEST,
  type LintFilesParams,
  type LintFilesResult,
} from '../../../server/src/shared/protocol';
import type { ClientFeature } from '../features';
import {
  BATCH_SIZE,
  chunk,
  DISK_CHANGE_SETTLE_MS,
  type FileOutcome,
  isExcludedPath,
  MAX_CANDIDATE_BYTES,
  MAX_CANDIDATE_FILES,
  Settle,
  summarize,
  summaryMessage,
  WORKSPACE_EXCLUDE,
  WORKSPACE_INCLUDE,
} from '../workspace/workspace-lint';
import { COMMANDS } from './catalog';

export const registerLintWorkspace: ClientFeature = (context, client) => {
  const collection = languages.createDiagnosticCollection('ecs-taskdef-workspace');
  /** Files the last run linted (uri strings), so closing one puts its workspace result back. */
  const known = new Set<string>();
  let ran = false;
  const onDisk = new Settle<string>(DISK_CHANGE_SETTLE_MS, (uri) => void lintUris(client, collection, [Uri.parse(uri)], known).catch(() => undefined));
  const changedOnDisk = (uri: Uri): void => {
    if (ran && !isExcludedPath(uri.path)) onDisk.touch(uri.toString());
  };
  const watcher = workspace.createFileSystemWatcher(WORKSPACE_INCLUDE);
  context.subscriptions.push(
    collection,
    watcher,
    { dispose: () => onDisk.dispose() },
    watcher.onDidChange(changedOnDisk),
    watcher.onDidCreate(changedOnDisk),
    watcher.onDidDelete((uri) => {
      collection.delete(uri);
      known.delete(uri.toString());
    }),
    commands.registerCommand(COMMANDS.lintWorkspace.id, async () => {
      ran = true;
      await runWithProgress(client, collection, known);
    }),
    workspace.onDidOpenTextDocument((doc) => collection.delete(doc.uri)),
    workspace.onDidCloseTextDocument((doc) => {
      if (known.has(doc.uri.toString())) void lintUris(client, collection, [doc.uri], known).catch(() => undefined);
    }),
    workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('ecsTaskdef') && known.size) {
        const uris = [...known].map((u) => Uri.parse(u));
        void lintUris(client, collection, uris, known).catch(() => undefined);
      }
    }),
  );
};

async function runWithProgress(client: LanguageClient, collection: DiagnosticCollection, known: Set<string>): Promise<void> {
  if (workspace.getConfiguration('ecsTaskdef').get<boolean>('enable') === false) {
    void window.showInformationMessage('ecs-taskdef is disabled (setting ecsTaskdef.enable).');
    return;
  }
  if (!workspace.workspaceFolders?.length) {
    void window.showInformationMessage('Open a folder first: there is no workspace to lint.');
    return;
  }
  const message = await window.withProgress(
    { location: ProgressLocation.Notification, title: 'Linting ECS task definitions', cancellable: true },
    async (progress, token) => {
      const candidates = await workspace.findFiles(WORKSPACE_INCLUDE, WORKSPACE_EXCLUDE, MAX_CANDIDATE_FILES, token);
      const open = new Set(workspace.textDocuments.map((d) => d.uri.toString()));
      const closed = candidates.filter((u) => !open.has(u.toString()));
      const skippedOpen = await openTaskDefinitions(client, candidates.filter((u) => open.has(u.toString())));
      collection.clear();
      known.clear();
      const outcomes: FileOutcome[] = [];
      const batches = chunk(closed, BATCH_SIZE);
      for (const [i, batch] of batches.entries()) {
        if (token.isCancellationRequested) break;
        progress.report({ message: `${Math.min((i + 1) * BATCH_SIZE, closed.length)} of ${closed.length} JSON files`, increment: 100 / batches.length });
        outcomes.push(...(await lintBatch(client, collection, batch, known, token)));
      }
      return summaryMessage(summarize(outcomes), skippedOpen, token.isCancellationRequested);
    },
  );
  const show = await window.showInformationMessage(message, 'Show Problems');
  if (show) await commands.executeCommand('workbench.actions.view.problems');
}

/**
 * Re-lints some files without UI (after a setting change, when a linted file is closed, or changes on disk).
 * A file that is no longer a task definition (or no longer readable) loses its results.
 */
async function lintUris(client: LanguageClient, collection: DiagnosticCollection, uris: Uri[], known: Set<string>): Promise<void> {
  const open = new Set(workspace.textDocuments.map((d) => d.uri.toString()));
  const source = new CancellationTokenSource();
  try {
    for (const batch of chunk(uris.filter((u) => !open.has(u.toString())), BATCH_SIZE)) {
      await lintBatch(client, collection, batch, known, source.token);
    }
  } finally {
    source.dispose();
  }
}

/**
 * Lints the task definitions among `uris` and records them in `known`; the others (not task definitions, or
 * unreadable) lose any results they had.
 */
async function lintBatch(client: LanguageClient, collection: DiagnosticCollection, uris: Uri[], known: Set<string>, token: CancellationToken): Promise<FileOutcome[]> {
  const files = await readCandidates(uris);
  const result = files.length
    ? await client.sendRequest<LintFilesResult>(LINT_FILES_REQUEST, { files: files.map((f) => ({ uri: f.uri.toString(), text: f.text })) } satisfies LintFilesParams, token)
    : undefined;
  const outcomes: FileOutcome[] = [];
  const linted = new Set<string>();
  for (const file of result?.files ?? []) {
    if (!file.linted) continue;
    collection.set(Uri.parse(file.uri), await client.protocol2CodeConverter.asDiagnostics(file.diagnostics));
    linted.add(file.uri);
    known.add(file.uri);
    outcomes.push({ linted: true, severities: file.diagnostics.map((d) => d.severity ?? 1) });
  }
  for (const uri of uris) {
    if (linted.has(uri.toString())) continue;
    collection.delete(uri);
    known.delete(uri.toString());
  }
  return outcomes;
}

/** Reads the candidates that are files of at most MAX_CANDIDATE_BYTES (the server tells which are task definitions). */
async function readCandidates(uris: Uri[]): Promise<Array<{ uri: Uri; text: string }>> {
  const decoder = new TextDecoder();
  const read = await Promise.all(
    uris.map(async (uri) => {
      try {
        const stat = await workspace.fs.stat(uri);
        if (stat.size > MAX_CANDIDATE_BYTES) return undefined;
        return { uri, text: decoder.decode(await workspace.fs.readFile(uri)) };
      } catch {
        return undefined;
      }
    }),
  );
  return read.filter((f): f is { uri: Uri; text: string } => !!f);
}

/** How many of these open documents the server lints as task definitions (their live diagnostics cover them). */
async function openTaskDefinitions(client: LanguageClient, uris: Uri[]): Promise<number> {
  const infos = await Promise.all(
    uris.map((uri) => client.sendRequest<DocumentInfo | null>(DOCUMENT_INFO_REQUEST, { uri: uri.toString() }).catch(() => null)),
  );
  return infos.filter((info) => info?.linted).length;
}
