/** The Node server's workspace walk: `file:` workspace folders read from the local disk, in the background. */
// fs.promises, read when first used: importing node:fs/promises loads Node's promise file API (and its readline
// interface) at start, ~4 ms of CPU before the first diagnostics that need none of it (docs/performance.md, round two c).
import { promises as fsp } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { addWorkspaceFileSource, INDEXED_FILE, type WorkspaceFileSource } from '../workspace-links';

/** Folders never walked: dependencies, VCS data, build output. `.github` and `.aws` are walked. */
const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', 'build', 'target', 'vendor', '.terraform', 'cdk.out', '.venv', '__pycache__', 'coverage']);
/** Folders deeper than this are not entered (a symlink loop or a generated tree). */
const MAX_DEPTH = 12;

function pathOf(uri: string): string | undefined {
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

const yieldNow = (): Promise<void> => new Promise((r) => setImmediate(r));

export const diskWorkspace: WorkspaceFileSource = {
  handles: (uri) => /^file:/i.test(uri),
  async walk(folderUri, onFile, limits, stop) {
    const root = pathOf(folderUri);
    if (!root) return;
    let given = 0;
    const queue: Array<[string, number]> = [[root, 0]];
    while (queue.length && !stop() && given < limits.maxFiles) {
      const [dir, depth] = queue.shift()!;
      let names;
      try {
        names = await fsp.readdir(dir, { withFileTypes: true });
      } catch {
        continue;
      }
      for (const e of names) {
        if (stop() || given >= limits.maxFiles) return;
        const full = join(dir, e.name);
        if (e.isDirectory()) {
          if (!SKIP_DIRS.has(e.name) && depth < MAX_DEPTH) queue.push([full, depth + 1]);
          continue;
        }
        if (!e.isFile() || !INDEXED_FILE.test(e.name) || e.name === 'package-lock.json') continue;
        try {
          const st = await fsp.stat(full);
          if (st.size > limits.maxFileSize) continue;
          const text = await fsp.readFile(full, 'utf8');
          given++;
          onFile(pathToFileURL(full).href, text);
        } catch {
          // unreadable: left out
        }
        await yieldNow();
      }
    }
  },
  async isFolder(uri) {
    const path = pathOf(uri);
    if (!path) return false;
    try {
      return (await fsp.stat(path)).isDirectory();
    } catch {
      return false;
    }
  },
  async read(uri) {
    const path = pathOf(uri);
    if (!path) return undefined;
    try {
      const st = await fsp.stat(path);
      if (!st.isFile()) return null;
      return st.size > 4 * 1024 * 1024 ? undefined : await fsp.readFile(path, 'utf8');
    } catch (e) {
      return (e as NodeJS.ErrnoException).code === 'ENOENT' ? null : undefined;
    }
  },
};

addWorkspaceFileSource(diskWorkspace);
