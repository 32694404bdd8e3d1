import { containerAnchor, containerLabel, isTrue, objectChild } from '../container-facts';
import { replaceNodeEdit } from '../edits';
import { insertPropertyEdits } from '../layout-edits';
import { child } from '../tree';
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
\`linuxParameters.tmpfs\` mount (tmpfs works on Fargate since January 2026). ECS Exec needs to write into the
container, so it does not work with a read-only root filesystem. Windows containers do not support the setting
and are not checked.`,
  fixDocs: '"Set readonlyRootFilesystem: true" (not preferred: check first which paths the application writes).',
  examples: {
    bad: '{ "name": "api", "image": "api:3.2.0" }',
    good: '{ "name": "api", "image": "api:3.2.0", "readonlyRootFilesystem": true, "linuxParameters": { "tmpfs": [ { "containerPath": "/tmp", "size": 64 } ] } }',
  },
  sources: [
    'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html',
    'Security Hub ECS.5',
    'Checkov CKV_AWS_336',
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
        message: `'${containerLabel(container)}' can write to its root filesystem; making it read-only blocks tampering. Give the paths it writes to a tmpfs or a volume.${exec ? ' (If you use ECS Exec here, note that it needs a writable root filesystem.)' : ''}`,
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
