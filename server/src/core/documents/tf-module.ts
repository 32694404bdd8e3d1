/**
 * A Terraform file (.tf) and its task-definition subjects: each `resource "aws_ecs_task_definition"` block becomes
 * the API-named tree rules read (snake_case arguments and nested blocks → RegisterTaskDefinition members), every
 * node keeping the offsets of the HCL it came from. `container_definitions` is read from `jsonencode([...])`
 * object literals (keys are API names there), from a heredoc or string of JSON (the JSON reader at its offset),
 * or recorded as a link when it is `file(...)`/`templatefile(...)`. References, function calls, conditionals,
 * `for` expressions and interpolations are placeholders: known only when Terraform runs, never an error.
 */
import type { Node } from 'jsonc-parser';
import { findDuplicateKeys, parseDocument, type DuplicateKey, type SyntaxProblem } from '../syntax/parse';
import { firstOf, firstSyntaxError, literalString, named, parseHcl, type SyntaxNode, unescapeHcl } from '../syntax/hcl';
import { TASK_FIELDS, TF_SERVICE, TF_TASK_DEFINITION, type TfField } from './tf-names';
import { readValues, referenceName, type TfLiteral, type TfValue } from './tf-values';
import type { MutableNode as MNode } from '../syntax/tree';

export { TF_SERVICE, TF_TASK_DEFINITION };

/** A `file("…")` or `templatefile("…", {…})` that loads the container definitions. */
export interface TfLink {
  fn: 'file' | 'templatefile';
  /** The path as written, relative to the module directory (`${path.module}/` taken off); undefined when computed. */
  path?: string;
  /** The call, where a missing file or a cycle is reported. */
  call: { offset: number; length: number };
  /** templatefile's variable names (their values are not known here). */
  vars: string[];
}

/** A block body and what a fix needs to add an argument to it. */
export interface TfBlockSpot {
  offset: number;
  length: number;
  fields: Record<string, TfField>;
  /** Indentation of the block's arguments. */
  indent: string;
  /** End of the last argument or nested block; a new argument goes on a line after it. */
  lastArgumentEnd?: number;
  /** Just after the opening brace (for an empty block). */
  bodyOffset: number;
}

export interface TfSubject {
  /** `aws_ecs_task_definition.web`. */
  address: string;
  name: string;
  /** The block's header (`resource "aws_ecs_task_definition" "web"`): where reports about the whole task go. */
  header: { offset: number; length: number };
  /** The whole block. */
  block: { offset: number; length: number };
  /** The resource's body: where a new argument goes. */
  body: TfBlockSpot;
  /** Nested blocks (volume, efs_volume_configuration, …): where a new argument of theirs goes. */
  blocks: TfBlockSpot[];
  root: Node;
  placeholderOffsets: Set<number>;
  duplicateKeys: DuplicateKey[];
  /** Key nodes and scalar value nodes of the converted tree, by offset: what a fix may replace. */
  keyOffsets: Set<number>;
  scalars: Map<number, Node>;
  /** Spans holding JSON-like object literals (`jsonencode([...])`) or JSON text (heredoc): JSON edits may land there. */
  jsonSpans: Array<{ offset: number; length: number; kind: 'jsonencode' | 'json-text' }>;
  /** Syntax errors of a heredoc or string of JSON. */
  jsonSyntaxErrors: SyntaxProblem[];
  link?: TfLink;
  /** `var.x`/`local.x` references read as the module's literal value, by the reference's offset (no fix edits them). */
  resolved: Map<number, TfValue>;
  sourceText: string;
}

/** An aws_ecs_service block: what the service rules need from it (issue 15's model reads this). */
export interface TfService {
  address: string;
  name: string;
  header: { offset: number; length: number };
  /** `aws_ecs_task_definition.x` when task_definition references a resource of this file. */
  taskDefinitionRef?: string;
  root: Node;
  placeholderOffsets: Set<number>;
  /** `var.x`/`local.x` references read as the module's literal value, by offset. */
  resolved: Map<number, TfValue>;
  /** Literal scalar values by offset: what a fix may replace. */
  scalars: Map<number, Node>;
  /** Blocks written as `dynamic "name" { … }`: their content is known only when Terraform runs. */
  dynamicBlocks: Map<string, { offset: number; length: number }>;
  /**
   * `task_definition` written as something that is never a family, `family:revision` or ARN: container JSON
   * (`jsonencode(…)`, `file(…)`, a heredoc) or a task definition's `container_definitions` attribute.
   */
  taskDefinitionMisuse?: { offset: number; length: number; what: string };
}

export interface TfModule {
  syntaxError?: { offset: number; length: number; message: string };
  subjects: TfSubject[];
  services: TfService[];
  /** Every resource address of the file (`aws_iam_role.exec`): a reference to one of them counts as set. */
  resources: Set<string>;
  /** Locals and variables' defaults this file declares (literals only). */
  values: Map<string, TfValue>;
}

