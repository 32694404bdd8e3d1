/**
 * The web extension (dist/web/, `npm run build`): the bundles hold no Node built-in, and the worker server answers
 * over the browser transport. The worker bundle runs in a Node worker thread whose `self` is a postMessage port,
 * with setImmediate removed, as in a browser's web worker; `.ecs-taskdef.json` comes through the fake client's
 * `ecsTaskdef/readFile` answers, as from `workspace.fs`.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { after, before, describe, it } from 'node:test';
import { WARNING_ONLY_TASK } from '../cli/cli-helpers';
import { webTask } from '../helpers/task-texts';

const ROOT = join(import.meta.dirname, '..', '..');
const WEB = join(ROOT, 'dist', 'web');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

interface Metafile {
  inputs: Record<string, { imports: Array<{ path: string; external?: boolean }> }>;
  outputs: Record<string, { bytes: number; entryPoint?: string }>;
}

describe('web bundles (dist/web)', () => {
  const meta = (): Metafile => JSON.parse(readFileSync(join(WEB, 'meta.json'), 'utf8')) as Metafile;

  it('package.json names the web client, and the build wrote it and the worker server', () => {
    assert.equal(pkg.browser, './dist/web/client.js');
    const entries = Object.values(meta().outputs).map((o) => o.entryPoint).filter(Boolean).sort();
    assert.deepEqual(entries, ['client/src/browser-extension.ts', 'server/src/lsp/browser-main.ts']);
    for (const f of ['client.js', 'server.js']) assert.ok(existsSync(join(WEB, f)), `dist/web/${f} missing: run npm run build`);
  });

  it('no Node built-in is bundled or imported; only `vscode` stays external', () => {
    const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    const { inputs } = meta();
    assert.ok(Object.keys(inputs).length > 100, 'the metafile lists the bundled files');
    const bad: string[] = [];
    for (const [file, input] of Object.entries(inputs)) {
      if (/(^|\/)node:|\(disabled\)|\/lib\/node\//.test(file)) bad.push(file);
      for (const imp of input.imports) if (builtins.has(imp.path) || (imp.external && imp.path !== 'vscode')) bad.push(`${file} → ${imp.path}`);
    }
    assert.deepEqual(bad, []);
    // The same sources as the desktop build, less the disk reader.
    assert.ok(inputs['server/src/lsp/server.ts'] && inputs['server/src/lsp/config-file.ts'] && inputs['server/src/core/lint.ts']);
    assert.equal(inputs['server/src/lsp/node/disk-config-source.ts'], undefined);
  });
});

describe('the clients (dist/client.js, dist/web/client.js) leave the core to the server', () => {
  // What a client may take from server/src: the protocol, the config file's name, and the Fargate sizes the
  // "New Task Definition…" quick picks list (pure data). Every command that needs the core asks the server.
  const ALLOWED = new Set(['server/src/shared/protocol.ts', 'server/src/core/config/config-file-name.ts', 'server/src/core/facts/fargate-sizes.ts']);
  const clientInputs = (file: string, entry: string): string[] => {
    const outputs = (JSON.parse(readFileSync(file, 'utf8')) as { outputs: Record<string, { entryPoint?: string; inputs: Record<string, unknown> }> }).outputs;
    const out = Object.values(outputs).find((o) => o.entryPoint === entry);
    assert.ok(out, `${entry} in ${file}`);
    return Object.keys(out.inputs);
  };

  for (const [file, entry] of [
    [join(ROOT, 'dist', 'client-meta.json'), 'client/src/extension.ts'],
    [join(WEB, 'meta.json'), 'client/src/browser-extension.ts'],
  ] as const) {
    it(`${entry}: only the protocol and two leaf modules of server/src, no parser, no schema`, () => {
      const inputs = clientInputs(file, entry);
      assert.ok(inputs.includes('client/src/start-client.ts'), 'the metafile lists the client sources');
      const server = inputs.filter((i) => i.startsWith('server/src/') && !ALLOWED.has(i));
      assert.deepEqual(server, []);
      assert.deepEqual(inputs.filter((i) => /node_modules\/(yaml|jsonc-parser|ajv)\/|schemas\//.test(i)), []);
    });
  }
});

/** A hand-rolled LSP client over a worker's postMessage (the browser transport posts message objects as they are). */
class WorkerClient {
  readonly worker: Worker;
  private nextId = 1;
  private readonly waiting = new Map<number, (m: { result?: unknown; error?: unknown }) => void>();
  readonly requests: Array<{ method: string; params: unknown }> = [];
  files = new Map<string, string>();

  constructor(bundle: string) {
    // `self` as in a web worker: postMessage out, onmessage in, errors never; no setImmediate (lint yields with a MessageChannel).
    const shim = `
      const { parentPort } = require('node:worker_threads');
      delete globalThis.setImmediate; delete globalThis.clearImmediate;
      globalThis.self = {
        postMessage: (m) => parentPort.postMessage(m),
        set onmessage(f) { parentPort.on('message', (data) => f({ data })); },
        addEventListener: () => {},
      };
      require(${JSON.stringify(bundle)});`;
    this.worker = new Worker(shim, { eval: true });
    this.worker.on('message', (m) => this.receive(m));
  }

  private receive(m: { id?: number; method?: string; params?: unknown; result?: unknown; error?: unknown }): void {
    if (m.method && m.id !== undefined) {
      this.requests.push({ method: m.method, params: m.params });
      let result: unknown = null;
      if (m.method === 'ecsTaskdef/readFile') {
        const text = this.files.get((m.params as { uri: string }).uri);
        result = text === undefined ? null : { text };
      } else if (m.method === 'workspace/configuration') result = [{}];
      this.worker.postMessage({ jsonrpc: '2.0', id: m.id, result });
    } else if (m.id !== undefined) this.waiting.get(m.id)?.(m);
  }

