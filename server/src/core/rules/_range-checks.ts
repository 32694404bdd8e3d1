/** Cross-field limits of value-out-of-range that a JSON Schema cannot express (RULES.md value-out-of-range). */
import type { Node } from 'jsonc-parser';
import { replaceNodeEdit } from '../fixes/edits';
import { EC2_TASK_CPU_RANGE, isTaskSizeError, parseTaskCpu } from '../facts/fargate-sizes';
import { FARGATE_NOFILE_MAX, isNamespacedSysctl } from '../facts/fargate-support';
import { MAX_PORT_RANGES_PER_CONTAINER, PORT_RANGE } from '../facts/limits';
import { child, items, keyOf, num, str } from '../syntax/tree';
import type { RuleContext } from './rule';

export function checkUlimits(ctx: RuleContext, container: Node): void {
  for (const u of items(child(container, 'ulimits'))) {
    const name = str(child(u, 'name')) ?? 'ulimit';
    const softNode = child(u, 'softLimit');
    const hardNode = child(u, 'hardLimit');
    const soft = num(softNode);
    const hard = num(hardNode);
    if (soft !== undefined && hard !== undefined && soft > hard) {
      ctx.report({
        node: softNode,
        message: `ulimit '${name}': softLimit ${soft} is above hardLimit ${hard}; the soft limit can be at most the hard limit.`,
        related: [{ node: hardNode, message: 'the hard limit' }],
        fixes: [{ title: `Set softLimit to ${hard}`, preferred: true, edits: [replaceNodeEdit(softNode!, hard)] }],
      });
    }
    if (name === 'nofile' && ctx.launchIs('F')) {
      for (const n of [softNode, hardNode]) {
        const v = num(n);
        if (v !== undefined && v > FARGATE_NOFILE_MAX) {
          ctx.report({
            node: n,
            message: `${keyOf(n)?.value as string} ${v} for 'nofile' is above Fargate's maximum of ${FARGATE_NOFILE_MAX}.`,
            fixes: [{ title: `Set to ${FARGATE_NOFILE_MAX}`, preferred: true, edits: [replaceNodeEdit(n!, FARGATE_NOFILE_MAX)] }],
          });
        }
      }
    }
  }
}

export function checkPortRanges(ctx: RuleContext, container: Node): void {
  const mappings = child(container, 'portMappings');
  let ranges = 0;
  for (const pm of items(mappings)) {
    const node = child(pm, 'containerPortRange');
    const value = str(node);
    if (value === undefined || ctx.isPlaceholder(node)) continue;
    ranges++;
    const m = /^(\d+)-(\d+)$/.exec(value);
    if (!m) continue; // the schema pattern reports the shape
    const [first, last] = [Number(m[1]), Number(m[2])];
    if (first < PORT_RANGE.min || last > PORT_RANGE.max || first >= last) {
      ctx.report({ node, message: `containerPortRange '${value}' must run from a lower to a higher port within ${PORT_RANGE.min}–${PORT_RANGE.max}.` });
    }
  }
  if (ranges > MAX_PORT_RANGES_PER_CONTAINER) {
    ctx.report({ node: keyOf(mappings), message: `${ranges} containerPortRange entries in one container; at most ${MAX_PORT_RANGES_PER_CONTAINER} are allowed.` });
  }
}

export function checkSystemControls(ctx: RuleContext, container: Node): void {
  for (const sc of items(child(container, 'systemControls'))) {
    const node = child(sc, 'namespace');
    const ns = str(node);
    if (ns === undefined || ns === '' || ctx.isPlaceholder(node) || isNamespacedSysctl(ns)) continue;
    ctx.report({
      node,
      message: `'${ns}' is not a namespaced kernel parameter ECS can set; use kernel.msg*, kernel.sem, kernel.shm*, fs.mqueue.* or net.*.`,
    });
  }
}

/** Task cpu outside 128–196,608 units on EC2, EXTERNAL and Managed Instances (Fargate has its own table). */
export function checkTaskCpuRange(ctx: RuleContext): void {
  if (ctx.launchIs('F') || ctx.doc.launch.size === 0) return;
  const node = child(ctx.doc.task, 'cpu');
  if (!node || (node.type !== 'string' && node.type !== 'number') || ctx.isPlaceholder(node)) return;
  const parsed = parseTaskCpu(node.value as string | number);
  if (isTaskSizeError(parsed)) return; // invalid-format reports the notation
  const { min, max } = EC2_TASK_CPU_RANGE;
  if (parsed.units < min || parsed.units > max) {
    ctx.report({ node, message: `Task cpu is ${parsed.units} units; allowed range is ${min}–${max} (0.125–192 vCPU).` });
  }
}
