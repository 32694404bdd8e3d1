import { removeEdits, replaceNodeEdit } from '../edits';
import { closestName, containerIndex, hasPlaceholder } from '../task-index';
import { child, items, str } from '../tree';
import type { Fix } from '../types';
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
  fixDocs: 'Change the name to the closest existing container (preferred), or remove the dependency.',
  examples: {
    bad: '[ { "name": "app", "image": "app:1.0", "dependsOn": [ { "containerName": "envoy-proxy", "condition": "HEALTHY" } ] }, { "name": "envoy", "image": "envoy:1.31", "healthCheck": { "command": ["CMD-SHELL", "curl -s localhost:9901/ready"] } } ]',
    good: '[ { "name": "app", "image": "app:1.0", "dependsOn": [ { "containerName": "envoy", "condition": "HEALTHY" } ] }, { "name": "envoy", "image": "envoy:1.31", "healthCheck": { "command": ["CMD-SHELL", "curl -s localhost:9901/ready"] } } ]',
  },
  sources: ['https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDependency.html'],
  check(ctx) {
    const idx = containerIndex(ctx.doc, ctx.parsed);
    for (const c of idx.entries) {
      for (const dep of items(child(c.node, 'dependsOn'))) {
        const ref = child(dep, 'containerName');
        const name = str(ref);
        if (!ref || name === undefined || name === '' || hasPlaceholder(ref, ctx.parsed)) continue;
        const self = name === c.name && !c.templatedName;
        if (!self && (idx.byName.has(name) || !idx.complete)) continue;
        const others = [...idx.byName.keys()].filter((n) => n !== c.name);
        const closest = closestName(name, others);
        const fixes: Fix[] = [];
        if (closest) fixes.push({ title: `Change to '${closest}'`, preferred: true, edits: [replaceNodeEdit(ref, closest)] });
        fixes.push({ title: 'Remove this dependency', edits: removeEdits(ctx.text, dep) });
        const hint = self ? ' (a container cannot depend on itself)' : closest ? ` (did you mean '${closest}'?)` : '';
        ctx.report({
          node: ref,
          message: `dependsOn refers to '${name}', which is not ${self ? 'another' : 'a'} container in this task${hint}.`,
          related: self && c.nameNode ? [{ node: c.nameNode, message: `this container is '${name}'` }] : undefined,
          fixes,
        });
      }
    }
  },
});
