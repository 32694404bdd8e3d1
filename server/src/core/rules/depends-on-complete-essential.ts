import { containerRefs } from '../documents/container-refs';
import { replaceNodeEdit } from '../fixes/edits';
import { setPropertyEdits } from '../fixes/layout-edits';
import { containerIndex, containerLabel, essentialOf } from '../documents/task-index';
import { child, str } from '../syntax/tree';
import { defineRule } from './rule';

export default defineRule({
  id: 'depends-on-complete-essential',
  severity: 'error',
  kinds: ['R', 'D', 'A'],
  launch: 'any',
  category: 'containers',
  summary: 'Waiting for COMPLETE/SUCCESS on an essential container',
  docs: `\`COMPLETE\` and \`SUCCESS\` make a container wait until another one has exited (with any code, or with
code 0). That only makes sense for a run-once container such as a migration or an init step, and ECS requires
such a target to be non-essential: when an essential container exits, ECS stops the whole task, so the
waiting container would never get to run. Leaving \`essential\` out means \`true\`.

Mark the run-once container \`"essential": false\`, or, if it is a long-running service, wait for \`START\`
(or \`HEALTHY\`) instead.`,
  fixDocs: "Mark the target container essential: false (preferred), or change the condition to START.",
  examples: {
    bad: '[ { "name": "app", "image": "app:1.0", "dependsOn": [ { "containerName": "migrate", "condition": "SUCCESS" } ] }, { "name": "migrate", "image": "app:1.0", "command": ["migrate"] } ]',
    good: '[ { "name": "app", "image": "app:1.0", "dependsOn": [ { "containerName": "migrate", "condition": "SUCCESS" } ] }, { "name": "migrate", "image": "app:1.0", "command": ["migrate"], "essential": false } ]',
  },
  sources: ['https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDependency.html'],
  check(ctx) {
    const idx = containerIndex(ctx.doc, ctx.parsed);
    for (const { from, entry, ref, target } of containerRefs(idx, ctx.parsed, 'dependsOn')) {
      const condition = child(entry, 'condition');
      const cond = str(condition);
      if (cond !== 'COMPLETE' && cond !== 'SUCCESS') continue;
      if (!target || target === from || target.opaque || essentialOf(target.node, ctx.parsed) !== true) continue;
      const name = containerLabel(target);
      const essentialNode = child(target.node, 'essential');
      // Only when another container stays essential: ECS needs one (no-essential-container).
      const canUnmark = idx.entries.some((e) => e !== target && essentialOf(e.node, ctx.parsed) !== false);
      ctx.report({
        node: ref,
        message: `'${name}' is essential, so waiting on it with ${cond} stops the whole task when it exits; mark it essential: false or wait for START.`,
        related: [{ node: essentialNode ?? target.nameNode, message: `'${name}' is essential${essentialNode ? '' : ' (the default)'}` }],
        fixes: () => [
          ...(canUnmark
            ? [{
                title: `Mark '${name}' essential: false`,
                preferred: true,
                edits: essentialNode ? [replaceNodeEdit(essentialNode, false)] : setPropertyEdits(ctx.text, target.node, 'essential', false),
              }]
            : []),
          { title: 'Change condition to START', edits: [replaceNodeEdit(condition!, 'START')] },
        ],
      });
    }
  },
});
