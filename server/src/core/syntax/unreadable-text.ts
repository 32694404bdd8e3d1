/**
 * Cheap checks that run before any tree is built, for text the parsers must not be given: binary data, and
 * nesting so deep that the recursive parsers (jsonc-parser, fast-parse) and the walks over their tree would
 * overflow the call stack (jsonc-parser does at about 2,000 levels).
 */

/** A task definition nests about 8 levels; anything past this is generated or hostile, and far from the stack limit. */
export const MAX_NESTING_DEPTH = 128;

export interface Unreadable {
  offset: number;
  reason: 'binary' | 'too-deep';
}

/** Why `text` cannot be parsed safely, or undefined when it can. */
export function unreadableText(text: string, maxDepth = MAX_NESTING_DEPTH): Unreadable | undefined {
  // JSON never holds a raw NUL, not even inside a string; binary files nearly always do.
  const nul = text.indexOf('\0');
  if (nul >= 0) return { offset: nul, reason: 'binary' };
  const deep = tooDeepOffset(text, maxDepth);
  return deep >= 0 ? { offset: deep, reason: 'too-deep' } : undefined;
}

const QUOTE = 34;
const BACKSLASH = 92;
const SLASH = 47;
const STAR = 42;
const LF = 10;
const CR = 13;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

/**
 * The offset of the `{` or `[` that opens level `maxDepth + 1`, or -1. Strings and comments are skipped the way
 * jsonc-parser's scanner skips them (a string also ends at a line break). A closer only pops an opener of its
 * own kind, so the count is never below the depth the parser recurses to, whatever the syntax errors.
 */
export function tooDeepOffset(text: string, maxDepth = MAX_NESTING_DEPTH): number {
  const stack: number[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      i++;
      while (i < n) {
        const s = text.charCodeAt(i);
        if (s === QUOTE) {
          i++;
          break;
        }
        if (s === LF || s === CR) break;
        i += s === BACKSLASH ? 2 : 1;
      }
      continue;
    }
    if (c === SLASH && text.charCodeAt(i + 1) === SLASH) {
      i += 2;
      while (i < n && text.charCodeAt(i) !== LF && text.charCodeAt(i) !== CR) i++;
      continue;
    }
    if (c === SLASH && text.charCodeAt(i + 1) === STAR) {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? n : close + 2;
      continue;
    }
    if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (stack.length >= maxDepth) return i;
      stack.push(c);
    } else if ((c === CLOSE_BRACE && stack[stack.length - 1] === OPEN_BRACE) || (c === CLOSE_BRACKET && stack[stack.length - 1] === OPEN_BRACKET)) {
      stack.pop();
    }
    i++;
  }
  return -1;
}
