/**
 * The properties every text must satisfy. Each check throws an AssertionError naming what broke; fast-check
 * then shrinks the input. Shared by the seeded run in `npm test` (fuzz.test.ts) and `npm run fuzz`.
 */
import assert from 'node:assert/strict';
import { createScanner, type Node, SyntaxKind } from 'jsonc-parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { applyTextEdits } from '../../server/src/core/fixes/edits';
import { fixAll } from '../../server/src/core/fixes/fix-all';
import { lint, ruleFailures, type LintOutput } from '../../server/src/core/lint';
import { ALL_RULES } from '../../server/src/core/rules';
import { parseDocument } from '../../server/src/core/syntax/parse';
import type { Diagnostic, Fix, LintOptions, OffsetRange } from '../../server/src/core/types';
import { toLspDiagnostic } from '../../server/src/lsp/convert';
import type { EditorEdit } from './arbitraries';

function noRuleFailures(text: string): void {
  if (ruleFailures.length === 0) return;
  const failures = ruleFailures.splice(0).map((f) => `${f.rule}: ${(f.error as Error)?.stack ?? String(f.error)}`);
  assert.fail(`rule threw on ${JSON.stringify(text.slice(0, 300))}:\n${failures.join('\n')}`);
}

/** lint() without exceptions and without any rule failing inside it. */
export function lintChecked(text: string, options?: LintOptions): LintOutput {
  const out = lint(text, options);
  noRuleFailures(text);
  return out;
}

function assertInside(range: OffsetRange, length: number, what: string): void {
  assert.ok(
    Number.isInteger(range.offset) && Number.isInteger(range.length) && range.offset >= 0 && range.length >= 0 && range.offset + range.length <= length,
    `${what}: range ${JSON.stringify(range)} outside a ${length}-character document`,
  );
}

/** Every range (diagnostic, related, fix edit) lies inside the text; a fix's edits do not overlap. */
export function assertRanges(text: string, diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) {
    assertInside(d.range, text.length, d.code);
    for (const r of d.related ?? []) assertInside(r.range, text.length, `${d.code} related`);
    for (const f of d.fixes ?? []) {
      const edits = [...f.edits].sort((a, b) => a.offset - b.offset);
      edits.forEach((e) => assertInside(e, text.length, `${d.code} fix '${f.title}'`));
      for (let i = 1; i < edits.length; i++) {
        assert.ok(edits[i].offset >= edits[i - 1].offset + edits[i - 1].length, `${d.code} fix '${f.title}': overlapping edits`);
      }
    }
  }
}

let previous = '{}';

/** Never throws, ranges inside, and the same text gives the same diagnostics (also after linting another text). */
export function checkCore(text: string): LintOutput {
  const first = lintChecked(text);
  assertRanges(text, first.diagnostics);
  lintChecked(previous);
  previous = text;
  const again = lintChecked(text);
  assert.deepEqual(JSON.stringify(again.diagnostics), JSON.stringify(first.diagnostics), 'same text, different diagnostics');
  return first;
}

export interface Comment {
  offset: number;
  length: number;
  text: string;
}

export function commentsOf(text: string): Comment[] {
  const scanner = createScanner(text, false);
  const out: Comment[] = [];
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind === SyntaxKind.LineCommentTrivia || kind === SyntaxKind.BlockCommentTrivia) {
      out.push({ offset: scanner.getTokenOffset(), length: scanner.getTokenLength(), text: text.substr(scanner.getTokenOffset(), scanner.getTokenLength()) });
    }
  }
  return out;
}

/**
 * A comment may go with a fix only when it sits inside a property or value that the fix removed or replaced:
 * a node that overlaps an edit without merely hosting it, and whose text is gone from the result. (Fixes
 * built by chaining steps come as one minimal edit, which can start or end inside the removed node.)
 */
export function mayDrop(comment: Comment, fix: Fix, root: Node | undefined, text: string, after: string): boolean {
  const end = comment.offset + comment.length;
  const overlapsWithoutHosting = (n: Node): boolean =>
    fix.edits.some((e) => {
      const eEnd = e.offset + e.length;
      const overlaps = n.offset < eEnd && e.offset < n.offset + n.length;
      const hosts = n.offset <= e.offset && eEnd <= n.offset + n.length && (n.offset < e.offset || eEnd < n.offset + n.length);
      return overlaps && !hosts;
    });
  const visit = (n: Node): boolean => {
    if (!(n.offset <= comment.offset && end <= n.offset + n.length)) return false;
    if (overlapsWithoutHosting(n) && !after.includes(text.slice(n.offset, n.offset + n.length))) return true;
    return (n.children ?? []).some(visit);
  };
  return !!root && visit(root);
}

