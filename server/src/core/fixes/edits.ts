/** Minimal text edits for fixes, so the user's comments, indentation and key order survive. */
import { findNodeAtLocation, getNodePath, type FormattingOptions } from 'jsonc-parser';
import type { Node } from 'jsonc-parser';
import { parseDocument } from '../syntax/parse';
import type { TextEdit } from '../types';
import { isRefused, refusedEdits, writerOf } from './writer';

/** Detects the document's indentation and line endings so inserted text matches the user's style. */
export function formattingOf(text: string): FormattingOptions {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const m = /\n([ \t]+)\S/.exec(text);
  const indent = m?.[1] ?? '  ';
  return { insertSpaces: !indent.startsWith('\t'), tabSize: indent.startsWith('\t') ? 1 : indent.length, eol };
}

/** Replaces a value node in place, keeping everything around it byte for byte. */
export function replaceNodeEdit(node: Node, value: unknown): TextEdit {
  const w = writerOf(node);
  if (w) {
    const edits = w.replace('', node, value);
    return edits.length === 1 ? edits[0] : refusedEdits()[0];
  }
  return { offset: node.offset, length: node.length, content: JSON.stringify(value) };
}

/**
 * Removes the property (or array element) that holds `node` with a minimal edit: its text, one separating
 * comma and, when it sits alone on a line, that line. Nothing else moves, so single-line objects stay on one
 * line and comments on other lines survive (jsonc-parser's `modify` would re-format the surroundings).
 */
export function removeEdits(text: string, node: Node): TextEdit[] {
  const w = writerOf(node);
  return w ? w.remove(text, node) : jsonRemoveEdits(text, node);
}

/** removeEdits for JSON text (a template's JSON writer calls it too). */
export function jsonRemoveEdits(text: string, node: Node): TextEdit[] {
  const target = node.parent?.type === 'property' ? node.parent : node;
  return keepOuterComments(text, removalEdits(text, target), target);
}

/**
 * Removes several properties (or elements) at once, each as removeEdits would. Neighbours share commas and lines,
 * so each run of adjacent siblings is removed member by member (last first) on the re-read text and becomes one
 * edit that spans only that run; everything between runs is left untouched, comments included.
 */
export function removeAllEdits(text: string, nodes: readonly Node[]): TextEdit[] {
  const w = writerOf(nodes[0]);
  return w ? w.removeAll(text, nodes) : removeAllIn(text, nodes, (t) => parseDocument(t).root, jsonRemoveEdits);
}

/** removeAllEdits over any syntax: `reread` gives the model root of changed text, `remove` one removal's edits. */
export function removeAllIn(text: string, nodes: readonly Node[], reread: (text: string) => Node | undefined, remove: (text: string, node: Node) => TextEdit[]): TextEdit[] {
  const targets = nodes.map((n) => (n.parent?.type === 'property' ? n.parent : n)).sort((a, b) => a.offset - b.offset);
  const runs: Node[][] = [];
  for (const t of targets) {
    const run = runs[runs.length - 1];
    const last = run?.[run.length - 1];
    const siblings = t.parent?.children ?? [];
    if (last && last.parent === t.parent && siblings.indexOf(last) + 1 === siblings.indexOf(t)) run.push(t);
    else runs.push([t]);
  }
  const edits: TextEdit[] = [];
  for (const run of runs) {
    let current = text;
    for (const path of run.map((t) => getNodePath(t.type === 'property' ? t.children![0] : t)).reverse()) {
      const root = reread(current);
      const node = root && findNodeAtLocation(root, path);
      if (!node) return [];
      const step = remove(current, node);
      if (isRefused(step)) return refusedEdits();
      current = applyTextEdits(current, step);
    }
    const edit = minimalEdit(text, current);
    if (edit) edits.push(edit);
  }
  return edits;
}

