/**
 * Completion inside a CloudFormation template's task definition. The cursor's place is read from the lines
 * above it (YAML) or from jsonc-parser's location (JSON), turned into the API path of the subject under it, and
 * answered by the same candidates as a task-definition file: property names (shown and inserted in
 * CloudFormation's spelling, at that level of Properties), values (enums, Fargate sizes as strings, container
 * names in DependsOn), log options. Inserted text is YAML in a YAML template and JSON in a JSON one.
 */
import { findNodeAtLocation, getLocation, type JSONPath, type Node } from 'jsonc-parser';
import type { Classification } from '../documents/classify';
import { apiName, cfnNameOf, childSpot, isFreeMap, itemSpot, ROOT_SPOT, type SchemaSpot } from '../documents/cfn-names';
import { templateSubjects } from '../documents/lint-template';
import { relativePath } from '../hover/schema-nav';
import type { ParsedDocument } from '../syntax/parse';
import { entries, items, pathOf } from '../syntax/tree';
import type { OffsetRange } from '../types';
import { keyCandidatesAt, type CompletionEntry } from './index';
import { valueCandidates } from './values';

export interface TemplateCompletionSubject {
  parsed: ParsedDocument;
  doc: Classification;
  logicalId?: string;
}

/** `flow`: inside `{ … }` or `[ … ]`, where a value with a comma or bracket must be quoted. */
type Place = { subject: TemplateCompletionSubject; objPath: JSONPath; key?: string; inList?: boolean; flow?: boolean; range: OffsetRange; afterColon: boolean };

export function completeInTemplate(text: string, read: readonly TemplateCompletionSubject[], offset: number, yaml: boolean): CompletionEntry[] {
  // A key being typed (`Netw` without its colon) makes the YAML unreadable: read it with that word blanked out.
  const subjects = yaml && !read.some((s) => covers(s, offset)) ? templateSubjects(blankWordAt(text, offset), 'yaml') : read;
  let place = yaml ? (flowPlace(text, subjects, offset) ?? yamlPlace(text, subjects, offset)) : jsonPlace(text, subjects, offset);
  // `- { Name: web, Ess|` before the editor closed the brace: read it closed at the cursor.
  const closers = yaml && !place ? unclosedOnLine(text, offset) : '';
  if (closers) {
    const closed = text.slice(0, offset) + closers + text.slice(offset);
    place = flowPlace(closed, templateSubjects(closed, 'yaml'), offset);
  }
  if (!place) return [];
  const { subject, objPath } = place;
  const root = subject.parsed.root;
  if (!root) return [];
  if (place.key === undefined) {
    const rel = relativePath(subject.doc, objPath);
    const obj = objPath.length === 0 ? root : findNodeAtLocation(root, objPath);
    if (!rel || (obj && obj.type !== 'object')) return [];
    const free = isFreeMap(spotAt(objPath));
    const present = new Set(entries(obj).filter(([, k]) => k.length > 0 && !(k.offset <= offset && offset <= k.offset + k.length)).map(([key]) => key));
    return keyCandidatesAt(subject.doc, rel)
      .filter((c) => !present.has(c.key))
      .map((c) => {
        const shown = free ? c.key : (cfnNameOf(c.key) ?? c.key);
        return {
          label: shown,
          kind: 'property' as const,
          insertText: yaml ? `${shown}: ` : `${JSON.stringify(shown)}: `,
          range: place.range,
          filterText: yaml ? shown : JSON.stringify(shown),
          detail: c.detail,
          documentation: c.documentation,
        };
      });
  }
  const path = [...objPath, place.key];
  const rel = relativePath(subject.doc, path);
  if (!rel) return [];
  const list = findNodeAtLocation(root, path);
  const siblings = place.inList ? items(list) : [];
  const space = place.afterColon ? ' ' : '';
  return valueCandidates(subject.doc, place.inList ? { ...rel, path: [...rel.path, siblings.length] } : rel, siblings).map((c) => {
    const written = yaml ? yamlValue(c.value, place.inList || place.flow) :  typeof c.value === 'string' ? JSON.stringify(c.value) : String(c.value);
    return { label: String(c.value), kind: c.kind, insertText: space + written, range: place.range, filterText: String(c.value), detail: c.detail, documentation: c.documentation, sortText: c.sortText };
  });
}

