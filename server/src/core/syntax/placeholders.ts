/**
 * Template placeholders (RULES.md §1.4). CI templates must never get an error about a placeholder value,
 * so every check asks here first.
 */
import type { RE2JS } from 're2js';
import { templateExpressionEnd } from './template-syntax';
import { withThousands } from '../clip-value';

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

/**
 * User placeholder patterns (settings, `.ecs-taskdef.json`) compiled by RE2JS, a port of RE2: it matches in time
 * linear in the input whatever the pattern, so a pattern such as `(a+)+$` cannot hang the linter the way
 * JavaScript's backtracking RegExp would. The price is RE2's syntax: no lookaround and no backreferences.
 * A lint compiles its own (LintOptions.placeholderPatterns) and hands them on with the document it reads
 * (ParsedDocument.placeholders): no module state, so lints interleaved by the interruptible scheduler never
 * see each other's patterns. Code outside a lint (hover, the workspace index) passes NO_PLACEHOLDER_PATTERNS.
 */
export interface PlaceholderPatterns {
  readonly patterns: readonly RE2JS[];
}

export const NO_PLACEHOLDER_PATTERNS: PlaceholderPatterns = { patterns: [] };

/** Longer patterns are refused outright (a placeholder syntax is a few dozen characters). */
export const MAX_PATTERN_LENGTH = 1000;

/**
 * Why a user placeholder pattern cannot be used (it does not compile, or it needs what a linear-time engine lacks),
 * or undefined when it can. The CLI and the LSP report it; compilePlaceholderPatterns skips it.
 */
export function placeholderPatternProblem(source: string): string | undefined {
  const compiled = compileUserPattern(source);
  return typeof compiled === 'string' ? compiled : undefined;
}

/** The usable ones of `sources`, compiled (cached by source: this runs before every lint). */
export function compilePlaceholderPatterns(sources: readonly string[] | undefined): PlaceholderPatterns {
  if (!sources || sources.length === 0) return NO_PLACEHOLDER_PATTERNS;
  const patterns: RE2JS[] = [];
  for (const source of sources) {
    let re = compiled.get(source);
    if (re === undefined) {
      // A broken or unsupported user pattern must not break linting; the CLI/LSP layer reports it.
      const c = compileUserPattern(source);
      re = typeof c === 'string' ? null : c;
      if (compiled.size >= 256) compiled.clear();
      compiled.set(source, re);
    }
    if (re) patterns.push(re);
  }
  return { patterns };
}

const compiled = new Map<string, RE2JS | null>();

/**
 * RE2JS is loaded on first use (about 150 KB minified, mostly Unicode tables): most users configure no patterns,
 * and the first diagnostics of every window should not wait for it. The bundler keeps it in the bundle either way.
 */
let engine: typeof import('re2js').RE2JS | undefined;
function re2(): typeof import('re2js').RE2JS {
  return (engine ??= (require('re2js') as typeof import('re2js')).RE2JS);
}

function compileUserPattern(source: string): RE2JS | string {
  if (source.length > MAX_PATTERN_LENGTH) return `Unsupported regular expression in placeholderPatterns: '${source.slice(0, 40)}…' is longer than ${withThousands(MAX_PATTERN_LENGTH)} characters.`;
  try {
    new RegExp(source); // JavaScript's own syntax check names the mistake best
  } catch (e) {
    return `Invalid regular expression in placeholderPatterns: ${(e as Error).message}`;
  }
  const lacking = lackingFeature(source);
  const why = (reason: string) => `Unsupported regular expression in placeholderPatterns: '${source}': ${reason}; patterns run on RE2, a linear-time engine.`;
  if (lacking) return why(`${lacking} are not supported (rewrite it without them)`);
  try {
    // JavaScript spellings RE2 writes differently (`(?<name>`, `\u0041`, `\cJ`, `[^]`) are translated first.
    return re2().compile(re2().translateRegExp(source));
  } catch (e) {
    return why((e as Error).message.replace(/^error parsing regexp: /, ''));
  }
}

/**
 * What JavaScript has and RE2 lacks, found by a scan of the source (RE2JS's translation would silently turn
 * `\k<name>` into the letters `k<name>`): backreferences and lookaround, outside character classes.
 */
function lackingFeature(source: string): string | undefined {
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      const next = source[i + 1];
      if (!inClass && ((next >= '1' && next <= '9') || (next === 'k' && source[i + 2] === '<'))) return 'backreferences (\\1, \\k<name>)';
      i++;
    } else if (inClass) {
      if (c === ']') inClass = false;
    } else if (c === '[') {
      inClass = true;
    } else if (c === '(' && /^\(\?<?[=!]/.test(source.slice(i, i + 4))) {
      return 'lookahead and lookbehind ((?=…), (?!…), (?<=…), (?<!…))';
    }
  }
  return undefined;
}

/** Spans of explicit placeholder syntax inside `s`: the built-in syntaxes and the user's `patterns`. */
export function findPlaceholders(s: string, patterns: PlaceholderPatterns): Span[] {
  if (patterns.patterns.length === 0 && !/[${<#[]/.test(s)) return [];
  const spans: Span[] = [];
  EXPLICIT.lastIndex = 0;
  for (let m = EXPLICIT.exec(s); m; m = EXPLICIT.exec(s)) spans.push({ start: m.index, end: m.index + m[0].length });
  for (const re of patterns.patterns) {
    if (!re.test(s)) continue; // most strings hold none, and test() is several times cheaper than a matcher
    const m = re.matcher(s);
    while (m.find()) if (m.end() > m.start()) spans.push({ start: m.start(), end: m.end() });
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
export function isWholePlaceholder(s: string, patterns: PlaceholderPatterns, field: PlaceholderField = {}): boolean {
  const t = s.trim();
  if (t.length === 0) return false;
  const spans = findPlaceholders(t, patterns);
  if (spans.length > 0 && coversAll(t, spans)) return true;
  if (field.enumField || field.nameField) return false;
  return isBareWordPlaceholder(t);
}

/** True when the string contains a placeholder anywhere (explicit syntax, or a bare word as a whole). */
export function containsPlaceholder(s: string, patterns: PlaceholderPatterns): boolean {
  return findPlaceholders(s, patterns).length > 0 || isBareWordPlaceholder(s);
}

/**
 * True when one slot of a structured value (an ARN's account or region, an ECR host part) is a placeholder:
 * explicit syntax, a bare upper-case word, or a run of X.
 */
export function isPlaceholderSlot(segment: string, patterns: PlaceholderPatterns): boolean {
  if (segment.length === 0) return false;
  const spans = findPlaceholders(segment, patterns);
  if (spans.length > 0 && coversAll(segment, spans)) return true;
  return X_RUN.test(segment) || BARE_PREFIX.test(segment) || UPPER_WORD.test(segment);
}

/** Replaces every explicit placeholder in `s` by `replacement` (for structural checks of partial templates). */
export function replacePlaceholders(s: string, patterns: PlaceholderPatterns, replacement = 'x'): string {
  const spans = findPlaceholders(s, patterns);
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
