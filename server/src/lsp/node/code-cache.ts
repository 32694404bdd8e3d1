/**
 * Runs a CommonJS bundle through `vm.Script` with a V8 code cache, so a new server process skips parsing and
 * compiling what the last one already compiled (Node 20 has no module.enableCompileCache). The cache lives in a
 * private folder the caller names (the extension's global storage), never beside the bundle. A missing, corrupt
 * or stale cache is simply not used: the file name carries the bundle's size and mtime, Node's version and the
 * architecture, so another build never reads it; a SHA-256 of the data leads the file, because V8 in release
 * builds does not checksum code caches (a flipped byte crashed the process in our test); V8 still rejects data
 * of another V8 or other flags (`cachedDataRejected`).
 */
import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

/** What happened to the cache: `accepted` (used), `created` (none or rejected; written at exit), `off` (no folder). */
export type CodeCacheStatus = 'off' | 'accepted' | 'created';

export interface LoadResult {
  status: CodeCacheStatus;
  /** The bundle's module.exports. */
  exports: unknown;
  /** The cache file this process reads or will write (undefined when off). */
  cacheFile?: string;
  /** Writes the cache now if this process owes one (the exit handler calls it); true when it wrote. */
  save(): boolean;
}

/** The cache file for this bundle build, Node version and architecture (another of them never matches). */
export function cacheFileFor(bundle: string, cacheDir: string): string {
  const s = statSync(bundle);
  const key = `${s.size}-${Math.floor(s.mtimeMs)}-${process.version}-${process.arch}`;
  return join(cacheDir, `${bundle.replace(/^.*[\\/]/, '').replace(/\.js$/, '')}-${key}.v8cache`);
}

/**
 * Loads `bundle` as a CommonJS module. Without `cacheDir`, or when anything about the cache fails before the
 * bundle runs, it is a plain `require`. The bundle itself runs exactly once either way.
 */
export function loadWithCodeCache(bundle: string, cacheDir: string | undefined, parent?: NodeModule): LoadResult {
  let script: Script | undefined;
  let cacheFile: string | undefined;
  let status: CodeCacheStatus = 'off';
  if (cacheDir) {
    try {
      cacheFile = cacheFileFor(bundle, cacheDir);
      let cachedData: Buffer | undefined;
      try {
        cachedData = verified(readFileSync(cacheFile));
      } catch {
        cachedData = undefined; // first start of this build: no cache yet
      }
      const source = readSource(bundle);
      // Node's own CommonJS wrapper, so the bundle sees the usual module variables.
      const wrapped = `(function (exports, require, module, __filename, __dirname) { ${source}\n})`;
      script = new Script(wrapped, { filename: bundle, cachedData });
      status = cachedData && !script.cachedDataRejected ? 'accepted' : 'created';
    } catch {
      script = undefined;
      status = 'off';
    }
  }
  if (!script) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return { status: 'off', exports: require(bundle), save: () => false };
  }
  const mod = { exports: {} as unknown, filename: bundle, id: bundle, loaded: false, parent, children: [], paths: [] };
  const fn = script.runInThisContext() as (e: unknown, r: NodeRequire, m: typeof mod, f: string, d: string) => void;
  let owed = status === 'created';
  const save = (): boolean => {
    if (!owed || !script || !cacheFile) return false;
    owed = false;
    try {
      // Made late, so it holds every function compiled so far (the first lint's too), not just the top level.
      const data = script.createCachedData();
      mkdirSync(dirname(cacheFile), { recursive: true });
      const tmp = `${cacheFile}.${process.pid}.tmp`;
      writeFileSync(tmp, Buffer.concat([digest(data), data]));
      renameSync(tmp, cacheFile); // atomic: a server starting meanwhile reads the old file or the new one, never half
      return true;
    } catch {
      return false; // a read-only or full disk costs the next start its cache, nothing else
    }
  };
  fn.call(mod.exports, mod.exports, createRequire(bundle), mod, bundle, dirname(bundle));
  mod.loaded = true;
  return { status, exports: mod.exports, cacheFile, save };
}

/**
 * The bundle's text. The shipped bundles are ASCII (scripts/build.mjs checks), and ASCII bytes read as Latin-1 are
 * the same string: Latin-1 decoding is a plain copy, where Node's UTF-8 decoding of the 1.4 MB bundle cost 15 ms
 * of CPU at every start. Anything else is read as UTF-8, as `require` would.
 */
function readSource(bundle: string): string {
  const bytes = readFileSync(bundle);
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}

const DIGEST_BYTES = 32;

function digest(data: Buffer): Buffer {
  return createHash('sha256').update(data).digest();
}

/** The cache data when the file's leading digest matches it; undefined for a truncated or damaged file. */
function verified(file: Buffer): Buffer | undefined {
  if (file.length <= DIGEST_BYTES) return undefined;
  const data = file.subarray(DIGEST_BYTES);
  return digest(data).equals(file.subarray(0, DIGEST_BYTES)) ? data : undefined;
}
