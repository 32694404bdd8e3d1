/**
 * Template placeholders (RULES.md §1.4). CI templates must never get an error about a placeholder value,
 * so every check asks here first.
 */
import { unsafeRegexReason } from './regex-safety';
import { templateExpressionEnd } from './template-syntax';

export interface Span {
  start: number;
  end: number;
}

// Explicit syntaxes, in the order they are tried. Each is matched anywhere inside a string.
const EXPLICIT_SOURCES = [
  String.raw`\$\$?\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}`, // ${NAME}, ${ expr }, $${…}
  String.raw`%\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}`, // %{ if x }, %{ endfor } Terraform template directives
  String.raw`\{\{[\s\S]*?\}\}`, // {{ … }} Go templates, Mustache, Jinja2
  String.raw`\{%[\s\S]*?%\}`, // {% … %} Jinja2 statements
  String.raw`#\{[^}]*\}`, // #{Var} Octopus
  String.raw`\${3,4}[A-Za-z_][A-Za-z0-9_]*\${3,4}`, // $$$NAME$$$
  String.raw`\$[A-Za-z_][A-Za-z0-9_]*`, // $NAME (never $(...), a Fluent Bit record accessor)
  String.raw`<[^<>"'\s][^<>"']*>`, // <IMAGE1_NAME>, <your account id>
  String.raw`\[[^\[\]"]*\s[^\[\]"]*\]`, // [account id]
];
const EXPLICIT = new RegExp(EXPLICIT_SOURCES.join('|'), 'g');

const BARE_WORDS = new Set(['IMAGE', 'REGION', 'FAMILY', 'ROLE', 'ACCOUNT', 'ENV', 'CONTAINERNAME', 'LOGGROUP']);
const BARE_PREFIX = /^(YOUR[_-]|CHANGEME|CHANGE_ME|REPLACE_ME|REPLACEME)/i;
const X_RUN = /^[Xx]{4,}$/;
const UPPER_WORD = /^[A-Z][A-Z0-9_]*$/;

let extraPatterns: RegExp[] = [];

/**
 * User patterns are only tried on strings up to this length. With patterns that pass the backtracking check
 * (regex-safety.ts) the cost of a search grows at most with the square of the length; this keeps it small.
 */
export const MAX_USER_PATTERN_INPUT = 4096;

/**
 * Why a user placeholder pattern cannot be used (it does not compile, or it could backtrack catastrophically),
 * or undefined when it can. The CLI and the LSP report it; setExtraPlaceholderPatterns skips it.
 */
export function placeholderPatternProblem(source: string): string | undefined {
  try {
    new RegExp(source, 'g');
  } catch (e) {
    return `Invalid regular expression in placeholderPatterns: ${(e as Error).message}`;
  }
  const unsafe = unsafeRegexReason(source);
  return unsafe && `Unsafe regular expression in placeholderPatterns: '${source}': ${unsafe}.`;
}

/** Adds user-configured placeholder patterns (regex sources). Invalid and unsafe patterns are ignored. */
export function setExtraPlaceholderPatterns(sources: readonly string[] | undefined): void {
  extraPatterns = [];
  for (const source of sources ?? []) {
    let re = checked.get(source);
    if (re === undefined) {
      // A broken or dangerous user pattern must not break or hang linting; the CLI/LSP layer reports it.
      re = placeholderPatternProblem(source) === undefined ? new RegExp(source, 'g') : null;
      if (checked.size >= 256) checked.clear();
      checked.set(source, re);
    }
    if (re) extraPatterns.push(re);
  }
}

/** Checked patterns by source (null: refused): this runs before every lint and every resumed slice of one. */
const checked = new Map<string, RegExp | null>();

/** True when user-configured placeholder patterns are in force (they may match strings without `${<#[`). */
export function hasExtraPlaceholderPatterns(): boolean {
  return extraPatterns.length > 0;
}

