/**
 * HCL expressions as the JSON-like nodes rules read (literals, tuples, objects; anything else a placeholder), each
 * keeping its offsets in the .tf file; and the syntax-tree helpers the resource readers share.
 */
import type { Node } from 'jsonc-parser';
import { parseDocument, type SyntaxProblem } from '../syntax/parse';
import { firstOf, literalString, named, type SyntaxNode } from '../syntax/hcl';
import { referenceName, type TfLiteral, type TfValue } from './tf-values';
import type { MutableNode as MNode } from '../syntax/tree';
import type { TfBlockSpot, TfLink, TfSubject } from './tf-module';

/** A block's header (`resource "aws_ecs_task_definition" "web"`), without the brace. */
export function headerOf(text: string, block: SyntaxNode): { offset: number; length: number } {
  const start = firstOf(block, 'block_start');
  let e = start ? start.startIndex : block.endIndex;
  while (e > block.startIndex && /\s/.test(text[e - 1] ?? '')) e--;
  return { offset: block.startIndex, length: e - block.startIndex };
}

export class Builder {
  placeholderOffsets = new Set<number>();
  keyOffsets = new Set<number>();
  scalars = new Map<number, Node>();
  jsonSpans: TfSubject['jsonSpans'] = [];
  jsonSyntaxErrors: SyntaxProblem[] = [];
  blocks: TfBlockSpot[] = [];
  link?: TfLink;
  resolved = new Map<number, TfValue>();
  constructor(
    readonly text: string,
    readonly scope: ReadonlyMap<string, TfValue> = new Map(),
  ) {}

  /** `var.x`/`local.x` with a literal value in the module: that value at the reference, which no fix may edit. */
  reference(e: SyntaxNode, parent: MNode | undefined): MNode | undefined {
    const name = referenceName(e.text);
    const v = name ? this.scope.get(name) : undefined;
    if (!v) return undefined;
    this.resolved.set(e.startIndex, v);
    const at = { offset: e.startIndex, length: e.endIndex - e.startIndex };
    const build = (value: TfLiteral, up: MNode | undefined): MNode => {
      if (!Array.isArray(value)) return { ...at, type: typeof value as 'string' | 'number' | 'boolean', value, parent: up };
      const arr: MNode = { ...at, type: 'array', children: [], parent: up };
      arr.children = value.map((x) => build(x, arr));
      return arr;
    };
    return build(v.value, parent);
  }

  placeholder(n: SyntaxNode, parent: MNode | undefined): MNode {
    this.placeholderOffsets.add(n.startIndex);
    const shown = n.text.replace(/[{}]/g, '').replace(/\s+/g, ' ').slice(0, 60);
    return this.scalar({ type: 'string', value: `\${${shown}}`, offset: n.startIndex, length: n.endIndex - n.startIndex, parent });
  }

  scalar(m: MNode): MNode {
    this.scalars.set(m.offset, m as Node);
    return m;
  }

  key(name: string, at: SyntaxNode, parent: MNode): MNode {
    this.keyOffsets.add(at.startIndex);
    return { type: 'string', value: name, offset: at.startIndex, length: at.endIndex - at.startIndex, parent };
  }

  /** An HCL expression as a JSON value: literals, tuples and objects literally, anything else a placeholder. */
  value(e: SyntaxNode, parent: MNode | undefined, keepNull: boolean): MNode | undefined {
    const inner = unwrap(e);
    if (!inner) return this.reference(e, parent) ?? this.placeholder(e, parent);
    switch (inner.type) {
      case 'literal_value': {
        const lit = named(inner)[0];
        const base = { offset: inner.startIndex, length: inner.endIndex - inner.startIndex, parent };
        if (lit?.type === 'string_lit') return this.scalar({ ...base, type: 'string', value: literalString(lit) ?? '' });
        if (lit?.type === 'numeric_lit') {
          const v = Number(lit.text);
          return Number.isFinite(v) ? this.scalar({ ...base, type: 'number', value: v }) : this.placeholder(inner, parent);
        }
        if (lit?.type === 'bool_lit') return this.scalar({ ...base, type: 'boolean', value: lit.text === 'true' });
        if (lit?.type === 'null_lit') return keepNull ? this.scalar({ ...base, type: 'null', value: null }) : undefined;
        return this.placeholder(inner, parent);
      }
      case 'template_expr': {
        const t = named(inner)[0];
        const base = { offset: inner.startIndex, length: inner.endIndex - inner.startIndex, parent };
        if (t?.type === 'quoted_template') {
          const lit = literalString(t);
          // With interpolations the raw text keeps its `${…}`: rules treat such strings as partly templated.
          const raw = this.text.slice(t.startIndex + 1, Math.max(t.startIndex + 1, t.endIndex - 1));
          return this.scalar({ ...base, type: 'string', value: lit ?? raw });
        }
        if (t?.type === 'heredoc_template') return this.scalar({ ...base, type: 'string', value: heredocBody(this.text, t).text });
        return this.placeholder(inner, parent);
      }
      case 'collection_value': {
        const c = named(inner)[0];
        if (c?.type === 'tuple') {
          const arr: MNode = { type: 'array', offset: c.startIndex, length: c.endIndex - c.startIndex, children: [], parent };
          for (const el of named(c)) {
            if (el.type !== 'expression') continue;
            const v = this.value(el, arr, true);
            if (v) arr.children!.push(v);
          }
          return arr;
        }
        if (c?.type === 'object') return this.object(c, parent);
        return this.placeholder(inner, parent);
      }
      case 'operation': {
        // `-1`: a negative number (HCL has no negative literals); any other operation is computed.
        const u = named(inner)[0];
        const operand = u?.type === 'unary_operation' && u.text.startsWith('-') ? named(u)[0] : undefined;
        const lit = operand?.type === 'literal_value' ? named(operand)[0] : undefined;
        const v = lit?.type === 'numeric_lit' ? -Number(lit.text) : NaN;
        if (Number.isFinite(v)) return this.scalar({ type: 'number', value: v, offset: inner.startIndex, length: inner.endIndex - inner.startIndex, parent });
        return this.placeholder(inner, parent);
      }
      default:
        return this.placeholder(inner, parent);
    }
  }

