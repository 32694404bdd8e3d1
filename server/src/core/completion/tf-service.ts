/**
 * Hover and completion inside a .tf file's `resource "aws_ecs_service"`: arguments in Terraform's names, explained
 * with the service schema's descriptions (our own words, schemas/service-definition.schema.json); enum values
 * (launch_type, scheduling_strategy, propagate_tags, …); and in a `load_balancer` or `service_registries` block the
 * container names (and that container's ports) of the aws_ecs_task_definition the service runs, in any file of the
 * module that was read; Service Connect `port_name` offers the task's port-mapping names.
 */
import { findNodeAtOffset, type Node } from 'jsonc-parser';
import serviceSchema from '../../../../schemas/service-definition.schema.json';
import type { Classification } from '../documents/classify';
import type { TfService } from '../documents/tf-module';
import { child, items, str } from '../syntax/tree';
import type { OffsetRange } from '../types';
import type { CompletionEntry } from './index';

interface SchemaNode {
  description?: string;
  markdownDescription?: string;
  enum?: unknown[];
  type?: string;
  $ref?: string;
  items?: SchemaNode;
  properties?: Record<string, SchemaNode>;
}

/** aws_ecs_service's arguments and blocks → the API path under the service (Terraform flattens a few). */
interface TfServiceArg {
  api: string[];
  block?: true;
  fields?: Record<string, TfServiceArg>;
}

const arg = (...api: string[]): TfServiceArg => ({ api });
const block = (fields: Record<string, TfServiceArg>, ...api: string[]): TfServiceArg => ({ api, block: true, fields });

export const TF_SERVICE_ARGS: Record<string, TfServiceArg> = {
  name: arg('serviceName'),
  cluster: arg('cluster'),
  task_definition: arg('taskDefinition'),
  desired_count: arg('desiredCount'),
  launch_type: arg('launchType'),
  platform_version: arg('platformVersion'),
  scheduling_strategy: arg('schedulingStrategy'),
  iam_role: arg('role'),
  health_check_grace_period_seconds: arg('healthCheckGracePeriodSeconds'),
  enable_ecs_managed_tags: arg('enableECSManagedTags'),
  enable_execute_command: arg('enableExecuteCommand'),
  propagate_tags: arg('propagateTags'),
  force_new_deployment: arg('forceNewDeployment'),
  availability_zone_rebalancing: arg('availabilityZoneRebalancing'),
  deployment_maximum_percent: arg('deploymentConfiguration', 'maximumPercent'),
  deployment_minimum_healthy_percent: arg('deploymentConfiguration', 'minimumHealthyPercent'),
  tags: arg('tags'),
  capacity_provider_strategy: block({ capacity_provider: arg('capacityProvider'), weight: arg('weight'), base: arg('base') }, 'capacityProviderStrategy'),
  network_configuration: block({ subnets: arg('subnets'), security_groups: arg('securityGroups'), assign_public_ip: arg('assignPublicIp') }, 'networkConfiguration', 'awsvpcConfiguration'),
  load_balancer: block({ target_group_arn: arg('targetGroupArn'), elb_name: arg('loadBalancerName'), container_name: arg('containerName'), container_port: arg('containerPort') }, 'loadBalancers'),
  service_registries: block({ registry_arn: arg('registryArn'), port: arg('port'), container_name: arg('containerName'), container_port: arg('containerPort') }, 'serviceRegistries'),
  service_connect_configuration: block(
    { enabled: arg('enabled'), namespace: arg('namespace'), service: block({ port_name: arg('portName'), discovery_name: arg('discoveryName') }, 'services') },
    'serviceConnectConfiguration',
  ),
  deployment_circuit_breaker: block({ enable: arg('enable'), rollback: arg('rollback') }, 'deploymentConfiguration', 'deploymentCircuitBreaker'),
  deployment_controller: block({ type: arg('type') }, 'deploymentController'),
  alarms: block({ enable: arg('enable'), rollback: arg('rollback'), alarm_names: arg('alarmNames') }, 'deploymentConfiguration', 'alarms'),
  ordered_placement_strategy: block({ type: arg('type'), field: arg('field') }, 'placementStrategy'),
  placement_constraints: block({ type: arg('type'), expression: arg('expression') }, 'placementConstraints'),
};

const root = serviceSchema as unknown as SchemaNode & { definitions: Record<string, SchemaNode> };

function resolve(s: SchemaNode | undefined): SchemaNode | undefined {
  let n = s;
  for (let i = 0; n?.$ref && i < 8; i++) n = root.definitions[n.$ref.replace('#/definitions/', '')];
  if (n?.type === 'array' && n.items) return resolve(n.items);
  return n;
}

/** The schema of an API path under the service (arrays stepped through). */
function schemaOf(path: readonly string[]): SchemaNode | undefined {
  let n: SchemaNode | undefined = root;
  for (const key of path) {
    n = resolve(n);
    n = n?.properties?.[key];
    if (!n) return undefined;
  }
  return n;
}

/** The description of a path, with the `$ref`'d definition's when the property has none. */
function describe(path: readonly string[]): { text?: string; enum?: unknown[] } {
  const own = schemaOf(path);
  const target = resolve(own);
  return { text: own?.markdownDescription ?? own?.description ?? target?.markdownDescription ?? target?.description, enum: target?.enum ?? own?.enum };
}

