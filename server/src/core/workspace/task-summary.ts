/**
 * What other files need to know of one task-definition file: its `family`, its containers (name, image, ports,
 * essential) and every place inside it that names a container (`dependsOn[].containerName`, the name part of
 * `links` entries, `volumesFrom[].sourceContainer`). Offsets are into the file's text; `nameRange` is the name
 * itself without quotes (what a rename replaces). Pure: the host passes the text.
 */
import type { Node } from 'jsonc-parser';
import { classify } from '../documents/classify';
import { containerIndex, essentialOf, hasPlaceholder } from '../documents/task-index';
import { parseDocument, type ParsedDocument } from '../syntax/parse';
import { findPlaceholders, NO_PLACEHOLDER_PATTERNS } from '../syntax/placeholders';
import { child, items, num, str } from '../syntax/tree';
import type { OffsetRange } from '../types';

export interface SummaryPort {
  value: number;
  /** The `containerPort` value node's range. */
  range: OffsetRange;
  protocol?: string;
  name?: string;
}

export interface SummaryContainer {
  name: string;
  /** The `name` value node (with quotes) and the name inside it. */
  nodeRange: OffsetRange;
  nameRange: OffsetRange;
  /** The container object. */
  range: OffsetRange;
  /** The name is or holds a placeholder: it may render to anything (never renamed). */
  templated: boolean;
  image?: string;
  /** The `image` value node, when present. */
  imageRange?: OffsetRange;
  ports: SummaryPort[];
  essential?: boolean;
}

export type InFileReferenceKind = 'dependsOn' | 'links' | 'volumesFrom';

export interface InFileReference {
  kind: InFileReferenceKind;
  name: string;
  /** The container name inside the string (a `links` entry `name:alias` gives the `name` part). */
  nameRange: OffsetRange;
  /** The container (by index into `containers` of its file's list order) that holds the reference. */
  from: number;
}

export interface TaskSummary {
  family?: string;
  familyRange?: OffsetRange;
  /** The root node's range (hover on the file). */
  rootRange?: OffsetRange;
  containers: SummaryContainer[];
  references: InFileReference[];
  /** False when a miss proves nothing (templated list or names, syntax errors). */
  complete: boolean;
  /** The text has syntax errors: what was read is a recovery's guess (never renamed). */
  broken: boolean;
}

/** Cheap test before parsing: could this text be a task definition (or a container array)? */
export function mayBeTaskDefinition(text: string): boolean {
  return text.includes('containerDefinitions') || (/^\s*\[/.test(text) && text.includes('"image"'));
}

/** The summary of a task-definition file; undefined when the text is not a task definition (or container array). */
export function summarizeTask(text: string): TaskSummary | undefined {
  const parsed = parseDocument(text);
  const doc = classify(parsed);
  if (doc.kind !== 'register' && doc.kind !== 'describe' && doc.kind !== 'container-array') return undefined;
  const idx = containerIndex(doc, parsed);
  const containers: SummaryContainer[] = [];
  const references: InFileReference[] = [];
  for (const entry of idx.entries) {
    const from = containers.length;
    if (entry.name !== undefined && entry.nameNode && entry.nameNode.type === 'string') {
      containers.push({
        name: entry.name,
        nodeRange: rangeOf(entry.nameNode),
        nameRange: inner(entry.nameNode, text),
        range: rangeOf(entry.node),
        templated: entry.templatedName,
        ...imageOf(entry.node),
        ports: portsOf(entry.node),
        essential: essentialOf(entry.node, parsed),
      });
    }
    collectReferences(entry.node, parsed, text, from, references);
  }
  const familyNode = child(doc.task, 'family');
  const family = str(familyNode);
  return {
    family: family && !hasPlaceholder(familyNode, parsed) ? family : undefined,
    familyRange: familyNode ? rangeOf(familyNode) : undefined,
    rootRange: parsed.root ? rangeOf(parsed.root) : undefined,
    containers,
    references,
    complete: idx.complete && parsed.syntaxErrors.length === 0,
    broken: parsed.syntaxErrors.length > 0,
  };
}

function collectReferences(container: Node, parsed: ParsedDocument, text: string, from: number, out: InFileReference[]): void {
  for (const dep of items(child(container, 'dependsOn'))) push(out, 'dependsOn', child(dep, 'containerName'), parsed, text, from);
  for (const vf of items(child(container, 'volumesFrom'))) push(out, 'volumesFrom', child(vf, 'sourceContainer'), parsed, text, from);
  for (const link of items(child(container, 'links'))) {
    const s = str(link);
    if (s === undefined || hasPlaceholder(link, parsed)) continue;
    const name = s.split(':')[0];
    const r = inner(link, text);
    // Only when the raw text is the plain value (no escapes): the name's offset is then exact.
    if (name && text.slice(r.offset, r.offset + name.length) === name) out.push({ kind: 'links', name, nameRange: { offset: r.offset, length: name.length }, from });
  }
}

function push(out: InFileReference[], kind: InFileReferenceKind, node: Node | undefined, parsed: ParsedDocument, text: string, from: number): void {
  const name = str(node);
  if (!node || name === undefined || !name || hasPlaceholder(node, parsed)) return;
  const r = inner(node, text);
  if (text.slice(r.offset, r.offset + r.length) === name) out.push({ kind, name, nameRange: r, from });
}

function imageOf(container: Node): Pick<SummaryContainer, 'image' | 'imageRange'> {
  const node = child(container, 'image');
  if (!node) return {};
  return { image: str(node), imageRange: rangeOf(node) };
}

function portsOf(container: Node): SummaryPort[] {
  const out: SummaryPort[] = [];
  for (const pm of items(child(container, 'portMappings'))) {
    const node = child(pm, 'containerPort');
    const value = num(node) ?? (str(node) !== undefined && /^\d+$/.test(str(node)!) ? Number(str(node)) : undefined);
    if (!node || value === undefined) continue;
    out.push({ value, range: rangeOf(node), protocol: str(child(pm, 'protocol')), name: str(child(pm, 'name')) });
  }
  return out;
}

function rangeOf(node: Node): OffsetRange {
  return { offset: node.offset, length: node.length };
}

/** A string node's range without its quotes (the node itself when it has none, e.g. an unquoted token). */
function inner(node: Node, text: string): OffsetRange {
  const raw = text.slice(node.offset, node.offset + node.length);
  return /^["'].*["']$/s.test(raw) && raw.length >= 2 ? { offset: node.offset + 1, length: node.length - 2 } : rangeOf(node);
}

/** True when a container name can be renamed safely: a plain literal, no placeholder syntax. */
export function isRenamableName(name: string): boolean {
  return /^[A-Za-z0-9_-]{1,255}$/.test(name) && findPlaceholders(name, NO_PLACEHOLDER_PATTERNS).length === 0;
}
