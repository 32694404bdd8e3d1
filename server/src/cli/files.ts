/**
 * Collects the files to lint: explicit files as given; directories (and glob arguments) searched with the shared
 * file detection, `.gitignore` and the config file's `files`/`ignore` globs.
 */
import { readdirSync, readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import { CONFIG_FILE_NAME, isIgnoredByConfig, isIncludedByConfig } from '../core/config/project-config';
import { matchesAnyGlob, shouldLint } from '../core/documents/file-detection';
import { isDeployingService } from '../core/workspace/deploy-files';
import { isWorkflowPath, mentionsEcsActions } from '../core/workspace/workflow';
import type { ConfigLoader } from './config-loader';
import { GitignoreStack } from './gitignore';
import { GlobMatcher } from '../core/config/glob-match';
import { isGlob, isShallow, splitGlob } from './glob';

const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'out', '.terraform', 'cdk.out', 'coverage']);
const CANDIDATE = /\.(jsonc?|json\.tpl|tpl|ya?ml|template|tf)$/i;
const MAX_SIZE = 16 * 1024 * 1024;

export class UsageError extends Error {}

export interface FoundFile {
  path: string;
  /** Content already read during the directory scan (avoids reading twice). */
  text?: string;
}

export interface ScanOptions {
  /** Extra globs (matched anywhere) of files to lint in directory scans. */
  extraGlobs?: readonly string[];
  /** Config files: their `files` globs add files, their `ignore` globs drop them. */
  configs?: ConfigLoader;
  /** False (--no-ignore): neither `.gitignore` nor the config's `ignore` drops anything. */
  useIgnores?: boolean;
  /** Told about explicit files dropped by the config's `ignore`. */
  onIgnored?(path: string, configPath: string): void;
  /**
   * False (--no-error-on-unmatched-pattern): a missing path, a glob that matches nothing and a directory without a
   * task definition are skipped instead of being a usage error (exit 2).
   */
  errorOnUnmatched?: boolean;
  /**
   * Directory scans also yield the files that deploy a task definition: GitHub workflows (`.github/workflows/*.yml`)
   * that use the ECS deploy actions, CodeDeploy appspecs and service definitions.
   */
  workflows?: boolean;
}

export function collectFiles(args: readonly string[], options: readonly string[] | ScanOptions = {}): FoundFile[] {
  const opts: ScanOptions = Array.isArray(options) ? { extraGlobs: options as readonly string[] } : (options as ScanOptions);
  const strict = opts.errorOnUnmatched !== false;
  const scan = new Scan(opts);
  for (const arg of args) {
    let st: Stats;
    try {
      st = statSync(arg);
    } catch {
      if (isGlob(arg)) {
        const found = scan.glob(arg);
        if (found === 'no-base' || found === 0) unmatched(strict, `No files match ${arg}`);
        else if (found === 'no-task-definition') unmatched(strict, `No task definition found by ${arg} (it matches only folders without one)`);
        continue;
      }
      unmatched(strict, `No such file or directory: ${arg}`);
      continue;
    }
    if (st.isDirectory()) {
      if (scan.directory(arg) === 0) unmatched(strict, `No task definition found in ${arg} (no file there has a task definition's name or content)`);
    } else scan.explicit(arg);
  }
  return scan.out;
}

/** ESLint's rule: an argument that names nothing is a mistake (a wrong path in CI must not pass), unless allowed. */
function unmatched(strict: boolean, message: string): void {
  if (strict) throw new UsageError(`${message}; --no-error-on-unmatched-pattern allows this.`);
}

class Scan {
  readonly out: FoundFile[] = [];
  private readonly seen = new Set<string>();
  private readonly useIgnores: boolean;
  constructor(private readonly opts: ScanOptions) {
    this.useIgnores = opts.useIgnores !== false;
  }

  explicit(path: string): void {
    const loaded = this.opts.configs?.forFile(path);
    if (loaded && this.useIgnores && isIgnoredByConfig(loaded.config, rel(loaded.dir, path))) {
      this.opts.onIgnored?.(path, loaded.path);
      return;
    }
    this.add({ path });
  }