function errorCounts(diagnostics: readonly Diagnostic[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const d of diagnostics) if (d.severity === 'error' && d.code !== 'not-linted') m.set(d.code, (m.get(d.code) ?? 0) + 1);
  return m;
}

/**
 * One fix of one diagnostic: the result parses (no syntax error where there was none, never more), keeps every
 * comment that is not inside a replaced value, and has no more errors of any other rule than before (for the
 * same launch type and document kind).
 */
export function checkFix(text: string, before: LintOutput, d: Diagnostic, fix: Fix): void {
  const after = applyTextEdits(text, fix.edits);
  const where = `${d.code} fix '${fix.title}' on ${JSON.stringify(text.length > 2000 ? text.slice(0, 2000) + '…' : text)}\n→ ${JSON.stringify(after.length > 2000 ? after.slice(0, 2000) + '…' : after)}`;
  const parsedBefore = before.parsed;
  const parsedAfter = parseDocument(after);
  if (parsedBefore.syntaxErrors.length === 0) {
    assert.deepEqual(parsedAfter.syntaxErrors.map((e) => e.message), [], `fix broke the JSON: ${where}`);
  } else {
    assert.ok(parsedAfter.syntaxErrors.length <= parsedBefore.syntaxErrors.length, `fix added syntax errors: ${where}`);
  }
  if (parsedBefore.root) assert.ok(parsedAfter.root, `fix left no JSON value: ${where}`);
  const afterComments = new Map<string, number>();
  for (const c of commentsOf(after)) afterComments.set(c.text, (afterComments.get(c.text) ?? 0) + 1);
  for (const c of commentsOf(text)) {
    if (mayDrop(c, fix, parsedBefore.root, text, after)) continue;
    const left = afterComments.get(c.text) ?? 0;
    assert.ok(left > 0, `fix lost the comment ${JSON.stringify(c.text)}: ${where}`);
    afterComments.set(c.text, left - 1);
  }
  const out = lintChecked(after);
  assertRanges(after, out.diagnostics);
  // A fix that declares the launch type, changes the document kind or the network mode changes which rules
  // apply: the errors that appear were there all along for that target, so only fixes within one target count.
  if (out.launchType !== before.launchType || out.kind !== before.kind || out.doc.networkMode !== before.doc.networkMode) return;
  // Errors another rule hid by precedence (same spot) are not new when the fix removes that rule's finding:
  // the baseline runs without the fixed rule, and the generic schema codes (the only ones precedence hides)
  // are counted with every specific rule off.
  const baseline = errorCounts(lintChecked(text, { rules: { [d.code]: 'off' } }).diagnostics);
  const genericBaseline = errorCounts(lintChecked(text, { rules: SPECIFIC_OFF }).diagnostics);
  const shapeFix = SHAPE_CODES.has(d.code);
  const written = shapeFix ? writtenRanges(fix) : [];
  for (const [code, n] of errorCounts(out.diagnostics)) {
    if (code === d.code || code === 'json-syntax') continue;
    const generic = GENERIC_CODES.has(code);
    const messages = () => JSON.stringify(out.diagnostics.filter((x) => x.code === code).map((x) => x.message));
    if (shapeFix) {
      // A value that becomes readable is judged on its own merits; only what the fix wrote must be valid.
      const onWritten = out.diagnostics.filter((x) => x.code === code && x.severity === 'error' && written.some((w) => w.offset <= x.range.offset && x.range.offset + x.range.length <= w.offset + w.length));
      // A number's range is the user's (converting "2000000" to 2000000 keeps it), and what an object misses
      // is reported on its key, which a rename writes: neither is about the written text itself.
      const aboutWritten = generic && code !== 'value-out-of-range' && code !== 'missing-required';
      assert.ok(!aboutWritten || onWritten.length === 0, `fix wrote a value with a ${code} error: ${where}\n${messages()}`);
      continue;
    }
    // Only a fix that deletes a key can make one missing; else a new missing-required was hidden before (an
    // object of only empty values is reported as such, not key by key).
    if (code === 'missing-required' && !removesKeys(text, after)) continue;
    const was = Math.max(baseline.get(code) ?? 0, generic ? (genericBaseline.get(code) ?? 0) : 0);
    assert.ok(n <= was, `fix created a new ${code} error (${was} → ${n}): ${where}\n${messages()}`);
  }
}

