/**
 * Lays out a rule's example for its docs page. Examples are written as one-liners in rule files; a long
 * one-liner is re-indented from the jsonc-parser tree (never JSON.parse: that would drop duplicate keys and
 * rewrite number notation). Text with comments or syntax errors is kept exactly as written.
 */
import { type Node, parseTree, type ParseError, createScanner, SyntaxKind } from 'jsonc-parser';

const WIDTH = 100;

export function formatExample(text: string): string {
  const trimmed = text.trim();
  if (trimmed.includes('\n') || trimmed.length <= WIDTH || hasComments(trimmed)) return trimmed;
  const errors: ParseError[] = [];
  const root = parseTree(trimmed, errors, { allowTrailingComma: false, disallowComments: true });
  if (!root || errors.length) return trimmed;
  return layout(trimmed, root, 0);
}

function hasComments(text: string): boolean {
  const scanner = createScanner(text, false);
  for (let k = scanner.scan(); k !== SyntaxKind.EOF; k = scanner.scan()) {
    if (k === SyntaxKind.LineCommentTrivia || k === SyntaxKind.BlockCommentTrivia) return true;
  }
  return false;
}

/** One line when it fits between `column` and the width, otherwise one member per line at `indent` + 2. */
function layout(text: string, node: Node, indent: number, column = indent): string {
  const flat = inline(text, node);
  if (column + flat.length <= WIDTH || (node.type !== 'object' && node.type !== 'array')) return flat;
  const inner = ' '.repeat(indent + 2);
  const parts = (node.children ?? []).map((c) => {
    if (node.type !== 'object') return layout(text, c, indent + 2);
    const key = raw(text, c.children![0]);
    return `${key}: ${layout(text, c.children![1], indent + 2, indent + 2 + key.length + 2)}`;
  });
  const [open, close] = node.type === 'object' ? ['{', '}'] : ['[', ']'];
  return `${open}\n${parts.map((p) => inner + p).join(',\n')}\n${' '.repeat(indent)}${close}`;
}

function inline(text: string, node: Node): string {
  if (node.type === 'object') {
    const parts = (node.children ?? []).map((p) => `${raw(text, p.children![0])}: ${inline(text, p.children![1])}`);
    return parts.length ? `{ ${parts.join(', ')} }` : '{}';
  }
  if (node.type === 'array') {
    const parts = (node.children ?? []).map((c) => inline(text, c));
    return parts.length ? `[${parts.join(', ')}]` : '[]';
  }
  return raw(text, node);
}

function raw(text: string, node: Node): string {
  return text.slice(node.offset, node.offset + node.length);
}
