import { getNodeValue } from 'jsonc-parser';
import { DESCRIBE_ONLY_KEYS } from '../documents/classify';
import { MAX_TASK_DEFINITION_BYTES } from '../facts';
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
    const body = requestBody(getNodeValue(task), true) as Record<string, unknown> | undefined;
    const tagsNode = wrapper ? child(ctx.parsed.root, 'tags') : undefined;
    const siblingTags = tagsNode ? requestBody(getNodeValue(tagsNode), false) : undefined;
    if (body && siblingTags !== undefined && body.tags === undefined) body.tags = siblingTags;
    const bytes = utf8Length(JSON.stringify(body ?? {}));
    if (bytes <= MAX_TASK_DEFINITION_BYTES) return;
    ctx.report({
      range: anchorOf(wrapper ?? task),
      message: `This task definition is ${bytes.toLocaleString('en-US')} bytes, above the 65,536 ECS accepts; move bulk settings to environmentFiles.`,
    });
  },
});

/** The value as the API receives it: read-only keys (top level only) and null/empty values dropped. */
function requestBody(value: unknown, topLevel: boolean): unknown {
  if (value === null || value === '') return undefined;
  if (Array.isArray(value)) {
    const out = value.map((v) => requestBody(v, false)).filter((v) => v !== undefined);
    return out.length ? out : undefined;
  }
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (topLevel && READ_ONLY.has(k)) continue;
      const kept = requestBody(v, false);
      if (kept !== undefined) out[k] = kept;
    }
    return Object.keys(out).length || topLevel ? out : undefined;
  }
  return value;
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
