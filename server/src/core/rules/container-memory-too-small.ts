import { replaceNodeEdit } from '../edits';
import { CONTAINER_MEMORY_FLOOR_MIB, CONTAINER_MEMORY_FLOOR_MIB_OLD_DOCKER } from '../facts/limits';
import { containerIndex, containerInt } from '../task-index';
import { child } from '../tree';
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
    for (const c of containerIndex(ctx.doc, ctx.parsed).entries) {
      const hard = containerInt(child(c.node, 'memory'), ctx.parsed);
      for (const key of ['memory', 'memoryReservation'] as const) {
        const node = child(c.node, key);
        const v = containerInt(node, ctx.parsed);
        if (!node || v === undefined || v < 1 || v >= CONTAINER_MEMORY_FLOOR_MIB) continue;
        const cap = key === 'memoryReservation' && hard !== undefined && hard >= CONTAINER_MEMORY_FLOOR_MIB ? hard : Infinity;
        const comfortable = Math.min(COMFORTABLE_MIB, cap);
        const fixes = [{ title: `Set to ${comfortable}`, preferred: true, edits: [replaceNodeEdit(node, comfortable)] }];
        if (comfortable !== CONTAINER_MEMORY_FLOOR_MIB) {
          fixes.push({ title: `Set to ${CONTAINER_MEMORY_FLOOR_MIB}`, preferred: false, edits: [replaceNodeEdit(node, CONTAINER_MEMORY_FLOOR_MIB)] });
        }
        ctx.report({
          node,
          message: `${key} ${v} MiB is below the ${CONTAINER_MEMORY_FLOOR_MIB} MiB Docker reserves per container; the container may not start.`,
          fixes,
        });
      }
    }
  },
});
