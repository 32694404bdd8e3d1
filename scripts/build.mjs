// Bundles the client, server and CLI with esbuild into dist/ (one file each; only `vscode` stays external), and the
// web extension (client for the web extension host, server for a web worker) from the same sources into dist/web/.
// dist/web/meta.json is esbuild's metafile of the web bundles (test/web checks that no Node built-in got in), and
// dist/client-meta.json that of the desktop client (test/web checks that neither client bundles the core).
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { execFileSync } from 'node:child_process';

execFileSync(process.execPath, ['scripts/gen-rule-index.mjs'], { stdio: 'inherit' });
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const requireHere = createRequire(import.meta.url);
// web-tree-sitter: its CommonJS build everywhere (the ESM one needs import.meta.url, which a CJS bundle lacks).
const treeSitterCjs = {
  name: 'web-tree-sitter-cjs',
  setup(b) {
    b.onResolve({ filter: /^web-tree-sitter$/ }, () => ({ path: requireHere.resolve('web-tree-sitter') }));
  },
};
// In the Node bundles web-tree-sitter never fetches (the wasm bytes are handed to it); its fetch calls, for loading
// by URL, become a function that refuses, so no network code ships (test/robustness/offline.test.ts).
const treeSitterNoFetch = {
  name: 'web-tree-sitter-no-fetch',
  setup(b) {
    b.onLoad({ filter: /web-tree-sitter[\\/]tree-sitter\.cjs$/ }, (args) => ({
      contents: `var noNetwork = () => Promise.reject(new Error('ecs-taskdef loads wasm from bytes only'));\n${readFileSync(args.path, 'utf8').replace(/\bfetch\s*\(/g, 'noNetwork(')}`,
      loader: 'js',
    }));
  },
};
// In the web worker its Node branches never run (it gets the wasm bytes): the built-ins they name become empty modules.
const noNodeInWorker = {
  name: 'web-tree-sitter-node-branches',
  setup(b) {
    b.onResolve({ filter: /^(fs|fs\/promises|path|module)$/ }, (args) =>
      /web-tree-sitter/.test(args.importer) ? { path: args.path, namespace: 'tree-sitter-node-branch' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'tree-sitter-node-branch' }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
  },
};
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
  plugins: [treeSitterCjs, treeSitterNoFetch],
};
const web = {
  ...common,
  platform: 'browser',
  target: 'es2022',
  mainFields: ['browser', 'module', 'main'],
  metafile: true,
  plugins: [treeSitterCjs, noNodeInWorker],
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
// The HCL parser's two wasm files (web-tree-sitter's runtime, tree-sitter-hcl's grammar), once, in dist/web/: the web
// worker fetches them beside its script, the CLI and the desktop server read them from there (lsp/node/hcl-wasm.ts).
const wasm = {
  'tree-sitter.wasm': requireHere.resolve('web-tree-sitter/tree-sitter.wasm'),
  'tree-sitter-hcl.wasm': join(dirname(requireHere.resolve('@tree-sitter-grammars/tree-sitter-hcl/package.json')), 'tree-sitter-hcl.wasm'),
};
for (const [name, from] of Object.entries(wasm)) copyFileSync(from, join('dist/web', name));
writeFileSync('dist/client-meta.json', JSON.stringify(results[0].metafile));
// The shipped Node bundles stay ASCII (esbuild escapes strings but keeps a regex literal's characters; the
// development build keeps comments): one non-ASCII character makes V8 hold the whole source as a two-byte string,
// slower to read at every start and twice its memory (docs/performance.md, round two c).
for (const f of production ? ['dist/server-main.js', 'dist/cli-main.js', 'dist/server.js', 'dist/cli.js'] : []) {
  const at = readFileSync(f, 'latin1').search(/[^\x00-\x7f]/);
  if (at >= 0) throw new Error(`${f} has a non-ASCII character at ${at}: write it as \\u…`);
}
