/**
 * A single-pass JSONC parser for well-formed documents: builds the same Node tree as jsonc-parser's parseTree
 * (type, offset, length, parent, children, value, colonOffset; the root has no `parent`), about twice as fast,
 * and notes in the same pass what later steps would otherwise walk the tree for: duplicate keys, strings with
 * placeholder characters, and whether the text is strict JSON (then `JSON.parse` gives the plain value).
 *
 * It gives up (returns undefined) at the first thing it does not handle — any syntax error, unusual
 * whitespace, a BOM, empty content, nesting deeper than 128 — and parse.ts then uses jsonc-parser, so error
 * reporting never changes.
 * test/core/fast-parse.test.ts proves the trees equal on the corpus, fixtures and generated variants.
 */
import { type Node, parseTree } from 'jsonc-parser';
import { MAX_NESTING_DEPTH } from './unreadable-text';

export interface FastParse {
  root: Node;
  /** Some object has the same key twice. */
  hasDuplicateKeys: boolean;
  /** Some string (key or value) contains `$ { < # [`, the characters every explicit placeholder starts with. */
  hasPlaceholderChars: boolean;
  /** No comments and no trailing commas: `JSON.parse(text)` accepts the text and gives the same value. */
  strictJson: boolean;
}

/** jsonc-parser's Node with writable fields, while the node is being built. */
type Building = { -readonly [K in keyof Node]: Node[K] };

/** parseTree(text, [], { allowTrailingComma: true }) — the same tree, through the fast path when it can. */
export function parseTreeLenient(text: string): Node | undefined {
  return fastParseTree(text)?.root ?? parseTree(text, [], { allowTrailingComma: true });
}

const NO_CHILDREN: Node[] = [];

class GiveUp {}
const GIVE_UP = new GiveUp();

// Character codes.
const QUOTE = 34;
const BACKSLASH = 92;
const SLASH = 47;
const STAR = 42;
const COMMA = 44;
const COLON = 58;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const MINUS = 45;

export function fastParseTree(text: string): FastParse | undefined {
  const p = new Parser(text);
  try {
    p.skip();
    if (p.pos >= text.length) return undefined; // empty content: let jsonc-parser decide
    const root = p.value(undefined);
    p.skip();
    if (p.pos !== text.length) return undefined;
    delete (root as { parent?: Node }).parent;
    return { root, hasDuplicateKeys: p.duplicates, hasPlaceholderChars: p.placeholderChars, strictJson: p.strict };
  } catch (e) {
    if (e === GIVE_UP) return undefined;
    throw e;
  }
}

/**
 * Deeper nesting gives up (the parser recurses; task definitions nest about 8 levels). The same limit as the
 * unreadable-text pre-scan, which parse.ts therefore runs only when this parser gives up.
 */
const MAX_DEPTH = MAX_NESTING_DEPTH;

class Parser {
  pos = 0;
  depth = 0;
  duplicates = false;
  placeholderChars = false;
  strict = true;
  constructor(readonly text: string) {}

