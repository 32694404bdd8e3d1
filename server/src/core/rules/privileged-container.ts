import { removeEdits } from '../fixes/edits';
import { containerLabel, isTrue } from '../documents/container-facts';
import { child, keyOf } from '../syntax/tree';
import { defineRule } from './rule';

export default defineRule({
  id: 'privileged-container',
  severity: 'warning',
  kinds: ['R', 'D', 'A'],
  launch: ['E', 'X', 'M', 'U'],
  category: 'security',
  summary: 'Container runs privileged',
  docs: `\`privileged: true\` gives the container nearly every capability of root on the host: all devices,
the ability to mount filesystems and to load kernel modules. A compromise of that container is a compromise of the
instance and of every other task on it.

Most workloads that "need" privileged mode need one or two capabilities; add those under
\`linuxParameters.capabilities.add\` instead, or mount the specific device with \`linuxParameters.devices\`.
Fargate refuses privileged containers outright (\`fargate-unsupported-parameter\`).`,
  fixDocs: '"Remove privileged" (preferred).',
  examples: {
    bad: '{ "name": "runner", "image": "judge0:1.13.1", "privileged": true }',
    good: '{ "name": "runner", "image": "judge0:1.13.1" }',
  },
  sources: [
    'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html',
    'Security Hub ECS.4 / AWS Config ecs-containers-nonprivileged',
    'Checkov CKV_AWS_334',
  ],
  check(ctx) {
    for (const container of ctx.doc.containers) {
      const value = child(container, 'privileged');
      if (!isTrue(value)) continue;
      const key = keyOf(value)!;
      ctx.report({
        node: key,
        message: `'${containerLabel(container)}' runs privileged, with nearly full root access to the host; add only the capabilities it needs instead.`,
        fixes: () => [{ title: 'Remove privileged', preferred: true, edits: removeEdits(ctx.text, value!) }],
        dedupeKey: `privileged-container@${key.offset}`,
      });
    }
  },
});
