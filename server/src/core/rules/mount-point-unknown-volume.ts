import { RESOURCE_NAME_REGEX } from '../facts/limits';
import { replaceNodeEdit } from '../fixes/edits';
import { appendElementEdits, setPropertyEdits } from '../fixes/layout-edits';
import { closestName, containerIndex, hasPlaceholder, volumeIndex } from '../documents/task-index';
import { child, items, str } from '../syntax/tree';
import type { Fix } from '../types';
import { defineRule } from './rule';

export default defineRule({
  id: 'mount-point-unknown-volume',
  severity: 'error',
  kinds: ['R', 'D'],
  launch: 'any',
  category: 'containers',
  summary: 'mountPoints[].sourceVolume is not declared in volumes',
  docs: `A mount point mounts one of the task's \`volumes\` into the container; \`sourceVolume\` is that volume's
\`name\`. ECS refuses a mount point whose volume the task does not declare (often a typo, or a volume that was
renamed or removed).

Names are compared exactly. A volume declared with only a \`name\` is a task-scoped bind mount that works on
every launch type, which is what the "declare" fix adds. Container-definition arrays (Terraform
\`container_definitions\`) are not checked, because their volumes are declared on the resource. When the volume
list is templated, unknown names are not reported.`,
  fixDocs: "Change the name to the closest declared volume (preferred when there is one), or declare a volume with that name.",
  examples: {
    bad: '{ "volumes": [ { "name": "php-code" } ], "containerDefinitions": [ { "name": "web", "image": "nginx:1.27", "mountPoints": [ { "sourceVolume": "code", "containerPath": "/var/www" } ] } ] }',
    good: '{ "volumes": [ { "name": "php-code" } ], "containerDefinitions": [ { "name": "web", "image": "nginx:1.27", "mountPoints": [ { "sourceVolume": "php-code", "containerPath": "/var/www" } ] } ] }',
  },
  sources: ['https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_MountPoint.html'],
  check(ctx) {
    const task = ctx.doc.task;
    const volumes = volumeIndex(ctx.doc, ctx.parsed);
    if (!task || !volumes.complete) return;
    const list = child(task, 'volumes');
    for (const c of containerIndex(ctx.doc, ctx.parsed).entries) {
      for (const mp of items(child(c.node, 'mountPoints'))) {
        const ref = child(mp, 'sourceVolume');
        const name = str(ref);
        if (!ref || !name || hasPlaceholder(ref, ctx.parsed) || volumes.byName.has(name)) continue;
        const closest = closestName(name, [...volumes.byName.keys()]);
        const fixes = (): Fix[] => {
          const out: Fix[] = [];
          if (closest) out.push({ title: `Change to '${closest}'`, preferred: true, edits: [replaceNodeEdit(ref, closest)] });
          // Declaring a volume under a name that is not valid would trade this error for invalid-format.
          if (RESOURCE_NAME_REGEX.test(name)) {
            const declare = list?.type === 'array' ? appendElementEdits(ctx.text, list, { name }) : setPropertyEdits(ctx.text, task, 'volumes', [{ name }]);
            out.push({ title: `Declare volume '${name}'`, preferred: !closest, edits: declare });
          }
          return out;
        };
        ctx.report({
          node: ref,
          message: `Mount point uses volume '${name}', which is not declared in volumes${closest ? ` (did you mean '${closest}'?)` : ''}.`,
          fixes,
        });
      }
    }
  },
});
