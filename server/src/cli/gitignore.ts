/** `.gitignore` semantics for directory scans: every `.gitignore` from the repository root down, deeper files win. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';

interface Level {
  dir: string;
  rules: Ignore;
}

export class GitignoreStack {
  private constructor(private readonly levels: readonly Level[]) {}

  /** The stack in force in `dir`: `.git/info/exclude` and each `.gitignore` from the repository root down to `dir`. */
  static at(dir: string): GitignoreStack {
    const abs = resolve(dir);
    const chain: string[] = [];
    let root: string | undefined;
    for (let d = abs; ; d = dirname(d)) {
      chain.unshift(d);
      if (existsSync(join(d, '.git'))) {
        root = d;
        break;
      }
      if (dirname(d) === d) break;
    }
    // Outside a repository only the folder scanned (and below) counts.
    const dirs = root ? chain : [abs];
    let stack = new GitignoreStack([]);
    if (root) stack = stack.withFile(root, join(root, '.git', 'info', 'exclude'));
    for (const d of dirs) stack = stack.enter(d);
    return stack;
  }

  /** The stack for a sub-folder: this one plus the folder's own `.gitignore`, if any. */
  enter(dir: string): GitignoreStack {
    return this.withFile(dir, join(dir, '.gitignore'));
  }

  private withFile(dir: string, file: string): GitignoreStack {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return this;
    }
    return new GitignoreStack([...this.levels, { dir: resolve(dir), rules: ignore().add(text) }]);
  }

  ignores(path: string, isDirectory: boolean): boolean {
    const abs = resolve(path);
    let ignored = false;
    for (const level of this.levels) {
      const rel = relative(level.dir, abs).split(sep).join('/');
      if (!rel || rel.startsWith('..')) continue;
      const r = level.rules.test(isDirectory ? `${rel}/` : rel);
      if (r.ignored) ignored = true;
      else if (r.unignored) ignored = false;
    }
    return ignored;
  }
}
