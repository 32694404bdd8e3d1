/**
 * describe-task-definition output → register-task-definition input, as a text transformation that keeps the
 * user's comments, key order and formatting (RULES.md `read-only-property`, "Convert to register input").
 * Used by that rule's fix, the CLI `strip` command and the editor's "Convert describe output" command.
 */
import { createScanner, findNodeAtLocation, type JSONPath, type Node, SyntaxKind } from 'jsonc-parser';
import { DESCRIBE_ONLY_KEYS } from '../documents/classify';
import { parseDocument } from '../syntax/parse';
import { child, isEmptyValue, propNode } from '../syntax/tree';
import type { TextEdit } from '../types';
import { applyTextEdits, minimalEdit, removeEdits } from './edits';
import { chainEdits, type EditStep } from './layout-edits';

const READ_ONLY = new Set<string>(DESCRIBE_ONLY_KEYS);

/**
 * Unwraps `{"taskDefinition": {...}, "tags": [...]}`, re-indents the body one level, drops every describe-only
 * key, and moves a non-empty sibling `tags` array into the task (an empty one is dropped). Comments that sat
 * outside the task object are kept above it. Text that is already register input comes back unchanged, so the
 * function is idempotent.
 */
export function toRegisterInput(text: string): string {
  const first = parseDocument(text);
  const root = first.root;
  if (root?.type !== 'object') return text;
  const wrapper = child(root, 'taskDefinition');
  const task = wrapper?.type === 'object' ? wrapper : root;
  const doomed = (task.children ?? []).filter((p) => READ_ONLY.has(p.children?.[0]?.value));
  const step = removeReadOnly(task === root ? [] : ['taskDefinition']);
  const out = applyTextEdits(text, chainEdits(text, doomed.map(() => step)));
  if (task === root) return out;
  return unwrap(out);
}

/** The edit that turns `text` into `toRegisterInput(text)`, trimmed to the part that changes. */
export function toRegisterInputEdit(text: string): TextEdit | undefined {
  return minimalEdit(text, toRegisterInput(text));
}

/** A chain step that removes the first describe-only property of the object at `path`. */
function removeReadOnly(path: JSONPath): EditStep {
  return (text, root) => {
    const obj = root && findNodeAtLocation(root, path);
    const prop = obj?.children?.find((p) => READ_ONLY.has(p.children?.[0]?.value));
    return prop ? removeEdits(text, prop.children![0]) : [];
  };
}

/** Offset of the comma that follows `offset` (skipping whitespace and comments), if the next token is one. */
function commaAfter(text: string, offset: number): number | undefined {
  const scanner = createScanner(text.slice(offset), false);
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind === SyntaxKind.CommaToken) return offset + scanner.getTokenOffset();
    if (!isTrivia(kind)) return undefined;
  }
  return undefined;
}

function isTrivia(kind: SyntaxKind): boolean {
  return (
    kind === SyntaxKind.Trivia ||
    kind === SyntaxKind.LineBreakTrivia ||
    kind === SyntaxKind.LineCommentTrivia ||
    kind === SyntaxKind.BlockCommentTrivia
  );
}

/** Replaces the wrapper object by its `taskDefinition` body, one indentation level shallower. */
function unwrap(text: string): string {
  const parsed = parseDocument(text);
  const root = parsed.root!;
  const inner = child(root, 'taskDefinition')!;
  const tagsProp = propNode(root, 'tags');
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const comments = commentsOutside(parsed.analysisText, root, [inner, tagsProp]);
  let body = dedent(text.slice(inner.offset, inner.offset + inner.length), indentToStrip(text, inner));
  const tags = tagsProp?.children?.[1];
  if (tags && !isEmptyValue(tags)) body = withTags(body, text.slice(tags.offset, tags.offset + tags.length), eol);
  const before = text.slice(0, root.offset);
  const after = text.slice(root.offset + root.length);
  return before + comments.map((c) => c + eol).join('') + body + after;
}

/** Comments inside `root` but outside the given nodes (they would be lost when the wrapper goes). */
function commentsOutside(text: string, root: Node, skip: Array<Node | undefined>): string[] {
  const out: string[] = [];
  const scanner = createScanner(text.slice(root.offset, root.offset + root.length), false);
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind !== SyntaxKind.LineCommentTrivia && kind !== SyntaxKind.BlockCommentTrivia) continue;
    const at = root.offset + scanner.getTokenOffset();
    if (skip.some((n) => n && at >= n.offset && at < n.offset + n.length)) continue;
    out.push(text.slice(at, at + scanner.getTokenLength()));
  }
  return out;
}

/** The indentation that the wrapper's closing brace (or its key) sits at: one level of the body. */
function indentToStrip(text: string, inner: Node): string {
  const close = inner.offset + inner.length - 1;
  const closeLine = text.slice(text.lastIndexOf('\n', close - 1) + 1, close);
  if (/^[ \t]*$/.test(closeLine)) return closeLine;
  const key = inner.parent?.children?.[0];
  if (!key) return '';
  const keyLine = text.slice(text.lastIndexOf('\n', key.offset - 1) + 1, key.offset);
  return /^[ \t]*$/.test(keyLine) ? keyLine : '';
}

function dedent(body: string, prefix: string): string {
  if (prefix === '') return body;
  const lines = body.split('\n');
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    const lead = /^[ \t]*/.exec(line)![0].length;
    lines[i] = line.startsWith(prefix) ? line.slice(prefix.length) : line.slice(Math.min(lead, prefix.length));
  }
  return lines.join('\n');
}

/** Puts the sibling `tags` text into the task object, replacing an empty `tags` there; a non-empty one wins. */
function withTags(body: string, tagsText: string, eol: string): string {
  const parsed = parseDocument(body);
  const obj = parsed.root;
  if (obj?.type !== 'object') return body;
  const existing = child(obj, 'tags');
  if (existing && !isEmptyValue(existing)) return body;
  if (existing) return applyTextEdits(body, [{ offset: existing.offset, length: existing.length, content: tagsText }]);
  const props = obj.children ?? [];
  const last = props[props.length - 1];
  if (!last) return `{${eol}  "tags": ${tagsText}${eol}}`;
  const lastEnd = last.offset + last.length;
  const comma = commaAfter(body, lastEnd);
  const lineStart = body.lastIndexOf('\n', last.offset - 1) + 1;
  const lead = body.slice(lineStart, last.offset);
  const ownLine = /^[ \t]*$/.test(lead);
  const property = `${ownLine ? eol + lead : ' '}"tags": ${tagsText}`;
  let insertAt = comma !== undefined ? comma + 1 : lastEnd;
  // Keep a trailing line comment with the property it belongs to.
  const trailing = /^[ \t]*\/\/[^\r\n]*/.exec(body.slice(insertAt));
  if (ownLine && trailing) insertAt += trailing[0].length;
  if (comma !== undefined) return body.slice(0, insertAt) + property + body.slice(insertAt);
  return body.slice(0, lastEnd) + ',' + body.slice(lastEnd, insertAt) + property + body.slice(insertAt);
}
