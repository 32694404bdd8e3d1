/** The desktop client: starts the language server as a Node process (dist/server.js); the rest is start-client.ts. */
import * as path from 'node:path';
import type { ExtensionContext } from 'vscode';
import { LanguageClient, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { startClient, stopClient } from './start-client';

export async function activate(context: ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  // The server keeps a V8 code cache of its bundle in the extension's private storage (never the install folder).
  const storage = context.globalStorageUri;
  const env = storage.scheme === 'file' ? { ...process.env, ECS_TASKDEF_CACHE_DIR: path.join(storage.fsPath, 'v8-cache') } : undefined;
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { env } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  await startClient(context, (options) => new LanguageClient('ecsTaskdef', 'ECS Task Definition', serverOptions, options));
}

export function deactivate(): Promise<void> | undefined {
  return stopClient();
}