function removalEdits(text: string, target: Node): TextEdit[] {
  const siblings = target.parent?.children;
  if (!siblings) return [];
  const i = siblings.indexOf(target);
  const next = siblings[i + 1];
  const prev = siblings[i - 1];
  const start = target.offset;
  const lineStartOf = (at: number) => text.lastIndexOf('\n', at - 1) + 1;
  const isOwnLine = (at: number) => lineStartOf(at) > 0 && /^[ \t]*$/.test(text.slice(lineStartOf(at), at));
  if (next) {
    const comma = findComma(text, target.offset + target.length, next.offset);
    if (comma < 0) return [{ offset: start, length: next.offset - start, content: '' }];
    let e = comma + 1;
    while (text[e] === ' ' || text[e] === '\t') e++;
    if (isOwnLine(start) && (e >= text.length || text[e] === '\n' || text[e] === '\r')) {
      let s = lineStartOf(start) - 1;
      if (text[s - 1] === '\r') s--;
      if (text[e] === '\r') e++;
      return [{ offset: s, length: e - s - (text[e - 1] === '\r' ? 1 : 0), content: '' }];
    }
    return [{ offset: start, length: e - start, content: '' }];
  }
  let s = start;
  let e = skipTrailingComma(text, target.offset + target.length);
  const lineStart = text.lastIndexOf('\n', s - 1) + 1;
  const ownLine = lineStart > 0 && /^[ \t]*$/.test(text.slice(lineStart, s));
  if (!ownLine) {
    // Inline: take the separating comma (or the blank before a lone element) with it.
    const comma = prev ? findComma(text, prev.offset + prev.length, start) : -1;
    if (comma >= 0) s = comma;
    else while (s > 0 && (text[s - 1] === ' ' || text[s - 1] === '\t') && !prev) s--;
    return [{ offset: s, length: e - s, content: '' }];
  }
  {
    const nl = text.indexOf('\n', e);
    const lineEnd = nl < 0 ? text.length : nl;
    if (/^\s*$/.test(text.slice(e, lineEnd))) {
      e = text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
      s = lineStart - 1;
      if (text[s - 1] === '\r') s--;
    }
  }
  const edits: TextEdit[] = [{ offset: s, length: e - s, content: '' }];
  if (prev) {
    const comma = findComma(text, prev.offset + prev.length, start);
    if (comma >= 0 && comma < s) edits.push({ offset: comma, length: 1, content: '' });
  }
  return edits;
}

/**
 * The separators a removal takes (comma, blanks, line break) can hold a comment that belongs to a neighbour,
 * as in `}, /* note *\/ {…}`: such comments are cut out of the edits and stay. Outside the target only
 * blanks, commas and comments lie between siblings, so a plain scan finds them. A kept line comment keeps its
 * line break, or the next line would join the comment.
 */
function keepOuterComments(text: string, edits: TextEdit[], target: Node): TextEdit[] {
  const targetEnd = target.offset + target.length;
  const out: TextEdit[] = [];
  for (const edit of edits) {
    const end = edit.offset + edit.length;
    let from = edit.offset;
    for (let i = edit.offset; i < end; i++) {
      if (i >= target.offset && i < targetEnd) {
        i = targetEnd - 1;
        continue;
      }
      if (text[i] !== '/' || (text[i + 1] !== '/' && text[i + 1] !== '*')) continue;
      let close: number;
      if (text[i + 1] === '*') {
        const at = text.indexOf('*/', i + 2);
        close = at < 0 ? text.length : at + 2;
      } else {
        const nl = text.indexOf('\n', i); // a line comment ends after its line break ("\r\n" included)
        close = nl < 0 ? text.length : nl + 1;
      }
      let cut = i; // the blanks before the comment stay with it
      while (cut > from && /\s/.test(text[cut - 1])) cut--;
      if (cut > from) out.push({ offset: from, length: cut - from, content: '' });
      from = Math.min(close, end);
      i = from - 1;
    }
    if (from === edit.offset) out.push(edit);
    else if (end > from) out.push({ offset: from, length: end - from, content: edit.content });
    else if (edit.content) out.push({ offset: end, length: 0, content: edit.content });
  }
  return out;
}

function skipTrailingComma(text: string, from: number): number {
  let i = from;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  return text[i] === ',' ? i + 1 : from;
}

/** The comma between two siblings, skipping comments. */
export function findComma(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (c === ',') return i;
    if (c === '/' && text[i + 1] === '/') {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? to : nl;
    } else if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? to : close + 1;
    }
  }
  return -1;
}

/**
 * Replaces the elements of the array `arr` with `values`. In a JSON document `elementEdits` (edits on single
 * elements and commas, which keep comments between elements) say it; another syntax's writer replaces the list.
 */
export function replaceElementsEdits(arr: Node, values: unknown[], elementEdits: () => TextEdit[]): TextEdit[] {
  return writerOf(arr) ? [replaceNodeEdit(arr, values)] : elementEdits();
}

/** Renames a property key in place. */
export function renameKeyEdit(keyNode: Node, newName: string): TextEdit {
  const w = writerOf(keyNode);
  if (w) {
    const edits = w.rename('', keyNode, newName);
    return edits.length === 1 ? edits[0] : refusedEdits()[0];
  }
  return { offset: keyNode.offset, length: keyNode.length, content: JSON.stringify(newName) };
}

/** The single smallest replacement that turns `before` into `after` (undefined when they are equal). */
export function minimalEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before[start] === after[start]) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }
  return { offset: start, length: endBefore - start, content: after.slice(start, endAfter) };
}

/** Applies non-overlapping edits (any order) to a text. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.offset - a.offset || b.length - a.length);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.offset) + e.content + out.slice(e.offset + e.length);
  return out;
}