  /** Returns how many files the folder yielded (already-seen files count: they were found again). */
  directory(dir: string): number {
    const before = this.found;
    this.visitedDirs.clear(); // per argument: `lint dir dir` must find dir's files again to count them
    this.walk(dir, this.useIgnores ? GitignoreStack.at(dir) : undefined);
    return this.found - before;
  }

  /**
   * Returns the number of files the glob yielded, 'no-base' when its fixed part is not a folder, and
   * 'no-task-definition' when it matched only folders that hold no task definition.
   */
  glob(arg: string): number | 'no-base' | 'no-task-definition' {
    const { base, pattern } = splitGlob(arg);
    const matcher = new GlobMatcher(pattern, { anchored: true });
    try {
      if (!statSync(base).isDirectory()) return 'no-base';
    } catch {
      return 'no-base';
    }
    const before = this.found;
    this.visitedDirs.clear();
    const gi = this.useIgnores ? GitignoreStack.at(base) : undefined;
    const matchedFolder = this.walk(base, gi, { base, matcher, shallow: isShallow(pattern) });
    const n = this.found - before;
    return n === 0 && matchedFolder ? 'no-task-definition' : n;
  }

  /**
   * Detection mode (`pattern` absent) or pattern mode: matched files count as named, matched folders are scanned.
   * Returns whether the pattern matched a folder.
   */
  private walk(dir: string, gi: GitignoreStack | undefined, pattern?: { base: string; matcher: GlobMatcher; shallow: boolean }): boolean {
    let matchedFolder = false;
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch (e) {
      throw new UsageError(`Cannot read directory ${dir}: ${(e as Error).message}`);
    }
    for (const name of names) {
      const p = join(dir, name);
      let st: Stats;
      try {
        st = statSync(p);
      } catch {
        continue;
      }
      const matched = pattern !== undefined && pattern.matcher.matches(rel(pattern.base, p));
      if (st.isDirectory()) {
        if ((SKIP_DIRS.has(name) || name.startsWith('.')) && name !== '.aws' && !(name === '.github' && this.opts.workflows)) continue;
        if (basename(dir) === '.github' && name !== 'workflows') continue; // only the workflows of `.github`
        if (gi?.ignores(p, true) || !this.firstVisit(p)) continue;
        if (!pattern || matched) {
          this.walk(p, gi?.enter(p));
          matchedFolder ||= matched;
        } else if (!pattern.shallow) matchedFolder = this.walk(p, gi?.enter(p), pattern) || matchedFolder;
      } else if (name === CONFIG_FILE_NAME || gi?.ignores(p, false)) continue;
      else if (!pattern) this.detected(p, name, st);
      else if (matched) this.explicit(p);
    }
    return matchedFolder;
  }

  private detected(p: string, name: string, st: Stats): void {
    const loaded = this.opts.configs?.forFile(p);
    const inConfig = loaded ? rel(loaded.dir, p) : undefined;
    if (loaded && this.useIgnores && isIgnoredByConfig(loaded.config, inConfig!)) return;
    const included = (loaded && isIncludedByConfig(loaded.config, inConfig!)) || matchesAnyGlob(p, this.opts.extraGlobs);
    if ((!included && !CANDIDATE.test(name)) || st.size > MAX_SIZE) return;
    let text: string;
    try {
      text = readFileSync(p, 'utf8');
    } catch {
      return;
    }
    if (this.opts.workflows && isWorkflowPath(p)) {
      if (mentionsEcsActions(text)) this.add({ path: p, text });
      return;
    }
    if (included || shouldLint(p, text) || (this.opts.workflows && isDeployingService(p, text))) this.add({ path: p, text });
  }

  /** Files yielded so far, repeats included (`lint dir dir` finds the same files twice but lints them once). */
  private found = 0;

  private add(f: FoundFile): void {
    this.found++;
    const key = resolve(f.path);
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.out.push(f);
  }

  /** Guards against symlink loops (within one argument). */
  private readonly visitedDirs = new Set<string>();
  private firstVisit(dir: string): boolean {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch {
      return false;
    }
    if (this.visitedDirs.has(real)) return false;
    this.visitedDirs.add(real);
    return true;
  }
}

function rel(from: string, path: string): string {
  return relative(resolve(from), resolve(path)).split(sep).join('/');
}
