/**
 * jsonc-parser's getLocation, without scanning the document from its start: in a document without syntax
 * errors the scan covers only the innermost object or array around the cursor (found in the cached tree), whose
 * path is known, and in an object only the property at the cursor. The result is the same (test/editor/completion-location.test.ts); a 1 MB document no longer
 * costs a full scan per completion request.
 */
import { getLocation, type JSONPath, type Location, type Node } from 'jsonc-parser';
import type { ParsedDocument } from '../syntax/parse';
import { pathOf } from '../syntax/tree';

export function locationAt(parsed: ParsedDocument, offset: number): Location {
  const root = parsed.root;
  const container = root && parsed.syntaxErrors.length === 0 && parsed.templateTokens.length === 0 ? innermostContainer(root, offset) : undefined;
  if (!container) return getLocation(parsed.analysisText, offset);
  const { text, shift } = scanWindow(parsed.analysisText, container, offset);
  const local = getLocation(text, offset - shift);
  const path = [...pathOf(container), ...local.path];
  const prev = local.previousNode;
  const previousNode = prev ? ({ ...prev, offset: prev.offset + shift, ...(prev.colonOffset !== undefined ? { colonOffset: prev.colonOffset + shift } : {}) } as Node) : undefined;
  return { path, previousNode, isAtPropertyKey: local.isAtPropertyKey, matches: (pattern: JSONPath) => matches(path, pattern) };
}

/**
 * The text to scan and its offset in the document. In an object, only the property the cursor is in or after
 * matters: `{` plus that property up to the next one reads exactly as the object does from there (after `{` as
 * after `,`, a key is expected). Arrays are scanned whole, since their element index comes from the scan.
 */
function scanWindow(text: string, container: Node, offset: number): { text: string; shift: number } {
  const end = container.offset + container.length;
  const props = container.type === 'object' ? (container.children ?? []) : [];
  let i = props.length - 1;
  while (i >= 0 && props[i].offset > offset) i--;
  if (i < 0) return { text: text.slice(container.offset, end), shift: container.offset };
  const start = props[i].offset;
  return { text: `{${text.slice(start, i + 1 < props.length ? props[i + 1].offset : end)}`, shift: start - 1 };
}

/** The deepest object or array whose brackets enclose `offset` (after its opening, up to its closing bracket). */
function innermostContainer(root: Node, offset: number): Node | undefined {
  if (!encloses(root, offset)) return undefined;
  let node = root;
  for (;;) {
    let next: Node | undefined;
    for (const c of node.children ?? []) {
      const value = c.type === 'property' ? c.children?.[1] : c;
      if (value && (value.type === 'object' || value.type === 'array') && encloses(value, offset)) {
        next = value;
        break;
      }
      if (c.offset > offset) break;
    }
    if (!next) return node;
    node = next;
  }
}

function encloses(node: Node, offset: number): boolean {
  return (node.type === 'object' || node.type === 'array') && node.offset < offset && offset < node.offset + node.length;
}

/** Location.matches, as jsonc-parser defines it. */
function matches(segments: JSONPath, pattern: JSONPath): boolean {
  let k = 0;
  for (let i = 0; k < pattern.length && i < segments.length; i++) {
    if (pattern[k] === segments[i] || pattern[k] === '*') k++;
    else if (pattern[k] !== '**') return false;
  }
  return k === pattern.length;
}
