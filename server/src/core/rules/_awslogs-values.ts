/** awslogs-options, second half: option keys the driver does not know, the log group name, max-buffer-size. */
import { renameKeyEdit, replaceNodeEdit } from '../fixes/edits';
import { AWSLOGS_OPTION_KEYS, DOCKER_SIZE, LOG_GROUP_NAME } from '../facts/awslogs';
import { maskPlaceholders } from '../syntax/template-mask';
import { editDistance } from '../schema/suggest';
import { child, entries, type Node, str } from '../syntax/tree';
import type { Fix } from '../types';
import type { RuleContext } from './rule';

/** The known key a misspelt one was meant to be: a slip of up to two characters, or case and '_' for '-'. */
export function nearestAwslogsKey(key: string): string | undefined {
  const norm = key.toLowerCase().replace(/_/g, '-');
  let best: { k: string; d: number } | undefined;
  for (const k of AWSLOGS_OPTION_KEYS) {
    const d = k === norm ? 0 : editDistance(norm, k, 2);
    if (d <= 2 && (!best || d < best.d)) best = { k, d };
  }
  return best?.k;
}

/** Known keys that an unknown key of `options` was meant to be: their absence is that slip, reported once. */
export function misspeltKeys(options: Node | undefined): Set<string> {
  const out = new Set<string>();
  for (const [k] of entries(options)) {
    const near = AWSLOGS_OPTION_KEYS.includes(k) ? undefined : nearestAwslogsKey(k);
    if (near) out.add(near);
  }
  return out;
}

export function checkAwslogsValues(ctx: RuleContext, options: Node): void {
  const present = new Set(entries(options).map(([k]) => k));
  for (const [key, keyNode] of entries(options)) {
    if (AWSLOGS_OPTION_KEYS.includes(key) || ctx.isPlaceholder(keyNode, { nameField: true }) || maskPlaceholders(key, ctx.parsed.placeholders).spans.length > 0) continue;
    const near = nearestAwslogsKey(key);
    ctx.report({
      node: keyNode,
      severity: near ? 'error' : 'warning',
      message: near
        ? `'${key}' is not an awslogs option (did you mean '${near}'?); Docker refuses unknown options and the container does not start.`
        : `'${key}' is not an option of the awslogs driver; Docker refuses unknown options and the container does not start.`,
      fixes: near && !present.has(near) ? [{ title: `Rename to '${near}'`, preferred: true, edits: [renameKeyEdit(keyNode, near)] }] : undefined,
    });
  }
  const group = child(options, 'awslogs-group');
  const name = str(group);
  if (group && name && name.trim() !== '' && !ctx.isPlaceholder(group) && !LOG_GROUP_NAME.test(maskPlaceholders(name, ctx.parsed.placeholders).masked)) {
    ctx.report({ node: group, message: `awslogs-group '${name}' is not a log group name: use 1–512 letters, digits and . - _ / # (no ARN, no spaces).`, fixes: groupFixes(group, name) });
  }
  const size = child(options, 'max-buffer-size');
  const s = str(size);
  if (size && s !== undefined && !ctx.isPlaceholder(size) && !DOCKER_SIZE.test(s.trim())) {
    ctx.report({ node: size, message: `max-buffer-size '${s}' is not a size; write a number with an optional unit, such as '25m' or '4MiB'.` });
  }
}

function groupFixes(group: Node, name: string): Fix[] {
  // A log group ARN: arn:aws:logs:eu-west-1:123456789012:log-group:/ecs/web(:*)
  const fromArn = /^arn:[^:]+:logs:[^:]*:[^:]*:log-group:([^:]+)(?::\*)?$/.exec(name)?.[1];
  if (fromArn && LOG_GROUP_NAME.test(fromArn)) return [{ title: `Use the group name '${fromArn}'`, preferred: true, edits: [replaceNodeEdit(group, fromArn)] }];
  const cleaned = name.trim().replace(/[^.\-_/#A-Za-z0-9]+/g, '-').slice(0, 512);
  return LOG_GROUP_NAME.test(cleaned) && cleaned !== name ? [{ title: `Replace the other characters with '-' ('${cleaned}')`, edits: [replaceNodeEdit(group, cleaned)] }] : [];
}
