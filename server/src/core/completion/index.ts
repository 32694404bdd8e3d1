/**
 * Completion: property names valid at the cursor and not yet present, and values (enums, Fargate sizes that fit,
 * container and volume names, log options). Plain function from (parsed document, offset) to entries with
 * offset ranges; the LSP layer turns them into CompletionItems. Uses jsonc-parser's getLocation (location.ts) for the context.
 */
import { findNodeAtLocation, type JSONPath, type Node } from 'jsonc-parser';
import type { Classification } from '../documents/classify';
import type { ParsedDocument } from '../syntax/parse';
import { child, entries, items, str } from '../syntax/tree';
import type { OffsetRange } from '../types';
import { containerRelative, descriptionOf, propertiesAt, type RelativePath, relativePath, resolve, type SchemaNode, typeLabel } from '../hover/schema-nav';
import { enumOf } from '../hover/property-hover';
import { FIRELENS_CONFIG_OPTIONS, LOG_DRIVER_OPTIONS, type OptionInfo } from './log-options';
import { valueCandidates } from './values';
import { locationAt } from './location';
import { completeInTemplate, type TemplateCompletionSubject } from './template-completion';
import { completeInTerraform } from './tf-completion';
import type { TfModule } from '../documents/tf-module';

export interface CompletionInput {
  parsed: ParsedDocument;
  doc: Classification;
  /** A CloudFormation template's task definitions (API names, template offsets). */
  subjects?: TemplateCompletionSubject[];
  /** A .tf file's model (TerraformOutput.module), to find the resource under the cursor. */
  module?: TfModule;
  /** The task definitions a .tf file's services may run (TerraformOutput.serviceTasks): any file of the module. */
  serviceTasks?: ReadonlyArray<{ address: string; doc: Classification }>;
  /** Where a document path sits in a schema, for a file another schema describes (a service definition); default: the task definition's. */
  paths?: (path: JSONPath) => RelativePath | undefined;
}

/** Key candidates for the object at `rel`: log or FireLens options (of the task definition `doc`), else the schema's properties. */
export function keyCandidatesAt(doc: Classification | undefined, rel: RelativePath): KeyCandidate[] {
  return (doc && optionKeyCandidates(doc, rel)) ?? schemaKeyCandidates(rel);
}

export interface CompletionEntry {
  label: string;
  kind: 'property' | 'value' | 'reference' | 'keyword';
  /** Text that replaces `range`; a snippet (`$1`, `${1|a,b|}`) when `snippet` is set. */
  insertText: string;
  snippet?: boolean;
  range: OffsetRange;
  filterText?: string;
  detail?: string;
  documentation?: string;
  sortText?: string;
}

