import { containerAnchor, containerLabel, isTrue, objectChild } from '../documents/container-facts';
import { replaceNodeEdit } from '../fixes/edits';
import { insertPropertyEdits } from '../fixes/layout-edits';
import { child } from '../syntax/tree';
import { defineRule } from './rule';

export default defineRule({
  id: 'readonly-root-filesystem',
  severity: 'hint',
  kinds: ['R', 'D', 'A'],
  launch: 'any',
  category: 'security',
  summary: 'Container can write to its root filesystem',
  docs: `Unless \`readonlyRootFilesystem\` is \`true\`, a container can modify its own image layers at run time:
an attacker who gets code execution can drop tools, change binaries or configuration, and the change survives
as long as the container does. A read-only root filesystem blocks that, and also surfaces hidden writes (log
files, caches) that would otherwise fill the task's storage.

Set \`readonlyRootFilesystem: true\` and give the paths the application really writes to a volume or a
\`linuxParameters.tmpfs\` mount (tmpfs works on Fargate since January 2026). Windows containers do not support
the setting and are not checked.

**ECS Exec.** \`aws ecs execute-command\` starts the SSM agent inside the container, and that agent writes its
state and logs under \`/var/lib/amazon\` and \`/var/log/amazon\`. On a read-only root filesystem it cannot, and the
exec session fails. Keep Exec working by giving it those two paths writable: declare two task volumes (no host
path needed, e.g. \`{ "name": "ssm-lib" }\`, \`{ "name": "ssm-log" }\`) and mount them with \`mountPoints\` at
\`/var/lib/amazon\` and \`/var/log/amazon\` (\`readOnly: false\`), or add \`linuxParameters.tmpfs\` entries for those
paths where tmpfs is available (EC2). The amazon-ecs-exec-checker script reports what is still missing.`,
  fixDocs: '"Set readonlyRootFilesystem: true" (not preferred: check first which paths the application writes).',
  examples: {
    bad: '{ "name": "api", "image": "api:3.2.0" }',
    good: '{ "name": "api", "image": "api:3.2.0", "readonlyRootFilesystem": true, "linuxParameters": { "tmpfs": [ { "containerPath": "/tmp", "size": 64 } ] } }',
  },
  sources: [
    'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html',
    'Security Hub ECS.5',
    'Checkov CKV_AWS_336',
    'https://github.com/aws/containers-roadmap/issues/1359 (ECS Exec with a read-only root filesystem)',
  ],
  check(ctx) {
    if (ctx.doc.os === 'windows') return;
    for (const container of ctx.doc.containers) {
      const value = child(container, 'readonlyRootFilesystem');
      if (isTrue(value) || (value && value.type !== 'boolean' && value.type !== 'null')) continue;
      const exec = isTrue(child(objectChild(container, 'linuxParameters'), 'initProcessEnabled'));
      const explicit = value?.type === 'boolean';
      ctx.report({
        ...(explicit ? { node: value } : { range: containerAnchor(container) }),
        message: exec
          ? `'${containerLabel(container)}' can write to its root filesystem; to make it read-only, give the paths it writes (ECS Exec: /var/lib/amazon, /var/log/amazon) a tmpfs or volume.`
          : `'${containerLabel(container)}' can write to its root filesystem; making it read-only blocks tampering. Give the paths it writes to a tmpfs or a volume.`,
        fixes: () => [
          {
            title: 'Set readonlyRootFilesystem: true',
            edits: explicit ? [replaceNodeEdit(value!, true)] : insertPropertyEdits(ctx.text, container, 'readonlyRootFilesystem', true),
          },
        ],
        dedupeKey: `readonly-root-filesystem@${container.offset}`,
      });
    }
  },
});
