/**
 * The CodeDeploy appspec's own keys for an ECS deployment (what sits around the target service's `Properties`),
 * in our own words, for hover and completion.
 */

export interface AppspecKey {
  key: string;
  doc: string;
  /** The value completion offers (the one value CodeDeploy accepts), if any. */
  value?: string;
}

/** Top-level keys. */
export const APPSPEC_TOP: readonly AppspecKey[] = [
  { key: 'version', doc: 'The appspec format version: `0.0`, the one value AWS documents for it (leave it as is).', value: '0.0' },
  {
    key: 'Resources',
    doc: 'The ECS service this deployment shifts to a new task set: one list entry (named `TargetService` by convention) with `Type: AWS::ECS::Service` and the `Properties` of the replacement task set.',
  },
  {
    key: 'Hooks',
    doc: 'Lambda functions CodeDeploy calls at points of a blue/green deployment, one list entry per hook (`- BeforeAllowTraffic: <function name or ARN>`); each function reports success or failure with `PutLifecycleEventHookExecutionStatus`.',
  },
];

/** Keys of a `Resources` entry's target (`TargetService:`). */
export const APPSPEC_TARGET: readonly AppspecKey[] = [
  { key: 'Type', doc: 'Always `AWS::ECS::Service` in an ECS deployment.', value: 'AWS::ECS::Service' },
  {
    key: 'Properties',
    doc: 'What the replacement task set runs: `TaskDefinition` (an ARN; CodePipeline fills in `<TASK_DEFINITION>`) and `LoadBalancerInfo` (the container and port that receive traffic) are required; `PlatformVersion`, `NetworkConfiguration` and `CapacityProviderStrategy` are optional.',
  },
];

/** The name of the one `Resources` entry. */
export const APPSPEC_RESOURCE: AppspecKey = { key: 'TargetService', doc: 'The ECS service being deployed (any name works; `TargetService` is the usual one). Holds `Type` and `Properties`.' };

/** The five lifecycle hooks of an ECS blue/green deployment, in the order they run. */
export const APPSPEC_HOOKS: readonly AppspecKey[] = [
  { key: 'BeforeInstall', doc: 'Runs before the replacement task set is created.' },
  { key: 'AfterInstall', doc: 'Runs after the replacement task set is created, before any traffic reaches it.' },
  { key: 'AfterAllowTestTraffic', doc: 'Runs after the test listener starts sending traffic to the replacement task set: the place for tests against it.' },
  { key: 'BeforeAllowTraffic', doc: 'Runs after the test traffic phase, before production traffic moves to the replacement task set.' },
  { key: 'AfterAllowTraffic', doc: 'Runs after production traffic has moved to the replacement task set.' },
];

/** `LoadBalancerInfo` in our words (its two fields take the service schema's words). */
export const LOAD_BALANCER_INFO_DOC =
  'The container and port of the replacement task set that the load balancer sends traffic to: `ContainerName` and `ContainerPort`, which must match a container of the task definition and one of its port mappings.';
