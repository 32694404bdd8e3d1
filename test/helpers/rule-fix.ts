/** Helpers for rule unit tests: one rule's diagnostics, exact ranges, and applying a fix then re-linting. */
import assert from 'node:assert/strict';
import { applyTextEdits } from '../../server/src/core/fixes/edits';
import type { LintOptions } from '../../server/src/core/types';
import { lintShown, markers, type Shown } from './lint';

export function only(text: string, id: string, options: LintOptions = {}): Shown[] {
  return lintShown(text, options).filter((d) => d.code === id);
}

/** Asserts the rule reports exactly the ⟦marked⟧ ranges; returns its diagnostics. */
export function expectRanges(marked: string, id: string, options: LintOptions = {}): Shown[] {
  const { text, ranges } = markers(marked);
  const got = only(text, id, options);
  assert.deepEqual(
    got.map((d) => d.diagnostic.range),
    ranges,
    `ranges of ${id}: got ${JSON.stringify(got.map((d) => [d.text, d.message]))}`,
  );
  return got;
}

/**
 * Applies the fix whose title contains `title` (or the preferred one) of the `nth` diagnostic of `id`, checks
 * that this diagnostic is gone after re-linting and that no fix of the rule remains to apply at the same spot
 * (applying twice = once). Returns the fixed text.
 */
export function applyFix(text: string, id: string, title?: string, nth = 0, options: LintOptions = {}): string {
  const before = only(text, id, options);
  const d = before[nth];
  assert.ok(d, `no ${id} diagnostic #${nth}`);
  const fix = d.diagnostic.fixes?.find((f) => (title ? f.title.includes(title) : f.preferred));
  assert.ok(fix, `${id}: no fix ${title ?? '(preferred)'} among ${JSON.stringify(d.diagnostic.fixes?.map((f) => f.title))}`);
  const fixed = applyTextEdits(text, fix.edits);
  const after = only(fixed, id, options);
  assert.ok(after.length < before.length, `${id} still reported after '${fix.title}': ${JSON.stringify(after.map((a) => a.message))}\n${fixed}`);
  assert.ok(!after.some((a) => a.message === d.message && a.line === d.line), 'the same diagnostic remains');
  return fixed;
}
