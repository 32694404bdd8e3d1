/**
 * JSONC → tree with offsets. Unquoted template tokens (`"containerPort": ${port}`) are replaced by
 * same-length neutral values so every offset stays valid and the rest of the file is still linted.
 */
import { type Node, type ParseError, ParseErrorCode, parseTree } from 'jsonc-parser';
import { isBareWordPlaceholder, NO_PLACEHOLDER_PATTERNS, type PlaceholderPatterns } from './placeholders';
import { fastParseTree } from './fast-parse';
import { registerStrictJsonRoot } from './node-value';
import { type Unreadable, unreadableText } from './unreadable-text';
import { commentEnd, type DirectiveSpan, maskTemplateSyntax, templateExpressionEnd } from './template-syntax';

export interface SyntaxProblem {
  offset: number;
  length: number;
  message: string;
}

export interface TemplateToken {
  offset: number;
  length: number;
  token: string;
}

export interface DuplicateKey {
  /** The earlier property, which is ignored. */
  ignored: Node;
  /** The last property with the same key, which takes effect. */
  winner: Node;
}

export interface ParsedDocument {
  text: string;
  /** `text` with unquoted template tokens neutralised; same length as `text`. */
  analysisText: string;
  root: Node | undefined;
  syntaxErrors: SyntaxProblem[];
  templateTokens: TemplateToken[];
  /** Terraform `%{…}` directives outside strings, blanked in `analysisText` (absent when there are none). */
  templateDirectives?: DirectiveSpan[];
  /** Offsets of string nodes that stand for an unquoted template token. */
  placeholderOffsets: Set<number>;
  /** The user placeholder patterns its values are read with (a lint's LintOptions.placeholderPatterns, compiled). */
  placeholders: PlaceholderPatterns;
  duplicateKeys: DuplicateKey[];
  /** False when no string contains a placeholder's first character (set by the fast parser only). */
  mayHavePlaceholders?: boolean;
  /** Set when the text was not parsed at all: binary data, or nesting too deep to walk safely (no root then). */
  unreadable?: Unreadable;
}

const PARSE_OPTIONS = { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true };
const MAX_SYNTAX_ERRORS = 20;

/** `placeholders`: the user patterns a lint reads the values with; a reader that only wants the tree leaves them out. */
export function parseDocument(text: string, placeholders: PlaceholderPatterns = NO_PLACEHOLDER_PATTERNS): ParsedDocument {
  // Well-formed documents (nearly all, on every keystroke) take the single-pass parser; anything else jsonc-parser.
  // The fast parser accepts no NUL and nests at most MAX_NESTING_DEPTH deep, so what it reads needs no pre-scan.
  const fast = fastParseTree(text);
  const unreadable = fast ? undefined : unreadableText(text);
  if (unreadable) return unreadableDocument(text, unreadable, placeholders);
  if (fast) {
    if (fast.strictJson) registerStrictJsonRoot(fast.root, text);
    return {
      text,
      analysisText: text,
      root: fast.root,
      syntaxErrors: [],
      templateTokens: [],
      placeholderOffsets: new Set(),
      placeholders,
      duplicateKeys: fast.hasDuplicateKeys ? findDuplicateKeys(fast.root) : [],
      mayHavePlaceholders: fast.hasPlaceholderChars,
    };
  }
  let errors: ParseError[] = [];
  let root = parseTree(text, errors, PARSE_OPTIONS);
  let analysisText = text;
  let templateTokens: TemplateToken[] = [];
  const placeholderOffsets = new Set<number>();
  let templateDirectives: DirectiveSpan[] | undefined;
  if (errors.length > 0) {
    // Terraform directives and quotes inside `${…}` first, then unquoted tokens in what is left.
    const masked = maskTemplateSyntax(text);
    const recovered = recoverTemplateTokens(masked.text);
    const changed = masked.changed || recovered.tokens.length > 0;
    // Recovery turns tokens into strings, which can uncover brackets a quote in a token hid: check again.
    const stillUnreadable = changed ? unreadableText(recovered.text) : undefined;
    if (stillUnreadable) return unreadableDocument(text, stillUnreadable, placeholders);
    if (changed) {
      if (masked.directives.length > 0) templateDirectives = masked.directives;
      analysisText = recovered.text;
      templateTokens = recovered.tokens;
      for (const offset of recovered.valueOffsets) placeholderOffsets.add(offset);
      errors = [];
      root = parseTree(analysisText, errors, PARSE_OPTIONS);
    }
  }
  return {
    text,
    analysisText,
    root,
    syntaxErrors: describeErrors(analysisText, errors),
    templateTokens,
    ...(templateDirectives ? { templateDirectives } : {}),
    placeholderOffsets,
    placeholders,
    duplicateKeys: root ? findDuplicateKeys(root) : [],
  };
}

