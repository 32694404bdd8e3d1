/** An aws_ecs_service block read into the tree the service model reads (tf-services.ts), in API names. */
import type { Node } from 'jsonc-parser';
import { firstOf, literalString, named, type SyntaxNode } from '../syntax/hcl';
import { TF_SERVICE, type TfField } from './tf-names';
import type { TfValue } from './tf-values';
import type { MutableNode as MNode } from '../syntax/tree';
import type { TfService } from './tf-module';
import { Builder, headerOf } from './tf-builder';
import { readBody } from './tf-task-read';

/**
 * aws_ecs_service's arguments the service rules read, in API names where the API has the same shape. Terraform
 * flattens a few: `network_configuration` is the API's `awsvpcConfiguration` (tf-services.ts nests it), the
 * deployment_* arguments sit on the resource (read as `deploymentMaximumPercent`, …), `iam_role` is `role`, and
 * `service_connect_configuration { service { … } }` repeats `service` for the API's `services`.
 */
const SERVICE_FIELDS: Record<string, TfField> = {
  task_definition: { api: 'taskDefinition' },
  launch_type: { api: 'launchType' },
  desired_count: { api: 'desiredCount', number: true },
  scheduling_strategy: { api: 'schedulingStrategy' },
  platform_version: { api: 'platformVersion' },
  iam_role: { api: 'role' },
  capacity_provider_strategy: { api: 'capacityProviderStrategy', list: true, fields: { capacity_provider: { api: 'capacityProvider' }, weight: { api: 'weight' }, base: { api: 'base' } } },
  network_configuration: {
    api: 'networkConfiguration',
    fields: { subnets: { api: 'subnets' }, security_groups: { api: 'securityGroups' }, assign_public_ip: { api: 'assignPublicIp' } },
  },
  load_balancer: {
    api: 'loadBalancers',
    list: true,
    fields: { target_group_arn: { api: 'targetGroupArn' }, elb_name: { api: 'loadBalancerName' }, container_name: { api: 'containerName' }, container_port: { api: 'containerPort', number: true } },
  },
  service_registries: {
    api: 'serviceRegistries',
    list: true,
    fields: { registry_arn: { api: 'registryArn' }, port: { api: 'port', number: true }, container_name: { api: 'containerName' }, container_port: { api: 'containerPort', number: true } },
  },
  service_connect_configuration: {
    api: 'serviceConnectConfiguration',
    fields: { enabled: { api: 'enabled' }, namespace: { api: 'namespace' }, service: { api: 'services', list: true, fields: { port_name: { api: 'portName' }, discovery_name: { api: 'discoveryName' } } } },
  },
  vpc_lattice_configurations: { api: 'vpcLatticeConfigurations', list: true, fields: { port_name: { api: 'portName' }, role_arn: { api: 'roleArn' }, target_group_arn: { api: 'targetGroupArn' } } },
  deployment_controller: { api: 'deploymentController', fields: { type: { api: 'type' } } },
  deployment_maximum_percent: { api: 'deploymentMaximumPercent', number: true },
  deployment_minimum_healthy_percent: { api: 'deploymentMinimumHealthyPercent', number: true },
  deployment_circuit_breaker: { api: 'deploymentCircuitBreaker', fields: { enable: { api: 'enable' }, rollback: { api: 'rollback' } } },
  alarms: { api: 'alarms', fields: { enable: { api: 'enable' }, rollback: { api: 'rollback' }, alarm_names: { api: 'alarmNames' } } },
};

export function readService(text: string, block: SyntaxNode, name: string, scope: ReadonlyMap<string, TfValue>): TfService {
  const b = new Builder(text, scope);
  const svc: MNode = { type: 'object', offset: block.startIndex, length: block.endIndex - block.startIndex, children: [] };
  readBody(b, firstOf(block, 'body'), SERVICE_FIELDS, svc);
  const td = named(firstOf(block, 'body')).find((c) => c.type === 'attribute' && firstOf(c, 'identifier')?.text === 'task_definition');
  // `aws_ecs_task_definition.x.arn`, `.family`, `.arn_without_revision`, or `"${aws_ecs_task_definition.x.family}:${…revision}"`;
  // `aws_ecs_task_definition.x[each.key].arn` (count/for_each) links to the one block all instances share.
  const expr = td ? firstOf(td, 'expression') : undefined;
  const m = expr ? /^\s*(?:"\$\{\s*)?(aws_ecs_task_definition\.[A-Za-z0-9_-]+)(?:\[[^\]]*\])?\.(?:arn|arn_without_revision|family|id)\b/.exec(expr.text) : null;
  const dynamicBlocks = new Map<string, { offset: number; length: number }>();
  for (const item of named(firstOf(block, 'body'))) {
    if (item.type !== 'block' || firstOf(item, 'identifier')?.text !== 'dynamic') continue;
    const label = literalString(named(item).find((c) => c.type === 'string_lit'));
    if (label) dynamicBlocks.set(label, { offset: item.startIndex, length: item.endIndex - item.startIndex });
  }
  return { address: `${TF_SERVICE}.${name}`, name, header: headerOf(text, block), taskDefinitionRef: m?.[1], root: svc as Node, placeholderOffsets: b.placeholderOffsets, resolved: b.resolved, scalars: b.scalars, dynamicBlocks, taskDefinitionMisuse: expr ? misuse(expr) : undefined };
}

/** A task_definition expression that holds container JSON instead of naming a task definition. */
function misuse(expr: SyntaxNode): TfService['taskDefinitionMisuse'] {
  const t = expr.text.trim();
  const at = { offset: expr.startIndex, length: expr.endIndex - expr.startIndex };
  const call = /^(jsonencode|file|templatefile|yamlencode)\s*\(/.exec(t);
  if (call) return { ...at, what: `the result of ${call[1]}(…)` };
  if (/^<<-?[A-Z_]+/.test(t)) return { ...at, what: 'a heredoc' };
  const attr = /^(aws_ecs_task_definition\.[A-Za-z0-9_-]+)\.container_definitions$/.exec(t);
  if (attr) return { ...at, what: `${attr[1]}.container_definitions` };
  return undefined;
}
