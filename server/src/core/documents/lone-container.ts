/** Whether an object is one container definition rather than a task definition (classify, file detection). */
import type { Node } from 'jsonc-parser';
import { child } from '../syntax/tree';

export const DESCRIBE_ONLY_KEYS = [
  'taskDefinitionArn',
  'revision',
  'status',
  'requiresAttributes',
  'compatibilities',
  'registeredAt',
  'registeredBy',
  'deregisteredAt',
  'deleteRequestedAt',
] as const;

/** Keys only a task definition has: an object with any of them is a task, however incomplete. */
const TASK_ONLY_KEYS = [
  'family', 'containerDefinitions', 'taskDefinition', 'networkMode', 'requiresCompatibilities', 'runtimePlatform',
  'taskRoleArn', 'executionRoleArn', 'pidMode', 'ipcMode', 'volumes', 'placementConstraints', 'proxyConfiguration',
  'ephemeralStorage', 'inferenceAccelerators', 'tags', ...DESCRIBE_ONLY_KEYS,
];

/**
 * One container definition given where a list is expected (`--container-definitions file://web.json`, Terraform's
 * container_definitions): it has `name` and `image` and no key that only a task definition has.
 */
export function isLoneContainer(root: Node): boolean {
  if (root.type !== 'object' || !child(root, 'name') || !child(root, 'image')) return false;
  return !TASK_ONLY_KEYS.some((k) => child(root, k) !== undefined);
}
