import { MAX_CONTAINERS_PER_TASK } from '../facts/limits';
import { containerIndex } from '../documents/task-index';
import { anchorOf, child } from '../syntax/tree';
import { defineRule } from './rule';

export default defineRule({
  id: 'too-many-containers',
  severity: 'error',
  kinds: ['R', 'D', 'A'],
  launch: 'any',
  category: 'containers',
  summary: `More than ${MAX_CONTAINERS_PER_TASK} containers in one task definition`,
  docs: `A task definition may hold at most ${MAX_CONTAINERS_PER_TASK} container definitions. This is a fixed service quota: AWS
does not raise it on request, and registration fails above it.

Containers that do not need to share a network namespace, volumes or a life cycle usually belong in their own
task definitions (and their own services). Sidecars that must stay together can sometimes be merged.

In a template, containers that come from placeholders are not counted: the count is a lower bound.`,
  examples: {
    bad: '// 11 entries in containerDefinitions',
    good: '// at most 10; move independent services to their own task definitions',
  },
  sources: ['https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-quotas.html'],
  check(ctx) {
    const idx = containerIndex(ctx.doc, ctx.parsed);
    const n = idx.entries.length;
    if (n <= MAX_CONTAINERS_PER_TASK) return;
    const eleventh = idx.entries[MAX_CONTAINERS_PER_TASK].node;
    const nameNode = child(eleventh, 'name');
    ctx.report({
      ...(nameNode ? { node: nameNode } : { range: anchorOf(eleventh) }),
      message: `${n} containers, but a task definition holds at most ${MAX_CONTAINERS_PER_TASK}; split the task.`,
    });
  },
});
