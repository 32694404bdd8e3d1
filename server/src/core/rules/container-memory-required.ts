import { containerIndex, containerInt, containerLabel, containerNeeds, hasPlaceholder } from '../documents/task-index';
import { setPropertyEdits } from '../fixes/layout-edits';
import { anchorOf, child, isEmptyValue } from '../syntax/tree';
import { defineRule } from './rule';

const STARTING_RESERVATION = 256;

export default defineRule({
  id: 'container-memory-required',
  severity: 'error',
  kinds: ['R', 'D'],
  launch: ['E', 'X', 'M', 'U'],
  category: 'containers',
  summary: 'No task memory and a container without memory or memoryReservation',
  docs: `Without a task-level \`memory\`, ECS needs each container to say how much memory it uses: \`memory\` (a hard
limit; the container is killed above it) or \`memoryReservation\` (a soft limit reserved on the host; the
container may use more when the host has it free). A container with neither is refused at registration.

Set \`memoryReservation\` on the container (a soft limit is the forgiving choice), or give the task a
\`memory\` value that all its containers share. On Fargate the task size is always required, so this
situation is covered by \`fargate-task-size-required\` instead.`,
  fixDocs: `Add \`"memoryReservation": ${STARTING_RESERVATION}\` to the container (preferred; a starting value to tune), or add a task-level \`memory\` that covers every container.`,
  examples: {
    bad: '{ "family": "nginx", "requiresCompatibilities": ["EC2"], "containerDefinitions": [ { "name": "nginx", "image": "nginx:1.27" } ] }',
    good: '{ "family": "nginx", "requiresCompatibilities": ["EC2"], "containerDefinitions": [ { "name": "nginx", "image": "nginx:1.27", "memoryReservation": 256 } ] }',
  },
  sources: [
    'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html',
    'sil-org/ecs-deploy #62 — https://github.com/sil-org/ecs-deploy/issues/62',
  ],
  check(ctx) {
    const task = ctx.doc.task;
    if (!task || !isEmptyValue(child(task, 'memory'))) return;
    const idx = containerIndex(ctx.doc, ctx.parsed);
    const hasMemory = (c: typeof idx.entries[number]): boolean =>
      ['memory', 'memoryReservation'].some((k) => {
        const v = child(c.node, k);
        return hasPlaceholder(v, ctx.parsed) || (containerInt(v, ctx.parsed) ?? 0) > 0;
      });
    const missing = idx.entries.filter((c) => !c.opaque && !hasMemory(c));
    if (missing.length === 0) return;
    const known = idx.entries.reduce((sum, c) => {
      const v = containerInt(child(c.node, 'memoryReservation'), ctx.parsed) || containerInt(child(c.node, 'memory'), ctx.parsed) || 0;
      return sum + v;
    }, 0);
    // Also at least the largest hard limit, or container-memory-exceeds-task fires after the fix.
    const taskMemory = String(Math.max(containerNeeds(ctx.doc, ctx.parsed).memory, known + STARTING_RESERVATION * missing.length));
    for (const c of missing) {
      ctx.report({
        range: anchorOf(c.node),
        dedupeKey: `container-memory-required:${c.node.offset}`, // the anchor is shared with missing-required
        message: `Container '${containerLabel(c)}' needs memory or memoryReservation because the task sets no memory.`,
        fixes: () => [
          {
            title: `Add memoryReservation: ${STARTING_RESERVATION}`,
            preferred: true,
            edits: setPropertyEdits(ctx.text, c.node, 'memoryReservation', STARTING_RESERVATION),
          },
          { title: `Add task-level memory: "${taskMemory}"`, edits: setPropertyEdits(ctx.text, task, 'memory', taskMemory) },
        ],
      });
    }
  },
});
