import { replaceNodeEdit } from '../fixes/edits';
import { CONTAINER_MEMORY_FLOOR_MIB, CONTAINER_MEMORY_FLOOR_MIB_OLD_DOCKER } from '../facts/limits';
import { containerIndex, containerInt, memoryShare, taskMemory } from '../documents/task-index';
import { child } from '../syntax/tree';
import { defineRule } from './rule';

const COMFORTABLE_MIB = 128;

export default defineRule({
  id: 'container-memory-too-small',
  severity: 'warning',
  kinds: ['R', 'D', 'A'],
  launch: 'any',
  category: 'containers',
  summary: `Container memory or memoryReservation below ${CONTAINER_MEMORY_FLOOR_MIB} MiB`,
  docs: `Docker 20.10 and later keeps ${CONTAINER_MEMORY_FLOOR_MIB} MiB per container for itself (older Docker: ${CONTAINER_MEMORY_FLOOR_MIB_OLD_DOCKER} MiB). A container given
less memory than that fails to start, and even a tiny helper needs a few MiB beyond the floor to do anything.

The value is in MiB: a \`4\` here is usually a number meant as gigabytes, or a placeholder value that was
never replaced. Give the container a realistic amount.`,
  fixDocs: `Set the value to ${COMFORTABLE_MIB} (preferred; capped at the container's hard limit for memoryReservation) or to the ${CONTAINER_MEMORY_FLOOR_MIB} MiB floor.`,
  examples: {
    bad: '{ "name": "pause", "image": "pause:3.9", "memory": 4 }',
    good: '{ "name": "pause", "image": "pause:3.9", "memory": 16 }',
  },
  sources: ['https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html'],
  check(ctx) {
    const entries = containerIndex(ctx.doc, ctx.parsed).entries;
    const taskMib = taskMemory(ctx.doc, ctx.parsed)?.value;
    const mem = (c: (typeof entries)[number], key: string) => containerInt(child(c.node, key), ctx.parsed);
    // Read as container-memory-exceeds-task reads it, so a raised value never trips that rule.
    const share = (c: (typeof entries)[number]) => memoryShare(mem(c, 'memoryReservation'), mem(c, 'memory'));
    // Summed once: per container it would make the rule quadratic in the number of containers.
    const total = taskMib === undefined ? 0 : entries.reduce((sum, o) => sum + share(o), 0);
    for (const c of entries) {
      const hard = mem(c, 'memory');
      const soft = mem(c, 'memoryReservation');
      // A raised value must still fit the task memory, or container-memory-exceeds-task fires after the fix.
      const others = taskMib === undefined ? 0 : total - share(c);
      const fitsTask = (key: string, v: number) =>
        taskMib === undefined || ((key === 'memory' ? v : (hard ?? 0)) <= taskMib && others + (key === 'memoryReservation' ? v : soft || v) <= taskMib);
      // A reservation may not pass the hard limit either (memory-reservation-exceeds-memory).
      const fits = (key: string, v: number) => fitsTask(key, v) && !(key === 'memoryReservation' && hard !== undefined && hard > 0 && v > hard);
      for (const key of ['memory', 'memoryReservation'] as const) {
        const node = child(c.node, key);
        const v = containerInt(node, ctx.parsed);
        if (!node || v === undefined || v < 1 || v >= CONTAINER_MEMORY_FLOOR_MIB) continue;
        const cap = key === 'memoryReservation' && hard !== undefined && hard >= CONTAINER_MEMORY_FLOOR_MIB ? hard : Infinity;
        const comfortable = Math.min(COMFORTABLE_MIB, cap);
        const values = [comfortable, CONTAINER_MEMORY_FLOOR_MIB].filter((x, i, all) => all.indexOf(x) === i && fits(key, x));
        const fixes = values.map((x, i) => ({ title: `Set to ${x}`, preferred: i === 0, edits: [replaceNodeEdit(node, x)] }));
        ctx.report({
          node,
          message: `${key} ${v} MiB is below the ${CONTAINER_MEMORY_FLOOR_MIB} MiB Docker reserves per container; the container may not start.`,
          fixes,
        });
      }
    }
  },
});
