/**
 * "Fix all": apply the preferred fix of every diagnostic, in rounds. Each round lints, takes the preferred fixes
 * whose edits do not touch each other, applies them and lints again, so fixes that depend on each other (or
 * that a removal shifts) are computed on fresh text. Used by `ecs-taskdef fix`, the `source.fixAll` code action
 * and the "Fix all <rule> problems" quick fix.
 */
import { applyTextEdits } from './edits';
import { lint, type LintOutput } from '../lint';
import type { Diagnostic, Fix, LintOptions, TextEdit } from '../types';

export const DEFAULT_MAX_FIX_ROUNDS = 10;

export interface FixAllOptions {
  /** Lint options (launch type, severity overrides, placeholders) used for every round. */
  lint?: LintOptions;
  /** Only fix diagnostics of these rule ids (all rules when absent or empty). */
  rules?: readonly string[];
  maxRounds?: number;
  /** A lint result for `text` that the caller already has (skips the first lint). */
  initial?: LintOutput;
}

export interface FixAllResult {
  text: string;
  /** Number of fixes applied over all rounds. */
  applied: number;
  rounds: number;
  /** Diagnostics of the final text. */
  remaining: Diagnostic[];
  /** True when the loop stopped because `maxRounds` was reached while fixes were still available. */
  exhausted: boolean;
}

/** The preferred fix of a diagnostic, if it has one with edits. */
export function preferredFix(d: Diagnostic): Fix | undefined {
  return d.fixes?.find((f) => f.preferred && f.edits.length > 0);
}

/** The preferred fixes of the diagnostics, keeping only fixes that touch nothing an earlier one touches. */
export function compatibleFixes(diagnostics: readonly Diagnostic[], rules?: readonly string[]): Fix[] {
  const only = rules && rules.length > 0 ? new Set(rules) : undefined;
  const taken: TextEdit[] = [];
  const out: Fix[] = [];
  const seen = new Set<string>();
  for (const d of diagnostics) {
    if (only && !only.has(d.code)) continue;
    const fix = preferredFix(d);
    if (!fix) continue;
    // Two diagnostics can carry the very same fix (e.g. both ends of one mistake): apply it once.
    const key = JSON.stringify(fix.edits);
    if (seen.has(key)) continue;
    if (fix.edits.some((e) => taken.some((t) => touches(e, t))) || selfOverlapping(fix.edits)) continue;
    seen.add(key);
    taken.push(...fix.edits);
    out.push(fix);
  }
  return out;
}

/** Edits touch when their ranges overlap or meet; meeting edits are left for the next round to stay safe. */
function touches(a: TextEdit, b: TextEdit): boolean {
  return a.offset <= b.offset + b.length && b.offset <= a.offset + a.length;
}

function selfOverlapping(edits: readonly TextEdit[]): boolean {
  const sorted = [...edits].sort((a, b) => a.offset - b.offset);
  for (let i = 1; i < sorted.length; i++) if (sorted[i].offset < sorted[i - 1].offset + sorted[i - 1].length) return true;
  return false;
}

export function fixAll(text: string, options: FixAllOptions = {}): FixAllResult {
  const maxRounds = options.maxRounds ?? DEFAULT_MAX_FIX_ROUNDS;
  let current = text;
  let output = options.initial && options.initial.parsed.text === text ? options.initial : lint(text, options.lint);
  let applied = 0;
  let rounds = 0;
  for (;;) {
    const fixes = compatibleFixes(output.diagnostics, options.rules);
    if (fixes.length === 0) return { text: current, applied, rounds, remaining: output.diagnostics, exhausted: false };
    if (rounds >= maxRounds) return { text: current, applied, rounds, remaining: output.diagnostics, exhausted: true };
    rounds++;
    let next = applyTextEdits(current, fixes.flatMap((f) => f.edits));
    let nextOutput = lint(next, options.lint);
    let count = fixes.length;
    // Fixes computed separately can still break the JSON together; then take only the first one this round.
    if (fixes.length > 1 && syntaxErrors(nextOutput) > syntaxErrors(output)) {
      next = applyTextEdits(current, fixes[0].edits);
      nextOutput = lint(next, options.lint);
      count = 1;
    }
    if (next === current) return { text: current, applied, rounds, remaining: output.diagnostics, exhausted: false };
    applied += count;
    current = next;
    output = nextOutput;
  }
}

function syntaxErrors(output: LintOutput): number {
  return output.parsed.syntaxErrors.length;
}
