import type { Node } from 'jsonc-parser';
import { DESCRIBE_ONLY_KEYS } from '../documents/classify';
import { MAX_TASK_DEFINITION_BYTES } from '../facts';
import { withThousands } from '../clip-value';
import { anchorOf, child } from '../syntax/tree';
import { defineRule } from './rule';

const READ_ONLY = new Set<string>(DESCRIBE_ONLY_KEYS);

export default defineRule({
  id: 'task-definition-too-large',
  severity: 'error',
  kinds: ['R', 'D'],
  launch: 'any',
  category: 'document',
  summary: 'Request body above 65,536 bytes',
  docs: `ECS caps the RegisterTaskDefinition request at 65,536 bytes of JSON (it used to be 32 KiB). A definition
above that is refused as a whole, whatever the launch type. What usually makes a file this big is hundreds of
\`environment\` entries, long inline scripts in \`command\`/\`entryPoint\`, or many near-identical containers.

The size is measured the way the API sees it: compact JSON, UTF-8, without comments, without the describe-only
keys and wrapper, and without null or empty values (deploy tools drop those before sending). Move bulk settings
into \`environmentFiles\` (an S3 object per container), keep secrets as \`secrets\` references, or split the work
over several task definitions.`,
  fixDocs: 'None: what to move out of the definition is a design decision.',
  examples: {
    bad: '{ "family": "big", "containerDefinitions": [ { "name": "app", "image": "app:1.0", "environment": [ /* … ~75 KB … */ ] } ] }',
    good: '{ "family": "big", "containerDefinitions": [ { "name": "app", "image": "app:1.0", "environmentFiles": [ { "type": "s3", "value": "arn:aws:s3:::cfg-bucket/app.env" } ] } ] }',
  },
  sources: [
    'https://github.com/awsdocs/amazon-ecs-developer-guide/pull/149',
    'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-quotas.html',
  ],
  check(ctx) {
    const { task, wrapper } = ctx.doc;
    // Cheap bounds first: the compact body is never longer than the text itself, at most 3 UTF-8 bytes a character.
    if (!task || ctx.text.length * 3 <= MAX_TASK_DEFINITION_BYTES || utf8Length(ctx.text) <= MAX_TASK_DEFINITION_BYTES) return;
    const bytes = requestBodyBytes(task, wrapper ? child(ctx.parsed.root, 'tags') : undefined, ctx.parsed.duplicateKeys.length > 0);
    if (bytes <= MAX_TASK_DEFINITION_BYTES) return;
    ctx.report({
      range: anchorOf(wrapper ?? task),
      message: `This task definition is ${withThousands(bytes)} bytes, above the 65,536 ECS accepts; move bulk settings to environmentFiles.`,
    });
  },
});

/**
 * UTF-8 bytes of the request body the API receives for `task`: compact JSON without the read-only keys (top level)
 * and without null or empty values, with the describe wrapper's sibling `tags` when the task has none. Measured on
 * the tree, without building the value: on a 1 MB document the copies (getNodeValue, the filtered body, its JSON
 * text) raised the server's resident memory by about 14 MB. `duplicateKeys` false (the parser found none) lets
 * objects be summed as they are read, with no map of their keys.
 */
export function requestBodyBytes(task: Node, siblingTags: Node | undefined, duplicateKeys = true): number {
  if (task.type !== 'object') return valueBytes(task, duplicateKeys) ?? 2; // `{}` when the API would see nothing
  const lastOf = duplicateKeys ? lastValueByKey(task) : undefined;
  let bytes = 2;
  let count = 0;
  let hasTags = false;
  for (const prop of task.children ?? []) {
    const key = keptKey(prop, true, lastOf);
    const b = key === undefined ? undefined : valueBytes(prop.children![1], duplicateKeys);
    if (b === undefined) continue;
    bytes += entryBytes(key!, b, count++);
    if (key === 'tags') hasTags = true;
  }
  const tags = siblingTags && !hasTags ? valueBytes(siblingTags, duplicateKeys) : undefined;
  return tags === undefined ? bytes : bytes + entryBytes('tags', tags, count);
}

/** `"key":value`, and the comma before it unless it is the first entry. */
function entryBytes(key: string, valueBytes: number, index: number): number {
  return jsonStringBytes(key) + 1 + valueBytes + (index > 0 ? 1 : 0);
}

/** Characters JSON escapes or UTF-8 writes in more than one byte. */
const NOT_PLAIN = /["\\\x00-\x1f\x7f-\uffff]/;

/** UTF-8 bytes of JSON.stringify(s), without making that string when every character is plain ASCII. */
function jsonStringBytes(s: string): number {
  return NOT_PLAIN.test(s) ? utf8Length(JSON.stringify(s)) : s.length + 2;
}

/** undefined when the API never sees the value (null, '', an empty array or object). */
function valueBytes(node: Node, duplicateKeys: boolean): number | undefined {
  switch (node.type) {
    case 'string':
      return node.value === '' ? undefined : jsonStringBytes(node.value as string);
    case 'number':
    case 'boolean':
      return JSON.stringify(node.value).length;
    case 'array': {
      let bytes = 1;
      for (const item of node.children ?? []) {
        const b = valueBytes(item, duplicateKeys);
        if (b !== undefined) bytes += b + 1; // the item and the comma or closing bracket after it
      }
      return bytes > 1 ? bytes : undefined;
    }
    case 'object': {
      const lastOf = duplicateKeys ? lastValueByKey(node) : undefined;
      let bytes = 2;
      let count = 0;
      for (const prop of node.children ?? []) {
        const key = keptKey(prop, false, lastOf);
        const b = key === undefined ? undefined : valueBytes(prop.children![1], duplicateKeys);
        if (b !== undefined) bytes += entryBytes(key!, b, count++);
      }
      return count > 0 ? bytes : undefined;
    }
    default:
      return undefined; // null
  }
}

/**
 * The property's key when its value can make it into the body: a property without a value is skipped; with
 * duplicate keys only the last property holds the value (`lastOf`), as in the parsed object; an own `__proto__`
 * never makes it (assigning it to a plain object sets the prototype); read-only keys are dropped at the top level.
 */
function keptKey(prop: Node, topLevel: boolean, lastOf: Map<string, Node> | undefined): string | undefined {
  const key = prop.children?.[0]?.value as string | undefined;
  const value = prop.children?.[1];
  if (key === undefined || !value || key === '__proto__' || (topLevel && READ_ONLY.has(key))) return undefined;
  return !lastOf || lastOf.get(key) === value ? key : undefined;
}

function lastValueByKey(obj: Node): Map<string, Node> {
  const last = new Map<string, Node>();
  for (const prop of obj.children ?? []) {
    const key = prop.children?.[0]?.value as string | undefined;
    const value = prop.children?.[1];
    if (key !== undefined && value) last.set(key, value);
  }
  return last;
}

const NON_ASCII = /[^\x00-\x7f]/;

/** UTF-8 byte length without Buffer/TextEncoder (the core stays platform-free). */
export function utf8Length(s: string): number {
  if (!NON_ASCII.test(s)) return s.length; // the usual case, found by the regex engine instead of a JS loop
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
