import { child, items, keyOf, str } from '../syntax/tree';
import { isSet, removeFix, setFix } from './_task-size';
import { defineRule } from './rule';

export default defineRule({
  id: 'external-unsupported-parameter',
  severity: 'error',
  kinds: ['R', 'D'],
  launch: ['X'],
  category: 'fargate',
  summary: 'awsvpc, EFS or App Mesh on ECS Anywhere (EXTERNAL)',
  docs: `ECS Anywhere runs tasks on your own servers and VMs (\`requiresCompatibilities: ["EXTERNAL"]\`). Those
machines are outside your VPC, so several VPC-bound features are missing there:

- the \`awsvpc\` network mode (no elastic network interfaces): use \`bridge\`, \`host\` or \`none\`;
- EFS volumes;
- App Mesh proxy configuration;
- on Windows external instances, any explicit \`networkMode\`: Windows tasks there use the default mode.

Whether ECS refuses such a definition at registration or only fails to place the task is not confirmed; either way
the task does not run on an external instance.`,
  fixDocs: "\"Set networkMode to 'bridge'\" (preferred for awsvpc); \"Remove networkMode\" (Windows); \"Remove '{key}'\" for EFS and proxyConfiguration.",
  examples: {
    bad: '{ "requiresCompatibilities": ["EXTERNAL"], "networkMode": "awsvpc" }',
    good: '{ "requiresCompatibilities": ["EXTERNAL"], "networkMode": "bridge" }',
  },
  sources: ['https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-anywhere.html'],
  check(ctx) {
    const task = ctx.doc.task;
    const mode = child(task, 'networkMode');
    if (isSet(mode) && !ctx.isPlaceholder(mode, { enumField: true })) {
      if (ctx.doc.os === 'windows') {
        ctx.report({
          node: mode,
          message: 'ECS Anywhere (EXTERNAL) runs Windows tasks only in the default network mode; leave networkMode out.',
          fixes: () => [removeFix(ctx.text, mode, true, 'Remove networkMode')],
        });
      } else if (str(mode) === 'awsvpc') {
        ctx.report({
          node: mode,
          message: "ECS Anywhere (EXTERNAL) supports only the bridge, host or none network modes, not 'awsvpc'.",
          fixes: [setFix("Set networkMode to 'bridge'", mode, 'bridge', true)],
        });
      }
    }
    for (const volume of items(child(task, 'volumes'))) {
      const efs = child(volume, 'efsVolumeConfiguration');
      if (isSet(efs)) {
        ctx.report({ node: keyOf(efs) ?? efs, message: 'ECS Anywhere (EXTERNAL) cannot mount EFS volumes.', fixes: () => [removeFix(ctx.text, efs)] });
      }
    }
    const proxy = child(task, 'proxyConfiguration');
    if (isSet(proxy)) {
      ctx.report({ node: keyOf(proxy) ?? proxy, message: 'ECS Anywhere (EXTERNAL) does not integrate with App Mesh.', fixes: () => [removeFix(ctx.text, proxy)] });
    }
  },
});
