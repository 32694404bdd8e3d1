import { removeEdits, replaceNodeEdit } from '../edits';
import { closestName, containerIndex, hasPlaceholder } from '../task-index';
import { child, items, str } from '../tree';
import type { Fix } from '../types';
import { defineRule } from './rule';

export default defineRule({
  id: 'volumes-from-unknown-container',
  severity: 'error',
  kinds: ['R', 'D', 'A'],
  launch: 'any',
  category: 'containers',
  summary: 'volumesFrom names a container that is not in the task (or the container itself)',
  docs: `\`volumesFrom[].sourceContainer\` mounts every volume of another container of the same task. The name must
match one of the task's containers exactly; a container cannot take volumes from itself. An unknown name makes
the task fail to start.

When the container list is templated, unknown names are not reported.`,
  fixDocs: 'Change the name to the closest existing container (preferred), or remove the entry.',
  examples: {
    bad: '[ { "name": "web", "image": "nginx:1.27", "volumesFrom": [ { "sourceContainer": "assets" } ] } ]',
    good: '[ { "name": "web", "image": "nginx:1.27", "volumesFrom": [ { "sourceContainer": "static" } ] }, { "name": "static", "image": "site-assets:5", "essential": false } ]',
  },
  sources: ['https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_VolumeFrom.html'],
  check(ctx) {
    const idx = containerIndex(ctx.doc, ctx.parsed);
    for (const c of idx.entries) {
      for (const entry of items(child(c.node, 'volumesFrom'))) {
        const ref = child(entry, 'sourceContainer');
        const name = str(ref);
        if (!ref || name === undefined || name === '' || hasPlaceholder(ref, ctx.parsed)) continue;
        const self = name === c.name && !c.templatedName;
        if (!self && (idx.byName.has(name) || !idx.complete)) continue;
        const closest = closestName(name, [...idx.byName.keys()].filter((n) => n !== c.name));
        const fixes: Fix[] = [];
        if (closest) fixes.push({ title: `Change to '${closest}'`, preferred: true, edits: [replaceNodeEdit(ref, closest)] });
        fixes.push({ title: 'Remove this entry', edits: removeEdits(ctx.text, entry) });
        ctx.report({
          node: ref,
          message: `volumesFrom refers to '${name}', which is not another container in this task${self ? ' (it is this container itself)' : closest ? ` (did you mean '${closest}'?)` : ''}.`,
          related: self && c.nameNode ? [{ node: c.nameNode, message: `this container is '${name}'` }] : undefined,
          fixes,
        });
      }
    }
  },
});
