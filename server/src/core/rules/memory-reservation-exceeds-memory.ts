import { replaceNodeEdit } from '../fixes/edits';
import { containerIndex, containerInt, taskMemory } from '../documents/task-index';
import { child } from '../syntax/tree';
import { defineRule } from './rule';

export default defineRule({
  id: 'memory-reservation-exceeds-memory',
  severity: 'error',
  kinds: ['R', 'D', 'A'],
  launch: 'any',
  category: 'containers',
  summary: 'memoryReservation (soft limit) above memory (hard limit)',
  docs: `A container's \`memoryReservation\` is the memory ECS sets aside for it on the host (a soft limit); \`memory\` is
the ceiling at which the container is killed (a hard limit). A reservation above the ceiling cannot be honoured,
and ECS refuses the definition.

Lower the reservation to at most the hard limit, or raise the hard limit. Equal values are accepted (real
definitions registered with 256/256 exist).`,
  fixDocs: 'Set memoryReservation to the hard limit (preferred), or raise memory to the reservation.',
  examples: {
    bad: '{ "name": "api", "image": "api:2.0", "memory": 256, "memoryReservation": 512 }',
    good: '{ "name": "api", "image": "api:2.0", "memory": 512, "memoryReservation": 256 }',
  },
  sources: ['https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html'],
  check(ctx) {
    const taskMib = taskMemory(ctx.doc, ctx.parsed)?.value;
    for (const c of containerIndex(ctx.doc, ctx.parsed).entries) {
      const memNode = child(c.node, 'memory');
      const resNode = child(c.node, 'memoryReservation');
      const m = containerInt(memNode, ctx.parsed);
      const r = containerInt(resNode, ctx.parsed);
      if (m === undefined || r === undefined || m <= 0 || r <= m) continue;
      ctx.report({
        node: resNode!,
        message: `memoryReservation ${r} MiB is above the hard limit memory ${m} MiB.`,
        related: [{ node: memNode, message: `the hard limit: ${m} MiB` }],
        fixes: [
          { title: `Set memoryReservation to ${m}`, preferred: true, edits: [replaceNodeEdit(resNode!, m)] },
          // Not above the task memory: container-memory-exceeds-task would fire instead.
          ...(taskMib === undefined || r <= taskMib ? [{ title: `Raise memory to ${r}`, edits: [replaceNodeEdit(memNode!, r)] }] : []),
        ],
      });
    }
  },
});
