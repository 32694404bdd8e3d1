/**
 * Name indexes over one task definition, shared by the cross-reference rules and completion: containers by
 * name, volumes by name, whether a list is complete (RULES.md §1.4 effect 4), task cpu/memory in units/MiB,
 * container integers, and the "closest name" suggestion.
 */
import type { Node } from 'jsonc-parser';
import type { Classification } from './classify';
import { type ParsedTaskCpu, type ParsedTaskMemory, isTaskSizeError, parseTaskCpu, parseTaskMemory } from '../facts/fargate-sizes';
import { RESOURCE_NAME_REGEX } from '../facts/limits';
import type { ParsedDocument } from '../syntax/parse';
import { findPlaceholders } from '../syntax/placeholders';
import { editDistance, suggestKeys } from '../schema/suggest';
import { bool, child, isEmptyValue, items, str } from '../syntax/tree';

/** One named element of a list (a container definition or a volume). */
export interface NamedEntry {
  /** The element's object node. */
  node: Node;
  /** Position among the list's object elements (0-based). */
  index: number;
  name?: string;
  nameNode?: Node;
  /** The name is or contains a template placeholder: it may render to anything. */
  templatedName: boolean;
  /** Some of the object's own properties are unquoted template tokens: keys may be hidden from us. */
  opaque: boolean;
}

export interface NameIndex {
  entries: NamedEntry[];
  /** First entry per literal name (the first one defines the name). */
  byName: Map<string, NamedEntry>;
  /**
   * False when a lookup miss proves nothing: the list itself, one of its elements or one of its names is a
   * template placeholder (effect 4 of RULES.md §1.4).
   */
  complete: boolean;
}

/** True when the node is an unquoted template token or a string containing any explicit placeholder. */
export function hasPlaceholder(node: Node | undefined, parsed: ParsedDocument): boolean {
  if (!node) return false;
  if (parsed.placeholderOffsets.has(node.offset)) return true;
  return node.type === 'string' && findPlaceholders(node.value as string, parsed.placeholders).length > 0;
}

/** True when an unquoted template token sits inside `obj` outside any value position (a templated property). */
export function isOpaqueObject(obj: Node, parsed: ParsedDocument): boolean {
  const end = obj.offset + obj.length;
  return parsed.templateTokens.some((t) => t.offset > obj.offset && t.offset < end && !parsed.placeholderOffsets.has(t.offset));
}

function buildIndex(list: Node | undefined, elements: Node[], parsed: ParsedDocument, listTemplated: boolean): NameIndex {
  const entries: NamedEntry[] = [];
  const byName = new Map<string, NamedEntry>();
  let complete = !listTemplated;
  for (const node of elements) {
    const nameNode = child(node, 'name');
    const name = str(nameNode);
    const templatedName = hasPlaceholder(nameNode, parsed);
    const entry: NamedEntry = { node, index: entries.length, name, nameNode, templatedName, opaque: isOpaqueObject(node, parsed) };
    entries.push(entry);
    if (templatedName || entry.opaque) complete = false;
    if (name !== undefined && !templatedName && !byName.has(name)) byName.set(name, entry);
  }
  if (list && list.type !== 'array' && !isEmptyValue(list)) complete = false; // e.g. "containerDefinitions": ${defs}
  return { entries, byName, complete };
}

const containerCache = new WeakMap<Classification, NameIndex>();
const volumeCache = new WeakMap<Classification, NameIndex>();

/** Containers of the document (task definition or container array), indexed by name. */
export function containerIndex(doc: Classification, parsed: ParsedDocument): NameIndex {
  let idx = containerCache.get(doc);
  if (!idx) {
    idx = buildIndex(doc.containersNode, doc.containers, parsed, doc.containersTemplated);
    containerCache.set(doc, idx);
  }
  return idx;
}

/** The task's `volumes`, indexed by name (empty and complete when the task declares none). */
export function volumeIndex(doc: Classification, parsed: ParsedDocument): NameIndex {
  let idx = volumeCache.get(doc);
  if (!idx) {
    const list = child(doc.task, 'volumes');
    const elements = items(list).filter((el) => el.type === 'object');
    const templated = items(list).some((el) => el.type !== 'object' && hasPlaceholder(el, parsed));
    idx = buildIndex(list, elements, parsed, templated);
    volumeCache.set(doc, idx);
  }
  return idx;
}

/** The name `name` most likely meant among `candidates`: unknown-property's order, then containment, then edits. */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
  // Never suggest a name that is itself invalid: the reference would then fail invalid-format.
  const pool = candidates.filter((c) => c !== name && RESOURCE_NAME_REGEX.test(c));
  const best = suggestKeys(name, pool)[0];
  if (best) return best;
  const lower = name.toLowerCase();
  const containing = pool.filter((c) => lower.length >= 2 && (c.toLowerCase().includes(lower) || lower.includes(c.toLowerCase())));
  if (containing.length > 0) return containing.sort((a, b) => Math.abs(a.length - name.length) - Math.abs(b.length - name.length))[0];
  const limit = Math.floor(name.length / 3);
  return pool
    .map((c) => ({ c, d: editDistance(lower, c.toLowerCase(), limit) }))
    .filter((x) => x.d <= limit)
    .sort((a, b) => a.d - b.d || a.c.localeCompare(b.c))[0]?.c;
}