/** Undefined when the HCL parser is not loaded yet (the host loads it before the first .tf lint). */
export function readTerraform(text: string, moduleValues?: ReadonlyMap<string, TfValue>): TfModule | undefined {
  const tree = parseHcl(text);
  if (!tree) return undefined;
  try {
    const root = tree.rootNode;
    const out: TfModule = { subjects: [], services: [], resources: new Set(), values: new Map() };
    const err = firstSyntaxError(root);
    if (err) out.syntaxError = { ...err, message: syntaxMessage(text, err) };
    const blocks = topBlocks(root);
    readValues(blocks, out.values);
    // The module's other files declare the rest (a folder is one module); this file's own come first.
    const scope = new Map(out.values);
    for (const [k, v] of moduleValues ?? []) if (!scope.has(k)) scope.set(k, v);
    for (const block of blocks) {
      const labels = named(block).filter((c) => c.type === 'string_lit');
      if (firstOf(block, 'identifier')?.text !== 'resource' || labels.length !== 2) continue;
      const type = literalString(labels[0]);
      const name = literalString(labels[1]);
      if (!type || !name) continue;
      out.resources.add(`${type}.${name}`);
      // A broken block is not read: the syntax error is its one finding.
      if (block.hasError) continue;
      if (type === TF_TASK_DEFINITION) out.subjects.push(readTask(text, block, name, scope));
      else if (type === TF_SERVICE) out.services.push(readService(text, block, name, scope));
    }
    return out;
  } finally {
    tree.delete();
  }
}

function syntaxMessage(text: string, err: { offset: number; length: number; missing?: string }): string {
  if (err.missing) return `HCL syntax error: a '${err.missing}' is missing here; ecs-taskdef checks the task definitions once the file parses.`;
  const shown = text.slice(err.offset, err.offset + Math.min(err.length, 30)).replace(/\s+/g, ' ').trim();
  return `HCL syntax error at '${shown}'; ecs-taskdef checks the task definitions once the file parses.`;
}

function topBlocks(root: SyntaxNode): SyntaxNode[] {
  const body = firstOf(root, 'body');
  return named(body).filter((c) => c.type === 'block');
}

function headerOf(text: string, block: SyntaxNode): { offset: number; length: number } {
  const start = firstOf(block, 'block_start');
  let e = start ? start.startIndex : block.endIndex;
  while (e > block.startIndex && /\s/.test(text[e - 1] ?? '')) e--;
  return { offset: block.startIndex, length: e - block.startIndex };
}