function covers(s: TemplateCompletionSubject, offset: number): boolean {
  const r = s.parsed.root;
  return !!r && r.length > 0 && r.offset <= offset && offset <= r.offset + r.length;
}

/** The text with the word at `offset` (and a dash-less key being typed before it) replaced by spaces: same offsets. */
function blankWordAt(text: string, offset: number): string {
  let start = offset;
  while (start > 0 && /[\w-]/.test(text[start - 1])) start--;
  let end = offset;
  while (end < text.length && /[\w-]/.test(text[end])) end++;
  return text.slice(0, start) + ' '.repeat(end - start) + text.slice(end);
}

/** The brackets that close the flow collections opened on the cursor's line before it (`}]` for `[{ a`). */
function unclosedOnLine(text: string, offset: number): string {
  const open: string[] = [];
  const line = text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset).replace(/"(?:[^"\\]|\\.)*"|'[^']*'/g, '""');
  for (const c of line) {
    if (c === '#') return '';
    if (c === '{' || c === '[') open.push(c === '{' ? '}' : ']');
    else if ((c === '}' || c === ']') && open.pop() !== c) return '';
  }
  return open.reverse().join('');
}

/** A YAML scalar for a completed value: strings that would read as numbers or booleans are quoted (`Cpu: "512"`). */
export function yamlValue(v: string | number | boolean, inFlow = false): string {
  if (typeof v !== 'string') return String(v);
  const plain = /^[A-Za-z_/.][A-Za-z0-9 _./:@+=-]*$/.test(v) && !/^(true|false|yes|no|on|off|null|~|y|n)$/i.test(v) && !(inFlow && /[,[\]{}]/.test(v));
  return plain ? v : JSON.stringify(v);
}

function spotAt(apiPath: JSONPath): SchemaSpot {
  let spot = ROOT_SPOT;
  for (const seg of apiPath) spot = typeof seg === 'number' ? itemSpot(spot) : childSpot(spot, String(seg));
  return spot;
}

/** Template keys (CloudFormation spelling) below Properties → API path, walking the schema as the reader does. */
function toApiPath(cfnPath: JSONPath): JSONPath {
  let spot = ROOT_SPOT;
  const out: JSONPath = [];
  for (const seg of cfnPath) {
    if (typeof seg === 'number') {
      out.push(seg);
      spot = itemSpot(spot);
      continue;
    }
    const key = isFreeMap(spot) ? seg : apiName(spot, seg);
    out.push(key);
    spot = childSpot(spot, key);
  }
  return out;
}

function jsonPlace(text: string, subjects: readonly TemplateCompletionSubject[], offset: number): Place | undefined {
  const loc = getLocation(text, offset);
  const [res, logicalId, props, ...rest] = loc.path;
  if (res !== 'Resources' || props !== 'Properties' || typeof logicalId !== 'string') return undefined;
  const subject = subjects.find((s) => s.logicalId === logicalId) ?? subjectAt(subjects, offset);
  if (!subject) return undefined;
  const api = toApiPath(rest);
  const prev = loc.previousNode;
  const range = prev && prev.type !== 'object' && prev.type !== 'array' && prev.offset <= offset && offset <= prev.offset + prev.length ? { offset: prev.offset, length: prev.length } : { offset, length: 0 };
  if (loc.isAtPropertyKey) return { subject, objPath: api.slice(0, -1), range, afterColon: false };
  const last = api[api.length - 1];
  if (typeof last === 'number') return { subject, objPath: api.slice(0, -2), key: String(api[api.length - 2]), inList: true, range, afterColon: false };
  if (last === undefined) return undefined;
  return { subject, objPath: api.slice(0, -1), key: String(last), range, afterColon: range.length === 0 && text[offset - 1] === ':' };
}

function subjectAt(subjects: readonly TemplateCompletionSubject[], offset: number): TemplateCompletionSubject | undefined {
  return subjects.find((s) => s.parsed.root && s.parsed.root.length > 0 && s.parsed.root.offset <= offset && offset <= s.parsed.root.offset + s.parsed.root.length + 1);
}

const isFlowAt = (text: string, n: Node) => (n.type === 'object' && text[n.offset] === '{') || (n.type === 'array' && text[n.offset] === '[');

