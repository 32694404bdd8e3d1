/**
 * Runs the built CLI and language server three ways for test/robustness/offline.test.ts: as usual ("plain"),
 * under the no-network.cjs preload ("guard"), and inside a fresh network namespace (`unshare -n`, "netns").
 * Each run returns everything it observed, so the test can compare the ways with deepEqual.
 */
import { type ChildProcess, fork, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  IPCMessageReader,
  IPCMessageWriter,
  type MessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-jsonrpc/node';
import { LineIndex } from '../../server/src/core/syntax/positions';
import { DOCUMENT_INFO_REQUEST, LINT_FILES_REQUEST } from '../../server/src/shared/protocol';
import { BIN } from '../cli/cli-helpers';
import { SERVER } from '../helpers/lsp-client';

export const ROOT = join(__dirname, '..', '..');
export const GUARD = join(__dirname, 'no-network.cjs');
export type Mode = 'plain' | 'guard' | 'netns';

/** `unshare -n` works here (root, or unprivileged user namespaces allowed). */
export const NETNS_AVAILABLE = (() => {
  try {
    return spawnSync('unshare', ['-n', 'true'], { stdio: 'ignore', timeout: 5000 }).status === 0;
  } catch {
    return false;
  }
})();

/** A fresh file for the guard to record attempts in; read it with `attempts()`. */
export function attemptLog(): string {
  return join(mkdtempSync(join(tmpdir(), 'ecs-taskdef-offline-')), 'network-attempts.log');
}

export function attempts(log: string): string[] {
  return existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : [];
}

/** The environment of every child: no colours, no inherited NODE_OPTIONS, the attempt log. */
function childEnv(log: string): NodeJS.ProcessEnv {
  return { ...process.env, FORCE_COLOR: '', NO_COLOR: '', NODE_OPTIONS: '', ECS_TASKDEF_NETWORK_LOG: log };
}

/** The program and arguments that run `node <script> <args>` in `mode`. */
export function launch(mode: Mode, script: string, args: readonly string[]): [string, string[]] {
  const node = [...(mode === 'guard' ? ['--require', GUARD] : []), script, ...args];
  return mode === 'netns' ? ['unshare', ['-n', process.execPath, ...node]] : [process.execPath, node];
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** bin/ecs-taskdef.js (the CLI launcher, which loads dist/cli.js) with `args` in `cwd`. */
export function runCli(mode: Mode, args: readonly string[], cwd: string, log: string): CliRun {
  const [cmd, argv] = launch(mode, BIN, args);
  const r = spawnSync(cmd, argv, { cwd, encoding: 'utf8', env: childEnv(log), timeout: 30000 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export interface Position {
  line: number;
  character: number;
}

/** What a language-server session saw: every answer and every notification the server sent. */
export interface LspTranscript {
  diagnostics: unknown;
  hover: unknown;
  completion: unknown;
  codeActions: unknown;
  documentInfo: unknown;
  lintFiles: unknown;
  notifications: Array<{ method: string; params: unknown }>;
}

export interface LspScript {
  /** Folder of the workspace (holds `.ecs-taskdef.json`). */
  dir: string;
  /** File name of the open document inside `dir`, and its text with `⟨hover⟩` and `⟨complete⟩` cursor marks. */
  file: string;
  marked: string;
  /** A closed file's text for `ecsTaskdef/lintFiles` (the workspace-lint command's request). */
  closedFile: string;
  closedText: string;
}

const HOVER = '⟨hover⟩';
const COMPLETE = '⟨complete⟩';

function cursors(marked: string): { text: string; hover: Position; complete: Position } {
  const at = (mark: string, other: string): number => {
    const offset = marked.replace(other, '').indexOf(mark);
    if (offset < 0) throw new Error(`no ${mark} in the document`);
    return offset;
  };
  const text = marked.replace(HOVER, '').replace(COMPLETE, '');
  const idx = new LineIndex(text);
  return { text, hover: idx.positionAt(at(HOVER, COMPLETE)), complete: idx.positionAt(at(COMPLETE, HOVER)) };
}

/**
 * Starts dist/server.js (over stdio, or over node-ipc as VS Code starts it), opens the document, waits for its
 * diagnostics, asks for a hover, a completion, the code actions for those diagnostics, the document info and a
 * workspace lint of a closed file, then shuts the server down.
 */
export async function runServer(mode: Mode, transport: 'stdio' | 'node-ipc', script: LspScript, log: string): Promise<LspTranscript> {
  const { text, hover, complete } = cursors(script.marked);
  const uri = pathToFileURL(join(script.dir, script.file)).href;
  let proc: ChildProcess;
  let connection: MessageConnection;
  let stderr = '';
  if (transport === 'stdio') {
    const [cmd, argv] = launch(mode, SERVER, ['--stdio']);
    proc = spawn(cmd, argv, { cwd: script.dir, env: childEnv(log), stdio: ['pipe', 'pipe', 'pipe'] });
    connection = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  } else {
    if (mode === 'netns') throw new Error('node-ipc runs are plain or guarded');
    proc = fork(SERVER, ['--node-ipc'], {
      cwd: script.dir,
      env: childEnv(log),
      execArgv: mode === 'guard' ? ['--require', GUARD] : [],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    connection = createMessageConnection(new IPCMessageReader(proc), new IPCMessageWriter(proc));
  }
  proc.stderr!.on('data', (d) => (stderr += String(d)));
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));

  const notifications: LspTranscript['notifications'] = [];
  let published: (diagnostics: unknown[]) => void = () => undefined;
  const diagnostics = new Promise<unknown[]>((resolve) => (published = resolve));
  connection.onNotification((method: string, params: unknown) => {
    notifications.push({ method, params });
    const p = params as { uri?: string; diagnostics?: unknown[] };
    if (method === 'textDocument/publishDiagnostics' && p.uri === uri) published(p.diagnostics ?? []);
  });
  connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.listen();

  const timeout = setTimeout(() => proc.kill(), 20000);
  try {
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(script.dir).href,
      workspaceFolders: [{ uri: pathToFileURL(script.dir).href, name: 'ws' }],
      capabilities: {
        textDocument: {
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown'] } },
        },
        workspace: { configuration: true, workspaceFolders: true },
      },
    });
    await connection.sendNotification('initialized', {});
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text } });
    const diags = await diagnostics;
    const end = new LineIndex(text).positionAt(text.length);
    const transcript: LspTranscript = {
      diagnostics: diags,
      hover: await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: hover }),
      completion: await connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: complete }),
      codeActions: await connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end },
        context: { diagnostics: diags },
      }),
      documentInfo: await connection.sendRequest(DOCUMENT_INFO_REQUEST, { uri }),
      lintFiles: await connection.sendRequest(LINT_FILES_REQUEST, {
        files: [{ uri: pathToFileURL(join(script.dir, script.closedFile)).href, text: script.closedText }],
      }),
      // The workspace index may re-publish a file's unchanged diagnostics once its background walk ends, earlier or
      // later depending on load: the same notification twice is one answer.
      notifications: notifications.filter((n, i) => notifications.findIndex((m) => JSON.stringify(m) === JSON.stringify(n)) === i),
    };
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    const code = await exited;
    if (code !== 0) throw new Error(`server (${mode}, ${transport}) exited with ${code}; stderr: ${stderr}`);
    return transcript;
  } catch (e) {
    throw new Error(`server session (${mode}, ${transport}) failed: ${(e as Error).message}; stderr: ${stderr}`);
  } finally {
    clearTimeout(timeout);
    connection.dispose();
    if (proc.exitCode === null) proc.kill();
  }
}
