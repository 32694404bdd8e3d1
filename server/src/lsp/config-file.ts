/**
 * `.ecs-taskdef.json` for the language server: the nearest one above the document, re-read when it changes on
 * disk. The workspace settings (`ecsTaskdef.*`) win over it, key by key.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import {
  CONFIG_FILE_NAME,
  formatConfigProblem,
  isIgnoredByConfig,
  isIncludedByConfig,
  launchTypeFromConfig,
  parseConfig,
  type TaskdefConfig,
} from '../core/config';
import { matchesAnyGlob } from '../core/file-detection';
import type { LaunchTypeName } from '../core/types';
import type { Settings } from './settings';

interface Entry {
  stamp: string;
  config?: TaskdefConfig;
  problems: string[];
  reported: boolean;
  /** The log already said that this file's placeholder patterns wait for workspace trust. */
  untrustedReported?: boolean;
}

let workspaceTrusted = true;

/**
 * In an untrusted workspace (VS Code's Restricted Mode) the placeholder patterns of `.ecs-taskdef.json` files,
 * regular expressions written by whoever wrote the repository, are not used; the rest of the file is. The client
 * says so in `initialize` and when the user grants trust. Clients that say nothing are trusted.
 */
export function setWorkspaceTrusted(trusted: boolean): void {
  workspaceTrusted = trusted;
}

/** Parsed config files by path; an entry is replaced when the file's mtime or size changes. */
const cache = new Map<string, Entry>();

export interface ConfigView {
  /** Changes whenever the config in force changes (a cached analysis with another stamp is stale). */
  stamp: string;
  /** Settings with the config file underneath: rules, files and placeholder patterns merged, settings first. */
  settings: Settings;
  /** The config's launch type for this document, used when no `ecsTaskdef.launchType` glob matches. */
  launchType?: LaunchTypeName;
  /** The config lists the document in `files`. */
  included: boolean;
  /** The config lists the document in `ignore` (and the settings' `files` do not name it). */
  ignored: boolean;
}

export function applyConfigFile(path: string, settings: Settings, log?: (msg: string) => void): ConfigView {
  const none: ConfigView = { stamp: '', settings, included: false, ignored: false };
  if (!path.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(path)) return none;
  const found = nearest(path);
  if (!found) return none;
  const { file, entry } = found;
  if (!entry.reported && entry.problems.length > 0 && log) {
    entry.reported = true;
    log(`Ignoring ${file} until it is fixed:\n  ${entry.problems.join('\n  ')}`);
  }
  const config = entry.config;
  if (!config) return { ...none, stamp: entry.stamp };
  const rel = relative(dirname(file), path).split(sep).join('/');
  const namedBySettings = matchesAnyGlob(path, settings.files);
  const withheld = !workspaceTrusted && config.placeholderPatterns.length > 0;
  if (withheld && !entry.untrustedReported && log) {
    entry.untrustedReported = true;
    log(`Not using placeholderPatterns from ${file}: the workspace is not trusted (Restricted Mode). Trust the workspace to use them.`);
  }
  return {
    stamp: withheld ? `${entry.stamp}:untrusted` : entry.stamp,
    settings: {
      ...settings,
      rules: { ...config.rules, ...settings.rules },
      placeholderPatterns: [...new Set([...settings.placeholderPatterns, ...(withheld ? [] : config.placeholderPatterns)])],
    },
    launchType: launchTypeFromConfig(config, rel),
    included: isIncludedByConfig(config, rel),
    ignored: !namedBySettings && isIgnoredByConfig(config, rel),
  };
}

function nearest(path: string): { file: string; entry: Entry } | undefined {
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    const file = join(dir, CONFIG_FILE_NAME);
    const entry = load(file);
    if (entry) return { file, entry };
    if (dirname(dir) === dir) return undefined;
  }
}

function load(file: string): Entry | undefined {
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
  let entry: Entry;
  try {
    const { config, problems } = parseConfig(readFileSync(file, 'utf8'));
    entry = { stamp, config, problems: problems.map((p) => formatConfigProblem(file, p)), reported: false };
  } catch (e) {
    entry = { stamp, problems: [`${file}: ${(e as Error).message}`], reported: false };
  }
  cache.set(file, entry);
  return entry;
}
