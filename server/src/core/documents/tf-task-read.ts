/**
 * An aws_ecs_task_definition block mapped onto the task model: snake_case arguments and nested blocks →
 * RegisterTaskDefinition members (tf-names.ts), Terraform's conversions (`host_path`, name/value maps), and
 * `container_definitions` from `jsonencode([...])` object literals (keys are API names there), from a heredoc or
 * string of JSON (the JSON reader at its offset), or recorded as a link when it is `file(...)`/`templatefile(...)`.
 */
import type { Node } from 'jsonc-parser';
import { findDuplicateKeys } from '../syntax/parse';
import { firstOf, literalString, named, type SyntaxNode, unescapeHcl } from '../syntax/hcl';
import { TASK_FIELDS, TF_TASK_DEFINITION, type TfField } from './tf-names';
import type { TfValue } from './tf-values';
import type { MutableNode as MNode } from '../syntax/tree';
import type { TfBlockSpot, TfSubject } from './tf-module';
import { Builder, headerOf, heredocBody, objectKey, unwrap } from './tf-builder';

export function readTask(text: string, block: SyntaxNode, name: string, scope: ReadonlyMap<string, TfValue>): TfSubject {
  const b = new Builder(text, scope);
  const body = firstOf(block, 'body');
  const task: MNode = { type: 'object', offset: block.startIndex, length: block.endIndex - block.startIndex, children: [] };
  readBody(b, body, TASK_FIELDS, task);
  const root = task as Node;
  return {
    address: `${TF_TASK_DEFINITION}.${name}`,
    name,
    header: headerOf(text, block),
    block: { offset: block.startIndex, length: block.endIndex - block.startIndex },
    body: blockSpot(text, block, TASK_FIELDS),
    blocks: b.blocks,
    root,
    placeholderOffsets: b.placeholderOffsets,
    duplicateKeys: findDuplicateKeys(root),
    keyOffsets: b.keyOffsets,
    scalars: b.scalars,
    jsonSpans: b.jsonSpans,
    jsonSyntaxErrors: b.jsonSyntaxErrors,
    link: b.link,
    resolved: b.resolved,
    sourceText: text,
  };
}

export function blockSpot(text: string, block: SyntaxNode, fields: Record<string, TfField>): TfBlockSpot {
  const start = firstOf(block, 'block_start');
  const items = named(firstOf(block, 'body'));
  const first = items[0];
  const lineIndent = (at: number) => {
    const ls = text.lastIndexOf('\n', at - 1) + 1;
    return /^[ \t]*/.exec(text.slice(ls, at))![0];
  };
  const indent = first && text.lastIndexOf('\n', first.startIndex - 1) >= block.startIndex ? lineIndent(first.startIndex) : `${lineIndent(block.startIndex)}  `;
  return { offset: block.startIndex, length: block.endIndex - block.startIndex, fields, indent, lastArgumentEnd: items[items.length - 1]?.endIndex, bodyOffset: start?.endIndex ?? block.startIndex };
}

/** Arguments and nested blocks of a body, mapped by `fields`, into `obj`. */
export function readBody(b: Builder, body: SyntaxNode | undefined, fields: Record<string, TfField>, obj: MNode): void {
  const lists = new Map<string, MNode>();
  for (const item of named(body)) {
    const id = firstOf(item, 'identifier');
    if (!id) continue;
    if (item.type === 'attribute') {
      const f = fields[id.text];
      const expr = firstOf(item, 'expression');
      if (!f || !expr) continue;
      const p: MNode = { type: 'property', offset: item.startIndex, length: item.endIndex - item.startIndex, colonOffset: item.children.find((c) => c?.type === '=')?.startIndex, parent: obj, children: [] };
      p.children!.push(b.key(f.api, id, p));
      const v = f.api === 'containerDefinitions' ? containers(b, expr, p) : argument(b, f, expr, p);
      if (!v) continue; // `= null`: not set
      p.children!.push(v);
      obj.children!.push(p);
    } else if (item.type === 'block') {
      const kind = id.text;
      if (kind === 'dynamic') {
        // dynamic "volume" { for_each = … }: the list holds blocks known only when Terraform runs.
        const label = literalString(named(item).find((c) => c.type === 'string_lit'));
        const f = label ? fields[label] : undefined;
        if (!f?.list) continue;
        const arr = listFor(b, lists, f, id, item, obj);
        arr.children!.push(b.placeholder(item, arr));
        continue;
      }
      const f = fields[kind];
      if (!f?.fields) continue;
      const inner: MNode = { type: 'object', offset: item.startIndex, length: item.endIndex - item.startIndex, children: [] };
      readBody(b, firstOf(item, 'body'), f.fields, inner);
      b.blocks.push(blockSpot(b.text, item, f.fields));
      if (f.list) {
        const arr = listFor(b, lists, f, id, item, obj);
        inner.parent = arr;
        arr.children!.push(inner);
        arr.length = item.endIndex - arr.offset;
        arr.parent!.length = item.endIndex - arr.parent!.offset;
      } else {
        const p: MNode = { type: 'property', offset: item.startIndex, length: item.endIndex - item.startIndex, parent: obj, children: [] };
        p.children!.push(b.key(f.api, id, p));
        inner.parent = p;
        p.children!.push(inner);
        obj.children!.push(p);
      }
    }
  }
}

