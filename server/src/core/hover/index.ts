/**
 * Hover: plain functions from (parsed document, offset) to markdown. Works on the lint result the editor
 * already has (no parsing here). Property keys get the schema's explanation; values get their meaning (enum
 * values, cpu units as vCPU, MiB as GB) on top of that; roles and task size get their reference tables.
 */
import { findNodeAtOffset, type JSONPath, type Node } from 'jsonc-parser';
import { SERVICE_DESCRIBE_ONLY_KEYS } from '../schema/validate';
import { type Classification, DESCRIBE_ONLY_KEYS } from '../documents/classify';
import { renderRoleTableMarkdown } from '../facts/roles';
import { cpuToVcpuText, memoryToGbText } from '../facts';
import type { ParsedDocument } from '../syntax/parse';
import { child, pathOf, str } from '../syntax/tree';
import type { OffsetRange } from '../types';
import { FIRELENS_CONFIG_OPTIONS, logOption, type OptionInfo } from '../completion/log-options';
import { renderExecutionRoleNeeds } from './execution-role-needs';
import { propertyMarkdown } from './property-hover';
import { containerRelative, type RelativePath, relativePath, schemaAt } from './schema-nav';
import { taskSizeSection } from './task-size-hover';
import { valueMeaning } from './value-meanings';
import { cfnNameOf } from '../documents/cfn-names';
import { tfNameOf } from '../documents/tf-names';
import type { TfService } from '../documents/tf-module';
import { tfServiceHover } from '../completion/tf-service';

export interface HoverInput {
  parsed: ParsedDocument;
  doc: Classification;
  /** A CloudFormation template's task definitions (API names, template offsets). */
  subjects?: HoverInput[];
  /** Spans with a fixed note (a Terraform file() call: which file it loads and how that file is linted). */
  links?: Array<{ range: OffsetRange; markdown: string }>;
  /** A .tf file's aws_ecs_service blocks (hover on their arguments). */
  tfServices?: readonly TfService[];
}

export interface HoverResult {
  markdown: string;
  /** The key or value the hover is about. */
  range: OffsetRange;
}

const READ_ONLY_NOTE =
  'Read-only: ECS fills this in when it describes a registered task definition. `register-task-definition` rejects it — remove it (or run `ecs-taskdef strip`) before registering.';

const SERVICE_READ_ONLY_NOTE =
  'Read-only: `describe-services` reports it; `create-service` and `update-service` do not take it (ecspresso accepts it in its file). Remove it from a --cli-input-json file.';

const READONLY_EXEC_NOTE =
  '**ECS Exec** runs the SSM agent inside the container; it writes under `/var/lib/amazon` and `/var/log/amazon`. With `true` here, mount a task volume at each of those paths (`mountPoints`, `readOnly: false`) or, on EC2, add `linuxParameters.tmpfs` entries for them — otherwise `execute-command` sessions fail.';

const ROLE_INTRO: Record<string, string> = {
  executionRoleArn: 'The **task execution role**: used by the ECS agent (not your code) while it sets the task up — pulling private images, reading secrets and env files, sending awslogs output.',
  taskRoleArn: 'The **task role**: the AWS identity your application code gets inside every container of the task, for its own AWS API calls.',
};

/** Hover for the key or scalar value at `offset`, or undefined when there is nothing to say. */
export function hoverAt(input: HoverInput, offset: number): HoverResult | undefined {
  const link = input.links?.find((l) => offset >= l.range.offset && offset <= l.range.offset + l.range.length);
  if (link) return { markdown: link.markdown, range: link.range };
  const service = input.tfServices?.length ? tfServiceHover(input.parsed.text, input.tfServices, offset) : undefined;
  if (service) return service;
  if (input.subjects) {
    const sub = input.subjects.find((s) => s.parsed.root && offset >= s.parsed.root.offset && offset <= s.parsed.root.offset + s.parsed.root.length);
    const r = sub ? hoverAt(sub, offset) : undefined;
    // The heading names the property as the template or .tf file spells it (`Memory`, `execution_role_arn`), the text
    // below keeps the API's words: every property heading (a value's hover repeats its key's) and the "(portMappings)"
    // context after it.
    return r && { ...r, markdown: renameHeadings(r.markdown, input.doc.kind === 'terraform' ? tfNameOf : cfnNameOf) };
  }
  return hoverInTree(input.parsed.root, offset, (path) => relativePath(input.doc, path), input.doc);
}

/**
 * Hover in a file another of our schemas describes (service definitions, appspecs): `paths` maps a document path
 * into that schema, `names` gives the file's spelling of an API name for the headings (an appspec's PascalCase).
 */
export function schemaHoverAt(
  root: Node | undefined,
  offset: number,
  paths: (path: JSONPath) => RelativePath | undefined,
  names?: (apiName: string) => string | undefined,
): HoverResult | undefined {
  const r = hoverInTree(root, offset, paths, undefined);
  return r && names ? { ...r, markdown: renameHeadings(r.markdown, names) } : r;
}

/** Every property heading (a value's hover repeats its key's) and the "(where)" after it, in the file's spelling. */
function renameHeadings(markdown: string, rename: (name: string) => string | undefined): string {
  const named = (name: string) => rename(name) ?? name;
  const fixed = new Set(['task', 'container', 'service']);
  return markdown.replace(/\*\*`([A-Za-z]+)`\*\* \(([A-Za-z]+)\)/g, (_m, name: string, where: string) => `**\`${named(name)}\`** (${fixed.has(where) ? where : named(where)})`);
}

