/**
 * The values a Terraform module knows before it runs: `locals { x = … }` and the `default` of `variable "x" { … }`,
 * when they are literals (strings without interpolation, numbers, booleans, lists of those). A module is a folder:
 * these are gathered from all its .tf files, so `cpu = var.cpu` in task.tf reads the default in variables.tf.
 * Anything computed stays unknown (a placeholder). A variable's default may be overridden (tfvars, -var), so
 * findings on it are capped at warning by the linter.
 */
import { firstOf, literalString, named, type SyntaxNode } from '../syntax/hcl';

export type TfLiteral = string | number | boolean | TfLiteral[];

export interface TfValue {
  /** `var.cpu`, `local.network_mode`. */
  name: string;
  value: TfLiteral;
  /** The default's or local's value expression, in the file that declares it. */
  at: { offset: number; length: number };
  /** The declaring file as the host named it; undefined: the file being linted. */
  file?: string;
}

/** Reads `locals` blocks and variables' defaults of one file's top-level blocks into `out` (first declaration wins). */
export function readValues(blocks: readonly SyntaxNode[], out: Map<string, TfValue>, file?: string): void {
  for (const block of blocks) {
    const kind = firstOf(block, 'identifier')?.text;
    if (kind === 'locals') {
      for (const attr of named(firstOf(block, 'body'))) add(out, 'local', attr, file);
    } else if (kind === 'variable') {
      const label = literalString(named(block).find((c) => c.type === 'string_lit'));
      if (!label) continue;
      const def = named(firstOf(block, 'body')).find((c) => c.type === 'attribute' && firstOf(c, 'identifier')?.text === 'default');
      if (def) add(out, 'var', def, file, label);
    }
  }
}

function add(out: Map<string, TfValue>, prefix: 'local' | 'var', attr: SyntaxNode, file: string | undefined, label?: string): void {
  if (attr.type !== 'attribute') return;
  const key = label ?? firstOf(attr, 'identifier')?.text;
  const expr = firstOf(attr, 'expression');
  if (!key || !expr) return;
  const name = `${prefix}.${key}`;
  if (out.has(name)) return;
  const value = literal(expr);
  if (value !== undefined) out.set(name, { name, value, at: { offset: expr.startIndex, length: expr.endIndex - expr.startIndex }, file });
}

/** An expression's value when it is a literal (a list of literals included); undefined when computed or null. */
function literal(e: SyntaxNode, depth = 0): TfLiteral | undefined {
  if (depth > 4) return undefined;
  const kids = named(e);
  if (e.type === 'expression') return kids.length === 1 ? literal(kids[0], depth) : undefined;
  if (e.type === 'literal_value') {
    const lit = kids[0];
    if (lit?.type === 'numeric_lit') return Number.isFinite(Number(lit.text)) ? Number(lit.text) : undefined;
    if (lit?.type === 'bool_lit') return lit.text === 'true';
    if (lit?.type === 'string_lit') return literalString(lit);
    return undefined;
  }
  if (e.type === 'template_expr') return kids[0]?.type === 'quoted_template' ? literalString(kids[0]) : undefined;
  if (e.type === 'collection_value' && kids[0]?.type === 'tuple') {
    const items = named(kids[0]).filter((c) => c.type === 'expression').map((c) => literal(c, depth + 1));
    return items.every((v) => v !== undefined) ? (items as TfLiteral[]) : undefined;
  }
  return undefined;
}

/** `var.x` / `local.x` written alone (no index, attribute or interpolation around it): the name, else undefined. */
export function referenceName(text: string): string | undefined {
  const m = /^\s*((?:var|local)\.[A-Za-z_][A-Za-z0-9_-]*)\s*$/.exec(text);
  return m?.[1];
}