/** True when some object key path of `before` is gone from `after` (array positions included). */
function removesKeys(before: string, after: string): boolean {
  const paths = (text: string): Set<string> => {
    const out = new Set<string>();
    const visit = (n: Node | undefined, at: string): void => {
      if (!n) return;
      if (n.type === 'object') for (const p of n.children ?? []) {
        const key = `${at}/${String(p.children?.[0]?.value)}`;
        out.add(key);
        visit(p.children?.[1], key);
      }
      if (n.type === 'array') (n.children ?? []).forEach((c, i) => visit(c, `${at}/${i}`));
    };
    visit(parseDocument(text).root, '');
    return out;
  };
  const kept = paths(after);
  for (const p of paths(before)) if (!kept.has(p)) return true;
  return false;
}

/** The schema codes; precedence can hide only these, under a more specific rule at the same spot. */
const GENERIC_CODES = new Set(['misplaced-property', 'unknown-property', 'wrong-type', 'invalid-enum-value', 'missing-required', 'value-out-of-range', 'invalid-format', 'null-value']);
const SPECIFIC_OFF = Object.fromEntries(ALL_RULES.filter((r) => !GENERIC_CODES.has(r.id)).map((r) => [r.id, 'off' as const]));

/**
 * Fixes that repair the shape or spelling of a value (its type, its key, a null, a duplicate, an enum value)
 * make it readable by the rules that depend on it for the first time; what they then find was wrong before.
 */
const SHAPE_CODES = new Set(['wrong-type', 'unknown-property', 'misplaced-property', 'null-value', 'duplicate-key', 'invalid-enum-value']);

/** The ranges of the text a fix wrote, in the fixed document. */
function writtenRanges(fix: Fix): OffsetRange[] {
  let shift = 0;
  return [...fix.edits]
    .sort((a, b) => a.offset - b.offset)
    .map((e) => {
      const r = { offset: e.offset + shift, length: e.content.length };
      shift += e.content.length - e.length;
      return r;
    });
}

/** The fixes to try for a text: every fix when there are few, else the ones `choose` picks. */
export function fixesOf(output: LintOutput, max: number, choose: (n: number) => number): Array<[Diagnostic, Fix]> {
  const all: Array<[Diagnostic, Fix]> = [];
  for (const d of output.diagnostics) for (const f of d.fixes ?? []) if (f.edits.length > 0) all.push([d, f]);
  if (all.length <= max) return all;
  return Array.from({ length: max }, () => all[choose(all.length)]);
}

/** Fix-all twice equals once (when the first run was not cut short by its round limit), and never throws. */
export function checkFixAllIdempotent(text: string): void {
  const once = fixAll(text);
  noRuleFailures(text);
  assertRanges(once.text, once.remaining);
  if (once.exhausted) return;
  const twice = fixAll(once.text);
  noRuleFailures(once.text);
  assert.equal(twice.text, once.text, `fix-all is not idempotent on ${JSON.stringify(text)}\nonce: ${JSON.stringify(once.text)}`);
}

/**
 * Edits applied as incremental LSP changes to a TextDocument give the same text as plain string edits, and
 * after each one the diagnostics (through the LSP conversion) lie inside the document.
 */
export function checkIncremental(text: string, edits: readonly EditorEdit[]): void {
  let doc = TextDocument.create('file:///fuzz/task-def.json', 'json', 1, text);
  let reference = text;
  const apply = (start: number, end: number, insert: string) => {
    doc = TextDocument.update(doc, [{ range: { start: doc.positionAt(start), end: doc.positionAt(end) }, text: insert }], doc.version + 1);
    reference = reference.slice(0, start) + insert + reference.slice(end);
  };
  // An LSP position cannot point between '\r' and '\n'; editors never send one, so neither do we.
  const onBoundary = (o: number) => (reference[o - 1] === '\r' && reference[o] === '\n' ? o - 1 : o);
  for (const e of edits) {
    const start = onBoundary(Math.floor(e.at * reference.length));
    const end = onBoundary(Math.min(reference.length, start + e.remove));
    if (e.typed && e.insert.length > 1) {
      apply(start, end, '');
      // One keystroke per character; Enter types "\r\n" as one.
      let at = start;
      for (const key of e.insert.match(/\r\n|[\s\S]/gu) ?? []) {
        apply(onBoundary(at), onBoundary(at), key);
        at += key.length;
      }
    } else apply(start, end, e.insert);
    assert.equal(doc.getText(), reference, 'incremental update diverged from the plain edit');
    const out = lintChecked(doc.getText());
    assertRanges(reference, out.diagnostics);
    const lines = doc.lineCount;
    out.diagnostics.forEach((d, i) => {
      const lsp = toLspDiagnostic(doc, d, i);
      for (const p of [lsp.range.start, lsp.range.end]) assert.ok(p.line >= 0 && p.line < lines && p.character >= 0, `${d.code}: position ${JSON.stringify(p)} outside ${lines} lines`);
    });
  }
}