function unreadableDocument(text: string, unreadable: Unreadable, placeholders: PlaceholderPatterns): ParsedDocument {
  const syntaxErrors =
    unreadable.reason === 'binary'
      ? [{ offset: unreadable.offset, length: 1, message: 'This file holds binary data (a NUL character here), not JSON text.' }]
      : [];
  return { text, analysisText: text, root: undefined, syntaxErrors, templateTokens: [], placeholderOffsets: new Set(), placeholders, duplicateKeys: [], unreadable };
}

const EXPECTED: Partial<Record<ParseErrorCode, string>> = {
  [ParseErrorCode.InvalidSymbol]: 'a JSON value',
  [ParseErrorCode.InvalidNumberFormat]: 'a number',
  [ParseErrorCode.PropertyNameExpected]: 'a property name in double quotes',
  [ParseErrorCode.ValueExpected]: 'a value',
  [ParseErrorCode.ColonExpected]: "':'",
  [ParseErrorCode.CommaExpected]: "','",
  [ParseErrorCode.CloseBraceExpected]: "'}'",
  [ParseErrorCode.CloseBracketExpected]: "']'",
  [ParseErrorCode.EndOfFileExpected]: 'the end of the file',
  [ParseErrorCode.UnexpectedEndOfComment]: "'*/' to close the comment",
  [ParseErrorCode.UnexpectedEndOfString]: 'a closing \'"\'',
  [ParseErrorCode.UnexpectedEndOfNumber]: 'more digits',
  [ParseErrorCode.InvalidUnicode]: 'a valid \\u escape',
  [ParseErrorCode.InvalidEscapeCharacter]: 'a valid escape such as \\n or \\"',
  [ParseErrorCode.InvalidCharacter]: 'no control characters inside a string',
};

function describeErrors(text: string, errors: ParseError[]): SyntaxProblem[] {
  const out: SyntaxProblem[] = [];
  let lastOffset = -1;
  for (const e of errors) {
    // One mistake often yields several errors at the same spot (e.g. ',' then value expected): keep the first.
    if (e.offset === lastOffset) continue;
    lastOffset = e.offset;
    // Never past the end: an unclosed comment or string is reported one character longer than the text.
    const length = Math.min(Math.max(e.length, e.offset < text.length ? 1 : 0), text.length - e.offset);
    const found = e.offset >= text.length ? 'end of file' : quoteFound(text.slice(e.offset, e.offset + Math.min(length, 40)));
    out.push({ offset: e.offset, length, message: `Unexpected ${found}; expected ${EXPECTED[e.error] ?? 'valid JSON'}.` });
    if (out.length >= MAX_SYNTAX_ERRORS) break;
  }
  return out;
}

/** Unexpected text as a message shows it: control characters escaped, U+FFFD (what bytes that are not UTF-8 decode to) explained. */
function quoteFound(found: string): string {
  const shown = found.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return found.includes('\uFFFD') ? `'${shown}' (bytes that are not valid UTF-8; save the file as UTF-8)` : `'${shown}'`;
}

export function findDuplicateKeys(root: Node): DuplicateKey[] {
  const out: DuplicateKey[] = [];
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!node.children) continue;
    if (node.type === 'object') {
      const last = new Map<string, Node>();
      for (const prop of node.children) {
        const key = prop.children?.[0]?.value;
        if (typeof key === 'string') last.set(key, prop);
      }
      for (const prop of node.children) {
        const key = prop.children?.[0]?.value;
        const winner = typeof key === 'string' ? last.get(key) : undefined;
        if (winner && winner !== prop) out.push({ ignored: prop, winner });
      }
    }
    for (const child of node.children) stack.push(child);
  }
  return out.sort((a, b) => a.ignored.offset - b.ignored.offset);
}

