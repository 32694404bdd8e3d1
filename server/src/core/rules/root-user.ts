import { containerAnchor, containerLabel, isTrue } from '../documents/container-facts';
import { replaceNodeEdit } from '../fixes/edits';
import { insertPropertyEdits } from '../fixes/layout-edits';
import { child, str } from '../syntax/tree';
import { defineRule } from './rule';

const ROOT = /^(root|0)(:.*)?$/;
const SUGGESTED_USER = '1000:1000';

export default defineRule({
  id: 'root-user',
  severity: 'warning',
  kinds: ['R', 'D', 'A'],
  launch: 'any',
  category: 'security',
  summary: 'Container explicitly runs as root, or host network mode without a user',
  docs: `A process running as root inside a container is one kernel bug or one mis-mounted path away from
being root on the host. Two cases are reported:

- \`user\` is explicitly root: \`"root"\`, \`"0"\`, or either of them with a group (\`"0:0"\`, \`"root:wheel"\`).
- The task uses \`networkMode: "host"\`, the container sets no \`user\` and is not privileged: it shares the
  host's network stack and runs as the image's default user, which is root for most images. This is the case
  AWS Security Hub control ECS.1 checks.

A FireLens log router (a container with \`firelensConfiguration\`) that sets \`"user": "0"\` is not reported:
that is the set-up AWS documents for the Fluent Bit and Fluentd routers.

Set \`user\` to a non-root UID (and GID) that the image supports. An absent \`user\` outside host mode is not
reported: the image's own \`USER\` decides, and it is not visible from the task definition. Windows containers
are not checked.`,
  subCases: [],
  fixDocs: `"Set user to ${SUGGESTED_USER}" (not preferred: the right UID depends on the image).`,
  examples: {
    bad: '{ "networkMode": "host", "containerDefinitions": [ { "name": "agent", "image": "agent:7.2", "memory": 256 } ] }',
    good: '{ "networkMode": "host", "containerDefinitions": [ { "name": "agent", "image": "agent:7.2", "memory": 256, "user": "10001" } ] }',
  },
  sources: [
    'https://docs.aws.amazon.com/config/latest/developerguide/ecs-task-definition-user-for-host-mode-check.html',
    'Security Hub ECS.1',
  ],
  check(ctx) {
    if (ctx.doc.os === 'windows') return;
    for (const container of ctx.doc.containers) {
      const user = child(container, 'user');
      const u = str(user);
      const label = containerLabel(container);
      if (u !== undefined && u !== '') {
        if (!ROOT.test(u.trim()) || ctx.isPlaceholder(user)) continue;
        // AWS's FireLens examples run the log router as "0": it reads the task's log socket as root.
        if (child(container, 'firelensConfiguration')?.type === 'object') continue;
        ctx.report({
          node: user,
          message: `'${label}' explicitly runs as root ('${u}').`,
          fixes: [{ title: `Set user to ${SUGGESTED_USER}`, edits: [replaceNodeEdit(user!, SUGGESTED_USER)] }],
          dedupeKey: `root-user@${user!.offset}`,
        });
        continue;
      }
      if (user && user.type !== 'null' && user.type !== 'string') continue; // wrong-type
      if (ctx.doc.networkMode !== 'host' || isTrue(child(container, 'privileged'))) continue;
      ctx.report({
        range: containerAnchor(container),
        message: `'${label}' shares the host's network stack and would run as the image's default user, usually root. Set a non-root user.`,
        fixes: () => [{ title: `Set user to ${SUGGESTED_USER}`, edits: insertPropertyEdits(ctx.text, container, 'user', SUGGESTED_USER) }],
        dedupeKey: `root-user@${container.offset}`,
      });
    }
  },
});
