/**
 * References from one container to another (dependsOn, volumesFrom, links), read in one place for the rules
 * that check them: the container holding the reference, the string naming the target, and the target itself.
 */
import type { Node } from 'jsonc-parser';
import { removeEdits, replaceNodeEdit } from '../fixes/edits';
import type { ParsedDocument } from '../syntax/parse';
import { closestName, hasPlaceholder, type NameIndex, type NamedEntry } from './task-index';
import { child, items, str } from '../syntax/tree';
import type { Fix } from '../types';
import type { Report } from '../rules/rule';

export interface ContainerRef {
  /** The container that holds the reference. */
  from: NamedEntry;
  /** The list element: a dependsOn or volumesFrom object, or a links string. */
  entry: Node;
  /** The string that names the target container. */
  ref: Node;
  /** The target's name (for a link, the part before ':'). */
  name: string;
  /** The first container with that name, if any. */
  target?: NamedEntry;
  /** The reference names the container that holds it. */
  self: boolean;
}

const NAME_FIELD = { dependsOn: 'containerName', volumesFrom: 'sourceContainer' } as const;

/** Every literal reference of one kind; empty names and placeholders are skipped (they prove nothing). */
export function containerRefs(idx: NameIndex, parsed: ParsedDocument, list: 'dependsOn' | 'volumesFrom' | 'links'): ContainerRef[] {
  const out: ContainerRef[] = [];
  for (const from of idx.entries) {
    for (const entry of items(child(from.node, list))) {
      const ref = list === 'links' ? entry : child(entry, NAME_FIELD[list]);
      const value = str(ref);
      if (!ref || !value || hasPlaceholder(ref, parsed)) continue;
      const name = list === 'links' ? value.split(':')[0] : value;
      if (name === '') continue;
      out.push({ from, entry, ref, name, target: idx.byName.get(name), self: name === from.name && !from.templatedName });
    }
  }
  return out;
}

/**
 * For a reference that names no other container (an unknown name, or its own container): the closest other
 * name, if any. Undefined when the reference resolves, or when the list is incomplete so a miss proves nothing.
 */
export function unresolvedRef(idx: NameIndex, r: ContainerRef, unfit?: (candidate: NamedEntry) => boolean): { closest?: string } | undefined {
  if (!r.self && (r.target || !idx.complete)) return undefined;
  const candidates = [...idx.byName].filter(([n, e]) => n !== r.from.name && !unfit?.(e)).map(([n]) => n);
  return { closest: closestName(r.name, candidates) };
}

/** True when `start` waits, directly or through others, on `goal` (dependsOn edges by name). */
export function dependsOnReaches(idx: NameIndex, start: NamedEntry, goal: NamedEntry): boolean {
  const seen = new Set<NamedEntry>();
  const stack = [start];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n === goal) return true;
    if (seen.has(n)) continue;
    seen.add(n);
    for (const dep of items(child(n.node, 'dependsOn'))) {
      const to = idx.byName.get(str(child(dep, 'containerName')) ?? '');
      if (to) stack.push(to);
    }
  }
  return false;
}

/** "Change to '{closest}'" (preferred, when there is a suggestion) and the removal of the whole entry. */
export function retargetFixes(text: string, r: ContainerRef, closest: string | undefined, removeTitle: string, replacement = closest): Fix[] {
  const fixes: Fix[] = [];
  if (closest) fixes.push({ title: `Change to '${closest}'`, preferred: true, edits: [replaceNodeEdit(r.ref, replacement)] });
  fixes.push({ title: removeTitle, edits: removeEdits(text, r.entry) });
  return fixes;
}

/** Points at the holder's own name when a reference names its own container. */
export function selfRelated(r: ContainerRef): Report['related'] {
  return r.self && r.from.nameNode ? [{ node: r.from.nameNode, message: `this container is '${r.name}'` }] : undefined;
}