  request<T>(method: string, params: unknown): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${method}: no answer from the worker within 20 s`)), 20_000);
      this.waiting.set(id, (m) => {
        clearTimeout(timer);
        if (m.error) reject(new Error(`${method}: ${JSON.stringify(m.error)}`));
        else resolve(m.result as T);
      });
      this.worker.postMessage({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.worker.postMessage({ jsonrpc: '2.0', method, params });
  }
}

describe('the worker server over the browser transport', () => {
  let client: WorkerClient;
  const ROOT_URI = 'vscode-vfs://github/acme/infra';
  const DOC = `${ROOT_URI}/services/web/task-def.json`;
  const codes = async (uri: string): Promise<string[]> =>
    (await client.request<{ items: Array<{ code: string }> }>('textDocument/diagnostic', { textDocument: { uri } })).items.map((d) => d.code);

  before(async () => {
    client = new WorkerClient(join(WEB, 'server.js'));
    client.files.set(`${ROOT_URI}/.ecs-taskdef.json`, '{ "rules": { "image-mutable-tag": "off" } }');
    const init = await client.request<{ capabilities: Record<string, unknown>; serverInfo: { name: string } }>('initialize', {
      processId: null,
      rootUri: ROOT_URI,
      capabilities: { textDocument: { diagnostic: {}, hover: { contentFormat: ['markdown'] } }, workspace: { configuration: true } },
      initializationOptions: { readFiles: true, workspaceTrusted: true },
    });
    assert.equal(init.serverInfo.name, 'ecs-taskdef');
    assert.ok(init.capabilities.diagnosticProvider && init.capabilities.hoverProvider && init.capabilities.codeActionProvider);
    // The owner of the pulled diagnostics in VS Code: ours, never a generated name shared across extension hosts (issue 18).
    assert.equal((init.capabilities.diagnosticProvider as { identifier?: string }).identifier, 'ecs-taskdef');
    client.notify('initialized', {});
  });
  after(() => client?.worker.terminate());

  it('answers pull diagnostics, with the .ecs-taskdef.json read through the client', async () => {
    const text = WARNING_ONLY_TASK.replace('"memory": "512"', '"memory": "4096"');
    client.notify('textDocument/didOpen', { textDocument: { uri: DOC, languageId: 'json', version: 1, text } });
    const found = await codes(DOC);
    assert.ok(found.includes('fargate-cpu-memory'), found.join());
    assert.ok(!found.includes('image-mutable-tag'), `the config turned image-mutable-tag off: ${found.join()}`);
    // Nearest first, up to the folder that has one; nothing above it.
    const asked = client.requests.filter((r) => r.method === 'ecsTaskdef/readFile').map((r) => (r.params as { uri: string }).uri);
    assert.deepEqual(asked, [
      `${ROOT_URI}/services/web/.ecs-taskdef.json`,
      `${ROOT_URI}/services/.ecs-taskdef.json`,
      `${ROOT_URI}/.ecs-taskdef.json`,
    ]);
  });

  it('a changed config file (workspace/didChangeWatchedFiles) is read again and applies', async () => {
    client.files.set(`${ROOT_URI}/.ecs-taskdef.json`, '{ "rules": { "fargate-cpu-memory": "off" } }');
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: `${ROOT_URI}/.ecs-taskdef.json`, type: 2 }] });
    const deadline = Date.now() + 10_000;
    let found: string[] = [];
    while (Date.now() < deadline) {
      found = await codes(DOC);
      if (!found.includes('fargate-cpu-memory')) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.ok(!found.includes('fargate-cpu-memory') && found.includes('image-mutable-tag'), found.join());
  });

  it('serves the reference pages and the describe-output conversion the client commands ask for', async () => {
    const page = await client.request<{ markdown: string } | null>('ecsTaskdef/referencePage', { path: '/fargate-sizes.md' });
    assert.match(page?.markdown ?? '', /^# Fargate task sizes/);
    assert.equal(await client.request('ecsTaskdef/referencePage', { path: '/../package.json' }), null);
    const text = '{ "taskDefinition": { "family": "web", "revision": 3, "containerDefinitions": [] } }';
    const edit = await client.request<{ offset: number; length: number; content: string } | null>('ecsTaskdef/convertDescribeOutput', { text });
    assert.ok(edit, 'an edit');
    const converted = text.slice(0, edit.offset) + edit.content + text.slice(edit.offset + edit.length);
    assert.deepEqual(JSON.parse(converted), { family: 'web', containerDefinitions: [] });
  });

  it('hovers and offers quick fixes in the worker', async () => {
    const uri = "vscode-vfs://github/acme/other/task-def.json"; // no config above it
    const text = webTask('{ "name": "web", "image": "nginx:1.27", "essential": true }').replace('"memory": "512"', '"memory": "4096"');
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text } });
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('"memory": "4096"'));
    const diagnostics = (await client.request<{ items: Array<{ code: string; range: unknown }> }>('textDocument/diagnostic', { textDocument: { uri } })).items;
    const size = diagnostics.find((d) => d.code === 'fargate-cpu-memory');
    assert.ok(size, JSON.stringify(diagnostics));
    const actions = await client.request<Array<{ title: string; edit?: unknown }>>('textDocument/codeAction', {
      textDocument: { uri },
      range: size.range,
      context: { diagnostics: [size] },
    });
    assert.ok(actions.some((a) => /cpu|memory/i.test(a.title)), actions.map((a) => a.title).join(' | '));
    const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', {
      textDocument: { uri },
      position: { line, character: lines[line]!.indexOf('memory') + 1 },
    });
    assert.match(hover?.contents.value ?? '', /MiB|memory/i);
  });
});
