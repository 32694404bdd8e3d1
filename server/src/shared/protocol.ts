/** Requests shared by the client and the server (the client imports only this file from the server). */
export const DOCUMENT_INFO_REQUEST = 'ecsTaskdef/documentInfo';

export interface DocumentInfo {
  linted: boolean;
  kind?: string;
  launchType?: string;
  templated?: boolean;
}

/**
 * The owner of the server's pulled diagnostics (`diagnosticProvider.identifier`; VS Code's diagnostic collection
 * name). VS Code keys markers by owner and file across all extension hosts, so it must be ours alone.
 */
export const DIAGNOSTIC_OWNER = 'ecs-taskdef';

/** What the client sends as `initializationOptions`. Both are optional: other editors send nothing. */
export interface InitializationOptions {
  /** The `ecsTaskdef` settings section. */
  settings?: unknown;
  /**
   * False in an untrusted workspace (VS Code's Restricted Mode): the server then does not use placeholder
   * patterns from `.ecs-taskdef.json`. Absent means trusted.
   */
  workspaceTrusted?: boolean;
  /** The client answers `ecsTaskdef/readFile` (READ_FILE_REQUEST) and watches `.ecs-taskdef.json` files. */
  readFiles?: boolean;
}

/** Notification, no params: the user trusted the workspace (it was untrusted at `initialize`). */
export const WORKSPACE_TRUSTED_NOTIFICATION = 'ecsTaskdef/workspaceTrusted';

/** Client-side commands offered by the server's code actions (the client implements them). */
/** Args: [ruleId]. Sets `ecsTaskdef.rules[ruleId]` to "off" in the settings. */
export const DISABLE_RULE_COMMAND = 'ecsTaskdef.disableRule';
/** Args: [ruleId]. Opens the rule's documentation. */
export const SHOW_RULE_DOCS_COMMAND = 'ecsTaskdef.showRuleDocs';
/** Code action kind of "apply every preferred fix in the file" (for `editor.codeActionsOnSave`). */
export const FIX_ALL_CODE_ACTION_KIND = 'source.fixAll.ecs-taskdef';

/**
 * Lints files that are not open in the editor (the client reads them; the server applies the same detection
 * and settings as for open documents). Diagnostics are LSP diagnostics for each file's text.
 */
export const LINT_FILES_REQUEST = 'ecsTaskdef/lintFiles';

export interface LintFilesParams {
  files: Array<{ uri: string; text: string }>;
}

export interface LintFilesResult {
  files: Array<{ uri: string; linted: boolean; diagnostics: import('vscode-languageserver-protocol').Diagnostic[] }>;
}

/**
 * Server → client: the text of a file, read through the editor's file system API (`workspace.fs`), or null when
 * it cannot be read (missing, a folder, no permission). The server asks for `.ecs-taskdef.json` files and, for its
 * workspace index, JSON/YAML files below a workspace folder (up to 1 MB), only when the client said `readFiles: true`
 * in its initialization options: in the web worker, and on the desktop for files that are not on the local disk
 * (virtual workspaces).
 */
export const READ_FILE_REQUEST = 'ecsTaskdef/readFile';

export interface ReadFileParams {
  uri: string;
}

export type ReadFileResult = { text: string } | null;

/**
 * Client → server: a generated reference page (markdown) by its path, e.g. `/fargate-sizes.md`; null for an unknown
 * path. The pages are built from the core facts, which only the server bundles.
 */
export const REFERENCE_PAGE_REQUEST = 'ecsTaskdef/referencePage';

export interface ReferencePageParams {
  path: string;
}

export type ReferencePageResult = { markdown: string } | null;

/**
 * Client → server: the edit that turns `describe-task-definition` output into `register-task-definition` input
 * (offsets into `text`, UTF-16), or null when there is nothing to convert.
 */
export const CONVERT_DESCRIBE_OUTPUT_REQUEST = 'ecsTaskdef/convertDescribeOutput';

export interface ConvertDescribeOutputParams {
  text: string;
}

export type ConvertDescribeOutputResult = { offset: number; length: number; content: string } | null;

/** Server → state of the workspace index (tests and troubleshooting): still walking the folders, files held. */
export const INDEX_STATUS_REQUEST = 'ecsTaskdef/indexStatus';

export interface IndexStatus {
  indexing: boolean;
  files: number;
}

/**
 * Server → client: the JSON and YAML files of a workspace folder (URIs), found through the editor's file search
 * (node_modules and .git left out), at most `max`. Asked only when the client said `readFiles: true`, for folders
 * the server cannot read itself (the web worker, virtual workspaces); the server then reads them with
 * `ecsTaskdef/readFile`, which answers for such files when they are below a workspace folder and small enough.
 */
export const WORKSPACE_FILES_REQUEST = 'ecsTaskdef/workspaceFiles';

export interface WorkspaceFilesParams {
  folder: string;
  max: number;
}

export type WorkspaceFilesResult = { uris: string[] } | null;
