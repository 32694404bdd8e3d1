/**
 * Turns a JSON task-definition fixture into a CloudFormation YAML template (block style, PascalCase keys from the
 * schema, the family as `!Ref Family` and the execution role as `!GetAtt ExecRole.Arn` unless a test marker sits on
 * their line), and maps every JSON offset of a key or value to the offset of the same key or value in the YAML.
 * Scalars are copied as their JSON source (valid YAML), so an offset inside a string maps too.
 */
import type { Node } from 'jsonc-parser';
import { parseDocument } from '../../server/src/core/syntax/parse';
import { cfnNameOf } from '../../server/src/core/documents/cfn-names';
import { apiName, childSpot, deref, isFreeMap, itemSpot, ROOT_SPOT, type SchemaSpot } from '../../server/src/core/documents/cfn-names';

export interface CfnYaml {
  text: string;
  /** YAML offset of the key or value that starts at `jsonOffset` (the task's root maps to the logical id). */
  map(jsonOffset: number): number | undefined;
  /** The task object in the JSON (inside a describe wrapper), or undefined for a container array. */
  logicalIdOffset: number;
}

const HEADER = `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Family:
    Type: String
Resources:
  ExecRole:
    Type: AWS::IAM::Role
  `;

/** undefined when the fixture has no object or array root to convert. */
export function fixtureToCfnYaml(json: string, markedLines: ReadonlySet<number> = new Set(), literalRoles = false): CfnYaml | undefined {
  const parsed = parseDocument(json);
  const root = parsed.root;
  if (!root) return undefined;
  const spans: Array<{ from: number; to: number; at: number }> = []; // scalars copied verbatim: JSON span → YAML start
  const lineOf = (offset: number) => json.slice(0, offset).split('\n').length - 1;
  const offsets = new Map<number, number>();
  let out = HEADER;
  const logicalIdOffset = out.length;
  out += 'TaskDef:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n';
  let task: Node | undefined = root;
  if (root.type === 'object') {
    const wrapper = prop(root, 'taskDefinition')?.children?.[1];
    if (wrapper?.type === 'object') task = wrapper;
  }
  offsets.set(root.offset, logicalIdOffset);
  offsets.set(task!.offset, logicalIdOffset);

  const source = (n: Node): string => json.slice(n.offset, n.offset + n.length);
  const write = (s: string) => (out += s);
  // An unquoted template token (`$APP_JSON`, `{{ x }}`) becomes a quoted YAML string; other scalars are copied.
  const scalar = (n: Node): string => {
    if (parsed.placeholderOffsets.has(n.offset)) return JSON.stringify(source(n));
    spans.push({ from: n.offset, to: n.offset + n.length, at: out.length });
    return source(n);
  };

  const writeValue = (n: Node, indent: number, spot: SchemaSpot, key: string | undefined, topLevel: boolean): void => {
    if (topLevel && key === 'family' && n.type === 'string' && !markedLines.has(lineOf(n.offset))) {
      write(' ');
      offsets.set(n.offset, out.length);
      write('!Ref Family\n');
      return;
    }
    if (topLevel && key === 'executionRoleArn' && literalRoles === false && /^arn:/.test(String(n.value)) && !markedLines.has(lineOf(n.offset))) {
      write(' ');
      offsets.set(n.offset, out.length);
      write('!GetAtt ExecRole.Arn\n');
      return;
    }
    if (n.type === 'object' && n.children?.length) {
      write('\n');
      writeEntries(n, indent + 2, spot, undefined);
      return;
    }
    if (n.type === 'array' && n.children?.length) {
      const flat = n.children.every((c) => c.type !== 'object' && c.type !== 'array');
      const src = source(n);
      if (flat && !/[\n/]/.test(src) && n.children.every((c) => !parsed.placeholderOffsets.has(c.offset))) {
        write(' ');
        const at = out.length;
        spans.push({ from: n.offset, to: n.offset + n.length, at });
        for (const c of n.children) offsets.set(c.offset, at + c.offset - n.offset);
        offsets.set(n.offset, at);
        write(`${src}\n`);
        return;
      }
      write('\n');
      offsets.set(n.offset, out.length + indent + 2);
      const inner = itemSpot(spot);
      for (const el of n.children) {
        write(`${' '.repeat(indent + 2)}- `);
        if (el.type === 'object' && el.children?.length) writeEntries(el, indent + 4, inner, '');
        else if (el.type === 'object' || el.type === 'array') {
          offsets.set(el.offset, out.length);
          write(`${el.type === 'object' ? '{}' : '[]'}\n`);
        } else {
          offsets.set(el.offset, out.length);
          write(`${scalar(el)}\n`);
        }
      }
      return;
    }
    write(' ');
    offsets.set(n.offset, out.length);
    write(n.type === 'object' ? '{}\n' : n.type === 'array' ? '[]\n' : `${scalar(n)}\n`);
  };

  const writeEntries = (obj: Node, indent: number, spot: SchemaSpot, firstPrefix: string | undefined): void => {
    const free = isFreeMap(spot);
    let first = true;
    for (const p of obj.children ?? []) {
      const [k, v] = p.children ?? [];
      if (!k) continue;
      write(first && firstPrefix !== undefined ? firstPrefix : ' '.repeat(indent));
      if (first && obj !== task) offsets.set(obj.offset, out.length);
      first = false;
      const apiKey = String(k.value);
      const known = !free && spot.schema?.properties?.[apiKey] !== undefined;
      const cfnKey = known ? (apiName(spot, cfnNameOf(apiKey) ?? apiKey) === apiKey ? cfnNameOf(apiKey)! : apiKey) : apiKey;
      offsets.set(k.offset, out.length);
      offsets.set(p.offset, out.length);
      write(/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(cfnKey) ? cfnKey : scalar(k));
      write(':');
      if (v) writeValue(v, indent, free ? deref({ schema: spot.schema?.additionalProperties as SchemaSpot['schema'] }) : childSpot(spot, apiKey), apiKey, spot === ROOT_SPOT);
      else write(' null\n');
    }
  };

  if (task!.type === 'array') {
    const key = out.length + 6;
    write('      ContainerDefinitions:');
    writeValue(task!, 6, childSpot(ROOT_SPOT, 'containerDefinitions'), 'containerDefinitions', false);
    offsets.set(task!.offset, key); // a container array's own reports land on ContainerDefinitions
  } else if (task!.type === 'object') {
    if (task!.children?.length) writeEntries(task!, 6, ROOT_SPOT, undefined);
    else write('      {}\n');
  } else return undefined;
  const map = (o: number): number | undefined => {
    const exact = offsets.get(o);
    if (exact !== undefined) return exact;
    const inside = spans.find((sp) => o > sp.from && o < sp.to);
    return inside && inside.at + (o - inside.from);
  };
  return { text: out, map, logicalIdOffset };
}

function prop(obj: Node, key: string): Node | undefined {
  return obj.children?.find((p) => p.children?.[0]?.value === key);
}