/** Spans of explicit placeholder syntax inside `s`. */
export function findPlaceholders(s: string): Span[] {
  if (!mayContainPlaceholder(s)) return [];
  const spans: Span[] = [];
  for (const re of s.length <= MAX_USER_PATTERN_INPUT ? [EXPLICIT, ...extraPatterns] : [EXPLICIT]) {
    re.lastIndex = 0;
    for (let m = re.exec(s); m; m = re.exec(s)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      spans.push({ start: m.index, end: m.index + m[0].length });
    }
  }
  if (s.includes('${')) addNestedInterpolations(s, spans);
  return spans.sort((a, b) => a.start - b.start);
}

/**
 * `${…}` nesting braces two or more deep (`${jsonencode({ a = { b = 1 } })}`), which the regex cannot match.
 * At most MAX_NESTED_TRIES unmatched `${` are scanned, so a string of a million `${` stays linear.
 */
function addNestedInterpolations(s: string, spans: Span[]): void {
  const covered = [...spans].sort((a, b) => a.start - b.start);
  const lastClose = s.lastIndexOf('}');
  let k = 0;
  let tries = 0;
  for (let at = s.indexOf('${'); at >= 0 && at < lastClose && tries < MAX_NESTED_TRIES; at = s.indexOf('${', at + 2)) {
    while (k < covered.length && covered[k].end <= at) k++;
    if (k < covered.length && covered[k].start <= at) continue;
    tries++;
    const end = templateExpressionEnd(s, at);
    if (end > 0) {
      spans.push({ start: at, end });
      at = end - 2;
    }
  }
}
const MAX_NESTED_TRIES = 64;

function mayContainPlaceholder(s: string): boolean {
  return /[${<#[]/.test(s) || (extraPatterns.length > 0 && s.length <= MAX_USER_PATTERN_INPUT);
}

/** A bare word that sed-style templates use as a placeholder (ACCOUNT_ID, REGION, CHANGEME_X, XXXX). */
export function isBareWordPlaceholder(s: string): boolean {
  const t = s.trim();
  if (X_RUN.test(t) || BARE_PREFIX.test(t)) return true;
  return UPPER_WORD.test(t) && (t.includes('_') || BARE_WORDS.has(t));
}

export interface PlaceholderField {
  /** The field has an enum in the schema: bare words there are values, right or wrong. */
  enumField?: boolean;
  /** The field is a name (container, volume, env var, secret): bare words there are names. */
  nameField?: boolean;
}

/** True when the whole string is a placeholder, so no value check applies to it. */
export function isWholePlaceholder(s: string, field: PlaceholderField = {}): boolean {
  const t = s.trim();
  if (t.length === 0) return false;
  const spans = findPlaceholders(t);
  if (spans.length > 0 && coversAll(t, spans)) return true;
  if (field.enumField || field.nameField) return false;
  return isBareWordPlaceholder(t);
}

/** True when the string contains a placeholder anywhere (explicit syntax, or a bare word as a whole). */
export function containsPlaceholder(s: string): boolean {
  return findPlaceholders(s).length > 0 || isBareWordPlaceholder(s);
}

/**
 * True when one slot of a structured value (an ARN's account or region, an ECR host part) is a placeholder:
 * explicit syntax, a bare upper-case word, or a run of X.
 */
export function isPlaceholderSlot(segment: string): boolean {
  if (segment.length === 0) return false;
  const spans = findPlaceholders(segment);
  if (spans.length > 0 && coversAll(segment, spans)) return true;
  return X_RUN.test(segment) || BARE_PREFIX.test(segment) || UPPER_WORD.test(segment);
}

/** Replaces every explicit placeholder in `s` by `replacement` (for structural checks of partial templates). */
export function replacePlaceholders(s: string, replacement = 'x'): string {
  const spans = findPlaceholders(s);
  if (spans.length === 0) return s;
  let out = '';
  let last = 0;
  for (const span of mergeSpans(spans)) {
    out += s.slice(last, span.start) + replacement;
    last = span.end;
  }
  return out + s.slice(last);
}

function coversAll(s: string, spans: Span[]): boolean {
  let pos = 0;
  for (const span of mergeSpans(spans)) {
    if (s.slice(pos, span.start).trim() !== '') return false;
    pos = Math.max(pos, span.end);
  }
  return s.slice(pos).trim() === '';
}

/** Joins the overlapping spans of a list sorted by start. */
export function mergeSpans(spans: Span[]): Span[] {
  const merged: Span[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.start < last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}
