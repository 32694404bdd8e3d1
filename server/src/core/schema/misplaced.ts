/** Valid keys at the wrong level (RULES.md misplaced-property): where each one belongs. */

export type Place =
  | 'task'
  | 'container'
  | 'environment-item'
  | 'logConfiguration'
  | 'volume'
  | 'other';

interface Target {
  /** Human description of where the key belongs. */
  target: string;
  /** Path (relative to the task, or to the container for container-level targets) for "Move" fixes. */
  path?: string[];
  scope?: 'task' | 'container';
  /** A task-level key in a container of a container array: Terraform drops it and the task deploys. */
  droppedByTerraform?: boolean;
}

const TASK_KEYS_IN_CONTAINER = [
  'family', 'networkMode', 'requiresCompatibilities', 'runtimePlatform', 'taskRoleArn', 'executionRoleArn',
  'pidMode', 'ipcMode', 'volumes', 'placementConstraints', 'proxyConfiguration', 'ephemeralStorage',
  'inferenceAccelerators', 'tags', 'enableFaultInjection',
];
const CONTAINER_KEYS_AT_TOP = [
  'name', 'image', 'portMappings', 'environment', 'secrets', 'essential', 'command', 'entryPoint',
  'logConfiguration', 'healthCheck', 'mountPoints', 'user', 'links', 'dependsOn', 'environmentFiles',
  'workingDirectory', 'ulimits', 'linuxParameters', 'memoryReservation', 'volumesFrom', 'hostname',
  'dockerLabels', 'privileged', 'readonlyRootFilesystem', 'repositoryCredentials', 'firelensConfiguration',
  'stopTimeout', 'startTimeout', 'restartPolicy', 'systemControls', 'resourceRequirements', 'interactive',
  'pseudoTerminal', 'dnsServers', 'dnsSearchDomains', 'extraHosts', 'dockerSecurityOptions',
  'disableNetworking', 'credentialSpecs', 'versionConsistency',
];
const PORT_KEYS = ['containerPort', 'hostPort', 'protocol'];
const LINUX_KEYS = ['capabilities', 'initProcessEnabled', 'devices', 'tmpfs', 'sharedMemorySize', 'maxSwap', 'swappiness'];
const HEALTH_KEYS = ['interval', 'timeout', 'retries', 'startPeriod'];
const EFS_KEYS = ['fileSystemId', 'transitEncryption', 'rootDirectory', 'transitEncryptionPort', 'authorizationConfig'];

/** Where `key` belongs when found at `place`, or undefined when it is not a known misplacement. */
export function misplacedTarget(place: Place, key: string, isArrayDoc: boolean): Target | undefined {
  switch (place) {
    case 'container':
      if (TASK_KEYS_IN_CONTAINER.includes(key)) {
        return isArrayDoc
          ? { target: 'the task (in Terraform: the aws_ecs_task_definition resource)', droppedByTerraform: true }
          : { target: 'the task level', path: [key], scope: 'task' };
      }
      if (PORT_KEYS.includes(key)) return { target: 'an entry of portMappings' };
      if (LINUX_KEYS.includes(key)) return { target: 'linuxParameters', path: ['linuxParameters', key], scope: 'container' };
      if (HEALTH_KEYS.includes(key)) return { target: 'healthCheck', path: ['healthCheck', key], scope: 'container' };
      return undefined;
    case 'task':
      if (CONTAINER_KEYS_AT_TOP.includes(key)) return { target: 'a container in containerDefinitions' };
      if (key === 'cpuArchitecture' || key === 'operatingSystemFamily') {
        return { target: 'runtimePlatform', path: ['runtimePlatform', key], scope: 'task' };
      }
      if (key === 'sizeInGiB') return { target: 'ephemeralStorage', path: ['ephemeralStorage', key], scope: 'task' };
      return undefined;
    case 'environment-item':
      return key === 'valueFrom' ? { target: 'secrets (environment takes a plain value)' } : undefined;
    case 'logConfiguration':
      return key.startsWith('awslogs-') ? { target: 'logConfiguration.options', path: ['options', key] } : undefined;
    case 'volume':
      if (EFS_KEYS.includes(key)) return { target: 'efsVolumeConfiguration' };
      if (key === 'sourcePath') return { target: 'host' };
      return undefined;
    default:
      return undefined;
  }
}

/** Classifies an object by its path inside the task (or the container array). */
export function placeOf(path: ReadonlyArray<string | number>, isArrayDoc: boolean): Place {
  const p = isArrayDoc ? ['containerDefinitions', ...path] : path;
  if (p.length === 0) return 'task';
  const last = p[p.length - 1];
  const parentKey = p[p.length - 2];
  if (p.length === 2 && p[0] === 'containerDefinitions' && typeof last === 'number') return 'container';
  if (parentKey === 'environment' && typeof last === 'number') return 'environment-item';
  if (last === 'logConfiguration') return 'logConfiguration';
  if (p.length === 2 && p[0] === 'volumes' && typeof last === 'number') return 'volume';
  return 'other';
}
