/** The language server: wiring only. Features live in their own files and work on the shared analysis. */
import {
  type ClientCapabilities,
  CodeActionKind,
  type Connection,
  type DocumentDiagnosticReport,
  DocumentDiagnosticReportKind,
  FileChangeType,
  LSPErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisCache, lintOptionsFor, setDeployContextSource, setTerraformContext } from './analysis';
import { TerraformContext } from './terraform-module';
import { addLinkedFileSource, analyseWorkflow, type DeployReadContext, isDeployingDocument, linkedUri, setLinkedOverlay, workflowLspDiagnostics } from './workflow-diagnostics';
import { addWorkspaceFileSource, WorkspaceLinks } from './workspace-links';
import { ClientWorkspaceSource, indexLinkedFiles } from './client-workspace-source';
import { URI_PATH } from './uri';
import { toLspDiagnostic } from './convert';
import { ClientConfigSource } from './client-config-source';
import { addConfigSource, applyConfigFile, prefetchConfig, setWorkspaceTrusted } from './config-file';
import { DEFAULT_SETTINGS, normalizeSettings, placeholderSettingProblems, type Settings } from './settings';
import {
  DIAGNOSTIC_OWNER,
  DOCUMENT_INFO_REQUEST,
  type DocumentInfo,
  INDEX_STATUS_REQUEST,
  type IndexStatus,
  FIX_ALL_CODE_ACTION_KIND,
  type InitializationOptions,
  READ_FILE_REQUEST,
  type ReadFileResult,
  WORKSPACE_FILES_REQUEST,
  type WorkspaceFilesParams,
  type WorkspaceFilesResult,
  WORKSPACE_TRUSTED_NOTIFICATION,
} from '../shared/protocol';
import { COMPLETION_TRIGGER_CHARACTERS } from './completion';
import { hclReady, initHcl, type HclWasm } from '../core/syntax/hcl';

let hclLoader: (() => Promise<HclWasm> | HclWasm) | undefined;

/** How this host reads the HCL parser's wasm files (disk in Node, fetch in a web worker): loaded on the first .tf file. */
export function registerHclLoader(load: () => Promise<HclWasm> | HclWasm): void {
  hclLoader = load;
}

