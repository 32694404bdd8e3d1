/** Finds and reads `.ecs-taskdef.json` for the CLI: the nearest one walking up from each file's folder. */
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { CONFIG_FILE_NAME, formatConfigProblem, lintOptionsFromConfig, parseConfig, taskDefinitionFromConfig, type TaskdefConfig } from '../core/config/project-config';
import type { LintOptions } from '../core/types';
import { UsageError } from './files';

export interface LoadedConfig {
  /** The config file, as a path for messages. */
  path: string;
  /** Its folder: config globs are relative to it. */
  dir: string;
  config: TaskdefConfig;
}

/** A config file that cannot be used: the message names the file, line and column of every problem. */
export class ConfigFileError extends UsageError {}

export function readConfigFile(path: string): LoadedConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ConfigFileError(`Cannot read config ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const { config, problems } = parseConfig(text);
  if (!config) {
    const lines = problems.map((p) => formatConfigProblem(path, p));
    throw new ConfigFileError(`Invalid config file ${path}:\n  ${lines.join('\n  ')}`);
  }
  return { path, dir: dirname(resolve(path)), config };
}

export class ConfigLoader {
  private readonly byDir = new Map<string, LoadedConfig | null>();

  /** `explicit`: one config file for every input (--config); `disabled`: no config at all (--no-config). */
  constructor(private readonly mode: { explicit?: string; disabled?: boolean } = {}) {}

  private explicitConfig?: LoadedConfig;

  /** The config in force for a file (by path), if any. */
  forFile(path: string): LoadedConfig | undefined {
    return this.forDir(dirname(resolve(path)));
  }

  forDir(dir: string): LoadedConfig | undefined {
    if (this.mode.disabled) return undefined;
    if (this.mode.explicit) return (this.explicitConfig ??= readConfigFile(this.mode.explicit));
    const abs = resolve(dir);
    const cached = this.byDir.get(abs);
    if (cached !== undefined) return cached ?? undefined;
    const candidate = join(abs, CONFIG_FILE_NAME);
    let found: LoadedConfig | null;
    if (isFile(candidate)) found = readConfigFile(relativeForDisplay(candidate));
    else found = dirname(abs) === abs ? null : (this.forDir(dirname(abs)) ?? null);
    this.byDir.set(abs, found);
    return found ?? undefined;
  }
}

/** The lint options the config in force for `path` gives (rules, launch type, placeholder patterns), or none. */
export function configLintOptions(configs: ConfigLoader, path: string): LintOptions {
  const loaded = configs.forFile(path);
  return loaded ? lintOptionsFromConfig(loaded.config, pathInConfig(loaded, path)) : {};
}

/** The task-definition path the config maps a deploying file to, relative to that file's folder; undefined when none. */
export function configTaskDefinition(configs: ConfigLoader, path: string): string | undefined {
  const loaded = configs.forFile(path);
  const mapped = loaded ? taskDefinitionFromConfig(loaded.config, pathInConfig(loaded, path)) : undefined;
  return mapped === undefined ? undefined : relative(dirname(resolve(path)), resolve(loaded!.dir, mapped)).split(sep).join('/');
}

/** A path relative to the config's folder, with forward slashes (what config globs match). */
function pathInConfig(loaded: LoadedConfig, path: string): string {
  return relative(loaded.dir, resolve(path)).split(sep).join('/');
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

function relativeForDisplay(p: string): string {
  const rel = relative(process.cwd(), p);
  return rel && !rel.startsWith('..') ? rel : p;
}