/** `essential` of a container: omitted means true; a placeholder or an odd value is unknown. */
export function essentialOf(container: Node, parsed: ParsedDocument): boolean | undefined {
  const node = child(container, 'essential');
  if (node === undefined || node.type === 'null') return true;
  if (hasPlaceholder(node, parsed)) return undefined;
  return bool(node);
}

/**
 * A container-level integer (memory, memoryReservation, cpu): a JSON number, or a numeric string (SDKs cast
 * those; `wrong-type` reports them). Undefined for placeholders and anything else.
 */
export function containerInt(node: Node | undefined, parsed: ParsedDocument): number | undefined {
  if (!node || hasPlaceholder(node, parsed)) return undefined;
  if (node.type === 'number') return node.value as number;
  if (node.type === 'string' && /^\s*\d+\s*$/.test(node.value as string)) return Number(node.value);
  return undefined;
}

/**
 * What one container counts for in the task's memory: its reservation, or its hard limit without one. A
 * reservation that is not positive reserves nothing (value-out-of-range reports it), so the hard limit counts.
 */
export function memoryShare(reservation: number | undefined, memory: number | undefined): number {
  return reservation !== undefined && reservation > 0 ? reservation : Math.max(0, memory ?? 0);
}

/**
 * The smallest task cpu and memory that container-cpu-exceeds-task and container-memory-exceeds-task accept,
 * read the way they read it: every container's cpu summed; memory covers the sum of reservations (or hard
 * limits) and the largest hard limit. Fixes that choose a task size start from this.
 */
export function containerNeeds(doc: Classification, parsed: ParsedDocument): { cpu: number; memory: number } {
  let cpu = 0;
  let memSum = 0;
  let memMax = 0;
  for (const c of containerIndex(doc, parsed).entries) {
    const m = containerInt(child(c.node, 'memory'), parsed);
    cpu += containerInt(child(c.node, 'cpu'), parsed) ?? 0;
    memSum += memoryShare(containerInt(child(c.node, 'memoryReservation'), parsed), m);
    memMax = Math.max(memMax, m ?? 0);
  }
  return { cpu: Math.max(0, Math.ceil(cpu)), memory: Math.max(0, Math.ceil(Math.max(memSum, memMax))) };
}

export interface TaskSize<P> {
  node: Node;
  value: number;
  parsed: P;
}

function taskValue(doc: Classification, parsed: ParsedDocument, key: 'cpu' | 'memory'): Node | undefined {
  const node = child(doc.task, key);
  if (!node || isEmptyValue(node) || hasPlaceholder(node, parsed)) return undefined;
  return node.type === 'string' || node.type === 'number' ? node : undefined;
}

/** Task-level `cpu` in CPU units, when present, literal and readable. */
export function taskCpu(doc: Classification, parsed: ParsedDocument): TaskSize<ParsedTaskCpu> | undefined {
  const node = taskValue(doc, parsed, 'cpu');
  if (!node) return undefined;
  const p = parseTaskCpu(node.value as string | number);
  return isTaskSizeError(p) ? undefined : { node, value: p.units, parsed: p };
}

/** Task-level `memory` in MiB, when present, literal and readable. */
export function taskMemory(doc: Classification, parsed: ParsedDocument): TaskSize<ParsedTaskMemory> | undefined {
  const node = taskValue(doc, parsed, 'memory');
  if (!node) return undefined;
  const p = parseTaskMemory(node.value as string | number);
  return isTaskSizeError(p) ? undefined : { node, value: p.mib, parsed: p };
}

/** A container's display name for messages: its name, or its position. */
export function containerLabel(entry: NamedEntry): string {
  return entry.name !== undefined && entry.name !== '' ? entry.name : `#${entry.index + 1}`;
}

export interface DuplicateName {
  entry: NamedEntry;
  name: string;
  nameNode: Node;
  /** The earlier entry that holds the name. */
  first: NamedEntry;
  /** The next free "{name}-N" to rename this entry to (distinct across the whole list). */
  renamed: string;
}

/** The entries whose literal name an earlier entry already uses. */
export function duplicateNames(idx: NameIndex): DuplicateName[] {
  const taken = new Set(idx.entries.map((e) => e.name).filter((n): n is string => n !== undefined));
  const out: DuplicateName[] = [];
  const lastSuffix = new Map<string, number>(); // n copies of one name: resume the search instead of restarting (n² otherwise)
  for (const entry of idx.entries) {
    if (!entry.name || entry.templatedName || !entry.nameNode) continue;
    const first = idx.byName.get(entry.name);
    if (!first || first === entry) continue;
    const renamed = nextFreeName(entry.name, taken, lastSuffix.get(entry.name));
    lastSuffix.set(entry.name, Number(renamed.slice(entry.name.length + 1)));
    taken.add(renamed);
    out.push({ entry, name: entry.name, nameNode: entry.nameNode, first, renamed });
  }
  return out;
}

/** The next free "{name}-2", "{name}-3", … among `taken` (from suffix `from`). */
export function nextFreeName(name: string, taken: ReadonlySet<string>, from = 2): string {
  for (let i = from; ; i++) if (!taken.has(`${name}-${i}`)) return `${name}-${i}`;
}
