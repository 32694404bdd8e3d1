/** GitHub Actions workflow commands: one `::error`/`::warning`/`::notice` annotation per problem. */
import { relative, resolve, sep } from 'node:path';
import { LineIndex } from '../core/syntax/positions';
import type { Severity } from '../core/types';
import { type FileResult, hiddenHintsNote } from './format';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

/** Message text: %, CR and LF are escaped (GitHub's toolkit does the same). */
function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values also escape ':' and ','. */
function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** `hiddenHints`: hints the caller left out; a plain log line (not an annotation) then says how many. */
export function formatGithub(results: readonly FileResult[], cwd: string, hiddenHints = 0): string {
  const lines: string[] = [];
  for (const { file, text, result } of results) {
    const idx = new LineIndex(text);
    const rel = relative(resolve(cwd), resolve(cwd, file));
    const path = (rel && !rel.startsWith('..') ? rel : resolve(cwd, file)).split(sep).join('/');
    for (const d of result.diagnostics) {
      const s = idx.positionAt(d.range.offset);
      const e = idx.positionAt(d.range.offset + d.range.length);
      const props = [
        `file=${escapeProperty(path)}`,
        `line=${s.line + 1}`,
        `col=${s.character + 1}`,
        `endLine=${e.line + 1}`,
        `endColumn=${e.character + 1}`,
        `title=${escapeProperty(`ecs-taskdef(${d.code})`)}`,
      ];
      lines.push(`::${COMMAND[d.severity]} ${props.join(',')}::${escapeData(d.message)}`);
    }
  }
  const note = hiddenHintsNote(hiddenHints);
  if (note) lines.push(`ecs-taskdef: ${note}`);
  return lines.length ? lines.join('\n') + '\n' : '';
}