/** The key or scalar at `offset` and what the schema says of it; `doc` is the task definition's, when it is one. */
function hoverInTree(root: Node | undefined, offset: number, paths: (path: JSONPath) => RelativePath | undefined, doc: Classification | undefined): HoverResult | undefined {
  if (!root) return undefined;
  const node = findNodeAtOffset(root, offset, true);
  if (!node || !isLeaf(node)) return undefined;
  const parent = node.parent;
  const isKey = parent?.type === 'property' && parent.children?.[0] === node;
  const rel = paths(pathOf(node));
  if (!rel) return undefined;
  const markdown = isKey ? keyHover(doc, rel) : valueHover(doc, rel, node);
  return markdown ? { markdown, range: { offset: node.offset, length: node.length } } : undefined;
}

function isLeaf(node: Node): boolean {
  return node.type === 'string' || node.type === 'number' || node.type === 'boolean' || node.type === 'null';
}

function keyHover(doc: Classification | undefined, rel: RelativePath): string | undefined {
  const name = rel.path[rel.path.length - 1];
  if (typeof name !== 'string') return undefined;
  const taskLevel = !!doc && rel.base === 'task' && rel.path.length === 1;
  if (taskLevel && (DESCRIBE_ONLY_KEYS as readonly string[]).includes(name)) return `**\`${name}\`**\n\n${READ_ONLY_NOTE}`;
  if (rel.base === 'service' && rel.path.length === 1 && SERVICE_DESCRIBE_ONLY_KEYS.includes(name)) return `**\`${name}\`** (service)\n\n${SERVICE_READ_ONLY_NOTE}`;
  const option = doc && optionInfo(doc, rel);
  if (option) return optionMarkdown(option.info, option.owner);
  const schema = schemaAt(rel);
  if (!schema) return undefined;
  const parts = [propertyMarkdown(name, schema, whereOf(rel))];
  if (doc && taskLevel && (name === 'cpu' || name === 'memory')) parts.push(taskSizeSection(doc, name));
  if (doc && taskLevel && (name === 'executionRoleArn' || name === 'taskRoleArn')) parts.push(roleSection(doc, name));
  if (name === 'readonlyRootFilesystem' && containerRelative(rel)?.path.length === 1) parts.push(READONLY_EXEC_NOTE);
  return parts.join('\n\n---\n\n');
}

function valueHover(doc: Classification | undefined, rel: RelativePath, node: Node): string | undefined {
  const key = rel.path[rel.path.length - 1];
  const owner = typeof key === 'number' ? rel.path[rel.path.length - 2] : key;
  const lines: string[] = [];
  const inContainer = containerRelative(rel);
  const value = node.value as unknown;
  if (typeof value === 'string') {
    const meaning = valueMeaning(rel.path, value);
    if (meaning) lines.push(`**\`${value}\`** — ${meaning}`);
  }
  if (inContainer?.path.length === 1 && typeof value === 'number') {
    if (key === 'cpu') lines.push(`\`${value}\` = **${value} CPU units = ${cpuToVcpuText(value)}** reserved for this container`);
    if (key === 'memory') lines.push(`\`${value}\` = **${value} MiB = ${memoryToGbText(value)}**, the hard limit: the container is killed above it`);
    if (key === 'memoryReservation') lines.push(`\`${value}\` = **${value} MiB = ${memoryToGbText(value)}**, the soft limit reserved on the instance`);
  }
  const keyPath = typeof key === 'number' ? rel.path.slice(0, -1) : rel.path;
  const keyMarkdown = typeof owner === 'string' ? keyHover(doc, { base: rel.base, path: keyPath }) : undefined;
  if (lines.length === 0) return keyMarkdown;
  return keyMarkdown ? `${lines.join('\n\n')}\n\n---\n\n${keyMarkdown}` : lines.join('\n\n');
}

/** "task", "service", "container", or the parent field for deeper properties ("healthCheck"). */
function whereOf(rel: RelativePath): string {
  const strings = rel.path.slice(0, -1).filter((p): p is string => typeof p === 'string');
  if (rel.base !== 'containers' && strings.length === 0) return rel.base;
  const inContainer = containerRelative(rel);
  if (inContainer && inContainer.path.length === 1) return 'container';
  return strings[strings.length - 1] ?? 'container';
}

function roleSection(doc: Classification, name: 'executionRoleArn' | 'taskRoleArn'): string {
  return [ROLE_INTRO[name], renderRoleTableMarkdown(), renderExecutionRoleNeeds(doc)].join('\n\n');
}

/** A key inside `logConfiguration.options` or `firelensConfiguration.options`, with what we know about it. */
function optionInfo(doc: Classification, rel: RelativePath): { info: OptionInfo; owner: string } | undefined {
  const inContainer = containerRelative(rel);
  const p = inContainer?.path;
  if (!inContainer || !p || p.length !== 3 || p[1] !== 'options' || typeof p[2] !== 'string') return undefined;
  const container = containerAt(doc, inContainer.index);
  if (p[0] === 'logConfiguration') {
    const driver = str(child(child(container, 'logConfiguration'), 'logDriver'));
    const info = logOption(driver, p[2]);
    return info ? { info, owner: `${driver} log option` } : undefined;
  }
  if (p[0] === 'firelensConfiguration') {
    const info = FIRELENS_CONFIG_OPTIONS.find((o) => o.key === p[2]);
    return info ? { info, owner: 'FireLens option' } : undefined;
  }
  return undefined;
}

function containerAt(doc: Classification, index: number): Node | undefined {
  return doc.containersNode?.children?.[index];
}

function optionMarkdown(info: OptionInfo, owner: string): string {
  const lines = [`**\`${info.key}\`** (${owner}) · string`, info.doc];
  if (info.required) lines.push(`**Required:** ${info.required}`);
  if (info.values) lines.push(`**Values:** ${info.values.map((v) => `\`"${v}"\``).join(', ')}`);
  return lines.join('\n\n');
}
