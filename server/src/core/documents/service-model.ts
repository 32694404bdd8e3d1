/**
 * A format-neutral ECS service: what the service rules (kind S) need to know about a service, whatever file it
 * came from — create-service/update-service `--cli-input-json`, ecspresso's `ecs-service-def.json`, a CodeDeploy
 * appspec's `TargetService`, or a CloudFormation `AWS::ECS::Service`.
 *
 * Contract for readers (a Terraform `aws_ecs_service` reader builds the same shape):
 * - every field keeps the node the user would edit (`node`), in the file the service lives in;
 * - `value` is set only when the text is a literal of the right type (numbers may be written as integer strings,
 *   as CloudFormation and YAML allow); a placeholder, intrinsic or expression leaves `value` undefined but keeps
 *   the field, so "set but unknown" differs from "absent";
 * - lists hold only the entries present; an empty list with `…Templated` set means "unknown entries";
 * - `anchor` is where a report about something missing lands (a key, never a whole file).
 */
import type { Node } from 'jsonc-parser';
import { child, items, keyOf } from '../syntax/tree';

export interface Field<T> {
  node: Node;
  /** The literal value; undefined when the text is a placeholder, an intrinsic or of another type. */
  value?: T;
}

/** A load balancer or service registry entry: the container and port traffic goes to. */
export interface ContainerTarget {
  node: Node;
  containerName?: Field<string>;
  containerPort?: Field<number>;
  /** `targetGroupArn` (CloudFormation: often `!Ref TargetGroup`). */
  targetGroup?: Node;
}

export type ServiceSource = 'create-service' | 'update-service' | 'appspec' | 'cloudformation' | 'terraform';

export interface ServiceModel {
  source: ServiceSource;
  /** Where a report about a missing property goes. */
  anchor: Node;
  /** `taskDefinition`: a family, `family:revision`, an ARN, or (CloudFormation) a `Ref` to a resource. */
  taskDefinition?: Field<string>;
  launchType?: Field<string>;
  capacityProviderStrategy?: Node;
  capacityProviders: Field<string>[];
  networkConfiguration?: Node;
  awsvpcConfiguration?: Node;
  loadBalancers: ContainerTarget[];
  serviceRegistries: ContainerTarget[];
  serviceConnectPortNames: Field<string>[];
  vpcLatticePortNames: Field<string>[];
  schedulingStrategy?: Field<string>;
  /** `deploymentController.type` (appspec: always CODE_DEPLOY). */
  deploymentController?: Field<string>;
  desiredCount?: Field<number>;
  deploymentConfiguration?: Node;
  maximumPercent?: Field<number>;
  minimumHealthyPercent?: Field<number>;
  circuitBreaker?: { node: Node; enable?: Field<boolean>; rollback?: Field<boolean> };
  /** Deployment alarms that roll back (`deploymentConfiguration.alarms` with `enable` and `rollback`). */
  alarmRollback?: boolean;
  role?: Field<string>;
  /** `awsvpcConfiguration.assignPublicIp` (API: ENABLED/DISABLED; Terraform: a bool). */
  assignPublicIp?: Field<boolean>;
  /** The task definition is written as something that never names one (Terraform: container JSON); `what` says what. */
  taskDefinitionMisuse?: { node: Node; what: string };
  /**
   * Set by a reader that can see the cluster's setup (Terraform: no default capacity provider strategy in the module):
   * a service without launch type and capacity provider strategy then runs on EC2 or a strategy it cannot see.
   */
  defaultStrategyUnseen?: boolean;
  /** True when a node's value is a template placeholder or intrinsic (known only at deploy time). */
  isPlaceholder(node: Node): boolean;
}

/** How keys are spelled: the API's camelCase or CloudFormation/appspec PascalCase. */
export type KeyStyle = 'api' | 'pascal';

/**
 * Reads a service object (create-service input, ecspresso service definition, CloudFormation `Properties`).
 * `isPlaceholder` says which nodes are expressions.
 */
