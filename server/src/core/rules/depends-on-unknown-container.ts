import { containerRefs, dependsOnReaches, retargetFixes, selfRelated, unresolvedRef } from '../documents/container-refs';
import { containerIndex, essentialOf } from '../documents/task-index';
import { child, isEmptyValue, str } from '../syntax/tree';
import { defineRule } from './rule';

export default defineRule({
  id: 'depends-on-unknown-container',
  severity: 'error',
  kinds: ['R', 'D', 'A'],
  launch: 'any',
  category: 'containers',
  summary: 'dependsOn names a container that is not in the task (or the container itself)',
  docs: `\`dependsOn[].containerName\` must be the \`name\` of another container in the same task definition. A name
that matches no container (often a typo, a renamed container, or the image name instead of the container
name) is refused by ECS, and a container cannot wait for itself.

Names are compared exactly, including case. When the container list is templated (a whole container comes
from a placeholder), unknown names are not reported: the target may be the templated container.`,
  fixDocs: 'Change the name to the closest existing container that can meet the condition (preferred: no loop, a healthCheck for HEALTHY, a non-essential container for COMPLETE/SUCCESS), or remove the dependency.',
  examples: {
    bad: '[ { "name": "app", "image": "app:1.0", "dependsOn": [ { "containerName": "envoy-proxy", "condition": "HEALTHY" } ] }, { "name": "envoy", "image": "envoy:1.31", "healthCheck": { "command": ["CMD-SHELL", "curl -s localhost:9901/ready"] } } ]',
    good: '[ { "name": "app", "image": "app:1.0", "dependsOn": [ { "containerName": "envoy", "condition": "HEALTHY" } ] }, { "name": "envoy", "image": "envoy:1.31", "healthCheck": { "command": ["CMD-SHELL", "curl -s localhost:9901/ready"] } } ]',
  },
  sources: ['https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDependency.html'],
  check(ctx) {
    const idx = containerIndex(ctx.doc, ctx.parsed);
    for (const r of containerRefs(idx, ctx.parsed, 'dependsOn')) {
      // Never suggest a container that would make another error: one that closes a loop, an essential one waited
      // on with COMPLETE/SUCCESS, or one without a healthCheck waited on with HEALTHY.
      const condition = str(child(r.entry, 'condition')) ?? '';
      const waitsForExit = condition === 'COMPLETE' || condition === 'SUCCESS';
      const miss = unresolvedRef(
        idx,
        r,
        (c) => dependsOnReaches(idx, c, r.from) || (waitsForExit && essentialOf(c.node, ctx.parsed) !== false) || (condition === 'HEALTHY' && !c.opaque && isEmptyValue(child(c.node, 'healthCheck'))),
      );
      if (!miss) continue;
      const hint = r.self ? ' (a container cannot depend on itself)' : miss.closest ? ` (did you mean '${miss.closest}'?)` : '';
      ctx.report({
        node: r.ref,
        message: `dependsOn refers to '${r.name}', which is not ${r.self ? 'another' : 'a'} container in this task${hint}.`,
        related: selfRelated(r),
        fixes: () => retargetFixes(ctx.text, r, miss.closest, 'Remove this dependency'),
      });
    }
  },
});
