/**
 * Terraform template syntax in a JSON file (templatefile(), `.json.tpl`): `%{ if … }`/`%{ for … }` directives
 * and `${…}` interpolations whose expression holds quotes (`"${jsonencode("x")}"`), which end a JSON string
 * early. A brace- and quote-aware scan finds them; masking keeps every offset (same length, line breaks kept).
 */

export interface DirectiveSpan {
  offset: number;
  length: number;
  /** The directive keyword: if, else, endif, for, endfor (or '' when unknown). */
  keyword: string;
}

export interface TemplateMasking {
  /** `text` with directives blanked and quotes inside interpolations neutralised; same length. */
  text: string;
  directives: DirectiveSpan[];
  /** True when anything was changed. */
  changed: boolean;
}

/** An expression longer than this is not taken for one (keeps a stray `${` from swallowing the file). */
const MAX_EXPRESSION = 4096;
/** Unclosed `${`/`%{` scanned per file at most: a string of 100,000 `${` must not cost 100,000 scans. */
const MAX_FAILED_SCANS = 256;

/**
 * End (exclusive) of the `${…}` or `%{…}` that starts at `start`, or -1 when it does not close. Quotes inside are
 * HCL strings (which may nest `${…}` themselves); `multiline` false stops at a line break.
 */
export function templateExpressionEnd(text: string, start: number, multiline = false): number {
  let depth = 0;
  const limit = Math.min(text.length, start + MAX_EXPRESSION);
  let i = start + 1; // at the '{'
  while (i < limit) {
    const c = text[i];
    if (c === '\n' && !multiline) return -1;
    if (c === '"') {
      i = hclStringEnd(text, i, limit);
      if (i < 0) return -1;
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i + 1;
    i++;
  }
  return -1;
}

/** End (exclusive) of the HCL string opening at `start`, or -1 (HCL strings end on their line). */
function hclStringEnd(text: string, start: number, limit: number): number {
  let i = start + 1;
  while (i < limit) {
    const c = text[i];
    if (c === '\\') i += 2;
    else if (c === '\n') return -1;
    else if (c === '"') return i + 1;
    else if ((c === '$' || c === '%') && text[i + 1] === '{') {
      const end = templateExpressionEnd(text, i);
      if (end < 0) return -1;
      i = end;
    } else i++;
  }
  return -1;
}

const DIRECTIVE_WORD = /^%\{~?\s*([a-z]+)/;

/**
 * Blanks `%{…}` directives outside strings (the `else` branch of an `if` too, so keys are not seen twice), and
 * replaces `"` and `\\` inside `${…}`/`%{…}` within strings by `'`, so the JSON string does not end there.
 */
export function maskTemplateSyntax(text: string): TemplateMasking {
  if (!text.includes('%{') && !text.includes('${')) return { text, directives: [], changed: false };
  const out: Output = { text };
  const directives: DirectiveSpan[] = [];
  const elseFrom: Array<number | undefined> = []; // per open if: where its else branch starts
  const budget = { failures: 0 };
  let i = 0;
  for (;;) {
    // Jump to the next character that matters: a string, a comment or a directive.
    OUTSIDE_STOP.lastIndex = i;
    const m = OUTSIDE_STOP.exec(text);
    if (!m) break;
    i = m.index;
    const c = text[i];
    if (c === '"') {
      i = jsonStringEnd(text, i, out, budget);
      continue;
    }
    if (c === '/') {
      const end = commentEnd(text, i);
      if (end > i) {
        i = end;
        continue;
      }
    }
    if (c === '%' && text[i + 1] === '{' && budget.failures < MAX_FAILED_SCANS) {
      const end = templateExpressionEnd(text, i);
      if (end < 0) budget.failures++;
      else {
        const keyword = DIRECTIVE_WORD.exec(text.slice(i, Math.min(end, i + 40)))?.[1] ?? '';
        directives.push({ offset: i, length: end - i, keyword });
        if (keyword === 'if') elseFrom.push(undefined);
        else if (keyword === 'else' && elseFrom.length > 0) elseFrom[elseFrom.length - 1] = i;
        else if (keyword === 'endif' && elseFrom.length > 0) {
          const from = elseFrom.pop();
          if (from !== undefined) blank(out, from, i); // the alternative branch: lint one branch only
        }
        blank(out, i, end);
        i = end;
        continue;
      }
    }
    i++;
  }
  return { text: out.chars ? out.chars.join('') : text, directives, changed: !!out.chars };
}

const OUTSIDE_STOP = /["/%]/g;
const STRING_STOP = /[\\"\n$%]/g;

/** The masked text, as a character array made on the first change only. */
interface Output {
  text: string;
  chars?: string[];
}

function charsOf(out: Output): string[] {
  out.chars ??= out.text.split('');
  return out.chars;
}

/** End (exclusive) of the JSON string at `start`; quotes inside template expressions are neutralised in `out`. */
function jsonStringEnd(text: string, start: number, out: Output, budget: { failures: number }): number {
  let i = start + 1;
  for (;;) {
    STRING_STOP.lastIndex = i;
    const m = STRING_STOP.exec(text);
    if (!m) return text.length;
    i = m.index;
    const c = text[i];
    if (c === '\\') i += 2;
    else if (c === '\n') return i;
    else if (c === '"') return i + 1;
    else if (text[i + 1] === '{' && budget.failures < MAX_FAILED_SCANS) {
      const end = templateExpressionEnd(text, i);
      if (end < 0) {
        budget.failures++;
        i++;
        continue;
      }
      for (let k = i + 2; k < end - 1; k++) {
        // A backslash there escapes for HCL, not JSON (`\\"` would be a bad JSON escape once the quote is gone).
        if (text[k] === '"' || text[k] === '\\') charsOf(out)[k] = "'";
      }
      i = end;
    } else i++;
  }
}

function blank(out: Output, start: number, end: number): void {
  const chars = charsOf(out);
  for (let k = start; k < end; k++) if (chars[k] !== '\n' && chars[k] !== '\r') chars[k] = ' ';
}

/** Where a `//` or `/* … *\/` comment that starts at `i` ends (a line comment stops before its newline); `i` when none starts there. */
export function commentEnd(text: string, i: number): number {
  if (text[i] !== '/') return i;
  if (text[i + 1] === '/') {
    const nl = text.indexOf('\n', i);
    return nl < 0 ? text.length : nl;
  }
  if (text[i + 1] === '*') {
    const close = text.indexOf('*/', i + 2);
    return close < 0 ? text.length : close + 2;
  }
  return i;
}
