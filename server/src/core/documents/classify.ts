/** Which kind of document this is, and which launch type, OS and network mode it runs with (RULES.md §1.2–1.3). */
import type { Node } from 'jsonc-parser';
import type { ParsedDocument } from '../syntax/parse';
import { DESCRIBE_ONLY_KEYS, isLoneContainer } from './lone-container';
import { child, items, str } from '../syntax/tree';
import { findPlaceholders, isWholePlaceholder, type PlaceholderPatterns } from '../syntax/placeholders';
import { type DocKind, LAUNCH_LETTERS, type LaunchLetter, type LaunchTypeName, type LintOptions, type OsFamily } from '../types';

export { DESCRIBE_ONLY_KEYS, isLoneContainer };

export interface Classification {
  kind: DocKind;
  /** The task-definition object (inside the `taskDefinition` wrapper for wrapped describe output). */
  task?: Node;
  /** The `taskDefinition` wrapper's value node, when present. */
  wrapper?: Node;
  /** The array of container definitions (task.containerDefinitions, or the root of a container array). */
  containersNode?: Node;
  /** Container definition objects, in order (non-object elements are skipped). */
  containers: Node[];
  /** True when a container list element is itself a placeholder (the list is incomplete). */
  containersTemplated: boolean;
  /** Launch letters; empty = unknown (U). */
  launch: Set<LaunchLetter>;
  /** "FARGATE", "EC2", "EC2,EXTERNAL" or "unknown". */
  launchType: string;
  /** Where the launch type came from. */
  launchSource: 'document' | 'comment' | 'option' | 'none';
  os: OsFamily;
  /** Effective network mode (explicit, or the default for the launch type / OS); undefined if unknown. */
  networkMode?: string;
  networkModeExplicit: boolean;
  templated: boolean;
  /** The root is one container object where a container array is expected (checked as that container). */
  loneContainer?: boolean;
}

const LAUNCH_COMMENT = /^\s*\/\/\s*ecs-taskdef:\s*launchType\s*=\s*([A-Z0-9_]+)/;

export function classify(parsed: ParsedDocument, options: LintOptions = {}): Classification {
  const root = parsed.root;
  const base: Classification = {
    kind: 'invalid',
    containers: [],
    containersTemplated: false,
    launch: new Set(),
    launchType: 'unknown',
    launchSource: 'none',
    os: 'unknown',
    networkModeExplicit: false,
    templated: parsed.templateTokens.length > 0,
  };
  if (!root) return base;
  let task: Node | undefined;
  if (root.type === 'array') {
    base.kind = 'container-array';
    base.containersNode = root;
  } else if (root.type === 'object') {
    const wrapped = child(root, 'taskDefinition');
    if (child(root, 'AWSTemplateFormatVersion') || child(root, 'Resources')) {
      base.kind = 'cfn-template';
      return base;
    }
    if (isLoneContainer(root)) {
      base.kind = 'container-array';
      base.loneContainer = true;
      base.containers.push(root);
    } else if (wrapped?.type === 'object') {
      base.kind = 'describe';
      base.wrapper = wrapped;
      task = wrapped;
    } else {
      task = root;
      base.kind = DESCRIBE_ONLY_KEYS.some((k) => child(root, k) !== undefined) ? 'describe' : 'register';
    }
    if (task) {
      base.task = task;
      base.containersNode = child(task, 'containerDefinitions');
    }
  } else {
    base.kind = 'not-task-definition';
    return base;
  }
  for (const el of items(base.containersNode)) {
    if (el.type === 'object') base.containers.push(el);
    else if (el.type === 'string' && (parsed.placeholderOffsets.has(el.offset) || isWholePlaceholder(el.value, parsed.placeholders))) {
      base.containersTemplated = true;
    }
  }
  // The parser already knows when no string can hold a placeholder; then the walk is skipped.
  if (!base.templated && (parsed.mayHavePlaceholders !== false || parsed.placeholders.patterns.length > 0)) base.templated = hasPlaceholderString(root, parsed.placeholders);
  resolveLaunch(base, parsed, options);
  resolveOs(base);
  resolveNetworkMode(base, parsed.placeholders);
  return base;
}

function resolveLaunch(c: Classification, parsed: ParsedDocument, options: LintOptions): void {
  const declared = new Set<LaunchTypeName>();
  for (const el of items(child(c.task, 'requiresCompatibilities'))) {
    const v = str(el);
    if (v && v in LAUNCH_LETTERS) declared.add(v as LaunchTypeName);
  }
  let names: LaunchTypeName[] = [...declared];
  if (names.length > 0) c.launchSource = 'document';
  else {
    const comment = LAUNCH_COMMENT.exec(parsed.text.slice(0, 200).split('\n')[0] ?? '');
    if (comment && comment[1] in LAUNCH_LETTERS) {
      names = [comment[1] as LaunchTypeName];
      c.launchSource = 'comment';
    } else if (options.defaultLaunchType) {
      names = [options.defaultLaunchType];
      c.launchSource = 'option';
    }
  }
  // ECS validates against every listed compatibility, so FARGATE's stricter rules win.
  if (names.includes('FARGATE')) names = ['FARGATE'];
  const order: LaunchTypeName[] = ['FARGATE', 'EC2', 'EXTERNAL', 'MANAGED_INSTANCES'];
  names.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  for (const n of names) c.launch.add(LAUNCH_LETTERS[n]);
  c.launchType = names.length > 0 ? names.join(',') : 'unknown';
}

function resolveOs(c: Classification): void {
  const family = str(child(child(c.task, 'runtimePlatform'), 'operatingSystemFamily'));
  if (family?.startsWith('WINDOWS_')) c.os = 'windows';
  else if (family === 'LINUX') c.os = 'linux';
  else c.os = c.launch.has('F') ? 'linux' : 'unknown';
}

function resolveNetworkMode(c: Classification, placeholders: PlaceholderPatterns): void {
  const node = child(c.task, 'networkMode');
  const explicit = str(node);
  if (explicit !== undefined && explicit !== '' && !isWholePlaceholder(explicit, placeholders, { enumField: true })) {
    c.networkMode = explicit;
    c.networkModeExplicit = true;
    return;
  }
  if (explicit !== undefined && explicit !== '') return; // a placeholder: unknown
  if (c.launch.has('F')) c.networkMode = 'awsvpc';
  else if (c.kind === 'container-array' && c.launch.size === 0) c.networkMode = undefined;
  else if (c.os === 'windows') c.networkMode = c.launch.has('E') ? 'default' : undefined;
  else if (c.kind !== 'container-array') c.networkMode = 'bridge';
}

function hasPlaceholderString(root: Node, placeholders: PlaceholderPatterns): boolean {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.type === 'string' && findPlaceholders(n.value as string, placeholders).length > 0) return true;
    if (n.children) for (const ch of n.children) stack.push(ch);
  }
  return false;
}
