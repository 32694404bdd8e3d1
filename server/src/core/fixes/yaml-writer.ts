/**
 * The YAML writer for fixes: each intent (replace, remove, insert a key, append an element, rename a key) becomes
 * the smallest text edit that does it in the user's own style — block or flow, the template's indentation and
 * sequence-indent habit, its quote character — so comments, anchors and the lines around stay byte for byte.
 * Nodes are the converted model (syntax/yaml.ts): offsets into the YAML text, block collections spanning to the
 * start of the line after their last value. Values arrive already in the document's names (template-writer.ts).
 */
import type { Node } from 'jsonc-parser';
import type { TextEdit } from '../types';
import { refusedEdits } from './writer';

const PLAIN_SAFE = /^[A-Za-z0-9_./@][A-Za-z0-9 _./@:+=-]*$/;
const RESERVED = /^(~|null|Null|NULL|true|True|TRUE|false|False|FALSE|y|Y|n|N|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|\.inf|\.nan)$/;
const NUMERIC = /^[-+]?(\d[\d_]*(\.\d*)?([eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+)$/;

/**
 * YAML text for `value` replacing the scalar whose source was `original`. Numbers and booleans are written plain;
 * a string keeps the original's quotes, or stays plain when it reads back as the same string (or as the number
 * CloudFormation turns into that string, e.g. `Memory: 1024`).
 */
export function yamlScalar(value: string | number | boolean, original: string): string {
  if (typeof value !== 'string') return String(value);
  const quote = original.trimStart()[0];
  if (quote === "'") return `'${value.replace(/'/g, "''")}'`;
  if (quote === '"') return JSON.stringify(value);
  if (NUMERIC.test(value) && NUMERIC.test(original.trim())) return value;
  return plainOk(value) ? value : JSON.stringify(value);
}

function plainOk(s: string): boolean {
  return PLAIN_SAFE.test(s) && !s.startsWith('@') && !RESERVED.test(s) && !NUMERIC.test(s) && !s.endsWith(' ') && !s.includes(': ') && !s.includes(' #');
}

/**
 * A CloudFormation `!Sub` string (`Fn::Sub` in JSON): what a fix writes where the value names the account or
 * Region; a lone `${AWS::Region}` is written `!Ref AWS::Region`.
 */
export class SubValue {
  constructor(readonly text: string) {}
  /** The pseudo parameter when the whole text is one reference. */
  get ref(): string | undefined {
    return /^\$\{(AWS::[A-Za-z]+)\}$/.exec(this.text)?.[1];
  }
}

/** How the document writes YAML, read once from its text. */
export interface YamlStyle {
  /** One level of indentation. */
  unit: string;
  quote: '"' | "'";
  /** `Key:\n  - item` (true) or `Key:\n- item` (false). */
  seqIndented: boolean;
  eol: string;
}

export function yamlStyleOf(text: string): YamlStyle {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const first = /^[^\s#][^\n]*:[ \t]*(?:#[^\n]*)?\r?\n(?:[ \t]*(?:#[^\n]*)?\r?\n)*( +)[^\s#]/m.exec(text);
  const unit = first ? ' '.repeat(Math.min(8, first[1].length)) : '  ';
  const seq = /^( *)(?:- +)?[^\s#:-][^\n:]*:[ \t]*\r?\n( *)- /m.exec(text);
  const seqIndented = seq ? seq[2].length > seq[1].length + (/^ *- /.test(seq[0]) ? 2 : 0) : true;
  const doubles = (text.match(/: "/g) ?? []).length;
  const singles = (text.match(/: '/g) ?? []).length;
  return { unit, quote: singles > doubles ? "'" : '"', seqIndented, eol };
}

function quoted(s: string, style: YamlStyle): string {
  return style.quote === "'" && !/[\n\r\t\\]/.test(s) ? `'${s.replace(/'/g, "''")}'` : JSON.stringify(s);
}

/** A new scalar (no original to follow). Strings that would read as numbers stay strings: `Cpu: "256"`. */
function scalarText(v: unknown, style: YamlStyle, flow: boolean): string {
  if (v instanceof SubValue) return v.ref ? `!Ref ${v.ref}` : `!Sub ${quoted(v.text, style)}`;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v === null || v === undefined) return 'null';
  const s = String(v);
  return plainOk(s) && !(flow && /[,[\]{}]/.test(s)) ? s : quoted(s, style);
}

const isCollection = (v: unknown): v is Record<string, unknown> | unknown[] => typeof v === 'object' && v !== null && !(v instanceof SubValue);

function flowText(v: unknown, style: YamlStyle): string {
  if (Array.isArray(v)) return `[${v.map((x) => flowText(x, style)).join(', ')}]`;
  if (isCollection(v)) {
    const body = Object.entries(v).map(([k, x]) => `${scalarText(k, style, true)}: ${flowText(x, style)}`);
    return body.length ? `{ ${body.join(', ')} }` : '{}';
  }
  return scalarText(v, style, true);
}

/** The text after `Key:` for `v`, its nested lines under a key indented by `indent`. */
export function afterKey(v: unknown, indent: string, style: YamlStyle): string {
  if (!isCollection(v)) return ` ${scalarText(v, style, false)}`;
  if (Array.isArray(v)) {
    if (v.length === 0 || v.every((x) => !isCollection(x))) return ` ${flowText(v, style)}`;
    const at = style.seqIndented ? indent + style.unit : indent;
    return v.map((x) => `${style.eol}${at}- ${asItem(x, `${at}  `, style)}`).join('');
  }
  const entries = Object.entries(v);
  if (entries.length === 0) return ' {}';
  const at = indent + style.unit;
  return entries.map(([k, x]) => `${style.eol}${at}${scalarText(k, style, false)}:${afterKey(x, at, style)}`).join('');
}

/** The text after `- ` for `v`, its further lines at `indent` (the column after the dash). */
function asItem(v: unknown, indent: string, style: YamlStyle): string {
  if (!isCollection(v)) return scalarText(v, style, false);
  if (Array.isArray(v)) return flowText(v, style);
  const entries = Object.entries(v);
  if (entries.length === 0) return '{}';
  return entries.map(([k, x], i) => `${i === 0 ? '' : style.eol + indent}${scalarText(k, style, false)}:${afterKey(x, indent, style)}`).join('');
}

/** What the YAML writer needs to know about a node's document besides the text. */
export interface YamlTarget {
  text: string;
  style: YamlStyle;
  /** The template key whose value is the model root (`Properties`), for edits that replace the whole root. */
  rootKey?: Node;
}

const lineStart = (t: string, at: number) => t.lastIndexOf('\n', at - 1) + 1;
function lineEnd(t: string, at: number): number {
  const n = t.indexOf('\n', at);
  if (n < 0) return t.length;
  return t[n - 1] === '\r' ? n - 1 : n;
}
const columnOf = (t: string, at: number) => ' '.repeat(at - lineStart(t, at));

/**
 * Where a block mapping entry starts: its key's offset excludes what YAML lets stand before a key on its line, a
 * tag (`!Ref P` glued onto `Name:`), an anchor (`&a Name:`) or the explicit-key `?`, but the entry's column (the
 * mapping's indentation) and a line inserted before it are at that start.
 */
function entryStart(t: string, keyOffset: number): number {
  const ls = lineStart(t, keyOffset);
  let at = keyOffset;
  for (;;) {
    const m = /(?:^|[ \t])((?:[!&][^\s]*|\?)[ \t]+)$/.exec(t.slice(ls, at));
    if (!m) return at;
    at -= m[1].length;
  }
}
const entryColumn = (t: string, keyOffset: number) => columnOf(t, entryStart(t, keyOffset));
const real = (n: Node | undefined): n is Node => !!n && n.length > 0;
const members = (n: Node) => (n.children ?? []).filter(real);

export function isFlow(text: string, n: Node): boolean {
  const c = text[n.offset];
  return (n.type === 'object' && c === '{') || (n.type === 'array' && c === '[');
}

/** Where the node's own text ends: a block collection's range runs on to the next line; its last value does not. */
function valueEnd(text: string, n: Node): number {
  if (n.type === 'property') return valueEnd(text, n.children?.[1] && n.children[1].length > 0 ? n.children[1] : n.children![0]);
  if ((n.type === 'object' || n.type === 'array') && !isFlow(text, n)) {
    const last = members(n).pop();
    if (last) return valueEnd(text, last);
  }
  // A block-style intrinsic read as one opaque value (`FilesystemId:\n  Ref: Fs`) spans to the next line's start.
  let end = n.offset + n.length;
  while (end > n.offset && /\s/.test(text[end - 1])) end--;
  return end;
}

/** The offset just after the `:` that follows a key. */
function afterColon(text: string, key: Node): number {
  const at = text.indexOf(':', key.offset + key.length);
  return at < 0 ? -1 : at + 1;
}

/** The key whose value is `n` (in the model, or the template's `Properties` key for the root). */
function holderKey(n: Node, target: YamlTarget): Node | undefined {
  if (n.parent?.type === 'property') return n.parent.children?.[0];
  return n.parent ? undefined : target.rootKey;
}

/** A value through an alias carries the anchor's offsets, before its key: never edit it from here. */
function throughAlias(p: Node): boolean {
  const [k, v] = p.children ?? [];
  return !!k && !!v && v.length > 0 && v.offset < k.offset + k.length;
}

export function yamlReplace(target: YamlTarget, node: Node, value: unknown): TextEdit[] {
  const { text, style } = target;
  const collection = node.type === 'object' || node.type === 'array';
  if (!collection && !isCollection(value) && node.length > 0) {
    if (value instanceof SubValue) return [{ offset: node.offset, length: node.length, content: scalarText(value, style, false) }];
    const v = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : String(value);
    return [{ offset: node.offset, length: node.length, content: yamlScalar(v, text.slice(node.offset, node.offset + node.length)) }];
  }
  if (collection && isFlow(text, node)) return [{ offset: node.offset, length: node.length, content: flowText(value, style) }];
  if (node.parent?.type === 'array') {
    if (isFlow(text, node.parent)) return [{ offset: node.offset, length: node.length, content: flowText(value, style) }];
    const end = valueEnd(text, node);
    return [{ offset: node.offset, length: end - node.offset, content: asItem(value, columnOf(text, node.offset), style) }];
  }
  const key = holderKey(node, target);
  if (!key) return refusedEdits();
  const from = afterColon(text, key);
  if (from < 0) return refusedEdits();
  if (node.parent && isFlow(text, node.parent.parent ?? node)) return [{ offset: node.offset, length: node.length, content: flowText(value, style) }];
  const end = node.length > 0 ? valueEnd(text, node) : from;
  return [{ offset: from, length: Math.max(0, end - from), content: afterKey(value, entryColumn(text, key.offset), style) }];
}

export function yamlRemove(target: YamlTarget, node: Node): TextEdit[] {
  const { text } = target;
  const item = node.parent?.type === 'property' ? node.parent : node;
  const container = item.parent;
  if (!container || (container.type !== 'object' && container.type !== 'array')) return refusedEdits();
  if (item.type === 'property' && throughAlias(item)) return refusedEdits();
  const siblings = members(container);
  const i = siblings.indexOf(item);
  if (i < 0) return refusedEdits();
  const end = valueEnd(text, item);
  if (isFlow(text, container)) {
    const next = siblings[i + 1];
    const prev = siblings[i - 1];
    if (next) return [{ offset: item.offset, length: next.offset - item.offset, content: '' }];
    if (prev) {
      const from = valueEnd(text, prev);
      return [{ offset: from, length: end - from, content: '' }];
    }
    return [{ offset: item.offset, length: end - item.offset, content: '' }];
  }
  if (siblings.length === 1) return emptied(target, container);
  let start = container.type === 'object' ? entryStart(text, item.offset) : item.offset;
  const ls = lineStart(text, start);
  const before = text.slice(ls, start);
  if (container.type === 'array') {
    const dash = before.lastIndexOf('-');
    if (dash < 0) return refusedEdits();
    start = ls + dash;
  }
  const lead = text.slice(ls, start);
  // A one-line item's comment after its value stays, on a line of its own (as the JSON writer keeps `// …`); on
  // the last line of a longer item it is inside the item and goes with it.
  const comment = trailingComment(text, end);
  if (comment >= 0 && lineStart(text, comment) === ls && (/^[ \t]*$/.test(lead) || (container.type === 'object' && /^[ \t]*(- +)+$/.test(lead)))) return [{ offset: start, length: comment - start, content: '' }];
  if (/^[ \t]*$/.test(lead)) {
    const le = lineEnd(text, end);
    if (le >= text.length) {
      const from = Math.max(0, ls - (text[ls - 2] === '\r' ? 2 : 1));
      return [{ offset: from, length: le - from, content: '' }];
    }
    const to = text[le] === '\r' ? le + 2 : le + 1;
    return [{ offset: ls, length: to - ls, content: '' }];
  }
  // `- Name: web` with the dash line's first key going: the next key moves up beside the dash.
  const next = siblings[i + 1];
  if (container.type === 'object' && /^[ \t]*(- +)+$/.test(lead) && next) return [{ offset: start, length: entryStart(text, next.offset) - start, content: '' }];
  return refusedEdits();
}

/** Where a comment starts that follows the value ending at `end` on its line (after a null value's `:`), or -1. */
function trailingComment(text: string, end: number): number {
  const tail = text.slice(end, lineEnd(text, end));
  const hash = tail.search(/(?:^|[ \t])#/);
  if (hash < 0 || !/^:?[ \t]*$/.test(tail.slice(0, hash))) return -1;
  return end + hash + (tail[hash] === '#' ? 0 : 1);
}

/** The last member of a block collection goes: the collection is written empty, `{}` or `[]`. */
function emptied(target: YamlTarget, container: Node): TextEdit[] {
  const { text } = target;
  const empty = container.type === 'object' ? '{}' : '[]';
  const end = valueEnd(text, container);
  if (container.parent?.type === 'array') return [{ offset: container.offset, length: end - container.offset, content: empty }];
  const key = holderKey(container, target);
  const from = key ? afterColon(text, key) : -1;
  if (from < 0) return refusedEdits();
  return [{ offset: from, length: end - from, content: ` ${empty}` }];
}

/** Inserts `key: value` before `next` (a member of `obj`), or as its last member when `next` is undefined. */
export function yamlInsert(target: YamlTarget, obj: Node, next: Node | undefined, key: string, value: unknown): TextEdit[] {
  const { text, style } = target;
  if (obj.type !== 'object' || obj.length === 0) return refusedEdits();
  const list = members(obj);
  const keyText = scalarText(key, style, false);
  if (isFlow(text, obj)) {
    const entry = `${keyText}: ${flowText(value, style)}`;
    if (list.length === 0) return [{ offset: obj.offset + 1, length: obj.length - 2, content: ` ${entry} ` }];
    if (next && real(next)) return [{ offset: next.offset, length: 0, content: `${entry}, ` }];
    return [{ offset: valueEnd(text, list[list.length - 1]), length: 0, content: `, ${entry}` }];
  }
  if (list.length === 0) return refusedEdits();
  const indent = entryColumn(text, list[0].offset);
  const line = `${keyText}:${afterKey(value, indent, style)}`;
  const at = next && !real(next) ? list[0] : next;
  if (at) {
    const start = entryStart(text, at.offset);
    let ls = lineStart(text, start);
    if (!/^[ \t]*$/.test(text.slice(ls, start))) return [{ offset: start, length: 0, content: `${line}${style.eol}${indent}` }];
    // Comment lines right above `at` belong to it: the new key goes above them.
    const prev = list[list.indexOf(at) - 1];
    const floor = prev ? valueEnd(text, prev) : obj.offset;
    while (ls > 0) {
      const above = lineStart(text, ls - 1);
      if (above < floor || !/^[ \t]*#/.test(text.slice(above, ls))) break;
      ls = above;
    }
    return [{ offset: ls, length: 0, content: `${indent}${line}${style.eol}` }];
  }
  const last = list[list.length - 1];
  return [{ offset: lineEnd(text, valueEnd(text, last)), length: 0, content: `${style.eol}${indent}${line}` }];
}

export function yamlAppend(target: YamlTarget, arr: Node, value: unknown): TextEdit[] {
  const { text, style } = target;
  if (arr.type !== 'array') return refusedEdits();
  const list = members(arr);
  if (isFlow(text, arr)) {
    if (list.length === 0) return [{ offset: arr.offset + 1, length: arr.length - 2, content: flowText(value, style) }];
    return [{ offset: valueEnd(text, list[list.length - 1]), length: 0, content: `, ${flowText(value, style)}` }];
  }
  const last = list[list.length - 1];
  if (!last) return refusedEdits();
  const ls = lineStart(text, last.offset);
  const dash = text.slice(ls, last.offset).lastIndexOf('-');
  if (dash < 0) return refusedEdits();
  const dashIndent = ' '.repeat(dash);
  return [{ offset: lineEnd(text, valueEnd(text, last)), length: 0, content: `${style.eol}${dashIndent}- ${asItem(value, `${dashIndent}  `, style)}` }];
}

export function yamlRename(target: YamlTarget, keyNode: Node, name: string): TextEdit[] {
  return [{ offset: keyNode.offset, length: keyNode.length, content: yamlScalar(name, target.text.slice(keyNode.offset, keyNode.offset + keyNode.length)) }];
}
