/**
 * HCL (Terraform) through tree-sitter-hcl in web-tree-sitter: a maintained grammar that recovers from errors, gives
 * UTF-16 offsets for JavaScript strings, and runs in Node and in a web worker from two wasm files (the runtime
 * and the grammar). Loading them is asynchronous and I/O, so the host does it once (`initHcl` with the bytes it
 * read) before the first `.tf` lint; parsing after that is synchronous like the rest of the core.
 */
import type { Parser, Node as SyntaxNode, Tree } from 'web-tree-sitter';

export type { SyntaxNode };

export interface HclWasm {
  /** web-tree-sitter's `tree-sitter.wasm`. */
  runtime: Uint8Array;
  /** tree-sitter-hcl's `tree-sitter-hcl.wasm`. */
  grammar: Uint8Array;
}

let parser: Parser | undefined;
let loading: Promise<void> | undefined;

/** Loads the runtime and the grammar once; later calls return the first call's promise. */
export function initHcl(load: () => Promise<HclWasm> | HclWasm): Promise<void> {
  loading ??= (async () => {
    const wasm = await load();
    // web-tree-sitter's module code (its Emscripten glue) runs only here, when the first .tf file needs it, not at
    // every start (docs/performance.md, round two c).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { Language, Parser } = require('web-tree-sitter') as typeof import('web-tree-sitter');
    // Emscripten's module options: the bytes given here mean it never looks for the file itself.
    await Parser.init({ wasmBinary: wasm.runtime } as unknown as Parameters<typeof Parser.init>[0]);
    const language = await Language.load(wasm.grammar);
    const p = new Parser();
    p.setLanguage(language);
    parser = p;
  })();
  loading.catch(() => (loading = undefined)); // a failed load may be tried again
  return loading;
}

export function hclReady(): boolean {
  return parser !== undefined;
}

/** Files above this size are not parsed as HCL (a Terraform file with a task definition is a few KB). */
export const MAX_HCL_SIZE = 2 * 1024 * 1024;

/**
 * Parses `text`; the caller must `tree.delete()` when done (the tree lives in wasm memory). Undefined when the
 * parser is not loaded yet.
 */
export function parseHcl(text: string): Tree | undefined {
  if (!parser) return undefined;
  parser.reset();
  return parser.parse(text) ?? undefined;
}

/** Named children of a node (comments left out). */
export function named(n: SyntaxNode | null | undefined): SyntaxNode[] {
  if (!n) return [];
  const out: SyntaxNode[] = [];
  for (const c of n.namedChildren) if (c && c.type !== 'comment') out.push(c);
  return out;
}

/** The first named child of a type. */
export function firstOf(n: SyntaxNode | null | undefined, type: string): SyntaxNode | undefined {
  return named(n).find((c) => c.type === type);
}

/** A `string_lit` label or literal string without interpolation: its text; else undefined. */
export function literalString(n: SyntaxNode | null | undefined): string | undefined {
  if (!n) return undefined;
  if (n.type === 'expression' || n.type === 'literal_value') return named(n).length === 1 ? literalString(named(n)[0]) : undefined;
  if (n.type === 'template_expr') return literalString(named(n)[0]);
  if (n.type !== 'string_lit' && n.type !== 'quoted_template') return undefined;
  let s = '';
  for (const c of named(n)) {
    if (c.type === 'quoted_template_start' || c.type === 'quoted_template_end') continue;
    if (c.type === 'template_literal') s += unescapeHcl(c.text);
    else return undefined; // an interpolation or a directive
  }
  return s;
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\' };

/** A quoted string's literal text as the value it stands for: `\"`, `\n`, `\uXXXX`, `$${` and `%%{` decoded. */
export function unescapeHcl(text: string): string {
  if (!/[\\$%]/.test(text)) return text;
  return text.replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)|\$\$\{|%%\{/g, (m, e: string | undefined) => {
    if (m === '$${') return '${';
    if (m === '%%{') return '%{';
    if (e && e.length > 1) return String.fromCodePoint(parseInt(e.slice(1), 16));
    return e !== undefined && e in ESCAPES ? ESCAPES[e] : m;
  });
}

/** The first syntax error of a tree (an ERROR node or a missing token), for one diagnostic. */
export function firstSyntaxError(root: SyntaxNode): { offset: number; length: number; missing?: string } | undefined {
  if (!root.hasError) return undefined;
  const stack: SyntaxNode[] = [root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.isError) return { offset: n.startIndex, length: Math.max(1, Math.min(n.endIndex, n.startIndex + 80) - n.startIndex) };
    if (n.isMissing) return { offset: n.startIndex, length: 0, missing: n.type };
    if (!n.hasError) continue;
    const kids = n.children.filter((c): c is SyntaxNode => !!c);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  return { offset: root.startIndex, length: 1 };
}
