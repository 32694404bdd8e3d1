/**
 * Walks our generated JSON Schemas along a document path, for hovers and completion: the task definition's (the
 * document path first made relative to the task object: describe output wraps it in `taskDefinition`; a container
 * array starts at the containers) and the service definition's (create-service/update-service input; appspecs map
 * their PascalCase keys onto it, documents/appspec-paths.ts).
 */
import type { JSONPath } from 'jsonc-parser';
import taskSchema from '../../../../schemas/task-definition.schema.json';
import containersSchema from '../../../../schemas/container-definitions.schema.json';
import serviceSchema from '../../../../schemas/service-definition.schema.json';
import type { Classification } from '../documents/classify';

export interface SchemaNode {
  type?: string | string[];
  description?: string;
  markdownDescription?: string;
  enum?: unknown[];
  properties?: Record<string, SchemaNode>;
  additionalProperties?: boolean | SchemaNode;
  items?: SchemaNode;
  required?: string[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  $ref?: string;
  'x-launch-note'?: string;
  'x-format-name'?: string;
}

/** Where a document path points, relative to the schema that describes it. */
export interface RelativePath {
  base: 'task' | 'containers' | 'service';
  path: JSONPath;
}

/** Makes a document path relative to the task object (or the container array); undefined outside of it. */
export function relativePath(doc: Classification, path: JSONPath): RelativePath | undefined {
  // A lone container reads as element 0 of the container array it should be.
  if (doc.kind === 'container-array') return { base: 'containers', path: doc.loneContainer ? [0, ...path] : path };
  if (doc.kind !== 'register' && doc.kind !== 'describe') return undefined;
  if (doc.wrapper) {
    if (path[0] === 'taskDefinition') return { base: 'task', path: path.slice(1) };
    // The sibling `tags` of describe output has the same shape as the task's own.
    if (path[0] === 'tags') return { base: 'task', path };
    return undefined;
  }
  return { base: 'task', path };
}

/** The container-relative part of a path inside a container definition, e.g. ['logConfiguration', 'logDriver']. */
export function containerRelative(rel: RelativePath): { index: number; path: JSONPath } | undefined {
  const p = rel.path;
  if (rel.base === 'service') return undefined;
  if (rel.base === 'containers') return typeof p[0] === 'number' ? { index: p[0], path: p.slice(1) } : undefined;
  if (p[0] === 'containerDefinitions' && typeof p[1] === 'number') return { index: p[1], path: p.slice(2) };
  return undefined;
}

/** The schema document a node of the service schema belongs to: its `$ref`s are read there (others: the task's). */
const DOCUMENT_OF = new WeakMap<object, object>();
for (const doc of [serviceSchema] as object[]) {
  const stack: unknown[] = [doc];
  while (stack.length) {
    const n = stack.pop();
    if (!n || typeof n !== 'object' || DOCUMENT_OF.has(n)) continue;
    DOCUMENT_OF.set(n, doc);
    stack.push(...Object.values(n));
  }
}

/** Resolves `$ref` (keeping descriptions written next to it, which are more specific). */
export function resolve(node: SchemaNode | undefined): SchemaNode | undefined {
  if (!node?.$ref) return node;
  const fragment = node.$ref.split('#')[1] ?? '';
  let target: unknown = DOCUMENT_OF.get(node) ?? taskSchema;
  for (const part of fragment.split('/').filter(Boolean)) target = (target as Record<string, unknown> | undefined)?.[part];
  const resolved = resolve(target as SchemaNode | undefined);
  if (!resolved) return undefined;
  const { $ref: _ref, ...siblings } = node;
  return { ...resolved, ...siblings };
}

/** The schema that describes the value at `rel`, or undefined when the schema says nothing about it. */
export function schemaAt(rel: RelativePath): SchemaNode | undefined {
  let s = resolve((rel.base === 'task' ? taskSchema : rel.base === 'service' ? serviceSchema : containersSchema) as SchemaNode);
  for (const seg of rel.path) {
    if (!s) return undefined;
    if (typeof seg === 'number') s = resolve(s.items);
    else s = resolve(s.properties?.[seg] ?? (typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined));
  }
  return s;
}

/** The properties an object at `rel` may have (empty for maps and non-objects). */
export function propertiesAt(rel: RelativePath): Record<string, SchemaNode> {
  return schemaAt(rel)?.properties ?? {};
}

/** A short type label: "string", "integer", "array of strings", "object", "map of strings". */
export function typeLabel(s: SchemaNode): string {
  const t = Array.isArray(s.type) ? s.type.join(' or ') : s.type;
  if (t === 'array') {
    const item = resolve(s.items);
    if (!item) return 'array';
    const inner = item.type === 'object' ? 'objects' : `${typeLabel(item)}s`;
    return `array of ${inner}`;
  }
  if (t === 'object' && !s.properties && typeof s.additionalProperties === 'object') {
    return `map of ${typeLabel(s.additionalProperties)}s`;
  }
  return t ?? 'any';
}

/** The property's own description (markdown preferred). */
export function descriptionOf(s: SchemaNode): string | undefined {
  return s.markdownDescription ?? s.description;
}
