import type { Node } from 'jsonc-parser';
import { child, str } from '../syntax/tree';

/** Resolves an ajv instance path ("/containerDefinitions/0/image") to the node under `base`. */
export function nodeAtPointer(base: Node, pointer: string): Node | undefined {
  if (pointer === '') return base;
  let node: Node | undefined = base;
  for (const seg of segmentsOf(pointer)) {
    if (!node) return undefined;
    if (node.type === 'array') node = node.children?.[Number(seg)];
    else if (node.type === 'object') node = childByKey(node, String(seg));
    else return undefined;
  }
  return node;
}

/** Key → value of big objects: one object with n bad members gives n errors, each looked up here (n² by scanning). */
const keyIndexes = new WeakMap<Node, Map<string, Node | undefined>>();
function childByKey(obj: Node, key: string): Node | undefined {
  const props = obj.children ?? [];
  if (props.length < 32) return child(obj, key);
  let index = keyIndexes.get(obj);
  if (!index) {
    index = new Map();
    for (const p of props) if (typeof p.children?.[0]?.value === 'string') index.set(p.children[0].value, p.children[1]); // the last wins, as in child()
    keyIndexes.set(obj, index);
  }
  return index.get(key);
}

const NO_SEGMENTS: ReadonlyArray<string | number> = Object.freeze([]);
/** Pointers repeat (every null in a describe dump is looked up by its pointer, lint after lint): parsed once. */
const segmentCache = new Map<string, ReadonlyArray<string | number>>();
const SEGMENT_CACHE_SIZE = 10_000;

/** The segments of a JSON pointer, array indexes as numbers. Shared and frozen: never modify the result. */
export function segmentsOf(pointer: string): ReadonlyArray<string | number> {
  if (pointer === '') return NO_SEGMENTS;
  const hit = segmentCache.get(pointer);
  if (hit) return hit;
  const parts = pointer.split('/');
  const segs: Array<string | number> = [];
  for (let i = 1; i < parts.length; i++) {
    const raw = parts[i];
    const s = raw.includes('~') ? raw.replace(/~1/g, '/').replace(/~0/g, '~') : raw;
    segs.push(isIndex(s) ? Number(s) : s);
  }
  if (segmentCache.size >= SEGMENT_CACHE_SIZE) segmentCache.clear();
  const frozen = Object.freeze(segs);
  segmentCache.set(pointer, frozen);
  return frozen;
}

function isIndex(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** A readable location: "the task definition", "container 'web'", "container 'web' › portMappings[0]". */
export function describeLocation(base: Node, segs: ReadonlyArray<string | number>, isArrayDoc: boolean): string {
  const containerDepth = isArrayDoc ? 1 : 2;
  const inContainer = isArrayDoc ? typeof segs[0] === 'number' : segs[0] === 'containerDefinitions' && typeof segs[1] === 'number';
  if (segs.length === 0) return isArrayDoc ? 'the container list' : 'the task definition';
  if (!inContainer || segs.length < containerDepth) return dotted(segs);
  const containerNode = nodeAtPointer(base, '/' + segs.slice(0, containerDepth).join('/'));
  const name = str(child(containerNode, 'name'));
  const idx = segs[containerDepth - 1];
  const head = name ? `container '${name}'` : `containerDefinitions[${idx}]`;
  const rest = segs.slice(containerDepth);
  return rest.length === 0 ? head : `${head} › ${dotted(rest)}`;
}

function dotted(segs: ReadonlyArray<string | number>): string {
  let out = '';
  for (const s of segs) out += typeof s === 'number' ? `[${s}]` : out ? `.${s}` : s;
  return out;
}