function listFor(b: Builder, lists: Map<string, MNode>, f: TfField, id: SyntaxNode, item: SyntaxNode, obj: MNode): MNode {
  let arr = lists.get(f.api);
  if (!arr) {
    const p: MNode = { type: 'property', offset: item.startIndex, length: item.endIndex - item.startIndex, parent: obj, children: [] };
    p.children!.push(b.key(f.api, id, p));
    arr = { type: 'array', offset: item.startIndex, length: item.endIndex - item.startIndex, children: [], parent: p };
    p.children!.push(arr);
    obj.children!.push(p);
    lists.set(f.api, arr);
  }
  return arr;
}

/** A task-level argument's value, converted as Terraform converts it for the provider. */
function argument(b: Builder, f: TfField, expr: SyntaxNode, p: MNode): MNode | undefined {
  if (f.api === 'host') {
    const key = p.children![0];
    // volume.host_path = "/data" is the API's host.sourcePath.
    const host: MNode = { type: 'object', offset: expr.startIndex, length: expr.endIndex - expr.startIndex, children: [], parent: p };
    const hp: MNode = { type: 'property', offset: expr.startIndex, length: expr.endIndex - expr.startIndex, parent: host, children: [] };
    hp.children!.push({ type: 'string', value: 'sourcePath', offset: key.offset, length: key.length, parent: hp });
    const v = b.value(expr, hp, false);
    if (!v) return undefined;
    hp.children!.push(v);
    host.children!.push(hp);
    return host;
  }
  if (f.nameValueList) {
    const v = b.value(expr, p, false);
    if (v?.type !== 'object') return v;
    const arr: MNode = { type: 'array', offset: v.offset, length: v.length, children: [], parent: p };
    for (const prop of v.children ?? []) {
      const [k, val] = prop.children ?? [];
      const o: MNode = { type: 'object', offset: prop.offset, length: prop.length, children: [], parent: arr };
      const np: MNode = { type: 'property', offset: k.offset, length: k.length, parent: o, children: [] };
      np.children!.push({ type: 'string', value: 'name', offset: k.offset, length: 0, parent: np }, { ...k, parent: np });
      o.children!.push(np);
      if (val) {
        const vp: MNode = { type: 'property', offset: val.offset, length: val.length, parent: o, children: [] };
        vp.children!.push({ type: 'string', value: 'value', offset: val.offset, length: 0, parent: vp }, { ...val, parent: vp });
        o.children!.push(vp);
      }
      arr.children!.push(o);
    }
    return arr;
  }
  const v = b.value(expr, p, false);
  if (!v || b.placeholderOffsets.has(v.offset)) return v;
  // A resolved reference is converted too, but not registered as a scalar a fix may replace.
  const keep = b.resolved.has(v.offset) ? (m: MNode) => m : (m: MNode) => b.scalar(m);
  if (f.string && (v.type === 'number' || v.type === 'boolean')) return keep({ ...v, type: 'string', value: String(v.value) });
  if (f.number && v.type === 'string' && /^-?\d+$/.test(String(v.value).trim())) return keep({ ...v, type: 'number', value: Number(v.value) });
  return v;
}