/**
 * Serves one connection: stdio/IPC in Node (main.ts), postMessage in a web worker (browser-main.ts). Nothing here
 * needs Node: the disk is read only by a config source that main.ts registers.
 */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const cache = new AnalysisCache((m) => connection.console.error(m));
  let pullDiagnostics = false;
  let configurationSupport = false;
  const settingsByUri = new Map<string, Promise<Settings>>();
  let refreshSupport = false;
  let workspaceFolders: string[] = [];
  // Cross-file links: a change to one file refreshes the open files it links or is linked from.
  const links = new WorkspaceLinks((paths) => refreshRelated(paths));
  setDeployContextSource((uri) => links.deployContexts(uri));
  const terraform = new TerraformContext(() => documents.all());
  setTerraformContext(terraform);
  setLinkedOverlay((uri) => documents.get(uri)?.getText());
  // `.ecs-taskdef.json` taskDefinitions: navigation, rename and refresh follow the mapping like the diagnostics.
  links.index.setMapping((path) => applyConfigFile(links.uriOf(path), path, globalSettings).taskDefinition);

  connection.onInitialize((params) => {
    const caps = params.capabilities;
    clientCapabilities = caps;
    pullDiagnostics = !!caps.textDocument?.diagnostic;
    configurationSupport = !!caps.workspace?.configuration;
    refreshSupport = !!caps.workspace?.diagnostics?.refreshSupport;
    workspaceFolders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    const options = params.initializationOptions as InitializationOptions | undefined;
    globalSettings = checked(normalizeSettings(options?.settings));
    setWorkspaceTrusted(options?.workspaceTrusted !== false);
    if (options?.readFiles === true && !clientFiles) {
      // After any disk source (Node): file: documents stay on the disk, every other URI goes through the editor.
      clientFiles = new ClientConfigSource((uri) =>
        connection.sendRequest<ReadFileResult>(READ_FILE_REQUEST, { uri }).then((r) => (r && typeof r.text === 'string' ? r.text : null)),
      );
      addConfigSource(clientFiles);
      // Folders the server cannot read itself (web worker, virtual workspaces) are indexed through the client.
      const readText = (uri: string) =>
        connection.sendRequest<ReadFileResult>(READ_FILE_REQUEST, { uri }).then((r) => (r && typeof r.text === 'string' ? r.text : null));
      addWorkspaceFileSource(
        new ClientWorkspaceSource(
          (folder, max) => connection.sendRequest<WorkspaceFilesResult>(WORKSPACE_FILES_REQUEST, { folder, max } satisfies WorkspaceFilesParams).then((r) => r?.uris ?? null),
          readText,
        ),
      );
      addLinkedFileSource(indexLinkedFiles(links));
    }
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        // `identifier`: the owner under which the client keeps the pulled diagnostics (VS Code: the collection name).
        // Without one it is `_generated_diagnostic_collection_name_#<n>`, counted per extension host, and in a browser
        // next to a remote host (code-server, Codespaces) the web worker host's #0 and the remote JSON server's #0
        // replaced each other's markers file by file (issue 18).
        ...(pullDiagnostics
          ? { diagnosticProvider: { identifier: DIAGNOSTIC_OWNER, interFileDependencies: false, workspaceDiagnostics: false } }
          : {}),
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_CODE_ACTION_KIND] },
        hoverProvider: true,
        completionProvider: { triggerCharacters: COMPLETION_TRIGGER_CHARACTERS },
        documentSymbolProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        // Folders added to or removed from the workspace after start are indexed or dropped (didChangeWorkspaceFolders).
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'ecs-taskdef' },
    };
  });

  let globalSettings: Settings = DEFAULT_SETTINGS;
  let clientCapabilities: ClientCapabilities = {};
  let clientFiles: ClientConfigSource | undefined;

  /** Logs each problem with the placeholder patterns of the settings once (those patterns are then not used). */
  const logged = new Set<string>();
  function checked(settings: Settings): Settings {
    for (const problem of placeholderSettingProblems(settings)) {
      if (logged.has(problem)) continue;
      logged.add(problem);
      connection.console.error(problem);
    }
    return settings;
  }

  /** The document's settings, once the `.ecs-taskdef.json` files above it can be looked up without waiting. */
  async function settingsFor(uri: string): Promise<Settings> {
    const [settings] = await Promise.all([editorSettingsFor(uri), prefetchConfig(uri)]);
    return settings;
  }

  function editorSettingsFor(uri: string): Promise<Settings> {
    if (!configurationSupport) return Promise.resolve(globalSettings);
    let s = settingsByUri.get(uri);
    if (!s) {
      s = connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'ecsTaskdef' })
        .then((raw) => checked(normalizeSettings(raw)), () => globalSettings);
      settingsByUri.set(uri, s);
    }
    return s;
  }

  /** Diagnostics for this version of the document, or undefined when `cancelled` or the user typed on first. */
  async function diagnosticsFor(doc: TextDocument, cancelled: () => boolean = () => false) {
    const version = doc.version; // the document object changes in place as the user types
    const settings = await settingsFor(doc.uri);
    const stale = () => cancelled() || documents.get(doc.uri)?.version !== version;
    if (stale()) return undefined;
    if (isDeployingDocument(doc)) {
      await links.ensureLinked(doc.uri); // the web reads linked files from the index: one that appeared unannounced too
      return stale() ? undefined : workflowDiagnosticsFor(doc, settings);
    }
    if (!hclReady() && hclLoader && (/\.tf$/i.test(URI_PATH(doc.uri)) || terraform.mayBeLoaded(doc.uri))) {
      // The first Terraform file waits for the parser (about 0.1 s); without it the file gets a not-linted note.
      await initHcl(hclLoader).catch((e: unknown) => connection.console.error(`The HCL parser did not load: ${(e as Error)?.message ?? e}`));
      if (stale()) return undefined;
    }
    const analysis = await cache.getInterruptible(doc, settings, stale);
    if (!analysis) return undefined;
    if (!analysis.enabled || !analysis.output) return [];
    return analysis.output.diagnostics.map((d, i) => toLspDiagnostic(doc, d, i));
  }

  /**
   * What a deploying file's check knows beyond the file: the `.ecs-taskdef.json` mapping (`mapped`, when the caller
   * has the config view; looked up otherwise) and the task definitions the workspace index holds by family, the same
   * repository's first (index.resolve). Several files with the family: none is used (checkDeployFile).
   */
  function deployReadContext(doc: TextDocument, mapped?: string): DeployReadContext {
    const path = links.pathOf(doc.uri);
    const taskDefinition = mapped ?? applyConfigFile(doc.uri, path, globalSettings).taskDefinition;
    return {
      ...(taskDefinition ? { mapped: taskDefinition } : {}),
      familyUris: (family) => links.index.resolve(path, { by: 'family', family }).map((p) => links.uriOf(p)),
      nameOf: (uri) => links.displayPath(path, URI_PATH(uri)),
    };
  }

  /** A deploying workflow against the task definitions it links (desktop: the source reads the disk). */
  function workflowDiagnosticsFor(doc: TextDocument, settings: Settings) {
    const config = applyConfigFile(doc.uri, URI_PATH(doc.uri), settings);
    if (!settings.enable || config.ignored) return [];
    const analysis = analyseWorkflow(doc, lintOptionsFor(doc.uri, settings, config), deployReadContext(doc, config.taskDefinition));
    if (!analysis) return [];
    // The index follows what the check read (a file created or deleted without a watch event): hover, navigation and
    // completion then say what the diagnostics say.
    for (const [path, text] of analysis.linked.files) {
      const uri = linkedUri(doc, path, !!analysis.relative);
      if (uri) links.sawLinked(uri, text);
    }
    return workflowLspDiagnostics(doc, analysis);
  }

  connection.languages.diagnostics.on(async (params, token): Promise<DocumentDiagnosticReport> => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const items = await diagnosticsFor(doc, () => token.isCancellationRequested);
    if (items) return { kind: DocumentDiagnosticReportKind.Full, items };
    // Stopped for a newer version: the client asks again for it (retrigger covers a client that did not cancel).
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'Cancelled.');
    throw new ResponseError(LSPErrorCodes.ServerCancelled, 'The document changed while its diagnostics were computed.', { retriggerRequest: true });
  });

  // Push fallback for clients without pull diagnostics; results for stale versions are dropped.
  const pending = new Map<string, ReturnType<typeof setTimeout>>();
  function schedulePush(doc: TextDocument): void {
    if (pullDiagnostics) return;
    clearTimeout(pending.get(doc.uri));
    pending.set(
      doc.uri,
      setTimeout(async () => {
        pending.delete(doc.uri);
        const current = documents.get(doc.uri);
        if (!current || current.version !== doc.version) return;
        const diagnostics = await diagnosticsFor(current);
        if (!diagnostics || documents.get(doc.uri)?.version !== current.version) return;
        void connection.sendDiagnostics({ uri: current.uri, version: current.version, diagnostics });
      }, 0),
    );
  }

  documents.onDidChangeContent((e) => {
    links.opened(e.document);
    schedulePush(e.document);
    // A .tf file is part of its folder's module, and may load JSON files of its folder or a subfolder.
    const path = URI_PATH(e.document.uri);
    if (/\.tf$/i.test(path)) {
      const dir = path.slice(0, path.lastIndexOf('/') + 1);
      const near = (p: string) => p !== path && p.startsWith(dir) && p.slice(dir.length).split('/').length <= 2;
      refreshRelated(documents.all().map((d) => links.pathOf(d.uri)).filter(near));
    }
  });
  documents.onDidClose((e) => {
    void links.closed(e.document.uri);
    cache.delete(e.document.uri);
    settingsByUri.delete(e.document.uri);
    if (!pullDiagnostics) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  let initializedSeen = false;
  connection.onInitialized(() => {
    initializedSeen = true;
    // In the background: the first diagnostics never wait for the walk.
    void links.indexFolders(workspaceFolders);
    if (clientCapabilities.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(({ added, removed }) => {
        const gone = new Set(removed.map((f) => f.uri));
        workspaceFolders = [...workspaceFolders.filter((f) => !gone.has(f)), ...added.map((f) => f.uri)];
        links.removeFolders([...gone]);
        // A new folder is walked in the background; when done, the open files are refreshed (indexFolders).
        void links.indexFolders(added.map((f) => f.uri));
      });
    }
  });
  connection.onShutdown(() => links.stop());
  connection.onRequest(INDEX_STATUS_REQUEST, (): IndexStatus => ({ indexing: links.indexing || !initializedSeen, files: links.index.size }));

  /** Linked files changed: the open ones among `paths` get fresh diagnostics (one refresh for a burst of changes). */
  let refreshTimer: ReturnType<typeof setTimeout> | undefined;
  function refreshRelated(paths: string[]): void {
    const open = paths.flatMap((p) => documents.get(links.uriOf(p)) ?? []);
    if (open.length === 0) return;
    if (!pullDiagnostics) {
      for (const doc of open) schedulePush(doc);
      return;
    }
    if (!refreshSupport || refreshTimer) return;
    refreshTimer = setTimeout(() => {
      refreshTimer = undefined;
      connection.languages.diagnostics.refresh();
    }, 20);
  }

  /** Settings or trust changed: forget what was computed and lint the open documents again. */
  function relintAll(): void {
    settingsByUri.clear();
    cache.clear();
    if (pullDiagnostics) connection.languages.diagnostics.refresh();
    else for (const doc of documents.all()) schedulePush(doc);
  }

  connection.onDidChangeConfiguration((change) => {
    const s = (change.settings as { ecsTaskdef?: unknown } | undefined)?.ecsTaskdef;
    if (s) globalSettings = checked(normalizeSettings(s));
    relintAll();
  });

  // The client watches `.ecs-taskdef.json` files (disk and virtual): a change re-lints the open documents.
  connection.onDidChangeWatchedFiles((params) => {
    const uris = params.changes.map((c) => c.uri);
    // Two watchers may report one path (a created JSON file matches the JSON glob and the any-path one): once each.
    const seen = new Set<string>();
    for (const c of params.changes) {
      if (seen.has(`${c.type} ${c.uri}`)) continue;
      seen.add(`${c.type} ${c.uri}`);
      void links.changedOnDisk(c.uri, c.type === FileChangeType.Deleted, c.type === FileChangeType.Created);
    }
    const forgot = clientFiles?.invalidate(uris) ?? false;
    if (forgot || uris.some((u) => /\/\.ecs-taskdef\.json$/.test(u))) relintAll();
  });

  connection.onNotification(WORKSPACE_TRUSTED_NOTIFICATION, () => {
    setWorkspaceTrusted(true);
    relintAll();
  });

  connection.onRequest(DOCUMENT_INFO_REQUEST, async (params: { uri: string }): Promise<DocumentInfo | null> => {
    const doc = documents.get(params.uri);
    if (!doc) return null;
    const analysis = cache.get(doc, await settingsFor(doc.uri));
    if (!analysis.enabled || !analysis.output) return { linted: false };
    const { kind, launchType, templated } = analysis.output;
    return { linted: true, kind, launchType, templated };
  });

  for (const register of FEATURES) register({ connection, documents, cache, settingsFor, clientCapabilities: () => clientCapabilities, links, deployReadContext: (doc) => deployReadContext(doc) });

  documents.listen(connection);
  connection.listen();
}

export interface FeatureContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  cache: AnalysisCache;
  settingsFor(uri: string): Promise<Settings>;
  /** What the client said it supports in `initialize` (empty before that). */
  clientCapabilities(): ClientCapabilities;
  /** The workspace index: deploying files, the task definitions they link, container names across files. */
  links: WorkspaceLinks;
  /** The config mapping and indexed families an appspec or service definition is read with (call after settingsFor). */
  deployReadContext(doc: TextDocument): DeployReadContext;
}

/** Feature modules (code actions, hover, completion, …) register themselves here. */
export const FEATURES: Array<(ctx: FeatureContext) => void> = [];
