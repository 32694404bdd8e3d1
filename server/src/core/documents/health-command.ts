/**
 * Shapes of `healthCheck.command` for health-check-command: which strings read as a shell line, and how to
 * repair a list whose first element is not a probe type Docker knows.
 */
import type { Node } from 'jsonc-parser';
import { findComma, replaceElementsEdits, replaceNodeEdit } from '../fixes/edits';
import type { Fix, TextEdit } from '../types';

const SHELL_OPS = /\|\||&&|[|>;$]/;
const CONSOLE_STYLE = /^\s*(CMD-SHELL|CMD)\s*(?:,\s*|\s+)(\S[\s\S]*)$/i;
const KEYWORDS: Record<string, string> = { CMD: 'CMD', 'CMD-SHELL': 'CMD-SHELL', CMDSHELL: 'CMD-SHELL', NONE: 'NONE' };

/** A string that only a shell understands: spaces or operators such as |, &&, >, $. */
export const looksShell = (s: string): boolean => /\s/.test(s.trim()) || SHELL_OPS.test(s);

/**
 * Merges consecutive elements of one array into `content`: the first is replaced, the others and the commas
 * before them are removed one by one, so comments between the elements stay where they are.
 */
export function mergeEdits(text: string, els: readonly Node[], content: string): TextEdit[] {
  const edits: TextEdit[] = [{ offset: els[0].offset, length: els[0].length, content }];
  for (let i = 1; i < els.length; i++) {
    const comma = findComma(text, els[i - 1].offset + els[i - 1].length, els[i].offset);
    if (comma >= 0) edits.push({ offset: comma, length: 1, content: '' });
    edits.push({ offset: els[i].offset, length: els[i].length, content: '' });
  }
  return edits;
}

/** Message and fixes for a command whose first element is neither CMD, CMD-SHELL nor NONE. */
export function repairFirstElement(text: string, els: readonly Node[], consequence: string): { message: string; fixes: Fix[] } {
  const first = els[0];
  const f = first.value as string;
  const strings = els.every((e) => e.type === 'string') ? els.map((e) => e.value as string) : undefined;
  const oneLine = CONSOLE_STYLE.exec(f);
  if (oneLine) {
    const kw = oneLine[1].toUpperCase() === 'CMD' && !looksShell(oneLine[2]) ? 'CMD' : 'CMD-SHELL';
    return {
      message: `"${cut(f)}" is the console's one-line form; split the keyword and the command into two elements. ${consequence}`,
      fixes: [
        {
          title: `Split into ["${kw}", "…"]`,
          preferred: true,
          edits: first.parent
            ? replaceElementsEdits(first.parent, [kw, oneLine[2].trim(), ...els.slice(1).map((e) => e.value)], () => [{ offset: first.offset, length: first.length, content: `${JSON.stringify(kw)}, ${JSON.stringify(oneLine[2].trim())}` }])
            : [],
        },
      ],
    };
  }
  const keyword = KEYWORDS[f.trim().toUpperCase().replace(/_/g, '-')];
  if (keyword) {
    return {
      message: `Write "${keyword}", not "${cut(f)}" (the type is case-sensitive). ${consequence}`,
      fixes: [{ title: `Use '${keyword}'`, preferred: true, edits: [replaceNodeEdit(first, keyword)] }],
    };
  }
  const message = `healthCheck.command must start with "CMD" or "CMD-SHELL", not '${cut(f)}'. ${consequence}`;
  if (!strings) return { message, fixes: [] };
  const shell = strings.some(looksShell);
  return {
    message,
    fixes: [
      { title: 'Prefix with CMD', preferred: !shell, edits: elementsOf(els, ['CMD', ...strings], () => [{ offset: first.offset, length: 0, content: '"CMD", ' }]) },
      { title: 'Convert to CMD-SHELL', preferred: shell, edits: elementsOf(els, ['CMD-SHELL', strings.join(' ')], () => mergeEdits(text, els, `"CMD-SHELL", ${JSON.stringify(strings.join(' '))}`)) },
    ],
  };
}

/** The command list `els` belong to, rewritten as `values` (element edits in JSON, see replaceElementsEdits). */
function elementsOf(els: readonly Node[], values: unknown[], elementEdits: () => TextEdit[]): TextEdit[] {
  const arr = els[0].parent;
  return arr?.type === 'array' && arr.children?.length === els.length ? replaceElementsEdits(arr, values, elementEdits) : elementEdits();
}

/** A value shown in a message, cut to 30 characters. */
function cut(s: string): string {
  return s.length > 30 ? `${s.slice(0, 29)}…` : s;
}
