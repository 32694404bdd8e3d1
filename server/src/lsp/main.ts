/** The server bundle (dist/server-main.js, run by the loader dist/server.js): `node dist/server.js --stdio` (or --node-ipc when started by the VS Code client). */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { registerHclLoader, startServer } from './server';
import { readHclWasm } from './node/hcl-wasm';
import './node/disk-config-source';
import './node/disk-linked-files';
import './node/disk-terraform';
import './node/disk-workspace';
import './features';

registerHclLoader(readHclWasm);
startServer(createConnection(ProposedFeatures.all));
