/**
 * The Node server's config source: `.ecs-taskdef.json` of `file:` documents read from the local disk, re-read when
 * its mtime or size changes. Registered on import (main.ts); the web worker build never loads this file.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONFIG_FILE_NAME } from '../../core/config/project-config';
import { addConfigSource, type ConfigEntry, configEntry, type ConfigSource, type FoundConfig } from '../config-file';

/** Parsed config files by path; an entry is replaced when the file's mtime or size changes. */
const cache = new Map<string, ConfigEntry>();

export const diskConfigSource: ConfigSource = {
  // Other schemes (untitled, vscode-vfs in virtual workspaces, …) name no folder on this disk: reading the disk at
  // their path could pick up an unrelated config.
  handles: (uri) => /^file:/i.test(uri),
  nearest(uri: string): FoundConfig | undefined {
    let path: string;
    try {
      path = fileURLToPath(uri);
    } catch {
      return undefined;
    }
    for (let dir = dirname(path); ; dir = dirname(dir)) {
      const file = join(dir, CONFIG_FILE_NAME);
      const entry = load(file);
      if (entry) return { file, entry, rel: relative(dir, path).split(sep).join('/') };
      if (dirname(dir) === dir) return undefined;
    }
  },
};

function load(file: string): ConfigEntry | undefined {
  let stamp: string;
  try {
    // No exception for a missing file: this runs for every folder above the document on every request.
    const st = statSync(file, { throwIfNoEntry: false });
    if (!st) {
      cache.delete(file);
      return undefined;
    }
    if (!st.isFile()) return undefined;
    stamp = `${file}:${st.mtimeMs}:${st.size}`;
  } catch {
    cache.delete(file);
    return undefined;
  }
  const hit = cache.get(file);
  if (hit?.stamp === stamp) return hit;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const entry = { stamp, problems: [`${file}: ${(e as Error).message}`], reported: false };
    cache.set(file, entry);
    return entry;
  }
  const entry = configEntry(file, stamp, text);
  cache.set(file, entry);
  return entry;
}

addConfigSource(diskConfigSource);
