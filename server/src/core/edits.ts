/** Fix edits built with jsonc-parser `modify`, so the user's comments, indentation and key order survive. */
import { type FormattingOptions, type JSONPath, modify } from 'jsonc-parser';
import type { Node } from 'jsonc-parser';
import { pathOf } from './tree';
import type { TextEdit } from './types';

/** Detects the document's indentation and line endings so inserted text matches the user's style. */
export function formattingOf(text: string): FormattingOptions {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const m = /\n([ \t]+)\S/.exec(text);
  const indent = m?.[1] ?? '  ';
  return { insertSpaces: !indent.startsWith('\t'), tabSize: indent.startsWith('\t') ? 1 : indent.length, eol };
}

export function setValueEdits(text: string, path: JSONPath, value: unknown): TextEdit[] {
  return modify(text, path, value, { formattingOptions: formattingOf(text) });
}

/** Replaces a value node in place, keeping everything around it byte for byte. */
export function replaceNodeEdit(node: Node, value: unknown): TextEdit {
  return { offset: node.offset, length: node.length, content: JSON.stringify(value) };
}

/** Removes the property (or array element) that holds `node`. */
export function removeEdits(text: string, node: Node): TextEdit[] {
  const target = node.parent?.type === 'property' ? node.parent : node;
  const path = target.type === 'property' ? pathOf(target.children![0]) : pathOf(target);
  return modify(text, path, undefined, { formattingOptions: formattingOf(text) });
}

/** Renames a property key in place. */
export function renameKeyEdit(keyNode: Node, newName: string): TextEdit {
  return { offset: keyNode.offset, length: keyNode.length, content: JSON.stringify(newName) };
}

/** Applies non-overlapping edits (any order) to a text. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.offset - a.offset || b.length - a.length);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.offset) + e.content + out.slice(e.offset + e.length);
  return out;
}