/** The innermost flow mapping or sequence whose brackets hold `offset`. */
function innermostFlow(text: string, n: Node, offset: number): Node | undefined {
  for (const c of n.children ?? []) {
    if (c.length > 0 && c.offset <= offset && offset <= c.offset + c.length) {
      const deeper = innermostFlow(text, c, offset);
      if (deeper) return deeper;
    }
  }
  return isFlowAt(text, n) && n.offset < offset && offset < n.offset + n.length ? n : undefined;
}

/**
 * Inside a flow mapping or sequence (`- { Name: web, Ess| }`, `PortMappings: [{ Protocol: | }]`), where the lines
 * say nothing: the place is read from the tree. A key being typed there parses (`Ess` is a key without a value).
 */
function flowPlace(text: string, subjects: readonly TemplateCompletionSubject[], offset: number): Place | undefined {
  for (const subject of subjects) {
    const root = subject.parsed.root;
    const n = root && root.length > 0 && root.offset <= offset && offset <= root.offset + root.length ? innermostFlow(text, root, offset) : undefined;
    if (!n) continue;
    const empty = { offset, length: 0 };
    const spanOf = (v: Node | undefined) => (v && v.length > 0 && v.type !== 'object' && v.type !== 'array' && v.offset <= offset && offset <= v.offset + v.length ? { offset: v.offset, length: v.length } : undefined);
    if (n.type === 'array') {
      const holder = n.parent?.type === 'property' ? n.parent : undefined;
      const key = holder?.children?.[0]?.value;
      if (!holder?.parent || typeof key !== 'string') return undefined;
      const range = (n.children ?? []).map(spanOf).find((r) => r) ?? empty;
      return { subject, objPath: pathOf(holder.parent), key, inList: true, flow: true, range, afterColon: false };
    }
    const objPath = pathOf(n);
    for (const p of n.children ?? []) {
      const [k, v] = p.children ?? [];
      if (!k || k.length === 0) continue;
      if (k.offset <= offset && offset <= k.offset + k.length) {
        return /^[A-Za-z0-9_-]+$/.test(text.slice(k.offset, k.offset + k.length)) ? { subject, objPath, flow: true, range: { offset: k.offset, length: k.length }, afterColon: false } : undefined;
      }
      const colon = text.indexOf(':', k.offset + k.length);
      if (colon < 0 || colon >= offset || typeof k.value !== 'string') continue;
      const valueRange = spanOf(v);
      if (valueRange || ((!v || v.length === 0 || v.offset >= offset) && /^[ \t]*$/.test(text.slice(colon + 1, offset)))) {
        return { subject, objPath, key: k.value, flow: true, range: valueRange ?? empty, afterColon: offset === colon + 1 };
      }
    }
    // Between entries (`{ Name: web, | }`): a new key.
    return /[{,][ \t\r\n]*$/.test(text.slice(n.offset, offset)) ? { subject, objPath, flow: true, range: empty, afterColon: false } : undefined;
  }
  return undefined;
}

interface Line {
  start: number;
  /** Column of the key (after any `- `), or of the content. */
  col: number;
  /** Column of the `-` when the line starts a list item. */
  dash?: number;
  key?: string;
  /** Offset of the key text. */
  keyAt?: number;
  /** Text after `key:` (trimmed, comments included). */
  rest?: string;
}

const LINE = /^( *)((?:- +)*)(?:("[^"]*"|'[^']*'|[^\s#'"][^:#]*?)[ \t]*:(?:[ \t]+|$)(.*))?/;

function readLine(text: string, start: number, end: number): Line | undefined {
  const s = text.slice(start, end).replace(/\r$/, '');
  if (/^\s*(#|$)/.test(s)) return undefined;
  const m = LINE.exec(s)!;
  const dashes = m[2];
  const col = m[1].length + dashes.length;
  const line: Line = { start, col, dash: dashes ? col - dashes.length + dashes.lastIndexOf('-') : undefined };
  if (m[3] !== undefined) {
    line.key = m[3].replace(/^["']|["']$/g, '');
    line.keyAt = start + col;
    line.rest = (m[4] ?? '').trim();
  }
  return line;
}

/** The subject and its API path where the cursor is, from the YAML lines above it. */
function yamlPlace(text: string, subjects: readonly TemplateCompletionSubject[], offset: number): Place | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  const m = /^( *)((?:- +)*)(.*)$/.exec(before);
  if (!m || before.includes('#')) return undefined;
  const indent = m[1].length + m[2].length;
  const typed = m[3];
  const word = /[\w./:-]*$/.exec(typed)![0];
  const range = { offset: offset - word.length, length: word.length + (/^[\w./:-]*/.exec(text.slice(offset))![0].length) };
  const dashHere = m[2].length > 0;
  // `Key: va|` or `Key: [A, b|` — a value; otherwise a key at this column.
  const kv = /^("[^"]*"|'[^']*'|[A-Za-z0-9_-]+)[ \t]*:[ \t]*(\[[^\]]*,?[ \t]*)?([^[\]{},#]*)$/.exec(typed);
  const owner = ownerOf(text, subjects, lineStart, indent, dashHere);
  if (!owner) return undefined;
  if (kv) {
    const key = kv[1].replace(/^["']|["']$/g, '');
    const afterColon = /:$/.test(typed);
    return { ...owner, key: keyIn(owner.objPath, key), inList: kv[2] !== undefined, range, afterColon };
  }
  if (!/^[A-Za-z0-9_-]*$/.test(typed)) return undefined;
  return { ...owner, range, afterColon: false };
}

function keyIn(objPath: JSONPath, cfnKey: string): string {
  const spot = spotAt(objPath);
  return isFreeMap(spot) ? cfnKey : apiName(spot, cfnKey);
}

/**
 * The mapping a key typed at column `col` on the line starting at `lineStart` belongs to: a key above at the same
 * column is a sibling; a `Key:` above at a smaller column with nothing after the colon is the parent. A new
 * list item (`- ` on this line) goes last in the list of an item above at the same dash column, or is the first
 * of the list under the nearest empty-valued key at or left of the dash.
 */
function ownerOf(text: string, subjects: readonly TemplateCompletionSubject[], lineStart: number, col: number, dashHere: boolean): Omit<Place, 'range' | 'afterColon' | 'key'> | undefined {
  let end = lineStart - 1;
  while (end >= 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = readLine(text, start, end);
    end = start - 1;
    if (!line) continue;
    if (line.keyAt === undefined) {
      if (line.col < col) return undefined;
      continue;
    }
    const at = () => nodeAtKey(subjects, line.keyAt!);
    if (dashHere) {
      const dashCol = col - 2;
      if (line.dash === dashCol) {
        const found = at();
        const list = found?.node.parent?.parent?.parent;
        if (!found || list?.type !== 'array') return undefined;
        return { subject: found.subject, objPath: [...pathOf(list), list.children?.length ?? 0] };
      }
      if (line.col <= dashCol && line.dash === undefined && line.rest === '') {
        const found = at();
        if (!found) return undefined;
        const list = found.node.parent?.children?.[1];
        return { subject: found.subject, objPath: [...pathOf(found.node), list?.type === 'array' ? (list.children?.length ?? 0) : 0] };
      }
      if (line.col < dashCol) return undefined;
      continue;
    }
    if (line.col === col) {
      const found = at();
      return found && { subject: found.subject, objPath: pathOf(found.node).slice(0, -1) };
    }
    if (line.col < col) {
      if (line.rest !== '') return undefined;
      const found = at();
      if (found) return { subject: found.subject, objPath: pathOf(found.node) };
      // `Properties:` itself: the root of the subject it holds.
      const sub = line.key === 'Properties' ? subjects.find((s) => s.parsed.root && s.parsed.root.length > 0 && s.parsed.root.offset > line.start && s.parsed.root.offset <= lineStart + col + 1) : undefined;
      return sub && { subject: sub, objPath: [] };
    }
  }
  return undefined;
}

/** The subject key node whose text starts at `offset`, with its subject. */
function nodeAtKey(subjects: readonly TemplateCompletionSubject[], offset: number): { subject: TemplateCompletionSubject; node: Node } | undefined {
  for (const subject of subjects) {
    const root = subject.parsed.root;
    const found = root && findKey(root, offset);
    if (found) return { subject, node: found };
  }
  return undefined;
}

function findKey(n: Node, offset: number): Node | undefined {
  if (n.type === 'property') {
    const k = n.children?.[0];
    if (k && k.offset === offset && k.length > 0) return k;
  }
  for (const c of n.children ?? []) {
    const end = c.offset + c.length;
    if (c.length === 0 || (c.offset <= offset && offset <= end) || c.type === 'property') {
      const r = findKey(c, offset);
      if (r) return r;
    }
  }
  return undefined;
}
