// Bundles the client, server and CLI with esbuild into dist/ (one file each; only `vscode` stays external), and the
// web extension (client for the web extension host, server for a web worker) from the same sources into dist/web/.
// dist/web/meta.json is esbuild's metafile of the web bundles (test/web checks that no Node built-in got in), and
// dist/client-meta.json that of the desktop client (test/web checks that neither client bundles the core).
import { build } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

execFileSync(process.execPath, ['scripts/gen-rule-index.mjs'], { stdio: 'inherit' });
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  minify: production,
  sourcemap: !production,
  legalComments: 'none',
  // jsonc-parser's UMD build hides its requires from the bundler; its ESM build does not.
  mainFields: ['module', 'main'],
  logLevel: 'warning',
  define: { ECS_TASKDEF_VERSION: JSON.stringify(pkg.version) },
};
const web = {
  ...common,
  platform: 'browser',
  target: 'es2022',
  mainFields: ['browser', 'module', 'main'],
  metafile: true,
};
const results = await Promise.all([
  build({ ...common, metafile: true, entryPoints: { client: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] }),
  // dist/server.js is a small loader that runs dist/server-main.js with a V8 code cache (lsp/node/code-cache.ts).
  build({ ...common, entryPoints: { server: 'server/src/lsp/node/bootstrap.ts', 'server-main': 'server/src/lsp/main.ts' }, outdir: 'dist' }),
  // dist/cli.js is the same kind of loader for the CLI bundle dist/cli-main.js (cli/bootstrap.ts).
  build({ ...common, entryPoints: { cli: 'server/src/cli/bootstrap.ts', 'cli-main': 'server/src/cli/main.ts' }, outdir: 'dist' }),
  // The web extension host loads a CommonJS module; the worker runs a plain script.
  build({ ...web, entryPoints: { client: 'client/src/browser-extension.ts' }, outdir: 'dist/web', external: ['vscode'] }),
  build({ ...web, format: 'iife', entryPoints: { server: 'server/src/lsp/browser-main.ts' }, outdir: 'dist/web' }),
]);
const meta = { inputs: {}, outputs: {} };
for (const r of results.slice(3)) {
  Object.assign(meta.inputs, r.metafile.inputs);
  Object.assign(meta.outputs, r.metafile.outputs);
}
mkdirSync('dist/web', { recursive: true });
writeFileSync('dist/web/meta.json', JSON.stringify(meta));
writeFileSync('dist/client-meta.json', JSON.stringify(results[0].metafile));
