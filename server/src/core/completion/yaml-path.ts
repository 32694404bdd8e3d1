/**
 * Where the cursor is in a block-style YAML file, read from the indentation of the lines above it (the file is
 * often unreadable while a key is typed): the path of the mapping a key typed there belongs to, or of the key whose
 * value is typed. List items count from 0 under their key. Flow collections (`{…}`, `[…]` spanning lines) are not
 * followed: the answer is then undefined. Used for appspecs (completion/deploy-file-completion.ts).
 */
import type { JSONPath } from 'jsonc-parser';
import type { OffsetRange } from '../types';

export interface YamlPlace {
  /** The mapping a key at the cursor belongs to (`key` undefined), or the mapping holding `key` whose value is typed. */
  objPath: JSONPath;
  key?: string;
  /** The keys already in that mapping (above and below the cursor line). */
  present: Set<string>;
  /** The word under the cursor, which a completion replaces. */
  range: OffsetRange;
  /** The cursor is right after `key:` (a completion adds a space). */
  afterColon: boolean;
}

interface Line {
  /** Column of the key (after any `- `) or of the content. */
  col: number;
  /** Column of the `-` when the line starts a list item. */
  dash?: number;
  key?: string;
  /** Text after `key:` (trimmed, comments cut). */
  rest?: string;
}

const LINE = /^( *)((?:- +)*)(?:("[^"]*"|'[^']*'|[^\s#'"-][^:#]*?|-[^\s:#][^:#]*?)[ \t]*:(?:[ \t]+|$)(.*))?/;

function readLine(s: string): Line | undefined {
  if (/^\s*(#|$)/.test(s) || /^(---|\.\.\.)\s*$/.test(s)) return undefined;
  const m = LINE.exec(s)!;
  const col = m[1].length + m[2].length;
  const line: Line = { col, ...(m[2] ? { dash: m[1].length + m[2].lastIndexOf('-') } : {}) };
  if (m[3] !== undefined) {
    line.key = m[3].replace(/^["']|["']$/g, '');
    line.rest = (m[4] ?? '').replace(/\s+#.*$/, '').trim();
  }
  return line;
}

/** The place at `offset`, or undefined when the lines above do not say (a flow collection, a comment, odd indentation). */
export function yamlPlaceAt(text: string, offset: number): YamlPlace | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  const m = /^( *)((?:- +)*)(.*)$/.exec(before);
  if (!m || before.includes('#')) return undefined;
  const col = m[1].length + m[2].length;
  const dash = m[2] ? m[1].length + m[2].lastIndexOf('-') : undefined;
  const typed = m[3];
  const word = /[\w./:-]*$/.exec(typed)![0];
  const range = { offset: offset - word.length, length: word.length + /^[\w./:-]*/.exec(text.slice(offset))![0].length };
  const above = text.slice(0, lineStart).split('\n').slice(0, -1).map((s) => readLine(s.replace(/\r$/, '')));
  const lineEnd = text.indexOf('\n', offset);
  const below = lineEnd < 0 ? [] : text.slice(lineEnd + 1).split('\n').map((s) => readLine(s.replace(/\r$/, '')));
  const objPath = parentPath(above, above.length, col, dash);
  if (!objPath) return undefined;
  const present = siblingKeys(above, below, col, dash);
  const kv = /^("[^"]*"|'[^']*'|[A-Za-z0-9_-]+)[ \t]*:[ \t]*([^[\]{},#]*)$/.exec(typed);
  if (kv) return { objPath, key: kv[1].replace(/^["']|["']$/g, ''), present, range, afterColon: /:$/.test(typed) };
  if (!/^[A-Za-z0-9_-]*$/.test(typed)) return undefined;
  return { objPath, present, range, afterColon: false };
}

/** The path of the key on line `i`. */
function keyPath(lines: Array<Line | undefined>, i: number): JSONPath | undefined {
  const l = lines[i]!;
  const parent = parentPath(lines, i, l.col, l.dash);
  return parent && l.key !== undefined ? [...parent, l.key] : undefined;
}

/** The path of the mapping that holds a key at column `col` of line `i` (`dash`: that line starts a list item there). */
function parentPath(lines: Array<Line | undefined>, i: number, col: number, dash: number | undefined): JSONPath | undefined {
  if (dash !== undefined) return itemPath(lines, i, dash);
  for (let j = i - 1; j >= 0; j--) {
    const l = lines[j];
    if (!l || l.col > col) continue;
    if (l.col === col) {
      if (l.key === undefined) return undefined;
      if (l.dash !== undefined) return itemPath(lines, j, l.dash); // the sibling that starts our list item
      continue;
    }
    return l.key !== undefined && l.rest === '' ? keyPath(lines, j) : undefined;
  }
  return col === 0 ? [] : undefined;
}

/** The path of the list item whose `-` is at column `dash` of line `i`: the list's key, then the item's index. */
function itemPath(lines: Array<Line | undefined>, i: number, dash: number): JSONPath | undefined {
  let index = 0;
  for (let j = i - 1; j >= 0; j--) {
    const l = lines[j];
    if (!l) continue;
    if (l.dash === dash) index++;
    else if (l.col > dash) continue;
    else if (l.key !== undefined && l.rest === '' && l.dash === undefined) {
      const p = keyPath(lines, j);
      return p && [...p, index];
    } else return undefined;
  }
  return undefined;
}

/** Keys at column `col` of the same mapping as the cursor line: up to a line left of it (or a new item) either way. */
function siblingKeys(above: Array<Line | undefined>, below: Array<Line | undefined>, col: number, dash: number | undefined): Set<string> {
  const keys = new Set<string>();
  if (dash === undefined) {
    for (let j = above.length - 1; j >= 0; j--) {
      const l = above[j];
      if (!l || l.col > col) continue;
      if (l.col < col) break;
      if (l.key !== undefined) keys.add(l.key);
      if (l.dash !== undefined) break; // the first key of our item
    }
  }
  for (const l of below) {
    if (!l || l.col > col) continue;
    if (l.col < col || l.dash !== undefined) break; // the next item starts
    if (l.key !== undefined) keys.add(l.key);
  }
  return keys;
}
