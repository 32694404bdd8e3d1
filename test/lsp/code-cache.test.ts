/**
 * The V8 code cache of the server bundle (server/src/lsp/node/code-cache.ts, dist/server.js): used when it fits,
 * ignored safely when it is missing, corrupt, stale or cannot be written, and the bundle always runs exactly once.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { cacheFileFor } from '../../server/src/lsp/node/code-cache';
import { TestClient } from '../helpers/lsp-client';
import { assertServerBuilt } from '../helpers/lsp-session';
import { webTask } from '../helpers/task-texts';

const LOADER = join(__dirname, '..', '..', 'server', 'src', 'lsp', 'node', 'code-cache.ts');

/** A CommonJS bundle with enough code for V8 to cache, that counts its runs and uses the module variables. */
function bundleIn(dir: string, variant = ''): string {
  const file = join(dir, 'bundle.js');
  const fns = Array.from({ length: 40 }, (_, i) => `function f${i}(x) { return x * ${i} + ${i}; }`).join('\n');
  writeFileSync(
    file,
    `"use strict";
const path = require('node:path');
globalThis.runs = (globalThis.runs || 0) + 1;
${fns}
module.exports = { answer: f2(20), dir: path.basename(__dirname), file: path.basename(__filename), variant: ${JSON.stringify(variant)} };
`,
  );
  return file;
}

interface Loaded {
  status: string;
  exports: { answer: number; dir: string; file: string; variant: string };
  runs: number;
  saved: boolean;
  savedAgain: boolean;
  cacheFile?: string;
}

/** One load in a fresh process (V8 keeps compiled scripts per process, which would hide what the cache does). */
function load(bundle: string, cacheDir: string | undefined): Loaded {
  const script = `
    const { loadWithCodeCache } = require(${JSON.stringify(LOADER)});
    const r = loadWithCodeCache(${JSON.stringify(bundle)}, ${JSON.stringify(cacheDir)});
    const saved = r.save();
    process.stdout.write(JSON.stringify({ status: r.status, exports: r.exports, runs: globalThis.runs, saved, savedAgain: r.save(), cacheFile: r.cacheFile }));
  `;
  const out = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { encoding: 'utf8' });
  assert.equal(out.status, 0, out.stderr);
  return JSON.parse(out.stdout) as Loaded;
}

describe('V8 code cache loader', () => {
  it('without a cache folder it is a plain require', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecs-cc-'));
    const r = load(bundleIn(dir), undefined);
    assert.equal(r.status, 'off');
    assert.deepEqual(r.exports, { answer: 42, dir: dir.replace(/^.*[\\/]/, ''), file: 'bundle.js', variant: '' });
    assert.equal(r.runs, 1);
    assert.equal(r.saved, false);
  });

  it('writes the cache once, then uses it; the bundle runs once per load with the usual module variables', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecs-cc-'));
    const cacheDir = join(dir, 'storage', 'v8-cache'); // created on first write
    const bundle = bundleIn(dir);
    const first = load(bundle, cacheDir);
    assert.equal(first.status, 'created');
    assert.deepEqual(first.exports, { answer: 42, dir: dir.replace(/^.*[\\/]/, ''), file: 'bundle.js', variant: '' });
    assert.equal(first.runs, 1);
    assert.equal(first.saved, true);
    assert.equal(first.savedAgain, false, 'written once');
    assert.deepEqual(readdirSync(cacheDir), [first.cacheFile!.replace(/^.*[\\/]/, '')], 'no temporary file left');
    const second = load(bundle, cacheDir);
    assert.equal(second.status, 'accepted');
    assert.deepEqual(second.exports, first.exports);
    assert.equal(second.runs, 1);
    assert.equal(second.saved, false, 'an accepted cache is not rewritten');
  });

  it('reads an ASCII bundle and one with other characters alike (the Latin-1 read is for ASCII only)', () => {
    for (const variant of ['plain ascii', 'em dash \u2014, \u00e9, \u{1F600}']) {
      const dir = mkdtempSync(join(tmpdir(), 'ecs-cc-'));
      const bundle = bundleIn(dir, variant);
      assert.equal(/[^\x00-\x7f]/.test(readFileSync(bundle, 'latin1')), variant !== 'plain ascii');
      const first = load(bundle, join(dir, 'cache'));
      assert.equal(first.status, 'created');
      assert.equal(first.exports.variant, variant);
      const second = load(bundle, join(dir, 'cache'));
      assert.equal(second.status, 'accepted');
      assert.equal(second.exports.variant, variant);
    }
  });

  it('a corrupt cache is rejected, the bundle still runs, and the next save repairs it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecs-cc-'));
    const bundle = bundleIn(dir);
    const first = load(bundle, dir);
    const bad = Buffer.from(readFileSync(first.cacheFile!));
    for (let i = 16; i < bad.length; i += 7) bad[i] ^= 0x5a;
    writeFileSync(first.cacheFile!, bad);
    const corrupt = load(bundle, dir);
    assert.equal(corrupt.status, 'created');
    assert.equal(corrupt.exports.answer, 42);
    assert.equal(corrupt.runs, 1);
    assert.equal(corrupt.saved, true);
    assert.equal(load(bundle, dir).status, 'accepted');
    writeFileSync(first.cacheFile!, 'not a cache');
    assert.equal(load(bundle, dir).status, 'created');
  });

  it('another build of the bundle never reads the old cache (size and mtime are in the file name)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecs-cc-'));
    const bundle = bundleIn(dir);
    const old = cacheFileFor(bundle, dir);
    assert.equal(load(bundle, dir).cacheFile, old);
    bundleIn(dir, 'v2');
    utimesSync(bundle, new Date(), new Date(Date.now() + 5000));
    assert.notEqual(cacheFileFor(bundle, dir), old);
    const r = load(bundle, dir);
    assert.equal(r.status, 'created');
    assert.equal(r.exports.variant, 'v2');
  });

  it('an unusable cache folder costs the cache, not the start', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecs-cc-'));
    const bundle = bundleIn(dir);
    const notADir = join(dir, 'file');
    writeFileSync(notADir, 'x');
    const r = load(bundle, join(notADir, 'cache'));
    assert.equal(r.exports.answer, 42);
    assert.equal(r.saved, false);
    assert.equal(r.runs, 1);
  });
});

