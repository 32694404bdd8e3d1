import { runsOnFargate } from '../documents/service-model';
import { keyOf } from '../syntax/tree';
import { usesAwsvpc } from '../workspace/service-context';
import { defineRule } from './rule';
import { clip, taskRelated } from './_service';

export default defineRule({
  id: 'network-configuration-required',
  severity: 'error',
  kinds: ['S'],
  launch: 'any',
  category: 'deployment',
  summary: 'A service runs an awsvpc task definition (or runs on Fargate) without networkConfiguration.awsvpcConfiguration',
  docs: `A task in \`awsvpc\` network mode gets its own network interface, and ECS needs to know where to create it: the
subnets (and security groups) in the service's \`networkConfiguration.awsvpcConfiguration\`. A service that runs an
\`awsvpc\` task definition, or runs on Fargate (which only supports \`awsvpc\`), without that block is refused when it
is created ("Network Configuration must be provided when networkMode 'awsvpc' is specified"), as cfn-lint's E3052
also reports for templates.

Checked on service definitions for create-service, ecspresso and CloudFormation. Not on update-service input
(leaving the block out keeps the current one) nor on a CodeDeploy appspec, where \`NetworkConfiguration\` is
optional and the service's own setting applies.`,
  examples: {
    bad: '{ "serviceName": "web", "cluster": "prod", "taskDefinition": "web", "launchType": "FARGATE", "desiredCount": 2 }',
    good: '{ "serviceName": "web", "cluster": "prod", "taskDefinition": "web", "launchType": "FARGATE", "desiredCount": 2, "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-0abc1234"], "securityGroups": ["sg-0abc1234"] } } }',
  },
  sources: ['https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_NetworkConfiguration.html', 'cfn-lint E3052'],
  checkService(ctx) {
    const s = ctx.service;
    if (s.source === 'appspec' || s.source === 'update-service' || s.awsvpcConfiguration) return;
    if (s.networkConfiguration && s.isPlaceholder(s.networkConfiguration)) return;
    const fargate = runsOnFargate(s);
    const awsvpc = ctx.task && usesAwsvpc(ctx.task);
    if (!fargate && !awsvpc) return;
    const why = awsvpc && ctx.task ? `${clip(ctx.task.label, 40)} uses the awsvpc network mode` : `it runs on ${fargate!.value}, which needs the awsvpc network mode`;
    ctx.report({
      node: keyOf(s.networkConfiguration) ?? s.anchor,
      message: `Add networkConfiguration.awsvpcConfiguration (subnets, security groups): ${why}.`,
      related: awsvpc && ctx.task ? taskRelated(ctx.task, ctx.task.networkModeNode, 'network mode of the task definition') : [],
    });
  },
});
