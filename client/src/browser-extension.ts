/**
 * The web client (vscode.dev, github.dev, VS Code for the Web; package.json `browser`): starts the language server
 * in a web worker (dist/web/server.js); the rest is start-client.ts.
 */
import { type ExtensionContext, Uri, workspace } from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { startClient, stopClient } from './start-client';

/** The web extension host's Worker (the project compiles without the DOM library). */
declare const Worker: new (url: string) => Extract<ConstructorParameters<typeof LanguageClient>[2], { postMessage: unknown }>;

export async function activate(context: ExtensionContext): Promise<void> {
  const serverMain = Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js');
  const worker = new Worker(await workerUrl(serverMain));
  await startClient(context, (options) => new LanguageClient('ecsTaskdef', 'ECS Task Definition', worker, options));
}

/**
 * The worker script's URL. An extension installed on a remote server (code-server, VS Code Server opened in a
 * browser) has a vscode-remote: location that VS Code does not let a worker start from: the script is read
 * through the editor's file system and started from a blob: URL instead.
 */
async function workerUrl(script: Uri): Promise<string> {
  if (script.scheme !== 'vscode-remote') return script.toString(true);
  const bytes = await workspace.fs.readFile(script);
  return URL.createObjectURL(new Blob([bytes], { type: 'application/javascript' }));
}

export function deactivate(): Promise<void> | undefined {
  return stopClient();
}
