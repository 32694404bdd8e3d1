/** Test helpers over the core: lint a text and look at diagnostics with line numbers and covered text. */
import { lint } from '../../server/src/core/lint';
import { LineIndex } from '../../server/src/core/syntax/positions';
import type { Diagnostic, LintOptions } from '../../server/src/core/types';

export interface Shown {
  code: string;
  severity: string;
  line: number;
  character: number;
  /** The exact text the diagnostic covers. */
  text: string;
  message: string;
  diagnostic: Diagnostic;
}

export function lintShown(text: string, options: LintOptions = {}): Shown[] {
  const idx = new LineIndex(text);
  return lint(text, options).diagnostics.map((d) => {
    const p = idx.positionAt(d.range.offset);
    return { code: d.code, severity: d.severity, line: p.line, character: p.character, text: text.slice(d.range.offset, d.range.offset + d.range.length), message: d.message, diagnostic: d };
  });
}

export function codesOf(text: string, options: LintOptions = {}): string[] {
  return lintShown(text, options).map((d) => d.code);
}

/**
 * Cursor-marker ranges: write the expected range as ⟦…⟧ inside the text. Returns the clean text and the
 * [start, end) offsets of each marked range, in order.
 */
export function markers(marked: string): { text: string; ranges: Array<{ offset: number; length: number }> } {
  const ranges: Array<{ offset: number; length: number }> = [];
  let text = '';
  let open = -1;
  for (const ch of marked) {
    if (ch === '⟦') open = text.length;
    else if (ch === '⟧') {
      ranges.push({ offset: open, length: text.length - open });
      open = -1;
    } else text += ch;
  }
  return { text, ranges };
}
