import { runsOnFargate } from '../documents/service-model';
import type { ServiceRuleContext } from '../workspace/service-context';
import { defineRule } from './rule';
import { clip, taskRelated } from './_service';

export default defineRule({
  id: 'launch-type-incompatible',
  severity: 'error',
  kinds: ['S'],
  launch: 'any',
  category: 'deployment',
  summary: "A service runs on a launch type that the task definition's requiresCompatibilities does not allow",
  docs: `ECS validates a task definition against the launch types in its \`requiresCompatibilities\` when it is
registered, and a service can only run it on one of those. A service that runs on Fargate (\`launchType: FARGATE\`,
or a \`FARGATE\`/\`FARGATE_SPOT\` capacity provider) with a task definition that lists only \`EC2\` fails with "Task
definition does not support launch_type FARGATE"; the same holds for \`EC2\` and \`EXTERNAL\` launch types missing from
the list.

A task definition without \`requiresCompatibilities\` is judged only for Fargate, and only when its network mode is
not \`awsvpc\` (Fargate cannot run it then), as cfn-lint's E3054 does. A templated list or launch type is not judged.

Two more cases where the launch type and a setting disagree:
- \`assignPublicIp: ENABLED\` (Terraform: \`assign_public_ip = true\`) works on Fargate only; with the \`EC2\` or
  \`EXTERNAL\` launch type, or a strategy of EC2 capacity providers only, ECS refuses the service ("Assign public IP is
  not supported for this launch type").
- In Terraform, an \`aws_ecs_service\` with neither \`launch_type\` nor \`capacity_provider_strategy\` runs on the
  cluster's default capacity provider strategy, or on EC2 when the cluster has none. When its task definition requires
  \`FARGATE\` only and the module sets no default strategy (\`aws_ecs_cluster_capacity_providers\`), this is a
  warning: set \`launch_type = "FARGATE"\` or a \`capacity_provider_strategy\` so the service does not depend on the
  cluster's setup.`,
  examples: {
    bad: '{ "serviceName": "web", "taskDefinition": "web", "launchType": "FARGATE" }  // web: "requiresCompatibilities": ["EC2"]',
    good: '{ "serviceName": "web", "taskDefinition": "web", "launchType": "EC2" }',
  },
  sources: ['https://docs.aws.amazon.com/AmazonECS/latest/developerguide/launch_types.html', 'cfn-lint E3054'],
  checkService(ctx) {
    publicIpOutsideFargate(ctx);
    defaultStrategy(ctx);
    const task = ctx.task;
    if (!task || !task.requiresKnown) return;
    const fargate = runsOnFargate(ctx.service);
    const lt = ctx.service.launchType;
    const runsOn = fargate ? { field: fargate, type: 'FARGATE' } : lt?.value && ['EC2', 'EXTERNAL'].includes(lt.value) ? { field: lt, type: lt.value } : undefined;
    if (!runsOn) return;
    const req = task.requires;
    if (req ? req.includes(runsOn.type) : runsOn.type !== 'FARGATE' || task.networkMode === 'awsvpc' || task.networkMode === null) return;
    const how = runsOn.field === lt ? `launchType ${runsOn.type}` : `capacity provider ${runsOn.field.value}`;
    const why = req ? `its requiresCompatibilities is [${req.join(', ')}]` : 'it has no requiresCompatibilities and its network mode is not awsvpc';
    ctx.report({
      node: runsOn.field.node,
      message: `This service runs on ${how}, which ${clip(task.label)} does not support: ${why}.`,
      related: taskRelated(task, task.requiresNode ?? task.networkModeNode, 'the task definition\'s compatibilities'),
    });
  },
});

/** assignPublicIp enabled on a service that does not run on Fargate. */
function publicIpOutsideFargate(ctx: ServiceRuleContext): void {
  const s = ctx.service;
  if (s.assignPublicIp?.value !== true || runsOnFargate(s)) return;
  const lt = s.launchType?.value;
  const providers = s.capacityProviders;
  let how: string | undefined;
  if (lt === 'EC2' || lt === 'EXTERNAL') how = `launchType ${lt}`;
  else if (!s.launchType && s.capacityProviderStrategy && !s.isPlaceholder(s.capacityProviderStrategy) && providers.length > 0 && providers.every((p) => p.value !== undefined)) {
    // Entries that are placeholders or dynamic blocks are not in `providers`: only a fully literal strategy is judged.
    const entries = s.capacityProviderStrategy.type === 'array' ? (s.capacityProviderStrategy.children ?? []).length : 1;
    if (entries === providers.length) how = `capacity provider${providers.length === 1 ? '' : 's'} ${providers.map((p) => p.value).join(', ')}`;
  }
  if (!how) return;
  ctx.report({ node: s.assignPublicIp.node, message: `A public IP can only be assigned on Fargate, and this service runs on ${how}; turn assignPublicIp off.` });
}

/** A FARGATE-only task definition run by a Terraform service that names no launch type or capacity providers. */
function defaultStrategy(ctx: ServiceRuleContext): void {
  const s = ctx.service;
  const task = ctx.task;
  if (!s.defaultStrategyUnseen || s.launchType || s.capacityProviderStrategy || !task?.requiresKnown) return;
  if (task.requires?.length !== 1 || task.requires[0] !== 'FARGATE') return;
  ctx.report({
    node: s.anchor,
    severity: 'warning',
    message: 'No launchType or capacityProviderStrategy, so the cluster default (or EC2) runs it, but its task needs FARGATE; set launchType.',
    related: taskRelated(task, task.requiresNode, "the task definition's compatibilities"),
  });
}
