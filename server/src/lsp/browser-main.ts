/**
 * Entry of dist/web/server.js: the language server in a web worker (vscode.dev, github.dev, VS Code for the Web).
 * Messages travel by postMessage; `.ecs-taskdef.json` is read through the client (client-config-source.ts).
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { startServer } from './server';
import './features';

declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

startServer(createConnection(ProposedFeatures.all, new BrowserMessageReader(self), new BrowserMessageWriter(self)));
