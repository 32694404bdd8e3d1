/** Spawns the built server (dist/server.js --stdio) and talks LSP to it, for protocol-level tests. */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createMessageConnection, type MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

export const SERVER = join(__dirname, '..', '..', 'dist', 'server.js');

export interface LspDiagnostic {
  code?: string | number;
  severity?: number;
  message: string;
  source?: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  codeDescription?: { href: string };
  data?: unknown;
}

export class TestClient {
  readonly connection: MessageConnection;
  private readonly proc: ChildProcess;
  private readonly published = new Map<string, Array<{ version?: number; diagnostics: LspDiagnostic[] }>>();
  private readonly waiters: Array<() => void> = [];
  stderr = '';

  constructor(env?: NodeJS.ProcessEnv) {
    this.proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: env ?? process.env });
    this.proc.stderr!.on('data', (d) => (this.stderr += String(d)));
    this.connection = createMessageConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number; diagnostics: LspDiagnostic[] }) => {
      const list = this.published.get(p.uri) ?? [];
      list.push({ version: p.version, diagnostics: p.diagnostics });
      this.published.set(p.uri, list);
      for (const w of this.waiters.splice(0)) w();
    });
    this.connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => this.settings));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('workspace/diagnostic/refresh', () => {
      this.refreshes++;
      for (const w of this.waiters.splice(0)) w();
      return null;
    });
    this.connection.listen();
  }

  settings: unknown = {};
  /** How many `workspace/diagnostic/refresh` requests the server sent. */
  refreshes = 0;

  /** Waits until the server has asked for a diagnostics refresh more than `seen` times. */
  async waitForRefresh(seen: number, timeoutMs = 10000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.refreshes <= seen) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no diagnostics refresh within ${timeoutMs} ms; stderr: ${this.stderr}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  async initialize(opts: { pull?: boolean; configuration?: boolean; initializationOptions?: unknown; workspaceFolders?: string[] } = {}): Promise<{ capabilities: Record<string, unknown> }> {
    const capabilities = {
      textDocument: {
        ...(opts.pull ? { diagnostic: { dynamicRegistration: false } } : {}),
        publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } } },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown'] } },
      },
      workspace: { configuration: !!opts.configuration, diagnostics: { refreshSupport: true }, workspaceFolders: true },
    };
    const result = (await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      ...(opts.workspaceFolders ? { workspaceFolders: opts.workspaceFolders.map((uri) => ({ uri, name: uri.slice(uri.lastIndexOf('/') + 1) })) } : {}),
      capabilities,
      ...(opts.initializationOptions !== undefined ? { initializationOptions: opts.initializationOptions } : {}),
    })) as { capabilities: Record<string, unknown> };
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  open(uri: string, text: string, version = 1, languageId = 'json'): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, changes: Array<{ range?: LspDiagnostic['range']; text: string }>): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  /** Waits until the server has published diagnostics for `uri` with `version` (push mode). */
  async waitForDiagnostics(uri: string, version?: number, timeoutMs = 10000): Promise<LspDiagnostic[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const list = this.published.get(uri) ?? [];
      const hit = [...list].reverse().find((p) => version === undefined || p.version === version);
      if (hit) return hit.diagnostics;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no diagnostics for ${uri} v${version} within ${timeoutMs} ms; stderr: ${this.stderr}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  /** Waits until the server has published diagnostics for `uri` at least `count` times (push mode). */
  async waitForPublications(uri: string, count: number, timeoutMs = 10000): Promise<LspDiagnostic[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.publishedFor(uri).length < count) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`fewer than ${count} publications for ${uri} within ${timeoutMs} ms; stderr: ${this.stderr}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
    return this.publishedFor(uri)[count - 1].diagnostics;
  }

  publishedFor(uri: string) {
    return this.published.get(uri) ?? [];
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return this.connection.sendRequest(method, params) as Promise<T>;
  }

  /** `waitForExit`: let the process end on its own (its exit handlers run) before it is killed. */
  async shutdown(waitForExit = false): Promise<void> {
    const exited = new Promise((r) => (this.proc.exitCode !== null ? r(undefined) : this.proc.once('exit', r)));
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      // the process may already be gone
    }
    if (waitForExit) await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    this.connection.dispose();
    this.proc.kill();
  }
}
