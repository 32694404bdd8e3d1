/**
 * The plain JS value of a node, as jsonc-parser's getNodeValue gives it. For a document that is strict JSON
 * (no comments, no trailing commas) the root's value comes from the native `JSON.parse`, and ajv validates its
 * ordinary objects about twice as fast as getNodeValue's prototype-less ones. Not cached: a cached analysis
 * would keep a second copy of a big document alive for nothing.
 */
import { getNodeValue, type Node } from 'jsonc-parser';

const strictRoots = new WeakMap<Node, string>();

/** Marks `root` as the tree of `text`, which JSON.parse accepts with the same meaning (fast-parse.ts checks that). */
export function registerStrictJsonRoot(root: Node, text: string): void {
  strictRoots.set(root, text);
}

export function nodeValue(node: Node): unknown {
  const strict = strictRoots.get(node);
  if (strict !== undefined) return JSON.parse(strict);
  // A property of a strict root (describe output's `taskDefinition`): the last one with that key, as in JSON.parse.
  const prop = node.parent;
  const obj = prop?.parent;
  if (prop?.type === 'property' && obj && strictRoots.has(obj) && prop.children?.[1] === node && isLastWithKey(obj, prop)) {
    return (nodeValue(obj) as Record<string, unknown>)[prop.children[0].value as string];
  }
  return getNodeValue(node);
}

function isLastWithKey(obj: Node, prop: Node): boolean {
  const key = prop.children?.[0]?.value;
  const props = obj.children ?? [];
  for (let i = props.length - 1; i >= 0; i--) if (props[i].children?.[0]?.value === key) return props[i] === prop;
  return false;
}
