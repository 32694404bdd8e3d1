import { setPropertyEdits } from '../fixes/layout-edits';
import { child, isEmptyValue, str } from '../syntax/tree';
import { defineRule } from './rule';

export default defineRule({
  id: 'network-mode-ec2-only',
  severity: 'hint',
  kinds: ['R', 'D'],
  launch: ['U'],
  category: 'networking',
  summary: 'bridge/host/none network mode without a declared launch type',
  docs: `\`networkMode\` \`bridge\`, \`host\` and \`none\` exist only on EC2 and EXTERNAL (ECS Anywhere) capacity; Fargate
requires \`awsvpc\`. This definition does not say where it runs (\`requiresCompatibilities\` is missing), so ECS
treats it as EC2-only, and the linter cannot apply the launch-type checks.

Declare \`requiresCompatibilities\` (\`["EC2"]\` or \`["EXTERNAL"]\`) to document the intent and enable those checks.
You can also set the launch type for a file with a first-line comment \`// ecs-taskdef: launchType=EC2\` or the
\`ecsTaskdef.launchType\` setting.`,
  fixDocs: 'Add requiresCompatibilities ["EC2"] (preferred) or ["EXTERNAL"].',
  examples: {
    bad: '{ "family": "consul", "networkMode": "host", "containerDefinitions": [ { "name": "consul", "image": "hashicorp/consul:1.19", "memory": 256 } ] }',
    good: '{ "family": "consul", "networkMode": "host", "requiresCompatibilities": ["EC2"], "containerDefinitions": [ { "name": "consul", "image": "hashicorp/consul:1.19", "memory": 256 } ] }',
  },
  sources: ['https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html'],
  check(ctx) {
    const task = ctx.doc.task;
    const node = child(task, 'networkMode');
    const mode = str(node);
    if (!task || !node || !mode || !ctx.doc.networkModeExplicit || !['bridge', 'host', 'none'].includes(mode)) return;
    const declared = child(task, 'requiresCompatibilities');
    if (declared && !isEmptyValue(declared)) return; // a placeholder or unknown values: the template decides
    ctx.report({
      node,
      message: `networkMode '${mode}' only runs on EC2 or EXTERNAL capacity; declare requiresCompatibilities so the matching checks run.`,
      fixes: () => [
        { title: 'Add requiresCompatibilities ["EC2"]', preferred: true, edits: setPropertyEdits(ctx.text, task, 'requiresCompatibilities', ['EC2']) },
        { title: 'Add requiresCompatibilities ["EXTERNAL"]', edits: setPropertyEdits(ctx.text, task, 'requiresCompatibilities', ['EXTERNAL']) },
      ],
    });
  },
});