class Builder {
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
function unwrap(e: SyntaxNode): SyntaxNode | undefined {
  let n = e;
  for (;;) {
    if (n.type !== 'expression') return n;
    const kids = named(n);
    if (kids.length !== 1) return undefined; // `var.x`, `a[0]`, `x.*.y`: a reference
    n = kids[0];
  }
}

function objectKey(k: SyntaxNode): string | undefined {
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

function readTask(text: string, block: SyntaxNode, name: string, scope: ReadonlyMap<string, TfValue>): TfSubject {
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
function readBody(b: Builder, body: SyntaxNode | undefined, fields: Record<string, TfField>, obj: MNode): void {
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
      b.link = { fn, path: linkPath(args[0]), call: { offset: inner.startIndex, length: inner.endIndex - inner.startIndex }, vars };
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
function linkPath(arg: SyntaxNode): string | undefined {
  const lit = literalString(arg);
  if (lit !== undefined) return lit;
  const inner = unwrap(arg);
  if (inner?.type !== 'template_expr') return undefined;
  const raw = inner.text.replace(/^"|"$/g, '');
  const m = /^\$\{path\.(?:module|root|cwd)\}\/(.*)$/.exec(raw);
  return m && !m[1].includes('${') ? unescapeHcl(m[1]) : undefined;
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

/**
 * aws_ecs_service's arguments the service rules read, in API names where the API has the same shape. Terraform
 * flattens a few: `network_configuration` is the API's `awsvpcConfiguration` (tf-services.ts nests it), the
 * deployment_* arguments sit on the resource (read as `deploymentMaximumPercent`, …), `iam_role` is `role`, and
 * `service_connect_configuration { service { … } }` repeats `service` for the API's `services`.
 */
const SERVICE_FIELDS: Record<string, TfField> = {
  task_definition: { api: 'taskDefinition' },
  launch_type: { api: 'launchType' },
  desired_count: { api: 'desiredCount', number: true },
  scheduling_strategy: { api: 'schedulingStrategy' },
  platform_version: { api: 'platformVersion' },
  iam_role: { api: 'role' },
  capacity_provider_strategy: { api: 'capacityProviderStrategy', list: true, fields: { capacity_provider: { api: 'capacityProvider' }, weight: { api: 'weight' }, base: { api: 'base' } } },
  network_configuration: {
    api: 'networkConfiguration',
    fields: { subnets: { api: 'subnets' }, security_groups: { api: 'securityGroups' }, assign_public_ip: { api: 'assignPublicIp' } },
  },
  load_balancer: {
    api: 'loadBalancers',
    list: true,
    fields: { target_group_arn: { api: 'targetGroupArn' }, elb_name: { api: 'loadBalancerName' }, container_name: { api: 'containerName' }, container_port: { api: 'containerPort', number: true } },
  },
  service_registries: {
    api: 'serviceRegistries',
    list: true,
    fields: { registry_arn: { api: 'registryArn' }, port: { api: 'port', number: true }, container_name: { api: 'containerName' }, container_port: { api: 'containerPort', number: true } },
  },
  service_connect_configuration: {
    api: 'serviceConnectConfiguration',
    fields: { enabled: { api: 'enabled' }, namespace: { api: 'namespace' }, service: { api: 'services', list: true, fields: { port_name: { api: 'portName' }, discovery_name: { api: 'discoveryName' } } } },
  },
  vpc_lattice_configurations: { api: 'vpcLatticeConfigurations', list: true, fields: { port_name: { api: 'portName' }, role_arn: { api: 'roleArn' }, target_group_arn: { api: 'targetGroupArn' } } },
  deployment_controller: { api: 'deploymentController', fields: { type: { api: 'type' } } },
  deployment_maximum_percent: { api: 'deploymentMaximumPercent', number: true },
  deployment_minimum_healthy_percent: { api: 'deploymentMinimumHealthyPercent', number: true },
  deployment_circuit_breaker: { api: 'deploymentCircuitBreaker', fields: { enable: { api: 'enable' }, rollback: { api: 'rollback' } } },
  alarms: { api: 'alarms', fields: { enable: { api: 'enable' }, rollback: { api: 'rollback' }, alarm_names: { api: 'alarmNames' } } },
};

function readService(text: string, block: SyntaxNode, name: string, scope: ReadonlyMap<string, TfValue>): TfService {
  const b = new Builder(text, scope);
  const svc: MNode = { type: 'object', offset: block.startIndex, length: block.endIndex - block.startIndex, children: [] };
  readBody(b, firstOf(block, 'body'), SERVICE_FIELDS, svc);
  const td = named(firstOf(block, 'body')).find((c) => c.type === 'attribute' && firstOf(c, 'identifier')?.text === 'task_definition');
  // `aws_ecs_task_definition.x.arn`, `.family`, `.arn_without_revision`, or `"${aws_ecs_task_definition.x.family}:${…revision}"`;
  // `aws_ecs_task_definition.x[each.key].arn` (count/for_each) links to the one block all instances share.
  const expr = td ? firstOf(td, 'expression') : undefined;
  const m = expr ? /^\s*(?:"\$\{\s*)?(aws_ecs_task_definition\.[A-Za-z0-9_-]+)(?:\[[^\]]*\])?\.(?:arn|arn_without_revision|family|id)\b/.exec(expr.text) : null;
  const dynamicBlocks = new Map<string, { offset: number; length: number }>();
  for (const item of named(firstOf(block, 'body'))) {
    if (item.type !== 'block' || firstOf(item, 'identifier')?.text !== 'dynamic') continue;
    const label = literalString(named(item).find((c) => c.type === 'string_lit'));
    if (label) dynamicBlocks.set(label, { offset: item.startIndex, length: item.endIndex - item.startIndex });
  }
  return { address: `${TF_SERVICE}.${name}`, name, header: headerOf(text, block), taskDefinitionRef: m?.[1], root: svc as Node, placeholderOffsets: b.placeholderOffsets, resolved: b.resolved, scalars: b.scalars, dynamicBlocks, taskDefinitionMisuse: expr ? misuse(expr) : undefined };
}

/** A task_definition expression that holds container JSON instead of naming a task definition. */
function misuse(expr: SyntaxNode): TfService['taskDefinitionMisuse'] {
  const t = expr.text.trim();
  const at = { offset: expr.startIndex, length: expr.endIndex - expr.startIndex };
  const call = /^(jsonencode|file|templatefile|yamlencode)\s*\(/.exec(t);
  if (call) return { ...at, what: `the result of ${call[1]}(…)` };
  if (/^<<-?[A-Z_]+/.test(t)) return { ...at, what: 'a heredoc' };
  const attr = /^(aws_ecs_task_definition\.[A-Za-z0-9_-]+)\.container_definitions$/.exec(t);
  if (attr) return { ...at, what: `${attr[1]}.container_definitions` };
  return undefined;
}