  /** An object constructor: keys as identifiers or strings (`=` or `:`), kept as written (API names in jsonencode). */
  object(o: SyntaxNode, parent: MNode | undefined): MNode {
    const obj: MNode = { type: 'object', offset: o.startIndex, length: o.endIndex - o.startIndex, children: [], parent };
    for (const el of named(o)) {
      if (el.type !== 'object_elem') continue;
      const k = el.childForFieldName('key');
      const v = el.childForFieldName('val');
      const name = k ? objectKey(k) : undefined;
      if (!k || !v || name === undefined) continue; // a computed key: nothing to check by name
      const sep = el.children.find((c) => c && (c.type === '=' || c.type === ':'));
      const p: MNode = { type: 'property', offset: el.startIndex, length: el.endIndex - el.startIndex, colonOffset: sep?.startIndex, parent: obj, children: [] };
      p.children!.push(this.key(name, k, p));
      const val = this.value(v, p, true);
      if (val) p.children!.push(val);
      obj.children!.push(p);
    }
    return obj;
  }

  /** JSON text (a heredoc or a quoted string) read with the JSON reader, its nodes moved to the file's offsets. */
  jsonText(decoded: string, map: (i: number) => number, parent: MNode, span: { offset: number; length: number }): MNode | undefined {
    const parsed = parseDocument(decoded);
    this.jsonSpans.push({ ...span, kind: 'json-text' });
    for (const e of parsed.syntaxErrors) {
      const start = map(e.offset);
      this.jsonSyntaxErrors.push({ offset: start, length: Math.max(0, map(e.offset + e.length) - start), message: e.message });
    }
    if (!parsed.root || parsed.syntaxErrors.length > 0) return undefined;
    for (const o of parsed.placeholderOffsets) this.placeholderOffsets.add(map(o));
    const move = (n: Node, up: MNode | undefined, isKey: boolean): MNode => {
      const start = map(n.offset);
      const m: MNode = { type: n.type, offset: start, length: map(n.offset + n.length) - start, value: n.value, parent: up, colonOffset: n.colonOffset === undefined ? undefined : map(n.colonOffset) };
      if (n.children) m.children = n.children.map((c, i) => move(c, m, n.type === 'property' && i === 0));
      else if (isKey) this.keyOffsets.add(m.offset);
      else this.scalars.set(m.offset, m as Node);
      return m;
    };
    return move(parsed.root, parent, false);
  }
}

/** Unwraps `expression` and parentheses down to one construct; undefined for a reference chain or index. */
export function unwrap(e: SyntaxNode): SyntaxNode | undefined {
  let n = e;
  for (;;) {
    if (n.type !== 'expression') return n;
    const kids = named(n);
    if (kids.length !== 1) return undefined; // `var.x`, `a[0]`, `x.*.y`: a reference
    n = kids[0];
  }
}

export function objectKey(k: SyntaxNode): string | undefined {
  const inner = unwrap(k);
  if (inner?.type === 'variable_expr') return named(inner)[0]?.text;
  if (inner?.type === 'literal_value' || inner?.type === 'template_expr') return literalString(inner);
  return undefined;
}

/** A heredoc's body: its text (indentation of `<<-` kept; JSON does not mind) and where it starts. */
export function heredocBody(text: string, h: SyntaxNode): { text: string; offset: number } {
  const ids = named(h).filter((c) => c.type === 'heredoc_identifier');
  const open = ids[0];
  const close = ids[ids.length - 1];
  if (!open || !close || open === close) return { text: '', offset: h.endIndex };
  let start = open.endIndex;
  const nl = text.indexOf('\n', start);
  if (nl >= 0 && nl < close.startIndex) start = nl + 1;
  let end = close.startIndex;
  while (end > start && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  return { text: text.slice(start, end), offset: start };
}
