/**
 * The web client (vscode.dev, github.dev, VS Code for the Web; package.json `browser`): starts the language server
 * in a web worker (dist/web/server.js); the rest is start-client.ts.
 */
import { type ExtensionContext, Uri } from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { startClient, stopClient } from './start-client';

/** The web extension host's Worker (the project compiles without the DOM library). */
declare const Worker: new (url: string) => ConstructorParameters<typeof LanguageClient>[3];

export async function activate(context: ExtensionContext): Promise<void> {
  const serverMain = Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js');
  const worker = new Worker(serverMain.toString(true));
  await startClient(context, (options) => new LanguageClient('ecsTaskdef', 'ECS Task Definition', options, worker));
}

export function deactivate(): Promise<void> | undefined {
  return stopClient();
}