/** container_definitions: jsonencode([...]), a heredoc or string of JSON, file()/templatefile(), or opaque. */
function containers(b: Builder, expr: SyntaxNode, p: MNode): MNode | undefined {
  let inner = unwrap(expr);
  // "${file("x.json")}" (Terraform 0.11 style): the string is its one interpolation.
  const quoted = inner?.type === 'template_expr' ? named(inner)[0] : undefined;
  const parts = quoted?.type === 'quoted_template' ? named(quoted).filter((c) => c.type !== 'quoted_template_start' && c.type !== 'quoted_template_end') : [];
  if (parts.length === 1 && parts[0].type === 'template_interpolation') {
    const e = firstOf(parts[0], 'expression');
    if (e) inner = unwrap(e);
  }
  const opaque = (): MNode => {
    // Known only when Terraform runs: a list with one placeholder element, so rules know containers are missing.
    const arr: MNode = { type: 'array', offset: expr.startIndex, length: expr.endIndex - expr.startIndex, children: [], parent: p };
    arr.children!.push(b.placeholder(expr, arr));
    return arr;
  };
  if (inner?.type === 'function_call') {
    const fn = firstOf(inner, 'identifier')?.text;
    const args = named(firstOf(inner, 'function_arguments')).filter((c) => c.type === 'expression');
    if (fn === 'jsonencode' && args.length === 1) {
      const v = unwrap(args[0]);
      if (v?.type === 'collection_value') {
        b.jsonSpans.push({ offset: args[0].startIndex, length: args[0].endIndex - args[0].startIndex, kind: 'jsonencode' });
        return b.value(args[0], p, true);
      }
      return opaque();
    }
    if ((fn === 'file' || fn === 'templatefile') && args.length >= 1) {
      const vars = fn === 'templatefile' && args[1] ? objectKeys(args[1]) : [];
      b.link = { fn, ...linkPath(args[0]), call: { offset: inner.startIndex, length: inner.endIndex - inner.startIndex }, vars };
      return opaque();
    }
    return opaque();
  }
  if (inner?.type === 'template_expr') {
    const t = named(inner)[0];
    if (t?.type === 'heredoc_template') {
      const h = heredocBody(b.text, t);
      return b.jsonText(h.text, (i) => h.offset + i, p, { offset: h.offset, length: h.text.length }) ?? opaque();
    }
    if (t?.type === 'quoted_template') {
      // The string's characters decoded (`\"` → `"`), each mapped back to its place in the file.
      const startQ = t.startIndex + 1;
      const raw = b.text.slice(startQ, Math.max(startQ, t.endIndex - 1));
      const { decoded, at } = decodeWithMap(raw);
      return b.jsonText(decoded, (i) => startQ + (at[i] ?? raw.length), p, { offset: startQ, length: raw.length }) ?? opaque();
    }
  }
  return opaque();
}

function decodeWithMap(raw: string): { decoded: string; at: number[] } {
  let decoded = '';
  const at: number[] = [];
  for (let i = 0; i < raw.length; ) {
    const m = /^(\\(?:u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)|\$\$\{|%%\{)/.exec(raw.slice(i, i + 10));
    const piece = m ? m[1] : raw[i];
    const out = m ? unescapeHcl(piece) : piece;
    for (let k = 0; k < out.length; k++) at.push(i);
    decoded += out;
    i += piece.length;
  }
  at.push(raw.length);
  return { decoded, at };
}

/** `"containers.json"`, `"${path.module}/containers.json"`: the path relative to the module; undefined if computed. */
function linkPath(arg: SyntaxNode): { path?: string; fromModule: boolean } {
  const lit = literalString(arg);
  if (lit !== undefined) return { path: lit, fromModule: false };
  const inner = unwrap(arg);
  if (inner?.type !== 'template_expr') return { fromModule: false };
  const raw = inner.text.replace(/^"|"$/g, '');
  const m = /^\$\{path\.(module|root|cwd)\}\/(.*)$/.exec(raw);
  return m && !m[2].includes('${') ? { path: unescapeHcl(m[2]), fromModule: m[1] === 'module' } : { fromModule: false };
}

function objectKeys(arg: SyntaxNode): string[] {
  const inner = unwrap(arg);
  const o = inner?.type === 'collection_value' ? named(inner)[0] : undefined;
  if (o?.type !== 'object') return [];
  return named(o)
    .filter((c) => c.type === 'object_elem')
    .map((c) => (c.childForFieldName('key') ? objectKey(c.childForFieldName('key')!) : undefined))
    .filter((k): k is string => !!k);
}