  /** Skips spaces, tabs, line breaks and comments. */
  skip(): void {
    const t = this.text;
    const n = t.length;
    let i = this.pos;
    while (i < n) {
      const c = t.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9) {
        i++;
      } else if (c === SLASH) {
        const next = t.charCodeAt(i + 1);
        this.strict = false;
        if (next === SLASH) {
          i += 2;
          while (i < n) {
            const d = t.charCodeAt(i);
            if (d === 10 || d === 13) break;
            i++;
          }
        } else if (next === STAR) {
          const end = t.indexOf('*/', i + 2);
          if (end < 0) throw GIVE_UP;
          i = end + 2;
        } else throw GIVE_UP;
      } else break;
    }
    this.pos = i;
  }

  value(parent: Node | undefined): Node {
    const t = this.text;
    const c = t.charCodeAt(this.pos);
    if (c === OPEN_BRACE) return this.object(parent);
    if (c === OPEN_BRACKET) return this.array(parent);
    if (c === QUOTE) {
      const start = this.pos;
      const value = this.string();
      return { type: 'string', offset: start, length: this.pos - start, parent, value } as Node;
    }
    if ((c >= 48 && c <= 57) || c === MINUS) return this.number(parent);
    const start = this.pos;
    if (t.startsWith('true', start)) return this.keyword(parent, 'boolean', true, 4);
    if (t.startsWith('false', start)) return this.keyword(parent, 'boolean', false, 5);
    if (t.startsWith('null', start)) return this.keyword(parent, 'null', null, 4);
    throw GIVE_UP;
  }

  keyword(parent: Node | undefined, type: 'boolean' | 'null', value: boolean | null, length: number): Node {
    const offset = this.pos;
    this.pos += length; // `trueish` fails later: no comma or end after `true`
    return { type, offset, length, parent, value } as Node;
  }

  number(parent: Node | undefined): Node {
    const t = this.text;
    const start = this.pos;
    let i = start;
    if (t.charCodeAt(i) === MINUS) i++;
    const first = t.charCodeAt(i);
    if (first === 48) i++;
    else if (first >= 49 && first <= 57) while (isDigit(t.charCodeAt(i))) i++;
    else throw GIVE_UP;
    if (t.charCodeAt(i) === 46) {
      i++;
      if (!isDigit(t.charCodeAt(i))) throw GIVE_UP;
      while (isDigit(t.charCodeAt(i))) i++;
    }
    const e = t.charCodeAt(i);
    if (e === 101 || e === 69) {
      i++;
      const sign = t.charCodeAt(i);
      if (sign === 43 || sign === MINUS) i++;
      if (!isDigit(t.charCodeAt(i))) throw GIVE_UP;
      while (isDigit(t.charCodeAt(i))) i++;
    }
    this.pos = i; // `01`, `1.2.3`, `1x` fail later: no comma or end after the number
    return { type: 'number', offset: start, length: i - start, parent, value: Number(t.slice(start, i)) } as Node;
  }

  /** Reads a string token at `pos` (a quote) and returns its value; `pos` ends after the closing quote. */
  string(): string {
    const t = this.text;
    const start = this.pos + 1;
    let i = start;
    for (;;) {
      const c = t.charCodeAt(i);
      if (c === QUOTE) break;
      if (c === BACKSLASH) return this.escapedString(start);
      if (c < 32 || c !== c) throw GIVE_UP; // control character, or end of text (NaN)
      if (c === 36 || c === OPEN_BRACE || c === 60 || c === 35 || c === OPEN_BRACKET) this.placeholderChars = true;
      i++;
    }
    this.pos = i + 1;
    return t.slice(start, i);
  }

  escapedString(start: number): string {
    const t = this.text;
    let out = '';
    let chunk = start;
    let i = start;
    for (;;) {
      const c = t.charCodeAt(i);
      if (c === QUOTE) break;
      if (c < 32 || c !== c) throw GIVE_UP;
      if (c === 36 || c === OPEN_BRACE || c === 60 || c === 35 || c === OPEN_BRACKET) this.placeholderChars = true;
      if (c !== BACKSLASH) {
        i++;
        continue;
      }
      out += t.slice(chunk, i);
      const e = t.charCodeAt(i + 1);
      let ch: string;
      if (e === QUOTE) ch = '"';
      else if (e === BACKSLASH) ch = '\\';
      else if (e === SLASH) ch = '/';
      else if (e === 98) ch = '\b';
      else if (e === 102) ch = '\f';
      else if (e === 110) ch = '\n';
      else if (e === 114) ch = '\r';
      else if (e === 116) ch = '\t';
      else if (e === 117) {
        const hex = t.slice(i + 2, i + 6);
        if (!/^[0-9A-Fa-f]{4}$/.test(hex)) throw GIVE_UP;
        ch = String.fromCharCode(parseInt(hex, 16));
        i += 4;
      } else throw GIVE_UP;
      // An escaped placeholder character counts too (findPlaceholders sees the unescaped value).
      if (ch === '$' || ch === '{' || ch === '<' || ch === '#' || ch === '[') this.placeholderChars = true;
      out += ch;
      i += 2;
      chunk = i;
    }
    this.pos = i + 1;
    return out + t.slice(chunk, i);
  }

  object(parent: Node | undefined): Node {
    if (++this.depth > MAX_DEPTH) throw GIVE_UP;
    const t = this.text;
    const node = { type: 'object', offset: this.pos, length: -1, parent, children: [] as Node[] } as Building;
    const children = node.children!;
    this.pos++;
    this.skip();
    let afterComma = false;
    while (t.charCodeAt(this.pos) !== CLOSE_BRACE) {
      if (children.length > 0 && !afterComma) throw GIVE_UP; // missing comma
      if (t.charCodeAt(this.pos) !== QUOTE) throw GIVE_UP;
      const keyOffset = this.pos;
      // colonOffset in the literal: set afterwards, it grew each property node a separate property store (~0.6 MB
      // for the 1 MB document); the key node lists its fields in the order of every other string node (one shape).
      const prop = { type: 'property', offset: keyOffset, length: -1, parent: node, children: NO_CHILDREN, colonOffset: -1 } as Building;
      const key = this.string();
      const keyNode = { type: 'string', offset: keyOffset, length: this.pos - keyOffset, parent: prop, value: key } as Node;
      children.push(prop);
      this.skip();
      if (t.charCodeAt(this.pos) !== COLON) throw GIVE_UP;
      prop.colonOffset = this.pos;
      this.pos++;
      this.skip();
      const value = this.value(prop);
      prop.children = [keyNode, value]; // exact size: a pushed-to [] reserves room for 17
      prop.length = value.offset + value.length - keyOffset;
      this.skip();
      afterComma = t.charCodeAt(this.pos) === COMMA;
      if (afterComma) {
        this.pos++;
        this.skip();
      }
    }
    if (afterComma) this.strict = false; // trailing comma
    this.pos++;
    node.length = this.pos - node.offset;
    if (children.length > 1 && !this.duplicates) this.duplicates = hasDuplicateKey(children);
    if (children.length > 0) node.children = children.slice(); // drops the spare capacity push left (memory of a cached tree)
    this.depth--;
    return node;
  }

  array(parent: Node | undefined): Node {
    if (++this.depth > MAX_DEPTH) throw GIVE_UP;
    const t = this.text;
    const node = { type: 'array', offset: this.pos, length: -1, parent, children: [] as Node[] } as Building;
    const children = node.children!;
    this.pos++;
    this.skip();
    let afterComma = false;
    while (t.charCodeAt(this.pos) !== CLOSE_BRACKET) {
      if (children.length > 0 && !afterComma) throw GIVE_UP;
      if (this.pos >= t.length) throw GIVE_UP;
      children.push(this.value(node));
      this.skip();
      afterComma = t.charCodeAt(this.pos) === COMMA;
      if (afterComma) {
        this.pos++;
        this.skip();
      }
    }
    if (afterComma) this.strict = false;
    this.pos++;
    node.length = this.pos - node.offset;
    if (children.length > 0) node.children = children.slice();
    this.depth--;
    return node;
  }
}

function hasDuplicateKey(props: Node[]): boolean {
  if (props.length <= 12) {
    for (let i = 1; i < props.length; i++) {
      const k = props[i].children![0].value;
      for (let j = 0; j < i; j++) if (props[j].children![0].value === k) return true;
    }
    return false;
  }
  const seen = new Set<string>();
  for (const p of props) {
    const k = p.children![0].value as string;
    if (seen.has(k)) return true;
    seen.add(k);
  }
  return false;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