// Tokens that a template engine replaces before the file becomes JSON.
const TOKEN_PATTERNS = [
  /\$\$?\{[^{}\n]*(?:\{[^{}\n]*\}[^{}\n]*)*\}/y,
  /\{\{[\s\S]*?\}\}/y,
  /\{%[\s\S]*?%\}/y,
  /#\{[^}\n]*\}/y,
  /\${3,4}[A-Za-z_]\w*\${3,4}/y,
  /\$[A-Za-z_]\w*/y,
  /<[A-Za-z_][^<>"\n]*>/y,
  /[A-Za-z_][A-Za-z0-9_]*/y,
];

interface Recovery {
  text: string;
  tokens: TemplateToken[];
  valueOffsets: number[];
}

/** Finds unquoted template tokens outside strings and comments and neutralises them in place. */
export function recoverTemplateTokens(text: string): Recovery {
  const chars = text.split('');
  const tokens: TemplateToken[] = [];
  const valueOffsets: number[] = [];
  const stack: string[] = [];
  let prev = ''; // last significant character outside strings/comments
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      i = skipString(text, i);
      prev = '"';
      continue;
    }
    if (c === '/') {
      const end = commentEnd(text, i);
      if (end > i) {
        i = end;
        continue;
      }
    }
    if (c === '{' && text[i + 1] !== '{' && text[i + 1] !== '%') {
      stack.push('{');
    } else if (c === '[') {
      stack.push('[');
    } else if (c === '}' || c === ']') {
      stack.pop();
    } else if (!/[\s,:\-0-9.]/.test(c)) {
      const token = matchToken(text, i);
      if (token) {
        const inObject = stack[stack.length - 1] === '{';
        const keyPosition = inObject && (prev === '{' || prev === ',');
        const nextIndex = skipSpace(text, i + token.length);
        // After a value with no comma (`] ${logging_config}`), a token renders whole properties with its own comma.
        const ownComma = inObject && prev !== ':' && !keyPosition && text[nextIndex] !== ':';
        if (ownComma) blank(chars, i, i + token.length);
        else if (keyPosition && text[nextIndex] !== ':') {
          // A whole property is templated: blank it, and one comma so no ',,' is left behind.
          blank(chars, i, i + token.length);
          // A comma right after would leave ',,'; a trailing comma before '}' is fine in JSONC, and a property
          // right after means the token rendered with its own comma, so the one before must stay.
          if (text[nextIndex] === ',') blank(chars, nextIndex, nextIndex + 1);
        } else {
          fillString(chars, i, token.length);
          if (!keyPosition) valueOffsets.push(i);
        }
        tokens.push({ offset: i, length: token.length, token });
        i += token.length;
        prev = '"';
        continue;
      }
    }
    if (!/\s/.test(c)) prev = c;
    i++;
  }
  return { text: chars.join(''), tokens, valueOffsets };
}

function matchToken(text: string, at: number): string | undefined {
  if (text[at] === '$' && (text[at + 1] === '{' || (text[at + 1] === '$' && text[at + 2] === '{'))) {
    // Brace- and quote-aware: `${jsonencode({ a = "}" })}` is one token, over several lines if need be.
    const open = text[at + 1] === '$' ? at + 1 : at;
    const end = templateExpressionEnd(text, open, true);
    if (end > 0) return text.slice(at, end);
  }
  for (let p = 0; p < TOKEN_PATTERNS.length; p++) {
    const re = TOKEN_PATTERNS[p];
    re.lastIndex = at;
    const m = re.exec(text);
    if (!m) continue;
    const word = m[0];
    if (p === TOKEN_PATTERNS.length - 1) {
      // Bare words count only when they look like a sed-style placeholder (never true/false/null or typos).
      return isBareWordPlaceholder(word) ? word : undefined;
    }
    return word;
  }
  return undefined;
}

function skipString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\') i += 2;
    else if (c === '"' || c === '\n') return i + 1;
    else i++;
  }
  return i;
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && /\s/.test(text[i])) i++;
  return i;
}

function blank(chars: string[], start: number, end: number): void {
  for (let k = start; k < end; k++) if (chars[k] !== '\n' && chars[k] !== '\r') chars[k] = ' ';
}

function fillString(chars: string[], start: number, length: number): void {
  if (length === 1 || chars.slice(start, start + length).includes('\n')) {
    // A JSON string cannot span lines: a one-character or multi-line token becomes a number and blanks.
    blank(chars, start, start + length);
    chars[start] = '0';
    return;
  }
  chars[start] = '"';
  for (let k = start + 1; k < start + length - 1; k++) chars[k] = '_';
  chars[start + length - 1] = '"';
}
