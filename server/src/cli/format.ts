/** Output formats of `ecs-taskdef lint`: ESLint-like text and the JSON contract. */
import { LineIndex } from '../core/syntax/positions';
import { type Diagnostic, type LintResult, type Severity, SEVERITIES } from '../core/types';

export interface FileResult {
  file: string;
  text: string;
  result: LintResult;
}

export interface JsonDiagnostic {
  code: string;
  severity: Severity;
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  fixes: Array<{ title: string; preferred: boolean }>;
  /** Present (true) on a hint that is part of a mistake another diagnostic of the same rule reports. */
  unnecessary?: true;
}

export interface JsonFileResult {
  file: string;
  kind: string;
  launchType: string;
  diagnostics: JsonDiagnostic[];
}

export function toJson(results: readonly FileResult[]): JsonFileResult[] {
  return results.map(({ file, text, result }) => {
    const idx = new LineIndex(text);
    return {
      file,
      kind: result.kind,
      launchType: result.launchType,
      diagnostics: result.diagnostics.map((d) => jsonDiagnostic(d, idx)),
    };
  });
}

function jsonDiagnostic(d: Diagnostic, idx: LineIndex): JsonDiagnostic {
  return {
    code: d.code,
    severity: d.severity,
    message: d.message,
    range: { start: idx.positionAt(d.range.offset), end: idx.positionAt(d.range.offset + d.range.length) },
    fixes: (d.fixes ?? []).map((f) => ({ title: f.title, preferred: f.preferred === true })),
    ...(d.unnecessary ? { unnecessary: true as const } : {}),
  };
}

export function formatJson(results: readonly FileResult[]): string {
  return JSON.stringify(toJson(results), null, 2) + '\n';
}

const COLORS: Record<Severity, string> = { error: '\x1b[31m', warning: '\x1b[33m', information: '\x1b[36m', hint: '\x1b[2m' };

/** The summary's note on hints the default report left out (undefined when none were). */
export function hiddenHintsNote(hidden: number): string | undefined {
  if (hidden === 0) return undefined;
  return `${hidden} hint${hidden === 1 ? '' : 's'} not shown; --min-severity hint shows ${hidden === 1 ? 'it' : 'them'}`;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export interface TextOptions {
  color?: boolean;
  /** Hints the caller left out by default: the summary counts no hints and says how many were left out. */
  hiddenHints?: number;
  /** The least severity shown (--quiet, --min-severity): the summary counts only what could be shown. */
  minSeverity?: Severity;
}

/** `file:line:col  severity  message  rule-id` per diagnostic (1-based), then a summary line. */
export function formatText(results: readonly FileResult[], opts: TextOptions = {}): string {
  const { color = false, hiddenHints = 0, minSeverity = 'hint' } = opts;
  const lines: string[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const { file, text, result } of results) {
    const idx = new LineIndex(text);
    for (const d of result.diagnostics) {
      counts[d.severity]++;
      const p = idx.positionAt(d.range.offset);
      const sev = color ? `${COLORS[d.severity]}${d.severity}\x1b[0m` : d.severity;
      const rule = color ? `\x1b[2m${d.code}\x1b[0m` : d.code;
      lines.push(`${file}:${p.line + 1}:${p.character + 1}  ${sev}  ${d.message}  ${rule}`);
    }
  }
  const total = counts.error + counts.warning + counts.information + counts.hint;
  const files = plural(results.length, 'file');
  const words: Record<Severity, string> = {
    error: plural(counts.error, 'error'),
    warning: plural(counts.warning, 'warning'),
    information: `${counts.information} info`,
    hint: plural(counts.hint, 'hint'),
  };
  const shown = SEVERITIES.slice(0, SEVERITIES.indexOf(minSeverity) + 1).filter((sev) => sev !== 'hint' || hiddenHints === 0);
  const parts = shown.map((sev) => words[sev]);
  const note = hiddenHintsNote(hiddenHints);
  const summary =
    total === 0
      ? `✔ ${files} checked, no problems`
      : `${counts.error > 0 ? '✖' : '⚠'} ${plural(total, 'problem')} (${parts.join(', ')}) in ${files}`;
  lines.push(note ? `${summary} (${note})` : summary);
  return lines.join('\n') + '\n';
}
