/** A minimal LSP client over stdio for the server measurements (cold start, edits, memory). */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createMessageConnection, type MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

export class BenchClient {
  readonly proc: ChildProcess;
  readonly connection: MessageConnection;
  private readonly waiting = new Map<string, () => void>();

  constructor(script: string, nodeFlags: string[] = [], env?: NodeJS.ProcessEnv) {
    this.proc = spawn(process.execPath, [...nodeFlags, script, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'], env: env ?? process.env });
    this.connection = createMessageConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number }) => {
      const key = `${p.uri}#${p.version}`;
      this.waiting.get(key)?.();
      this.waiting.delete(key);
    });
    this.connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.listen();
  }

  async initialize(pull: boolean): Promise<void> {
    const capabilities = { textDocument: pull ? { diagnostic: { dynamicRegistration: false } } : { publishDiagnostics: { versionSupport: true } } };
    await this.connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities });
    await this.connection.sendNotification('initialized', {});
  }

  /** Resolves when diagnostics for this document version are published (push mode). */
  published(uri: string, version: number): Promise<void> {
    return new Promise((resolve) => this.waiting.set(`${uri}#${version}`, resolve));
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version, text } });
  }

  insert(uri: string, version: number, line: number, character: number, text: string): Promise<void> {
    const at = { line, character };
    return this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: at, end: at }, text }],
    });
  }

  pull(uri: string): Promise<unknown> {
    return this.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
  }

  /** Resident set size of the server process, from /proc (Linux). */
  rssBytes(): number {
    const status = readFileSync(`/proc/${this.proc.pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
    return kb * 1024;
  }

  async close(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 1000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // The process may already be gone.
    }
    // Let it exit on its own (a profiled server writes its profile then), but never wait long.
    await Promise.race([new Promise((r) => this.proc.once('exit', r)), new Promise((r) => setTimeout(r, 2000))]);
    this.connection.dispose();
    this.proc.kill();
  }
}
