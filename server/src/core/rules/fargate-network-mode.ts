import { setPropertyEdits } from '../fixes/layout-edits';
import { anchorOf, child, isEmptyValue } from '../syntax/tree';
import { defineRule } from './rule';

export default defineRule({
  id: 'fargate-network-mode',
  severity: 'error',
  kinds: ['R', 'D'],
  launch: ['F'],
  category: 'fargate',
  summary: "Fargate task whose networkMode is not 'awsvpc' (or is missing)",
  docs: `Each Fargate task gets its own elastic network interface in your VPC, so \`awsvpc\` is the only network
mode Fargate runs. \`bridge\`, \`host\` and \`none\` are EC2 features, and leaving \`networkMode\` out does not help:
the API's default is \`bridge\`, so a Fargate definition without it is refused.

Set \`"networkMode": "awsvpc"\`. After switching from \`bridge\`, check the port mappings (in awsvpc the host
port must equal the container port, or be left out) and drop \`links\` and \`hostname\`, which awsvpc does not
support.`,
  fixDocs: "\"Set networkMode to 'awsvpc'\" (preferred): replaces the value, or adds the key when it is missing.",
  examples: {
    bad: '{ "requiresCompatibilities": ["FARGATE"], "networkMode": "bridge" }',
    good: '{ "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc" }',
  },
  sources: [
    'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html',
    'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html',
  ],
  check(ctx) {
    const task = ctx.doc.task;
    if (!task) return;
    const node = child(task, 'networkMode');
    if (node && !isEmptyValue(node) && (node.value === 'awsvpc' || ctx.isPlaceholder(node, { enumField: true }))) return;
    const found = !node || isEmptyValue(node) ? 'nothing' : `'${ctx.text.slice(node.offset, node.offset + node.length).replace(/^"|"$/g, '')}'`;
    ctx.report({
      ...(node ? { node } : { range: anchorOf(task) }),
      message: `Fargate tasks must use networkMode 'awsvpc' (found ${found}).`,
      fixes: () => [{ title: "Set networkMode to 'awsvpc'", preferred: true, edits: setPropertyEdits(ctx.text, task, 'networkMode', 'awsvpc') }],
    });
  },
});
