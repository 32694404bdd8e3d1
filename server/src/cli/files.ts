/** Collects the files to lint: explicit files as given, directories searched with the shared file detection. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { shouldLint } from '../core/file-detection';

const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'out', '.terraform', 'cdk.out', 'coverage']);

export class UsageError extends Error {}

export interface FoundFile {
  path: string;
  /** Content already read during the directory scan (avoids reading twice). */
  text?: string;
}

export function collectFiles(args: readonly string[], extraGlobs?: readonly string[]): FoundFile[] {
  const out: FoundFile[] = [];
  for (const arg of args) {
    let st;
    try {
      st = statSync(arg);
    } catch {
      throw new UsageError(`No such file or directory: ${arg}`);
    }
    if (st.isDirectory()) walk(arg, out, extraGlobs);
    else out.push({ path: arg });
  }
  return out;
}

function walk(dir: string, out: FoundFile[], extraGlobs?: readonly string[]): void {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (e) {
    throw new UsageError(`Cannot read directory ${dir}: ${(e as Error).message}`);
  }
  for (const name of names) {
    const p = join(dir, name);
    let st;
    try {
      st = statSync(p);
    } catch {
      continue;
    }
    if (st.isDirectory()) {
      if (!SKIP_DIRS.has(name) && !name.startsWith('.')) walk(p, out, extraGlobs);
      else if (name === '.aws') walk(p, out, extraGlobs);
      continue;
    }
    if (!/\.(jsonc?|json\.tpl|tpl)$/i.test(name) || st.size > 16 * 1024 * 1024) continue;
    const text = readFileSync(p, 'utf8');
    if (shouldLint(p, text, extraGlobs)) out.push({ path: p, text });
  }
}
