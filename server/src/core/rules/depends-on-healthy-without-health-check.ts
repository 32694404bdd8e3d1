import { containerRefs } from '../documents/container-refs';
import { replaceNodeEdit } from '../fixes/edits';
import { setPropertyEdits } from '../fixes/layout-edits';
import { containerIndex, containerLabel } from '../documents/task-index';
import { child, isEmptyValue, str } from '../syntax/tree';
import { defineRule } from './rule';

const HEALTH_CHECK_SKELETON = { command: ['CMD-SHELL', ''], interval: 30, timeout: 5, retries: 3 };

export default defineRule({
  id: 'depends-on-healthy-without-health-check',
  severity: 'error',
  kinds: ['R', 'D', 'A'],
  launch: 'any',
  category: 'containers',
  summary: 'Waiting for HEALTHY on a container that has no healthCheck',
  docs: `\`"condition": "HEALTHY"\` makes a container wait until the target container's health check passes. A
container without a \`healthCheck\` never reports healthy, so the waiting container never starts and the task
does not come up. (A \`HEALTHCHECK\` in the image does not count: ECS only runs the check from the task
definition.)

Either wait for \`START\` instead, or give the target container a health check that tests it is ready.`,
  fixDocs: 'Change the condition to START (preferred), or add a healthCheck skeleton to the target container and fill in its command.',
  examples: {
    bad: '[ { "name": "app", "image": "app:1.0", "dependsOn": [ { "containerName": "db", "condition": "HEALTHY" } ] }, { "name": "db", "image": "postgres:16.4" } ]',
    good: '[ { "name": "app", "image": "app:1.0", "dependsOn": [ { "containerName": "db", "condition": "HEALTHY" } ] }, { "name": "db", "image": "postgres:16.4", "healthCheck": { "command": ["CMD-SHELL", "pg_isready -U postgres"] } } ]',
  },
  sources: ['https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDependency.html'],
  check(ctx) {
    const idx = containerIndex(ctx.doc, ctx.parsed);
    for (const { from, entry, ref, target } of containerRefs(idx, ctx.parsed, 'dependsOn')) {
      const condition = child(entry, 'condition');
      if (str(condition) !== 'HEALTHY') continue;
      if (!target || target === from || target.opaque || !isEmptyValue(child(target.node, 'healthCheck'))) continue;
      const dependent = containerLabel(from);
      const name = containerLabel(target);
      ctx.report({
        node: ref,
        message: `'${dependent}' waits for '${name}' to be HEALTHY, but '${name}' has no healthCheck, so it never becomes healthy.`,
        related: target.nameNode ? [{ node: target.nameNode, message: `'${name}' defines no healthCheck` }] : undefined,
        fixes: () => [
          { title: 'Change condition to START', preferred: true, edits: [replaceNodeEdit(condition!, 'START')] },
          {
            title: `Add a healthCheck to '${name}'`,
            edits: setPropertyEdits(ctx.text, target.node, 'healthCheck', HEALTH_CHECK_SKELETON),
          },
        ],
      });
    }
  },
});
