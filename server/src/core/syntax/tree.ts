/** Small helpers over jsonc-parser's Node tree (offset-carrying JSON AST). */
import type { Node } from 'jsonc-parser';

export type { Node };

/** A node a reader is still building (YAML, a template's or a Terraform file's conversion): Node's shape, writable. */
export interface MutableNode {
  type: Node['type'];
  offset: number;
  length: number;
  value?: unknown;
  children?: MutableNode[];
  parent?: MutableNode;
  colonOffset?: number;
}

/** The property node (`"key": value`) named `key` of an object node; the last one wins like in ECS. */
export function propNode(obj: Node | undefined, key: string): Node | undefined {
  if (!obj || obj.type !== 'object' || !obj.children) return undefined;
  for (let i = obj.children.length - 1; i >= 0; i--) {
    const p = obj.children[i];
    if (p.children?.[0]?.value === key) return p;
  }
  return undefined;
}

/** The value node of `obj[key]`. */
export function child(obj: Node | undefined, key: string): Node | undefined {
  return propNode(obj, key)?.children?.[1];
}

/** The key node of the property that holds `value` (or undefined for array elements and the root). */
export function keyOf(value: Node | undefined): Node | undefined {
  const parent = value?.parent;
  return parent?.type === 'property' ? parent.children?.[0] : undefined;
}

/** The key string of the property holding `value`. */
export function keyName(value: Node | undefined): string | undefined {
  const k = keyOf(value);
  return typeof k?.value === 'string' ? k.value : undefined;
}

/** Entries of an object node as [key, keyNode, valueNode]. */
export function entries(obj: Node | undefined): Array<[string, Node, Node | undefined]> {
  if (!obj || obj.type !== 'object' || !obj.children) return [];
  const out: Array<[string, Node, Node | undefined]> = [];
  for (const p of obj.children) {
    const k = p.children?.[0];
    if (k && typeof k.value === 'string') out.push([k.value, k, p.children?.[1]]);
  }
  return out;
}

/** Elements of an array node (empty for anything else). */
export function items(arr: Node | undefined): Node[] {
  return arr && arr.type === 'array' && arr.children ? arr.children : [];
}

export function str(node: Node | undefined): string | undefined {
  return node?.type === 'string' ? (node.value as string) : undefined;
}

export function num(node: Node | undefined): number | undefined {
  return node?.type === 'number' ? (node.value as number) : undefined;
}

export function bool(node: Node | undefined): boolean | undefined {
  return node?.type === 'boolean' ? (node.value as boolean) : undefined;
}

export function isObject(node: Node | undefined): node is Node {
  return node?.type === 'object';
}

/** True for null, "", [] and {} — "empty" values that deploy tools drop and ECS treats as absent. */
export function isEmptyValue(node: Node | undefined): boolean {
  if (!node) return true;
  if (node.type === 'null') return true;
  if (node.type === 'string') return node.value === '';
  if (node.type === 'array' || node.type === 'object') return (node.children?.length ?? 0) === 0;
  return false;
}

/** Where to point a diagnostic about a value: the value itself. */
export function rangeOf(node: Node): { offset: number; length: number } {
  return { offset: node.offset, length: node.length };
}

/**
 * Where to point a diagnostic about a missing property of `obj`: the key of the property that holds the
 * object, or its opening brace for the root / array elements.
 */
export function anchorOf(obj: Node): { offset: number; length: number } {
  const key = keyOf(obj);
  return key ? rangeOf(key) : { offset: obj.offset, length: 1 };
}

/** JSON-pointer-like path of a node, e.g. ['containerDefinitions', 0, 'image']. */
export function pathOf(node: Node): Array<string | number> {
  const path: Array<string | number> = [];
  let n: Node | undefined = node;
  while (n?.parent) {
    const p: Node = n.parent;
    if (p.type === 'property') {
      const k = p.children?.[0]?.value;
      if (typeof k === 'string') path.unshift(k);
      n = p.parent;
      continue;
    }
    if (p.type === 'array') path.unshift(p.children!.indexOf(n));
    n = p;
  }
  return path;
}
