import { containerRefs, retargetFixes, selfRelated, unresolvedRef } from '../documents/container-refs';
import { containerIndex } from '../documents/task-index';
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
    for (const r of containerRefs(idx, ctx.parsed, 'volumesFrom')) {
      const miss = unresolvedRef(idx, r);
      if (!miss) continue;
      const hint = r.self ? ' (it is this container itself)' : miss.closest ? ` (did you mean '${miss.closest}'?)` : '';
      ctx.report({
        node: r.ref,
        message: `volumesFrom refers to '${r.name}', which is not another container in this task${hint}.`,
        related: selfRelated(r),
        fixes: () => retargetFixes(ctx.text, r, miss.closest, 'Remove this entry'),
      });
    }
  },
});