/** The argument at a chain of Terraform names (`load_balancer`, `container_name`). */
function argAt(names: readonly string[]): TfServiceArg | undefined {
  let fields: Record<string, TfServiceArg> | undefined = TF_SERVICE_ARGS;
  let found: TfServiceArg | undefined;
  let api: string[] = [];
  for (const n of names) {
    found = fields?.[n];
    if (!found) return undefined;
    api = [...api, ...found.api];
    fields = found.fields;
  }
  return found && { ...found, api };
}

/** Hover on an argument (or its value) of an aws_ecs_service block; `text` is the .tf file's. */
export function tfServiceHover(text: string, services: readonly TfService[] | undefined, offset: number): { markdown: string; range: OffsetRange } | undefined {
  const svc = services?.find((s) => offset >= s.root.offset && offset <= s.root.offset + s.root.length);
  if (!svc) return undefined;
  const node = findNodeAtOffset(svc.root, offset, true);
  if (!node || node.type === 'object' || node.type === 'array' || node.type === 'property') return undefined;
  const prop = node.parent?.type === 'property' ? node.parent : undefined;
  const key = prop?.children?.[0];
  if (!prop || !key) return undefined;
  // The Terraform names from the block down to this argument, as written (the tree's keys sit on the HCL names).
  const names: string[] = [];
  for (let p: Node | undefined = prop; p && p !== svc.root; p = p.parent) {
    const k = p.type === 'property' ? p.children?.[0] : undefined;
    if (k) names.unshift(text.slice(k.offset, k.offset + k.length));
  }
  const a = argAt(names);
  if (!a) return undefined;
  const d = describe(a.api);
  if (!d.text) return undefined;
  const values = d.enum?.length ? `\n\nValues: ${d.enum.map((v) => `\`${String(v)}\``).join(', ')}.` : '';
  const kind = a.block ? 'block' : 'argument';
  return { markdown: `**\`${names[names.length - 1]}\`** (${kind} of \`aws_ecs_service\`, API \`${a.api.join('.')}\`)\n\n${d.text}${values}`, range: { offset: key.offset, length: key.length } };
}

export interface TfServiceCompletionContext {
  /** The Terraform names of the blocks around the cursor inside the service (`load_balancer`). */
  blocks: string[];
  /** The argument whose value is typed, if any. */
  valueFor?: string;
  range: OffsetRange;
  typedQuote: boolean;
  /** Names already set in the innermost body. */
  present: ReadonlySet<string>;
  indent: string;
  /** The task definition the service runs, when in sight. */
  task?: Classification;
}

/** Argument names or values inside an aws_ecs_service. */
export function completeInService(ctx: TfServiceCompletionContext): CompletionEntry[] {
  const scope = ctx.blocks.length ? argAt(ctx.blocks) : { api: [], fields: TF_SERVICE_ARGS };
  if (!scope?.fields) return [];
  if (ctx.valueFor !== undefined) {
    const a = scope.fields[ctx.valueFor];
    if (!a || a.block) return [];
    const leaf = a.api[a.api.length - 1];
    const values = linkedValues(leaf, ctx) ?? (describe([...scope.api, ...a.api]).enum ?? []).map((v) => ({ value: v as string | number, detail: undefined as string | undefined }));
    return values.map((v) => {
      const written = typeof v.value === 'string' ? JSON.stringify(v.value) : String(v.value);
      return { label: String(v.value), kind: 'value' as const, insertText: written, range: ctx.range, filterText: ctx.typedQuote ? written : String(v.value), detail: v.detail };
    });
  }
  return Object.entries(scope.fields)
    .filter(([name, a]) => !ctx.present.has(name) || a.block)
    .map(([name, a]) => {
      const d = describe([...scope.api, ...a.api]);
      return {
        label: name,
        kind: 'property' as const,
        insertText: a.block ? `${name} {\n${ctx.indent}  $0\n${ctx.indent}}` : `${name} = $1`,
        snippet: true,
        range: ctx.range,
        filterText: name,
        detail: `${a.block ? 'block' : 'argument'} · ${[...scope.api, ...a.api].join('.')}`,
        documentation: d.text,
      };
    });
}

/** Container names, ports and port names of the task definition the service runs. */
function linkedValues(leaf: string, ctx: TfServiceCompletionContext): Array<{ value: string | number; detail?: string }> | undefined {
  const task = ctx.task;
  if (!task || (leaf !== 'containerName' && leaf !== 'containerPort' && leaf !== 'portName')) return undefined;
  const containers = task.containers.filter((c) => c.type === 'object');
  if (leaf === 'containerName') return containers.flatMap((c) => (str(child(c, 'name')) !== undefined ? [{ value: str(child(c, 'name'))!, detail: `container of the task definition · ${str(child(c, 'image')) ?? ''}`.trim() }] : []));
  const mappings = containers.flatMap((c) => items(child(c, 'portMappings')).map((m) => ({ c: str(child(c, 'name')), m })));
  if (leaf === 'portName') return mappings.flatMap(({ c, m }) => (str(child(m, 'name')) ? [{ value: str(child(m, 'name'))!, detail: `port name of container ${c ?? '?'}` }] : []));
  const seen = new Set<number>();
  return mappings.flatMap(({ c, m }) => {
    const p = child(m, 'containerPort')?.value;
    if (typeof p !== 'number' || seen.has(p)) return [];
    seen.add(p);
    return [{ value: p, detail: `containerPort of ${c ?? '?'}` }];
  });
}

