/** The VS Code client: starts the language server and does little else (commands and the status item live in features.ts). */
import * as path from 'node:path';
import { type ExtensionContext, workspace } from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { DOCUMENT_SELECTOR } from './document-selector';
import { CLIENT_FEATURES } from './features';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    synchronize: { configurationSection: 'ecsTaskdef' },
    initializationOptions: { settings: workspace.getConfiguration('ecsTaskdef') },
  };
  client = new LanguageClient('ecsTaskdef', 'ECS Task Definition', serverOptions, clientOptions);
  await client.start();
  for (const register of CLIENT_FEATURES) register(context, client);
}

export function deactivate(): Promise<void> | undefined {
  return client?.stop();
}
