import { replaceNodeEdit } from '../fixes/edits';
import { containerIndex, containerInt, containerLabel, memoryShare, taskMemory } from '../documents/task-index';
import { raiseTaskMemoryFix } from '../fixes/task-size-fix';
import { child } from '../syntax/tree';
import type { Fix } from '../types';
import { defineRule } from './rule';

export default defineRule({
  id: 'container-memory-exceeds-task',
  severity: 'error',
  kinds: ['R', 'D'],
  launch: 'any',
  category: 'containers',
  summary: 'Container memory above the task memory',
  subCases: ['the sum of reservations above task memory is reported on the task-level memory'],
  docs: `The task-level \`memory\` is the most the whole task may use; container-level values share it. A container
whose hard limit (\`memory\`) is above the task's memory is refused ("greater than for the task"), and the
containers together may not reserve more than the task has: each counts its \`memoryReservation\`, or its
\`memory\` when it sets no reservation. Equal values are fine.

Lower the container's value, or raise the task memory. On Fargate the task memory must be one of the sizes
that go with the task cpu, so the fix picks the smallest valid size (raising cpu too when needed).

Task-level cpu and memory are ignored for Windows containers outside Fargate, so the rule stays silent there.`,
  fixDocs: "Lower the container's memory to the task memory (preferred), or raise the task memory to the smallest valid value that fits.",
  examples: {
    bad: '{ "cpu": "256", "memory": "512", "containerDefinitions": [ { "name": "backend", "image": "backend:1.9", "memory": 1024 } ] }',
    good: '{ "cpu": "256", "memory": "512", "containerDefinitions": [ { "name": "backend", "image": "backend:1.9", "memory": 512 } ] }',
  },
  sources: [
    'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html',
    'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html',
    'pulumi-awsx #1220 — https://github.com/pulumi/pulumi-awsx/issues/1220',
  ],
  check(ctx) {
    if (ctx.doc.os === 'windows' && !ctx.launchIs('F')) return;
    const task = taskMemory(ctx.doc, ctx.parsed);
    if (!task) return;
    const t = task.value;
    const shownTask = String(task.parsed.raw).trim();
    const rows = containerIndex(ctx.doc, ctx.parsed).entries.map((c) => {
      const node = child(c.node, 'memory');
      const m = containerInt(node, ctx.parsed);
      return { c, node, m, r: containerInt(child(c.node, 'memoryReservation'), ctx.parsed) };
    });
    const sum = rows.reduce((s, x) => s + memoryShare(x.r, x.m), 0);
    let perContainer = false;
    for (const { c, node, m, r } of rows) {
      if (m === undefined || m <= t) continue;
      perContainer = true;
      // A reservation above the new limit comes down with it (memory-reservation-exceeds-memory otherwise).
      const resNode = r !== undefined && r > t ? child(c.node, 'memoryReservation') : undefined;
      const lower = resNode
        ? { title: `Lower memory and memoryReservation to ${t}`, preferred: true, edits: [replaceNodeEdit(node!, t), replaceNodeEdit(resNode, t)] }
        : { title: `Lower memory to ${t}`, preferred: true, edits: [replaceNodeEdit(node!, t)] };
      const fixes: Fix[] = [lower];
      const raise = raiseTaskMemoryFix(ctx.doc, ctx.parsed, Math.max(m, sum));
      if (raise) fixes.push(raise);
      ctx.report({
        node: node!,
        message: `Container '${containerLabel(c)}' may use ${m} MiB but the whole task has ${t} MiB.`,
        related: [{ node: task.node, message: `task memory: ${shownTask}` }],
        fixes,
      });
    }
    if (perContainer || sum <= t) return;
    const raise = raiseTaskMemoryFix(ctx.doc, ctx.parsed, sum);
    ctx.report({
      node: task.node,
      message: `Containers reserve ${sum} MiB in total; the task has ${t} MiB.`,
      fixes: raise ? [raise] : undefined,
    });
  },
});
