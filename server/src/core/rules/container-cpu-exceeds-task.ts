import { replaceNodeEdit } from '../fixes/edits';
import { containerIndex, containerInt, containerLabel, taskCpu } from '../documents/task-index';
import { raiseTaskCpuFix } from '../fixes/task-size-fix';
import { child } from '../syntax/tree';
import type { Fix } from '../types';
import { defineRule } from './rule';

export default defineRule({
  id: 'container-cpu-exceeds-task',
  severity: 'error',
  kinds: ['R', 'D'],
  launch: 'any',
  category: 'containers',
  summary: 'Container cpu above the task cpu',
  subCases: ['a single container above the task cpu is reported on that container; a sum above it, on the task cpu'],
  docs: `Container-level \`cpu\` reserves CPU units (1024 per vCPU) out of the task-level \`cpu\`. One container cannot
reserve more than the whole task, and all containers together cannot reserve more than it either. Equal is
fine: a single container may take the whole task.

Lower a container's \`cpu\`, or raise the task \`cpu\`. On Fargate the fix moves to the smallest Fargate cpu
that fits and adjusts memory when the current value is not allowed with it.

Task-level cpu and memory are ignored for Windows containers outside Fargate, so the rule stays silent there.`,
  fixDocs: "Lower one container's cpu so the total fits (preferred when possible), or raise the task cpu to the smallest valid value.",
  examples: {
    bad: '{ "cpu": "512", "memory": "1024", "containerDefinitions": [ { "name": "a", "image": "a:1", "cpu": 512 }, { "name": "b", "image": "b:1", "cpu": 256 } ] }',
    good: '{ "cpu": "1024", "memory": "2048", "containerDefinitions": [ { "name": "a", "image": "a:1", "cpu": 512 }, { "name": "b", "image": "b:1", "cpu": 256 } ] }',
  },
  sources: [
    'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html',
    'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html',
  ],
  check(ctx) {
    if (ctx.doc.os === 'windows' && !ctx.launchIs('F')) return;
    const task = taskCpu(ctx.doc, ctx.parsed);
    if (!task) return;
    const t = task.value;
    const cpus = containerIndex(ctx.doc, ctx.parsed).entries.map((c) => {
      const node = child(c.node, 'cpu');
      return { c, node, v: containerInt(node, ctx.parsed) ?? 0 };
    });
    const sum = cpus.reduce((s, x) => s + x.v, 0);
    if (sum <= t) return;
    const over = cpus.filter((x) => x.v > t);
    const targets = over.length > 0 ? over : [cpus.reduce((a, b) => (b.v > a.v ? b : a))];
    for (const x of targets) {
      const lowered = Math.floor(t - (sum - x.v)); // cpu is an integer, even when another container's is not
      const fixes: Fix[] = [];
      if (lowered >= 0) fixes.push({ title: `Lower '${containerLabel(x.c)}' cpu to ${lowered}`, preferred: true, edits: [replaceNodeEdit(x.node!, lowered)] });
      const raise = raiseTaskCpuFix(ctx.doc, ctx.parsed, sum);
      if (raise) fixes.push(raise);
      const single = over.length > 0;
      ctx.report({
        node: single ? x.node! : task.node,
        message: single
          ? `Container '${containerLabel(x.c)}' reserves ${x.v} CPU units; the task has ${t}.`
          : `Containers reserve ${sum} CPU units; the task has ${t}.`,
        related: single ? [{ node: task.node, message: `task cpu: ${String(task.parsed.raw).trim()}` }] : [],
        fixes,
      });
    }
  },
});
