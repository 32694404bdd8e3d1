/** The Node server reads a Terraform module's .tf files from the local disk (terraform-module.ts); unchanged files from memory. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { addTerraformFolderSource } from '../terraform-module';
import { MAX_HCL_SIZE } from '../../core/syntax/hcl';

/** A module has a handful of files; a folder with hundreds of .tf files is read up to this many. */
const MAX_FILES = 64;
const cache = new Map<string, { mtimeMs: number; size: number; text: string }>();

function list(folder: string): Array<{ path: string; text: string }> {
  const out: Array<{ path: string; text: string }> = [];
  for (const name of readdirSync(folder).filter((n) => /\.tf$/i.test(n)).sort().slice(0, MAX_FILES)) {
    const path = join(folder, name);
    try {
      const st = statSync(path);
      if (!st.isFile() || st.size > MAX_HCL_SIZE) continue;
      const hit = cache.get(path);
      if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) {
        out.push({ path, text: hit.text });
        continue;
      }
      const text = readFileSync(path, 'utf8');
      if (cache.size > 512) cache.clear();
      cache.set(path, { mtimeMs: st.mtimeMs, size: st.size, text });
      out.push({ path, text });
    } catch {
      // gone or unreadable meanwhile
    }
  }
  return out;
}

/** A file a module loads with file()/templatefile() (a JSON file of a few KB). */
const MAX_LOADED = 1024 * 1024;

function read(path: string): string | undefined {
  try {
    const st = statSync(path);
    if (!st.isFile() || st.size > MAX_LOADED) return undefined;
    const hit = cache.get(path);
    if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return hit.text;
    const text = readFileSync(path, 'utf8');
    if (cache.size > 512) cache.clear();
    cache.set(path, { mtimeMs: st.mtimeMs, size: st.size, text });
    return text;
  } catch {
    return undefined; // missing or unreadable: the containers stay unknown
  }
}

addTerraformFolderSource({ handles: (uri) => /^file:/i.test(uri), list, read });
