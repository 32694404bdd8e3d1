/**
 * `.ecs-taskdef.json` for the language server: the nearest one above the document. The workspace settings
 * (`ecsTaskdef.*`) win over it, key by key. Where the files come from is a `ConfigSource`: the local disk in the
 * Node server (node/disk-config-source.ts), the editor's file system API through the client in the web worker and
 * for virtual workspaces (client-config-source.ts). This file needs no Node API.
 */
import {
  formatConfigProblem,
  isIgnoredByConfig,
  isIncludedByConfig,
  launchTypeFromConfig,
  parseConfig,
  taskDefinitionFromConfig,
  type TaskdefConfig,
} from '../core/config/project-config';
import { matchesAnyGlob } from '../core/documents/file-detection';
import type { LaunchTypeName } from '../core/types';
import { relativePath } from '../core/workspace/deploy-files';
import { dirOf, normalisePath } from '../core/workspace/workflow';
import type { Settings } from './settings';

export interface ConfigEntry {
  /** Changes whenever the file's content may have changed. */
  stamp: string;
  config?: TaskdefConfig;
  problems: string[];
  reported: boolean;
  /** The log already said that this file's placeholder patterns wait for workspace trust. */
  untrustedReported?: boolean;
}

export interface FoundConfig {
  /** The config file's name for messages (a path or a URI). */
  file: string;
  entry: ConfigEntry;
  /** The document's path relative to the config file's folder, with `/` separators. */
  rel: string;
}

/** Finds the config in force for a document URI from what it knows now (synchronous; see prefetch). */
export interface ConfigSource {
  /** Whether this source answers for the URI (e.g. the disk source only for `file:` URIs). */
  handles(uri: string): boolean;
  nearest(uri: string): FoundConfig | undefined;
  /** Loads what nearest() needs for this URI when that takes asynchronous reads; resolves at once when known. */
  prefetch?(uri: string): Promise<void>;
}

const sources: ConfigSource[] = [];

/** Adds a source; the first one that handles a URI answers for it. Returns a function that removes it again. */
export function addConfigSource(source: ConfigSource, first = false): () => void {
  if (first) sources.unshift(source);
  else sources.push(source);
  return () => {
    const i = sources.indexOf(source);
    if (i >= 0) sources.splice(i, 1);
  };
}

function sourceFor(uri: string): ConfigSource | undefined {
  return sources.find((s) => s.handles(uri));
}

/** Lets the source of this URI read what it needs before the synchronous lookups (see settingsFor in server.ts). */
export async function prefetchConfig(uri: string): Promise<void> {
  await sourceFor(uri)?.prefetch?.(uri);
}

/** Parses a config file's text into a cache entry (problems named after `file`). */
export function configEntry(file: string, stamp: string, text: string): ConfigEntry {
  try {
    const { config, problems } = parseConfig(text);
    return { stamp, config, problems: problems.map((p) => formatConfigProblem(file, p)), reported: false };
  } catch (e) {
    return { stamp, problems: [`${file}: ${(e as Error).message}`], reported: false };
  }
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
  /** The task definition `taskDefinitions` maps this (deploying) document to, relative to the document's folder. */
  taskDefinition?: string;
}

/** The config in force for the document at `uri` under `settings`; `path` is its path for glob matching. */
export function applyConfigFile(uri: string, path: string, settings: Settings, log?: (msg: string) => void): ConfigView {
  const none: ConfigView = { stamp: '', settings, included: false, ignored: false };
  const found = sourceFor(uri)?.nearest(uri);
  if (!found) return none;
  const { file, entry, rel } = found;
  if (!entry.reported && entry.problems.length > 0 && log) {
    entry.reported = true;
    log(`Ignoring ${file} until it is fixed:\n  ${entry.problems.join('\n  ')}`);
  }
  const config = entry.config;
  if (!config) return { ...none, stamp: entry.stamp };
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
    ...mappedTaskDefinition(config, rel),
  };
}

/** `taskDefinitions` gives a path relative to the config's folder; the deploying file's checks want it from its own. */
function mappedTaskDefinition(config: TaskdefConfig, rel: string): Pick<ConfigView, 'taskDefinition'> {
  const mapped = taskDefinitionFromConfig(config, rel);
  const inConfig = mapped === undefined ? undefined : normalisePath(mapped);
  return inConfig ? { taskDefinition: relativePath(dirOf(rel), inConfig) } : {};
}
