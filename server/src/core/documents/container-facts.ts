/**
 * Small read-only views over a classified task definition that several container, volume and hygiene rules
 * share: names, volumes, log configuration, health checks. Pure functions over the jsonc tree.
 */
import type { Node } from 'jsonc-parser';
import { bool, child, isObject, str } from '../syntax/tree';

/** The container's `name` string, if it has one. */
export function containerName(container: Node): string | undefined {
  return str(child(container, 'name'));
}

/** How messages refer to a container: its name, or its position when it has none. */
export function containerLabel(container: Node): string {
  const name = containerName(container);
  if (name) return name;
  return `container #${positionOf(container) + 1}`;
}

/** Element positions of long lists: rules label every unnamed container, and indexOf each time is n² for 100,000. */
const positions = new WeakMap<Node, Map<Node, number>>();
function positionOf(el: Node): number {
  const list = el.parent?.children;
  if (!list) return -1;
  if (list.length < 32) return list.indexOf(el);
  let index = positions.get(el.parent!);
  if (!index) {
    index = new Map(list.map((n, i) => [n, i]));
    positions.set(el.parent!, index);
  }
  return index.get(el) ?? -1;
}

/** `essential` defaults to true; only an explicit `false` turns it off. */
export function isEssential(container: Node): boolean {
  return bool(child(container, 'essential')) !== false;
}

/** True for an explicit `true` (not a string, not a placeholder). */
export function isTrue(node: Node | undefined): boolean {
  return bool(node) === true;
}

/** An object-valued property, or undefined for absent, null and non-objects. */
export function objectChild(obj: Node | undefined, key: string): Node | undefined {
  const v = child(obj, key);
  return isObject(v) ? v : undefined;
}

/** `logConfiguration.logDriver` of a container, with its node. */
export function logDriverOf(container: Node): { driver?: string; node?: Node; config?: Node } {
  const config = objectChild(container, 'logConfiguration');
  const node = child(config, 'logDriver');
  return { driver: str(node), node, config };
}

/** The container's `healthCheck` object, if any. */
export function healthCheckOf(container: Node): Node | undefined {
  return objectChild(container, 'healthCheck');
}

/** True when the task-level key holds something other than null / empty. */
export function hasValue(node: Node | undefined): boolean {
  if (!node || node.type === 'null') return false;
  if (node.type === 'array' || node.type === 'object') return (node.children?.length ?? 0) > 0;
  if (node.type === 'string') return node.value !== '';
  return true;
}

/**
 * Where to report something missing from a container: its `name` value (what the user reads the container by),
 * else the container's opening brace.
 */
export function containerAnchor(container: Node): { offset: number; length: number } {
  const name = child(container, 'name');
  if (name && name.type === 'string') return { offset: name.offset, length: name.length };
  return { offset: container.offset, length: 1 };
}