export function completeAt(input: CompletionInput, offset: number): CompletionEntry[] {
  const { parsed, doc } = input;
  const root = parsed.root;
  if (doc.kind === 'terraform') return completeInTerraform({ text: parsed.text, module: input.module, subjects: input.subjects, serviceTasks: input.serviceTasks }, offset);
  if (doc.kind === 'cfn-template') return completeInTemplate(parsed.text, input.subjects ?? [], offset, !/^\s*[{[]/.test(parsed.text));
  if (!root) return [];
  const location = locationAt(parsed, offset);
  const range = replaceRange(parsed.text, offset, location.previousNode);
  const relative = input.paths ?? ((path: JSONPath) => relativePath(doc, path));
  if (location.isAtPropertyKey) {
    const objPath = location.path.slice(0, -1);
    const obj = findNodeAtLocation(root, objPath);
    const rel = relative(objPath);
    if (!rel || (obj && obj.type !== 'object')) return [];
    return propertyEntries(input, rel, obj, range, offset);
  }
  const rel = relative(location.path);
  if (!rel || location.path.length === 0) return [];
  const last = location.path[location.path.length - 1];
  const siblings = typeof last === 'number' ? items(findNodeAtLocation(root, location.path.slice(0, -1))).filter((n) => !covers(n, offset)) : [];
  // Right after a colon, keep the usual `"key": value` spacing.
  const space = range.length === 0 && parsed.text[range.offset - 1] === ':' ? ' ' : '';
  return valueCandidates(doc, rel, siblings).map((c) => {
    const insertText = space + (typeof c.value === 'string' ? JSON.stringify(c.value) : String(c.value));
    return {
      label: String(c.value),
      kind: c.kind,
      insertText,
      range,
      filterText: parsed.text[range.offset] === '"' ? insertText.trim() : String(c.value),
      detail: c.detail,
      documentation: c.documentation,
      sortText: c.sortText,
    };
  });
}

function covers(n: Node, offset: number): boolean {
  return n.offset <= offset && offset <= n.offset + n.length;
}

const WORD = /[\w$.-]/;

/** The text the completion replaces: the string or word under the cursor (quotes included), else nothing. */
function replaceRange(text: string, offset: number, previous: Node | undefined): OffsetRange {
  if (previous && (previous.type === 'string' || previous.type === 'number' || previous.type === 'boolean' || previous.type === 'null')) {
    if (previous.offset <= offset && offset <= previous.offset + previous.length) return { offset: previous.offset, length: previous.length };
  }
  let start = offset;
  while (start > 0 && WORD.test(text[start - 1])) start--;
  let end = offset;
  while (end < text.length && WORD.test(text[end])) end++;
  if (text[start - 1] === '"') {
    start--;
    if (text[end] === '"') end++;
  }
  return { offset: start, length: end - start };
}

export interface KeyCandidate {
  key: string;
  detail: string;
  documentation?: string;
  /** Value placeholder inserted after the colon (snippet syntax). */
  valueSnippet: string;
}

function propertyEntries(input: CompletionInput, rel: RelativePath, obj: Node | undefined, range: OffsetRange, offset: number): CompletionEntry[] {
  const { parsed } = input;
  const present = new Set(entries(obj).filter(([, k]) => !covers(k, offset)).map(([key]) => key));
  const candidates = keyCandidatesAt(input.doc, rel);
  const text = parsed.text;
  const end = range.offset + range.length;
  // Editing an existing key: replace the name only. Otherwise insert `"key": value`, plus a comma when a
  // property follows.
  const keyOnly = /^\s*:/.test(text.slice(end));
  const comma = !keyOnly && /^\s*["{]/.test(text.slice(end)) ? ',' : '';
  return candidates
    .filter((c) => !present.has(c.key))
    .map((c) => ({
      label: c.key,
      kind: 'property' as const,
      insertText: keyOnly ? JSON.stringify(c.key) : `${JSON.stringify(c.key)}: ${c.valueSnippet}${comma}`,
      snippet: !keyOnly,
      range,
      filterText: text[range.offset] === '"' ? JSON.stringify(c.key) : c.key,
      detail: c.detail,
      documentation: c.documentation,
    }));
}

// The schema never changes: each object's key candidates are built once (less work and garbage per request).
const KEY_CANDIDATES = new WeakMap<object, KeyCandidate[]>();

/** The schema's properties of the object at `rel`, with their type, description and a value placeholder. */
export function schemaKeyCandidates(rel: RelativePath): KeyCandidate[] {
  const properties = propertiesAt(rel);
  let candidates = KEY_CANDIDATES.get(properties);
  if (!candidates) {
    candidates = Object.entries(properties).map(([key, raw]) => {
      const s = resolve(raw) ?? raw;
      return { key, detail: typeLabel(s), documentation: descriptionOf(s), valueSnippet: valueSnippet(s) };
    });
    KEY_CANDIDATES.set(properties, candidates);
  }
  return candidates;
}

/** Keys of `logConfiguration.options` (per driver) and `firelensConfiguration.options`. */
function optionKeyCandidates(doc: Classification, rel: RelativePath): KeyCandidate[] | undefined {
  const inContainer = containerRelative(rel);
  const p = inContainer?.path;
  if (!inContainer || !p || p.length !== 2 || p[1] !== 'options') return undefined;
  const container = items(doc.containersNode)[inContainer.index];
  let list: readonly OptionInfo[] | undefined;
  if (p[0] === 'logConfiguration') list = LOG_DRIVER_OPTIONS[str(child(child(container, 'logConfiguration'), 'logDriver')) ?? ''] ?? [];
  else if (p[0] === 'firelensConfiguration') list = FIRELENS_CONFIG_OPTIONS;
  if (!list) return undefined;
  return list.map((o) => ({
    key: o.key,
    detail: o.required ? `option · required ${o.required}` : 'option',
    documentation: o.doc,
    valueSnippet: o.values ? `"\${1|${o.values.join(',')}|}"` : '"$1"',
  }));
}

function valueSnippet(s: SchemaNode): string {
  const values = enumOf(s);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'string':
      return values?.length ? `"\${1|${values.join(',')}|}"` : '"$1"';
    case 'integer':
    case 'number':
      return '$1';
    case 'boolean':
      return '${1|true,false|}';
    case 'array':
      return resolve(s.items)?.type === 'object' ? '[\n\t{$1}\n]' : '[$1]';
    case 'object':
      return '{$1}';
    default:
      return '$1';
  }
}
