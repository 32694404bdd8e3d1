/**
 * `terraform show -json` output (a plan or a state): each managed aws_ecs_task_definition in `planned_values` (root
 * and child modules) becomes a subject in the API's names, so CI lints what Terraform will register, with modules
 * and variables resolved. `container_definitions` is a JSON string there: its containers are decoded and every
 * node of them points at that string (the decoded text has no ranges of its own in the file). Values Terraform
 * knows only after apply (`after_unknown`) are placeholders.
 */
import type { Node } from 'jsonc-parser';
import { parseDocument, type ParsedDocument } from '../syntax/parse';
import { child, entries, items, str } from '../syntax/tree';
import { TASK_FIELDS, TF_TASK_DEFINITION, type TfField } from './tf-names';
import type { MutableNode as MNode } from '../syntax/tree';

const HEAD = 64 * 1024;

/** A plan or state in Terraform's JSON output format. */
export function looksLikeTerraformPlan(text: string): boolean {
  const head = text.slice(0, HEAD);
  return /^\s*\{/.test(head) && /"format_version"\s*:/.test(text.slice(0, 4096)) && /"(planned_values|resource_changes|values)"\s*:/.test(head);
}

export interface PlanSubject {
  /** `module.app.aws_ecs_task_definition.this`. */
  address: string;
  /** The resource's object in the plan file: where reports about the whole task go. */
  resource: { offset: number; length: number };
  root: Node;
  placeholderOffsets: Set<number>;
}

export interface TerraformPlan {
  parsed: ParsedDocument;
  subjects: PlanSubject[];
}

export function readPlan(text: string): TerraformPlan {
  const parsed = parseDocument(text);
  const subjects: PlanSubject[] = [];
  const root = parsed.root;
  if (!root || parsed.syntaxErrors.length > 0) return { parsed, subjects };
  const unknown = new Map<string, Node>();
  for (const rc of items(child(root, 'resource_changes'))) {
    const address = str(child(rc, 'address'));
    const au = child(child(rc, 'change'), 'after_unknown');
    if (address && au) unknown.set(address, au);
  }
  const modules: Node[] = [];
  const top = child(child(root, 'planned_values'), 'root_module') ?? child(child(root, 'values'), 'root_module');
  if (top) modules.push(top);
  while (modules.length > 0) {
    const m = modules.pop()!;
    for (const r of items(child(m, 'resources'))) {
      if (str(child(r, 'type')) !== TF_TASK_DEFINITION || str(child(r, 'mode')) === 'data') continue;
      const values = child(r, 'values');
      const address = str(child(r, 'address'));
      if (values?.type !== 'object' || !address) continue;
      subjects.push(toSubject(address, r, values, unknown.get(address)));
    }
    modules.push(...items(child(m, 'child_modules')));
  }
  subjects.sort((a, b) => a.resource.offset - b.resource.offset);
  return { parsed, subjects };
}

function toSubject(address: string, resource: Node, values: Node, afterUnknown: Node | undefined): PlanSubject {
  const placeholderOffsets = new Set<number>();
  const task: MNode = { type: 'object', offset: resource.offset, length: resource.length, children: [] };
  const at = (n: Node) => ({ offset: n.offset, length: n.length });
  const placeholder = (n: Node, parent: MNode): MNode => {
    placeholderOffsets.add(n.offset);
    return { type: 'string', value: '${known after apply}', ...at(n), parent };
  };
  const copy = (n: Node, parent: MNode | undefined): MNode => {
    const m: MNode = { type: n.type, value: n.value, ...at(n), parent };
    if (n.children) m.children = n.children.map((c) => copy(c, m));
    return m;
  };
  const convertBody = (obj: Node, fields: Record<string, TfField>, out: MNode, unknown: Node | undefined) => {
    for (const [key, keyNode, v] of entries(obj)) {
      const f = fields[key];
      if (!f || !v) continue;
      const isUnknown = child(unknown, key)?.value === true;
      if (v.type === 'null' && !isUnknown) continue;
      const p: MNode = { type: 'property', ...at(keyNode.parent!), parent: out, children: [] };
      p.children!.push({ type: 'string', value: f.api, ...at(keyNode), parent: p });
      if (isUnknown) p.children!.push(f.api === 'containerDefinitions' ? { type: 'array', ...at(v), parent: p, children: [] } : placeholder(v, p));
      else if (f.api === 'containerDefinitions') {
        const arr = containers(v, p);
        if (!arr) continue;
        p.children!.push(arr);
      } else if (f.api === 'host') {
        if (v.type !== 'string' || v.value === '') continue;
        const host: MNode = { type: 'object', ...at(v), parent: p, children: [] };
        const hp: MNode = { type: 'property', ...at(v), parent: host, children: [] };
        hp.children!.push({ type: 'string', value: 'sourcePath', ...at(keyNode), parent: hp }, copy(v, hp));
        host.children!.push(hp);
        p.children!.push(host);
      } else if (f.nameValueList && v.type === 'object') {
        const arr: MNode = { type: 'array', ...at(v), parent: p, children: [] };
        for (const [name, nk, val] of entries(v)) {
          const o: MNode = { type: 'object', ...at(nk.parent!), parent: arr, children: [] };
          for (const [k, vv] of [['name', { type: 'string', value: name, ...at(nk) }], ['value', val]] as const) {
            if (!vv) continue;
            const pp: MNode = { type: 'property', ...at(nk.parent!), parent: o, children: [] };
            pp.children!.push({ type: 'string', value: k, ...at(nk), parent: pp }, copy(vv as Node, pp));
            o.children!.push(pp);
          }
          arr.children!.push(o);
        }
        p.children!.push(arr);
      } else if (f.fields) {
        // Blocks are lists of objects in Terraform's JSON, even a block that appears once.
        const blocks = items(v).filter((b) => b.type === 'object');
        const u = items(child(unknown, key));
        if (blocks.length === 0) continue;
        if (f.list) {
          const arr: MNode = { type: 'array', ...at(v), parent: p, children: [] };
          blocks.forEach((b, i) => {
            const o: MNode = { type: 'object', ...at(b), parent: arr, children: [] };
            convertBody(b, f.fields!, o, u[i]);
            arr.children!.push(o);
          });
          p.children!.push(arr);
        } else {
          const o: MNode = { type: 'object', ...at(blocks[0]), parent: p, children: [] };
          convertBody(blocks[0], f.fields, o, u[0]);
          p.children!.push(o);
        }
      } else p.children!.push(copy(v, p));
      out.children!.push(p);
    }
    // Unknown arguments that the plan leaves out of `values` (roles of resources created in the same apply).
    for (const [key, , u] of entries(unknown)) {
      const f = fields[key];
      if (!f || u?.value !== true || child(obj, key) !== undefined) continue;
      const p: MNode = { type: 'property', ...at(obj), parent: out, children: [] };
      p.children!.push({ type: 'string', value: f.api, offset: obj.offset, length: 0, parent: p });
      p.children!.push(f.api === 'containerDefinitions' ? { type: 'array', offset: obj.offset, length: 0, parent: p, children: [placeholder(obj, p)] } : placeholder(obj, p));
      out.children!.push(p);
    }
  };
  convertBody(values, TASK_FIELDS, task, afterUnknown);
  return { address, resource: at(resource), root: task as Node, placeholderOffsets };
}

/** The decoded container_definitions string; each node spans the string in the plan file. */
function containers(v: Node, p: MNode): MNode | undefined {
  if (v.type !== 'string') return undefined;
  let decoded: unknown;
  try {
    decoded = JSON.parse(v.value as string);
  } catch {
    return undefined;
  }
  const build = (x: unknown, parent: MNode | undefined): MNode => {
    const base = { offset: v.offset, length: v.length, parent };
    if (Array.isArray(x)) {
      const m: MNode = { ...base, type: 'array', children: [] };
      m.children = x.map((e) => build(e, m));
      return m;
    }
    if (x !== null && typeof x === 'object') {
      const m: MNode = { ...base, type: 'object', children: [] };
      for (const [k, val] of Object.entries(x)) {
        const prop: MNode = { ...base, type: 'property', parent: m, children: [] };
        prop.children!.push({ ...base, type: 'string', value: k, parent: prop }, build(val, prop));
        m.children!.push(prop);
      }
      return m;
    }
    if (x === null) return { ...base, type: 'null', value: null };
    return { ...base, type: typeof x === 'number' ? 'number' : typeof x === 'boolean' ? 'boolean' : 'string', value: x };
  };
  return build(decoded, p);
}
