/**
 * Entry of dist/web/server.js: the language server in a web worker (vscode.dev, github.dev, VS Code for the Web).
 * Messages travel by postMessage; `.ecs-taskdef.json` is read through the client (client-config-source.ts).
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { registerHclLoader, startServer } from './server';
import './features';

declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

// The wasm files sit beside this script in dist/web/ (scripts/build.mjs copies them there).
registerHclLoader(async () => {
  const base = (globalThis as unknown as { location?: { href: string } }).location?.href;
  const get = async (name: string) => {
    const r = await fetch(base ? new URL(name, base).href : name);
    if (!r.ok) throw new Error(`${name}: HTTP ${r.status}`);
    return new Uint8Array(await r.arrayBuffer());
  };
  const [runtime, grammar] = await Promise.all([get('tree-sitter.wasm'), get('tree-sitter-hcl.wasm')]);
  return { runtime, grammar };
});

startServer(createConnection(ProposedFeatures.all, new BrowserMessageReader(self), new BrowserMessageWriter(self)));
