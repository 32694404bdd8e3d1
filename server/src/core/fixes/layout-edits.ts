/**
 * Fix edits that keep the user's layout. jsonc-parser's formatter re-flows every line an insertion or removal
 * touches (a one-line object becomes several lines), so these helpers build the text themselves: a one-line
 * parent gets a one-line insertion, a multi-line parent gets a new line at the indentation of its last member.
 */
import { type JSONPath, type Node, findNodeAtLocation } from 'jsonc-parser';
import { parseTreeLenient } from '../syntax/fast-parse';
import { applyTextEdits, formattingOf, minimalEdit, removeEdits } from './edits';
import type { TextEdit } from '../types';
import { isRefused, refusedEdits, writerOf } from './writer';

/** `{ "a": 1, "b": [1, 2] }` style JSON for one-line contexts. */
export function inlineJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(inlineJson).join(', ')}]`;
  if (value && typeof value === 'object') {
    const body = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${inlineJson(v)}`);
    return body.length ? `{ ${body.join(', ')} }` : '{}';
  }
  return JSON.stringify(value);
}

function isMultiLine(text: string, node: Node): boolean {
  return /[\r\n]/.test(text.slice(node.offset, node.offset + node.length));
}

/** The whitespace that starts the line holding `offset`. */
function lineIndent(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(start))![0];
}

/** Multi-line JSON at `indent`; arrays of plain values stay on one line (`["CMD-SHELL", "…"]`). */
function blockJson(text: string, value: unknown, indent: string): string {
  const fmt = formattingOf(text);
  const unit = fmt.insertSpaces ? ' '.repeat(fmt.tabSize ?? 2) : '\t';
  const render = (v: unknown, at: string): string => {
    const inner = at + unit;
    if (Array.isArray(v)) {
      if (v.every((x) => x === null || typeof x !== 'object')) return inlineJson(v);
      return v.length ? `[${fmt.eol}${v.map((x) => inner + render(x, inner)).join(`,${fmt.eol}`)}${fmt.eol}${at}]` : '[]';
    }
    if (v && typeof v === 'object') {
      const body = Object.entries(v).map(([k, x]) => `${inner}${JSON.stringify(k)}: ${render(x, inner)}`);
      return body.length ? `{${fmt.eol}${body.join(`,${fmt.eol}`)}${fmt.eol}${at}}` : '{}';
    }
    return JSON.stringify(v);
  };
  return render(value, indent);
}

/**
 * Where an inserted key goes: after the first of `after` that the object holds, else before the first of
 * `before`, else last. Keeps related keys together (executionRoleArn beside taskRoleArn, memory beside cpu).
 */
const KIN: Record<string, { after?: readonly string[]; before?: readonly string[] }> = {
  executionRoleArn: { after: ['taskRoleArn', 'family'], before: ['networkMode', 'containerDefinitions'] },
  taskRoleArn: { after: ['family'], before: ['executionRoleArn', 'networkMode', 'containerDefinitions'] },
  networkMode: { after: ['requiresCompatibilities', 'executionRoleArn', 'taskRoleArn', 'family'], before: ['containerDefinitions'] },
  requiresCompatibilities: { after: ['family'], before: ['networkMode', 'cpu', 'memory', 'containerDefinitions'] },
  cpu: { before: ['memory'], after: ['networkMode', 'requiresCompatibilities', 'family'] },
  memory: { after: ['cpu'], before: ['containerDefinitions'] },
  memoryReservation: { after: ['memory', 'cpu', 'image'] },
  secrets: { after: ['environment'] },
};

/**
 * Inserts `"key": value` into `obj`, beside its kin or as the last member. When `obj` already holds `key` (say
 * `"healthCheck": null`), that value is replaced instead: a second key would be a duplicate whose earlier value
 * is silently dropped.
 */
export function insertPropertyEdits(text: string, obj: Node, key: string, value: unknown): TextEdit[] {
  const w = writerOf(obj);
  return w ? w.insert(text, obj, key, value) : jsonInsertPropertyEdits(text, obj, key, value);
}

/**
 * The member a new `key` goes before (undefined: last), by KIN. Zero-length members (a template's implied
 * family) hold no text to insert beside, so the next real member stands for them.
 */
export function insertionPoint(obj: Node, key: string): Node | undefined {
  const members = obj.children ?? [];
  const find = (k: string) => members.find((p) => p.children?.[0]?.value === k);
  const kin = KIN[key];
  const anchor = kin?.after?.map(find).find(Boolean);
  return anchor ? members[members.indexOf(anchor) + 1] : kin?.before?.map(find).find(Boolean);
}

/** insertPropertyEdits in JSON text; `shown` is the key and value as written when they differ (a template's names). */
export function jsonInsertPropertyEdits(text: string, obj: Node, key: string, value: unknown, shown?: { key: string; value: unknown }): TextEdit[] {
  if (obj.children?.some((p) => p.children?.[0]?.value === key && p.children[1])) return jsonSetPropertyEdits(text, obj, key, value, shown);
  const prefix = `${JSON.stringify(shown?.key ?? key)}: `;
  const written = shown ? shown.value : value;
  const members = obj.children ?? [];
  const next = insertionPoint(obj, key);
  if (!next) return insertMember(text, obj, prefix, written);
  return insertBefore(text, obj, next, prefix, written, members[members.indexOf(next) - 1]);
}

