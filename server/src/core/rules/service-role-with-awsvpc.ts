import { removeEdits } from '../fixes/edits';
import { usesAwsvpc } from '../workspace/service-context';
import { defineRule } from './rule';
import { clip, taskRelated } from './_service';

export default defineRule({
  id: 'service-role-with-awsvpc',
  severity: 'error',
  kinds: ['S'],
  launch: 'any',
  category: 'deployment',
  summary: 'A service sets role although its tasks use the awsvpc network mode',
  docs: `A service's \`role\` (CloudFormation \`Role\`) is the old per-service IAM role that lets ECS register tasks with a
classic load balancer setup. It is accepted only with a load balancer and a task definition that does not use the
\`awsvpc\` network mode; with \`awsvpc\` (always the case on Fargate) ECS uses its service-linked role
(\`AWSServiceRoleForECS\`) and refuses a \`role\`. The property is often filled in by mistake with the task role or the
task execution role, which belong in the task definition.

Reported when the linked task definition uses \`awsvpc\`, or the service itself has
\`networkConfiguration.awsvpcConfiguration\` (which only awsvpc tasks take).`,
  fixDocs: 'Remove the role (JSON service definitions).',
  examples: {
    bad: '{ "serviceName": "web", "taskDefinition": "web", "role": "arn:aws:iam::111122223333:role/ecsTaskExecutionRole", "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-0abc1234"] } } }',
    good: '{ "serviceName": "web", "taskDefinition": "web", "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-0abc1234"] } } }',
  },
  sources: ['https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html', 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using-service-linked-roles.html'],
  checkService(ctx) {
    const s = ctx.service;
    const role = s.role;
    if (!role || role.node.type === 'null' || (role.value !== undefined && role.value.trim() === '')) return;
    const awsvpc = ctx.task && usesAwsvpc(ctx.task);
    if (!awsvpc && !s.awsvpcConfiguration) return;
    const why = awsvpc && ctx.task ? `${clip(ctx.task.label)} uses the awsvpc network mode` : 'the service has an awsvpcConfiguration';
    const json = s.source === 'create-service' || s.source === 'update-service';
    ctx.report({
      node: role.node,
      message: `ECS refuses a service role here: ${why}, so it uses its service-linked role; remove role.`,
      related: awsvpc && ctx.task ? taskRelated(ctx.task, ctx.task.networkModeNode, 'network mode of the task definition') : [],
      fixes: json ? [{ title: 'Remove role', preferred: true, edits: removeEdits(ctx.text, role.node) }] : [],
    });
  },
});
