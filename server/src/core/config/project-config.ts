/**
 * The `.ecs-taskdef.json` config file (JSONC): parsing, validation with exact positions, and what it means for
 * one file. Pure: the CLI and the LSP find and read the file; this module only sees its text. Never evaluates code.
 */
import { type Node, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import { matchesAnyGlob } from '../documents/file-detection';
import { placeholderPatternProblem } from '../syntax/placeholders';
import { LineIndex } from '../syntax/positions';
import { ALL_RULES } from '../rules';
import { editDistance } from '../schema/suggest';
import { LAUNCH_LETTERS, type LaunchTypeName, type LintOptions, type SeveritySetting } from '../types';

import { CONFIG_FILE_NAME } from './config-file-name';

export { CONFIG_FILE_NAME };

export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['off', 'error', 'warning', 'information', 'hint'];
export const LAUNCH_TYPE_NAMES = Object.keys(LAUNCH_LETTERS) as LaunchTypeName[];

export interface TaskdefConfig {
  /** Severity per rule id, or 'off'. */
  rules: Record<string, SeveritySetting>;
  /** Globs of files to lint even when neither their name nor their content looks like a task definition. */
  files: string[];
  /** Globs of files never linted. */
  ignore: string[];
  /** Launch type for files that declare none: one for all files (glob '**'), or by glob, first match wins. */
  launchType: Array<{ glob: string; type: LaunchTypeName }>;
  /** Extra template placeholder regexes (sources). */
  placeholderPatterns: string[];
  /**
   * The task definition a deploying file runs, for layouts the conventions miss: glob of appspecs or service
   * definitions → the task-definition file, both relative to the config's folder; first match wins.
   */
  taskDefinitions: Array<{ glob: string; path: string }>;
}

export const EMPTY_CONFIG: TaskdefConfig = { rules: {}, files: [], ignore: [], launchType: [], placeholderPatterns: [], taskDefinitions: [] };

/** A problem in the config file; line and character are 1-based, as printed. */
export interface ConfigProblem {
  offset: number;
  length: number;
  line: number;
  character: number;
  message: string;
}

export interface ConfigParseResult {
  /** Absent when the file has problems: a half-understood config must not silently change results. */
  config?: TaskdefConfig;
  problems: ConfigProblem[];
}

const KEYS = ['$schema', 'rules', 'files', 'ignore', 'launchType', 'placeholderPatterns', 'taskDefinitions'];

export function parseConfig(text: string): ConfigParseResult {
  const idx = new LineIndex(text);
  const problems: ConfigProblem[] = [];
  const report = (offset: number, length: number, message: string): void => {
    const p = idx.positionAt(offset);
    problems.push({ offset, length, line: p.line + 1, character: p.character + 1, message });
  };
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
  if (errors.length > 0) {
    // Only the first: the errors after it mostly follow from it.
    report(errors[0].offset, errors[0].length, `JSON syntax error: ${describeParseError(printParseErrorCode(errors[0].error))}`);
    return { problems };
  }
  if (!root) return { config: cloneEmpty(), problems };
  if (root.type !== 'object') {
    report(root.offset, root.length, 'The config must be a JSON object.');
    return { problems };
  }
  const config = cloneEmpty();
  for (const prop of root.children ?? []) {
    const [keyNode, value] = prop.children ?? [];
    if (!keyNode || !value) continue;
    const key = keyNode.value as string;
    if (key === 'rules') readRules(value, config, report);
    else if (key === 'files' || key === 'ignore' || key === 'placeholderPatterns') config[key] = readStrings(value, key, report);
    else if (key === 'launchType') config.launchType = readLaunchType(value, report);
    else if (key === 'taskDefinitions') config.taskDefinitions = readTaskDefinitions(value, report);
    else if (key !== '$schema') report(keyNode.offset, keyNode.length, `Unknown key '${key}'${didYouMean(key, KEYS)}; allowed: ${KEYS.slice(1).join(', ')}.`);
  }
  for (const [i, source] of config.placeholderPatterns.entries()) {
    // Invalid ones, and ones RE2 cannot run (lookaround, backreferences).
    const problem = placeholderPatternProblem(source);
    if (problem) {
      const node = findProperty(root, 'placeholderPatterns')?.children?.[i];
      report(node?.offset ?? 0, node?.length ?? 0, problem);
    }
  }
  return problems.length > 0 ? { problems } : { config, problems };
}

type Report = (offset: number, length: number, message: string) => void;

function readRules(node: Node, config: TaskdefConfig, report: Report): void {
  if (node.type !== 'object') return report(node.offset, node.length, "'rules' must be an object of rule id → severity.");
  const ids = ALL_RULES.map((r) => r.id);
  for (const prop of node.children ?? []) {
    const [k, v] = prop.children ?? [];
    if (!k || !v) continue;
    const id = k.value as string;
    if (!ids.includes(id)) report(k.offset, k.length, `Unknown rule '${id}'${didYouMean(id, ids)}. Run 'ecs-taskdef explain --list' for all rules.`);
    else if (v.type !== 'string' || !SEVERITY_SETTINGS.includes(v.value as SeveritySetting)) {
      report(v.offset, v.length, `Severity of '${id}' must be one of ${SEVERITY_SETTINGS.map((s) => `"${s}"`).join(', ')}.`);
    } else config.rules[id] = v.value as SeveritySetting;
  }
}

function readStrings(node: Node, key: string, report: Report): string[] {
  if (node.type !== 'array') {
    report(node.offset, node.length, `'${key}' must be an array of strings.`);
    return [];
  }
  const out: string[] = [];
  for (const item of node.children ?? []) {
    if (item.type === 'string' && (item.value as string).length > 0) out.push(item.value as string);
    else report(item.offset, item.length, `Every entry of '${key}' must be a non-empty string.`);
  }
  return out;
}

function readLaunchType(node: Node, report: Report): TaskdefConfig['launchType'] {
  const check = (v: Node): LaunchTypeName | undefined => {
    if (v.type === 'string' && LAUNCH_TYPE_NAMES.includes(v.value as LaunchTypeName)) return v.value as LaunchTypeName;
    report(v.offset, v.length, `Launch type must be one of ${LAUNCH_TYPE_NAMES.map((t) => `"${t}"`).join(', ')}.`);
    return undefined;
  };
  if (node.type === 'string') {
    const type = check(node);
    return type ? [{ glob: '**', type }] : [];
  }
  if (node.type !== 'object') {
    report(node.offset, node.length, "'launchType' must be a launch type (\"FARGATE\", …) or an object of glob → launch type.");
    return [];
  }
  const out: TaskdefConfig['launchType'] = [];
  for (const prop of node.children ?? []) {
    const [k, v] = prop.children ?? [];
    const type = k && v ? check(v) : undefined;
    if (type) out.push({ glob: k.value as string, type });
  }
  return out;
}

function readTaskDefinitions(node: Node, report: Report): TaskdefConfig['taskDefinitions'] {
  if (node.type !== 'object') {
    report(node.offset, node.length, "'taskDefinitions' must be an object of glob (appspec or service file) → task-definition path.");
    return [];
  }
  const out: TaskdefConfig['taskDefinitions'] = [];
  for (const prop of node.children ?? []) {
    const [k, v] = prop.children ?? [];
    if (!k || !v) continue;
    if (v.type !== 'string' || !(v.value as string).trim() || /^([\\/]|[A-Za-z]:)/.test(v.value as string)) {
      report(v.offset, v.length, 'The task definition must be a path relative to this config file.');
    } else out.push({ glob: k.value as string, path: (v.value as string).trim().replace(/^\.\//, '') });
  }
  return out;
}

function findProperty(obj: Node, key: string): Node | undefined {
  return obj.children?.find((p) => p.children?.[0]?.value === key)?.children?.[1];
}

function didYouMean(word: string, candidates: readonly string[]): string {
  const max = Math.min(3, Math.max(1, Math.floor(word.length / 3)));
  const scored = candidates.map((c) => ({ c, d: editDistance(c.toLowerCase(), word.toLowerCase(), max) })).filter((x) => x.d <= max);
  const best = Math.min(...scored.map((x) => x.d));
  const near = scored.filter((x) => x.d === best).map((x) => x.c).slice(0, 3);
  return near.length ? ` (did you mean ${near.map((n) => `'${n}'`).join(' or ')}?)` : '';
}

function describeParseError(code: string): string {
  // InvalidSymbol → "invalid symbol"
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function cloneEmpty(): TaskdefConfig {
  return { rules: {}, files: [], ignore: [], launchType: [], placeholderPatterns: [], taskDefinitions: [] };
}

/** `file:line:col: message`, the one-line form used by the CLI and the LSP log. */
export function formatConfigProblem(fileName: string, p: ConfigProblem): string {
  return `${fileName}:${p.line}:${p.character}: ${p.message}`;
}

/** Globs are matched against the path relative to the config file's folder (forward slashes). */
function normalizeGlob(glob: string): string {
  const g = glob.replace(/^\.\//, '');
  return g.endsWith('/') ? `${g}**` : g;
}

export function isIgnoredByConfig(config: TaskdefConfig, relPath: string): boolean {
  return matchesAnyGlob(relPath, config.ignore.map(normalizeGlob));
}

export function isIncludedByConfig(config: TaskdefConfig, relPath: string): boolean {
  return matchesAnyGlob(relPath, config.files.map(normalizeGlob));
}

export function launchTypeFromConfig(config: TaskdefConfig, relPath: string): LaunchTypeName | undefined {
  return config.launchType.find((l) => l.glob === '**' || matchesAnyGlob(relPath, [normalizeGlob(l.glob)]))?.type;
}

/** The task-definition path (relative to the config's folder) the config maps a deploying file to, if any. */
export function taskDefinitionFromConfig(config: TaskdefConfig, relPath: string): string | undefined {
  return config.taskDefinitions.find((t) => matchesAnyGlob(relPath, [normalizeGlob(t.glob)]))?.path;
}

/** The lint options a file gets from the config (callers lay their own overrides on top). */
export function lintOptionsFromConfig(config: TaskdefConfig, relPath: string): LintOptions {
  const options: LintOptions = {};
  if (Object.keys(config.rules).length > 0) options.rules = { ...config.rules };
  const launchType = launchTypeFromConfig(config, relPath);
  if (launchType) options.defaultLaunchType = launchType;
  if (config.placeholderPatterns.length > 0) options.placeholderPatterns = [...config.placeholderPatterns];
  return options;
}