describe('dist/server.js with ECS_TASKDEF_CACHE_DIR', () => {
  before(assertServerBuilt);
  const cacheDir = mkdtempSync(join(tmpdir(), 'ecs-cc-server-'));
  const uri = 'file:///work/app/task-definition.json';
  const text = webTask('{ "name": "web", "image": "nginx:1.27", "essential": "yes" }');
  const clients: TestClient[] = [];
  after(() => Promise.all(clients.map((c) => c.shutdown())));

  async function diagnose(env?: NodeJS.ProcessEnv): Promise<unknown> {
    const client = new TestClient(env);
    clients.push(client);
    await client.initialize();
    await client.open(uri, text, 1);
    const diagnostics = await client.waitForDiagnostics(uri, 1);
    await client.shutdown(true);
    return diagnostics;
  }

  it('writes the cache at exit, reads it next time, and answers exactly as without it', async () => {
    const env = { ...process.env, ECS_TASKDEF_CACHE_DIR: cacheDir };
    const plain = await diagnose();
    assert.ok((plain as unknown[]).length > 0);
    assert.deepEqual(readdirSync(cacheDir), []);
    assert.deepEqual(await diagnose(env), plain);
    const files = readdirSync(cacheDir);
    assert.equal(files.length, 1, files.join(', '));
    assert.match(files[0], /^server-main-\d+-\d+-v[\d.]+-\w+\.v8cache$/);
    assert.deepEqual(await diagnose(env), plain);
    writeFileSync(join(cacheDir, files[0]), 'corrupt');
    assert.deepEqual(await diagnose(env), plain);
    assert.ok(readFileSync(join(cacheDir, files[0])).length > 1000, 'the corrupt cache was replaced');
  });
});

describe('dist/cli.js with ECS_TASKDEF_CACHE_DIR', () => {
  before(assertServerBuilt);
  const ROOT = join(__dirname, '..', '..');
  const cacheDir = mkdtempSync(join(tmpdir(), 'ecs-cc-cli-'));
  const corpus = join(ROOT, 'test', 'corpus', 'files');

  function lintCorpus(env?: NodeJS.ProcessEnv): { status: number | null; stdout: string } {
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'ecs-taskdef.js'), 'lint', '--format', 'json', corpus], { encoding: 'utf8', env: env ?? { ...process.env, ECS_TASKDEF_CACHE_DIR: '' } });
    return { status: r.status, stdout: r.stdout };
  }

  it('writes the cache at exit, reads it next time, and prints exactly what it prints without it', () => {
    const env = { ...process.env, ECS_TASKDEF_CACHE_DIR: cacheDir };
    const plain = lintCorpus();
    assert.equal(plain.status, 1);
    assert.ok(JSON.parse(plain.stdout));
    assert.deepEqual(readdirSync(cacheDir), [], 'nothing written without the variable');
    assert.deepEqual(lintCorpus(env), plain);
    const files = readdirSync(cacheDir);
    assert.equal(files.length, 1, files.join(', '));
    assert.match(files[0], /^cli-main-\d+-\d+-v[\d.]+-\w+\.v8cache$/);
    assert.deepEqual(lintCorpus(env), plain);
    writeFileSync(join(cacheDir, files[0]), 'corrupt');
    assert.deepEqual(lintCorpus(env), plain);
    assert.ok(readFileSync(join(cacheDir, files[0])).length > 1000, 'the corrupt cache was replaced');
    // `node dist/cli.js` runs the CLI too (the loader is the main module), once.
    const direct = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), '--version'], { encoding: 'utf8', env });
    assert.equal(direct.status, 0);
    assert.match(direct.stdout, /^\S+\n$/);
  });
});
