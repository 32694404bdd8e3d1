/** Cursor-marker fixtures: write the cursor as `|` in the text (like vscode-json-languageservice tests). */
import { lint, type LintOutput } from '../../server/src/core/lint';
import type { LintOptions } from '../../server/src/core/types';

export function cursor(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf('|');
  if (offset < 0 || marked.indexOf('|', offset + 1) >= 0) throw new Error('write exactly one | as the cursor');
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), offset };
}

export function lintAtCursor(marked: string, options: LintOptions = {}): { text: string; offset: number; output: LintOutput } {
  const { text, offset } = cursor(marked);
  return { text, offset, output: lint(text, options) };
}

/** Every comment in a JSONC text (line and block comments), outside strings. */
export function commentsOf(text: string): string[] {
  const out: string[] = [];
  const re = /"(?:[^"\\\n]|\\.)*"|\/\/[^\r\n]*|\/\*[\s\S]*?\*\//g;
  for (const m of text.matchAll(re)) if (!m[0].startsWith('"')) out.push(m[0]);
  return out;
}