/** Inserts a member before the sibling `next`: on a line of its own when `next` starts its line, else inline. */
function insertBefore(text: string, parent: Node, next: Node, prefix: string, value: unknown, prev: Node | undefined): TextEdit[] {
  let lineStart = text.lastIndexOf('\n', next.offset - 1) + 1;
  if (!isMultiLine(text, parent) || !/^[ \t]*$/.test(text.slice(lineStart, next.offset))) {
    return [{ offset: next.offset, length: 0, content: `${prefix}${inlineJson(value)}, ` }];
  }
  const indent = lineIndent(text, next.offset);
  // Comment lines right above `next` belong to it: insert above them (never above the previous member).
  const floor = prev ? prev.offset + prev.length : parent.offset + 1;
  for (;;) {
    const above = text.lastIndexOf('\n', lineStart - 2) + 1;
    if (lineStart === 0 || above < floor) break;
    if (!/^\s*(\/\/|\/\*|\*)/.test(text.slice(above, lineStart))) break;
    lineStart = above;
  }
  return [{ offset: lineStart, length: 0, content: `${indent}${prefix}${blockJson(text, value, indent)},${formattingOf(text).eol}` }];
}

/** Appends `value` as the last element of the array `arr`. */
export function appendElementEdits(text: string, arr: Node, value: unknown): TextEdit[] {
  const w = writerOf(arr);
  return w ? w.append(text, arr, value) : insertMember(text, arr, '', value);
}

/** appendElementEdits in JSON text (value as written). */
export function jsonAppendElementEdits(text: string, arr: Node, value: unknown): TextEdit[] {
  return insertMember(text, arr, '', value);
}

function insertMember(text: string, parent: Node, prefix: string, value: unknown): TextEdit[] {
  const last = parent.children?.[parent.children.length - 1];
  if (!last) {
    // Only blanks between the brackets are replaced: an unclosed `{` (while typing) or a comment inside stays.
    const closed = parent.length >= 2 && text[parent.offset + parent.length - 1] === (parent.type === 'object' ? '}' : ']');
    const blank = closed && /^\s*$/.test(text.slice(parent.offset + 1, parent.offset + parent.length - 1));
    return [{ offset: parent.offset + 1, length: blank ? parent.length - 2 : 0, content: ` ${prefix}${inlineJson(value)}${blank ? ' ' : ''}` }];
  }
  const end = last.offset + last.length;
  if (!isMultiLine(text, parent)) return [{ offset: end, length: 0, content: `, ${prefix}${inlineJson(value)}` }];
  const indent = lineIndent(text, last.offset);
  return [{ offset: end, length: 0, content: `,${formattingOf(text).eol}${indent}${prefix}${blockJson(text, value, indent)}` }];
}

/** Sets `obj[key]`: replaces an existing value in place, or inserts the property. */
export function setPropertyEdits(text: string, obj: Node, key: string, value: unknown): TextEdit[] {
  const w = writerOf(obj);
  return w ? w.set(text, obj, key, value) : jsonSetPropertyEdits(text, obj, key, value);
}

/** setPropertyEdits in JSON text; `shown` as for jsonInsertPropertyEdits. */
export function jsonSetPropertyEdits(text: string, obj: Node, key: string, value: unknown, shown?: { key: string; value: unknown }): TextEdit[] {
  // The member that has a value (in broken text a key may stand without one, next to a complete twin): the same
  // test jsonInsertPropertyEdits makes, so the two never hand the edit back and forth.
  const prop = obj.children?.find((p) => p.children?.[0]?.value === key && p.children[1]);
  const current = prop?.children?.[1];
  const written = shown ? shown.value : value;
  if (current) return [{ offset: current.offset, length: current.length, content: isMultiLine(text, current) ? blockJson(text, written, lineIndent(text, current.offset)) : inlineJson(written) }];
  return jsonInsertPropertyEdits(text, obj, key, value, shown);
}

export type EditStep = (text: string, root: Node | undefined) => TextEdit[];

/**
 * Several edits whose ranges could overlap (neighbouring removals share a comma) are applied one after another,
 * each computed on the previous result; returns the whole change as one edit. `near` (any node of the document)
 * says which syntax's writer re-reads the text between steps; without it the text is read as JSON.
 */
export function chainEdits(text: string, steps: readonly EditStep[], near?: Node): TextEdit[] {
  const w = writerOf(near);
  let current = text;
  for (const step of steps) {
    const edits = step(current, w ? w.reread(current) : parseTreeLenient(current));
    if (isRefused(edits)) return refusedEdits();
    current = applyTextEdits(current, edits);
  }
  const edit = minimalEdit(text, current);
  if (!edit) return [];
  return w ? w.adopt([edit]) : [edit];
}

/** A chain step that removes the value at `path` (a property or an array element). */
export const removeStep =
  (path: JSONPath): EditStep =>
  (t, root) => {
    const node = root && findNodeAtLocation(root, path);
    return node ? removeEdits(t, node) : [];
  };

/** A chain step that sets `key` in the object at `path`. */
export const setStep =
  (path: JSONPath, key: string, value: unknown): EditStep =>
  (t, root) => {
    const obj = root && findNodeAtLocation(root, path);
    return obj?.type === 'object' ? setPropertyEdits(t, obj, key, value) : [];
  };
