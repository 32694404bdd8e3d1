/**
 * Fix intent → text, per syntax. Rules state what a fix does on the document model (replace this value, remove
 * that property or element, set or insert a key in an object, append to a list, rename a key) through the helpers
 * in edits.ts and layout-edits.ts; those ask the writer of the document the node belongs to. A plain JSON task
 * definition has none registered and gets the JSON edits; a CloudFormation subject (documents/template-writer.ts)
 * registers one for its syntax (JSON with CloudFormation's names, or YAML), and a Terraform subject can do the
 * same. A writer that cannot express an intent faithfully answers with `refusedEdits()`: the fix is dropped,
 * never half-applied.
 */
import type { Node } from 'jsonc-parser';
import type { TextEdit } from '../types';

/** Keys are API names (`executionRoleArn`) and values API-shaped; the writer spells them its own way. */
export interface FixWriter {
  replace(text: string, node: Node, value: unknown): TextEdit[];
  /** Removes the property holding `node` (a key or value node), or the array element `node`. */
  remove(text: string, node: Node): TextEdit[];
  /** Removes several properties or elements in one fix (removeAllEdits). */
  removeAll(text: string, nodes: readonly Node[]): TextEdit[];
  /** Sets `obj[key]`: replaces the value in place, or inserts the property beside its kin. */
  set(text: string, obj: Node, key: string, value: unknown): TextEdit[];
  insert(text: string, obj: Node, key: string, value: unknown): TextEdit[];
  append(text: string, arr: Node, value: unknown): TextEdit[];
  rename(text: string, keyNode: Node, name: string): TextEdit[];
  /** The model root of the same subject read from `text` after earlier steps changed it (chained fixes). */
  reread(text: string): Node | undefined;
  /** Checks and takes on edits built from this writer's steps (a chained fix's combined edit). */
  adopt(edits: TextEdit[]): TextEdit[];
}

const writers = new WeakMap<object, FixWriter>();

/** Registers the writer for every node under `root` (a subject's model root). */
export function attachWriter(root: Node, writer: FixWriter): void {
  writers.set(root, writer);
}

/** The writer of the document `node` belongs to; undefined: a plain JSON document (the default edits). */
export function writerOf(node: Node | undefined): FixWriter | undefined {
  let n = node;
  for (let guard = 0; n && guard < 10_000; guard++) {
    if (!n.parent) return writers.get(n);
    n = n.parent;
  }
  return undefined;
}

const REFUSED: TextEdit = Object.freeze({ offset: -1, length: 0, content: '' }) as TextEdit;

/** "Not supported here": the one edit that makes a fix be dropped (a value shared through a YAML alias, …). */
export function refusedEdits(): TextEdit[] {
  return [REFUSED];
}

export function isRefused(edits: readonly TextEdit[]): boolean {
  return edits.some((e) => e.offset < 0);
}
