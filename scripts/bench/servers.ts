/**
 * Measurements through real server processes over stdio: (d) one character typed in a 1 MB document until its
 * diagnostics arrive (pull, as VS Code asks), (f) cold start to first diagnostics against an empty `node -e`,
 * (h) resident memory with the 1 MB document open, ours against vscode-json-languageservice's.
 */
import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { BenchClient } from './lsp-client';
import { summarize, type Summary } from './stats';

export async function measureEdit(server: string, path: string, text: string, edits: number): Promise<Summary> {
  const client = new BenchClient(server);
  await client.initialize(true);
  const uri = pathToFileURL(path).href;
  await client.open(uri, text);
  await client.pull(uri);
  // Type inside the first "value" string, one character per edit, as a person would.
  const at = text.indexOf('"value": "') + '"value": "'.length;
  const line = text.slice(0, at).split('\n').length - 1;
  const character = at - text.lastIndexOf('\n', at - 1) - 1;
  const samples: number[] = [];
  for (let v = 2; v < edits + 4; v++) {
    const start = performance.now();
    await client.insert(uri, v, line, character + v - 2, 'x');
    await client.pull(uri);
    if (v >= 4) samples.push(performance.now() - start);
  }
  await client.close();
  return summarize(samples);
}

export interface ColdStart {
  emptyNode: Summary;
  /** Node loading the bundled vscode-languageserver and nothing else: the floor of any server built on it. */
  languageServerLibrary: Summary;
  /** Without a code cache folder (a client that passes none, or the very first start). */
  server: Summary;
  /** With ECS_TASKDEF_CACHE_DIR set and the cache written by the run before (as VS Code starts it). */
  serverCached: Summary;
  /** Median and p99 of the server minus the empty node process. */
  overhead: { median: number; p99: number };
  /** The cached server minus the vscode-languageserver floor (the target: ≤ 20 ms). */
  cachedOverFloor: { median: number; p99: number };
}

function runNode(args: string[]): Promise<void> {
  return new Promise<void>((resolve, reject) => spawn(process.execPath, args).on('exit', () => resolve()).on('error', reject));
}

async function firstDiagnostics(server: string, uri: string, text: string, env?: NodeJS.ProcessEnv): Promise<number> {
  const start = performance.now();
  const client = new BenchClient(server, [], env);
  const diagnostics = client.published(uri, 1);
  await client.initialize(false);
  await client.open(uri, text);
  await diagnostics;
  const s = performance.now() - start;
  await client.close(); // its exit writes the code cache when the process had none
  return s;
}

export async function measureColdStart(server: string, libraryBundle: string, path: string, text: string, runs: number, cacheDir: string): Promise<ColdStart> {
  const empty: number[] = [];
  const library: number[] = [];
  const ours: number[] = [];
  const cached: number[] = [];
  const uri = pathToFileURL(path).href;
  const cacheEnv = { ...process.env, ECS_TASKDEF_CACHE_DIR: cacheDir };
  for (let i = 0; i < runs + 1; i++) {
    let start = performance.now();
    await runNode(['-e', '']);
    const e = performance.now() - start;
    start = performance.now();
    await runNode(['-e', `require(${JSON.stringify(libraryBundle)})`]);
    const l = performance.now() - start;
    const s = await firstDiagnostics(server, uri, text);
    const c = await firstDiagnostics(server, uri, text, cacheEnv); // run 0 writes the cache the others read
    if (i > 0) {
      empty.push(e);
      library.push(l);
      ours.push(s);
      cached.push(c);
    }
  }
  const emptyNode = summarize(empty);
  const floor = summarize(library);
  const serverSummary = summarize(ours);
  const cachedSummary = summarize(cached);
  return {
    emptyNode,
    languageServerLibrary: floor,
    server: serverSummary,
    serverCached: cachedSummary,
    overhead: { median: serverSummary.median - emptyNode.median, p99: serverSummary.p99 - emptyNode.p99 },
    cachedOverFloor: { median: cachedSummary.median - floor.median, p99: cachedSummary.p99 - floor.p99 },
  };
}

/** RSS once the document is open and diagnosed and the process had a moment to settle. */
export async function measureRss(server: string, path: string, text: string, env?: NodeJS.ProcessEnv): Promise<number> {
  const client = new BenchClient(server, [], env);
  const uri = pathToFileURL(path).href;
  const diagnostics = client.published(uri, 1);
  await client.initialize(false);
  await client.open(uri, text);
  await diagnostics;
  await new Promise((r) => setTimeout(r, 1500));
  const rss = client.rssBytes();
  await client.close();
  return rss;
}

/**
 * Wall time of `ecs-taskdef lint DIR` (a fresh process each run), without and with the V8 code cache
 * (ECS_TASKDEF_CACHE_DIR = `cacheDir`), interleaved; the first pair is not counted (it writes the cache).
 */
export async function measureCli(bin: string, dir: string, runs: number, cacheDir: string): Promise<{ plain: Summary; cached: Summary }> {
  const plain: number[] = [];
  const cached: number[] = [];
  const once = async (env: NodeJS.ProcessEnv): Promise<number> => {
    const start = performance.now();
    await new Promise<void>((resolve, reject) => {
      const p = spawn(process.execPath, [bin, 'lint', '--format', 'json', dir], { stdio: ['ignore', 'ignore', 'ignore'], env });
      p.on('exit', () => resolve()).on('error', reject);
    });
    return performance.now() - start;
  };
  for (let i = 0; i < runs + 1; i++) {
    const p = await once({ ...process.env, ECS_TASKDEF_CACHE_DIR: '' });
    const c = await once({ ...process.env, ECS_TASKDEF_CACHE_DIR: cacheDir });
    if (i > 0) {
      plain.push(p);
      cached.push(c);
    }
  }
  return { plain: summarize(plain), cached: summarize(cached) };
}
