/**
 * Turns a JSON task-definition fixture into a Terraform file: task-level members become arguments and nested
 * blocks (Terraform's names from core/documents/tf-names.ts), the containers go verbatim into
 * `container_definitions = jsonencode(...)` (JSON, comments included, is valid HCL object syntax), and every JSON
 * offset of a copied key or value maps to its offset in the .tf text.
 */
import type { Node } from 'jsonc-parser';
import { parseDocument } from '../../server/src/core/syntax/parse';
import { TASK_FIELDS, type TfField } from '../../server/src/core/documents/tf-names';

export interface TfText {
  text: string;
  map(jsonOffset: number): number | undefined;
}

/** undefined when the fixture has no object or array root. */
export function fixtureToTerraform(json: string): TfText | undefined {
  const parsed = parseDocument(json);
  const root = parsed.root;
  if (!root || (root.type !== 'object' && root.type !== 'array')) return undefined;
  const spans: Array<{ from: number; to: number; at: number }> = [];
  const points = new Map<number, number>();
  let out = 'resource "aws_ecs_task_definition" "this" {\n';
  const header = 0;
  let task: Node | undefined = root.type === 'object' ? root : undefined;
  const wrapper = task?.children?.find((p) => p.children?.[0]?.value === 'taskDefinition')?.children?.[1];
  if (wrapper?.type === 'object') {
    points.set(task!.offset, header);
    task = wrapper;
  }
  const lone = task && !task.children?.some((p) => p.children?.[0]?.value === 'containerDefinitions') && task.children?.some((p) => p.children?.[0]?.value === 'image');
  const copy = (n: Node): string => {
    spans.push({ from: n.offset, to: n.offset + n.length, at: out.length });
    return json.slice(n.offset, n.offset + n.length);
  };
  if (task && !lone) {
    points.set(task.offset, header);
    for (const p of task.children ?? []) {
      const [k, v] = p.children ?? [];
      if (!k || !v || k.value === 'containerDefinitions') continue;
      emit(String(k.value), k, v, TASK_FIELDS, '  ');
    }
    const containers = task.children?.find((p) => p.children?.[0]?.value === 'containerDefinitions');
    if (containers?.children?.[1]) {
      const [k, v] = containers.children;
      points.set(k.offset, out.length + 2);
      out += '  container_definitions = jsonencode(';
      out += copy(v);
      out += ')\n';
    }
  } else {
    out += '  container_definitions = jsonencode(';
    if (lone) out += '[';
    out += copy(root);
    if (lone) out += ']';
    out += ')\n';
  }
  out += '}\n';

  function emit(api: string, k: Node, v: Node, fields: Record<string, TfField>, indent: string): void {
    const entry = Object.entries(fields).find(([, f]) => f.api === api);
    if (api === 'host' && v.type === 'object') {
      const spProp = v.children?.find((p) => p.children?.[0]?.value === 'sourcePath');
      const sp = spProp?.children?.[1];
      if (!sp) return;
      points.set(k.offset, out.length + indent.length);
      points.set(spProp!.children![0].offset, out.length + indent.length);
      out += `${indent}host_path = `;
      out += copy(sp);
      out += '\n';
      return;
    }
    if (!entry) return;
    const [tf, f] = entry;
    if (f.fields && (v.type === 'object' || (f.list && v.type === 'array'))) {
      const objs = f.list ? (v.children ?? []) : [v];
      for (const o of objs) {
        if (o.type === 'string' && f.list) {
          // A templated element: Terraform writes it as a dynamic block.
          points.set(o.offset, out.length + indent.length);
          out += `${indent}dynamic "${tf}" {\n${indent}  for_each = var.extra\n${indent}  content {}\n${indent}}\n`;
          continue;
        }
        if (o.type !== 'object') continue;
        points.set(f.list ? o.offset : k.offset, out.length + indent.length);
        if (!f.list) points.set(v.offset, out.length + indent.length);
        else if (o === objs[0]) points.set(k.offset, out.length + indent.length);
        out += `${indent}${tf} {\n`;
        for (const p of o.children ?? []) {
          const [kk, vv] = p.children ?? [];
          if (kk && vv) emit(String(kk.value), kk, vv, f.fields, `${indent}  `);
        }
        out += `${indent}}\n`;
      }
      return;
    }
    if (f.nameValueList && v.type === 'array') {
      points.set(k.offset, out.length + indent.length);
      out += `${indent}${tf} = {\n`;
      for (const o of v.children ?? []) {
        const name = o.children?.find((p) => p.children?.[0]?.value === 'name')?.children?.[1];
        const value = o.children?.find((p) => p.children?.[0]?.value === 'value')?.children?.[1];
        if (!name || !value) continue;
        out += `${indent}  `;
        out += copy(name);
        out += ' = ';
        out += copy(value);
        out += '\n';
      }
      out += `${indent}}\n`;
      return;
    }
    if (f.fields || f.nameValueList) return;
    points.set(k.offset, out.length + indent.length);
    out += `${indent}${tf} = `;
    out += copy(v);
    out += '\n';
  }

  return {
    text: out,
    map(o) {
      const p = points.get(o);
      if (p !== undefined) return p;
      const s = spans.find((x) => o >= x.from && o < x.to);
      return s ? s.at + (o - s.from) : undefined;
    },
  };
}