export function readServiceObject(obj: Node, style: KeyStyle, source: ServiceSource, anchor: Node, isPlaceholder: (n: Node) => boolean): ServiceModel {
  const k = (name: string) => (style === 'api' ? name : name[0].toUpperCase() + name.slice(1));
  const at = (o: Node | undefined, ...path: string[]) => path.reduce<Node | undefined>((n, p) => child(n, k(p)), o);
  const f = fields(isPlaceholder);
  const net = at(obj, 'networkConfiguration');
  const deploy = at(obj, 'deploymentConfiguration');
  const breaker = at(deploy, 'deploymentCircuitBreaker');
  const alarms = at(deploy, 'alarms');
  const strategy = at(obj, 'capacityProviderStrategy');
  const target = (n: Node): ContainerTarget => ({
    node: n,
    containerName: f.text(at(n, 'containerName')),
    containerPort: f.int(at(n, 'containerPort')),
    targetGroup: at(n, 'targetGroupArn'),
  });
  return {
    source,
    anchor,
    taskDefinition: f.text(at(obj, 'taskDefinition')),
    launchType: f.text(at(obj, 'launchType')),
    capacityProviderStrategy: strategy,
    capacityProviders: items(strategy).flatMap((s) => opt(f.text(at(s, 'capacityProvider')))),
    networkConfiguration: net,
    awsvpcConfiguration: at(net, 'awsvpcConfiguration'),
    loadBalancers: items(at(obj, 'loadBalancers')).filter(isObj).map(target),
    serviceRegistries: items(at(obj, 'serviceRegistries')).filter(isObj).map(target),
    serviceConnectPortNames: items(at(obj, 'serviceConnectConfiguration', 'services')).flatMap((s) => opt(f.text(at(s, 'portName')))),
    vpcLatticePortNames: items(at(obj, 'vpcLatticeConfigurations')).flatMap((s) => opt(f.text(at(s, 'portName')))),
    schedulingStrategy: f.text(at(obj, 'schedulingStrategy')),
    deploymentController: f.text(at(obj, 'deploymentController', 'type')),
    desiredCount: f.int(at(obj, 'desiredCount')),
    deploymentConfiguration: deploy,
    maximumPercent: f.int(at(deploy, 'maximumPercent')),
    minimumHealthyPercent: f.int(at(deploy, 'minimumHealthyPercent')),
    circuitBreaker: breaker ? { node: breaker, enable: f.bool(at(breaker, 'enable')), rollback: f.bool(at(breaker, 'rollback')) } : undefined,
    alarmRollback: f.bool(at(alarms, 'enable'))?.value === true && f.bool(at(alarms, 'rollback'))?.value === true,
    role: f.text(at(obj, 'role')),
    assignPublicIp: f.bool(at(net, 'awsvpcConfiguration', 'assignPublicIp')),
    isPlaceholder,
  };
}

/**
 * A CodeDeploy appspec's `TargetService` (`Type: AWS::ECS::Service`): its `Properties` hold the task definition,
 * one `LoadBalancerInfo` and optional network and capacity settings, in PascalCase. The deployment controller is
 * CodeDeploy by definition.
 */
export function readAppspecTarget(targetService: Node, isPlaceholder: (n: Node) => boolean): ServiceModel {
  const props = child(targetService, 'Properties');
  const anchor = keyOf(targetService) ?? targetService;
  const model = readServiceObject(props ?? targetService, 'pascal', 'appspec', anchor, isPlaceholder);
  const lb = child(props, 'LoadBalancerInfo');
  const f = fields(isPlaceholder);
  if (isObj(lb)) model.loadBalancers = [{ node: lb, containerName: f.text(child(lb, 'ContainerName')), containerPort: f.int(child(lb, 'ContainerPort')) }];
  model.deploymentController = { node: anchor, value: 'CODE_DEPLOY' };
  return model;
}

/** The family a `taskDefinition` value names: `web`, `web:3` and `arn:…:task-definition/web:3` all give `web`. */
export function familyOf(taskDefinition: string): string | undefined {
  const s = taskDefinition.trim();
  const arn = /^arn:[^:]+:ecs:[^:]*:[^:]*:task-definition\/([^:/]+)(?::\d+)?$/.exec(s);
  if (arn) return arn[1];
  const m = /^([A-Za-z0-9_-]{1,255})(?::\d+)?$/.exec(s);
  return m ? m[1] : undefined;
}

/** True when the service runs its tasks on Fargate (launch type, or a FARGATE/FARGATE_SPOT capacity provider). */
export function runsOnFargate(s: ServiceModel): Field<string> | undefined {
  if (s.launchType?.value === 'FARGATE') return s.launchType;
  return s.capacityProviders.find((c) => c.value === 'FARGATE' || c.value === 'FARGATE_SPOT');
}

function fields(isPlaceholder: (n: Node) => boolean) {
  const literal = (n: Node | undefined) => n !== undefined && !isPlaceholder(n);
  return {
    text(n: Node | undefined): Field<string> | undefined {
      if (!n || n.type === 'null') return undefined;
      return { node: n, value: literal(n) && n.type === 'string' ? (n.value as string) : undefined };
    },
    int(n: Node | undefined): Field<number> | undefined {
      if (!n || n.type === 'null') return undefined;
      if (!literal(n)) return { node: n };
      if (n.type === 'number' && Number.isInteger(n.value)) return { node: n, value: n.value as number };
      const s = n.type === 'string' ? (n.value as string).trim() : '';
      return { node: n, value: /^\d+$/.test(s) ? Number(s) : undefined };
    },
    bool(n: Node | undefined): Field<boolean> | undefined {
      if (!n || n.type === 'null') return undefined;
      if (!literal(n)) return { node: n };
      if (n.type === 'boolean') return { node: n, value: n.value as boolean };
      const s = n.type === 'string' ? (n.value as string).trim().toLowerCase() : '';
      return { node: n, value: s === 'true' || s === 'enabled' ? true : s === 'false' || s === 'disabled' ? false : undefined };
    },
  };
}

function isObj(n: Node | undefined): n is Node {
  return n?.type === 'object';
}

function opt<T>(x: T | undefined): T[] {
  return x === undefined ? [] : [x];
}
