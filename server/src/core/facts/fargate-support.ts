/**
 * What Fargate accepts in a task definition (RULES.md table 2c), as data: one row per parameter, with the
 * rule that reports it and an explanation in our words for hovers. Plus the allow-lists the rules test
 * values against (capabilities, log drivers, sysctls) and Fargate's numeric limits.
 */
import type { NumericRange } from './limits';

export type FargateSupportStatus = 'unsupported' | 'supported' | 'conditional';

export interface FargateSupportRow {
  readonly id: string;
  /** The parameter and, where it matters, the value or condition, e.g. `pidMode: "host"`. */
  readonly path: string;
  readonly status: FargateSupportStatus;
  /** Rule that reports a violation; undefined when nothing is reported for this row. */
  readonly ruleId?: string;
  /** Short condition for `conditional` rows and caveats (platform version, OS). */
  readonly note?: string;
  /** Why, in our words, for hovers and docs. */
  readonly explanation: string;
}

const U = 'fargate-unsupported-parameter';

/** Table 2c. Empty values (`null`, `""`, `[]`) count as absent for every row. */
export const FARGATE_SUPPORT: readonly FargateSupportRow[] = [
  { id: 'network-mode', path: 'networkMode other than awsvpc, or missing', status: 'unsupported', ruleId: 'fargate-network-mode',
    explanation: 'Every Fargate task gets its own network interface, so awsvpc is the only network mode.' },
  { id: 'task-size', path: 'task cpu and memory', status: 'conditional', ruleId: 'fargate-cpu-memory',
    note: 'required; must be a pair from the Fargate size table',
    explanation: 'Fargate sizes the task from the task-level cpu and memory, and only sells fixed combinations.' },
  { id: 'placement-constraints', path: 'placementConstraints (non-empty)', status: 'unsupported', ruleId: U,
    explanation: 'There are no container instances to place onto, so placement constraints have nothing to act on.' },
  { id: 'ipc-mode', path: 'ipcMode (any value)', status: 'unsupported', ruleId: U,
    explanation: 'Fargate does not let tasks choose an IPC namespace.' },
  { id: 'pid-mode-task', path: 'pidMode: "task"', status: 'conditional', note: 'Linux, platform 1.4.0 or later',
    explanation: 'Containers of one task may share a process namespace on recent Linux platform versions.' },
  { id: 'pid-mode-host', path: 'pidMode: "host"', status: 'unsupported', ruleId: U,
    explanation: 'Fargate hosts are shared infrastructure; a task never sees the host\'s processes.' },
  { id: 'inference-accelerators', path: 'inferenceAccelerators (non-empty)', status: 'unsupported', ruleId: U,
    note: 'Elastic Inference is retired on every launch type',
    explanation: 'Elastic Inference accelerators were never offered on Fargate and are no longer sold anywhere.' },
  { id: 'ephemeral-storage', path: 'ephemeralStorage', status: 'conditional', ruleId: 'fargate-ephemeral-storage',
    note: '21–200 GiB', explanation: 'Fargate can give a task more scratch disk than the 20 GiB it gets by default.' },
  { id: 'runtime-platform', path: 'runtimePlatform', status: 'conditional', ruleId: 'fargate-windows',
    note: 'see the Windows and ARM64 limits', explanation: 'Fargate runs Linux on X86_64 or ARM64, and Windows Server 2019/2022 on X86_64.' },
  { id: 'proxy-configuration', path: 'proxyConfiguration', status: 'supported', ruleId: 'app-mesh-discontinued',
    note: 'platform 1.3.0 or later; App Mesh is discontinued',
    explanation: 'Accepted, but it only serves App Mesh, which AWS has discontinued.' },
  { id: 'host-source-path', path: 'volumes[].host.sourcePath', status: 'unsupported', ruleId: U,
    note: 'a host volume without sourcePath, or a name-only volume, is a task-scoped bind mount and is fine',
    explanation: 'A Fargate task cannot reach a path on the machine it runs on; omit sourcePath to get a scratch volume shared by the task\'s containers.' },
  { id: 'docker-volume', path: 'volumes[].dockerVolumeConfiguration', status: 'unsupported', ruleId: U,
    explanation: 'Docker volume drivers need a host you manage; use EFS or a task-scoped bind mount instead.' },
  { id: 'efs-volume', path: 'volumes[].efsVolumeConfiguration', status: 'conditional', ruleId: 'fargate-windows',
    note: 'Linux, platform 1.4.0 or later; not for Windows', explanation: 'Linux tasks on Fargate can mount EFS file systems; Windows tasks cannot.' },
  { id: 'fsx-volume', path: 'volumes[].fsxWindowsFileServerVolumeConfiguration', status: 'unsupported', ruleId: U,
    explanation: 'FSx for Windows File Server volumes work only on EC2 Windows container instances.' },
  { id: 'privileged', path: 'containerDefinitions[].privileged: true', status: 'unsupported', ruleId: U,
    explanation: 'A privileged container would get root on shared hardware, which Fargate never allows.' },
  { id: 'links', path: 'containerDefinitions[].links', status: 'unsupported', ruleId: U,
    explanation: 'Links belong to the bridge network mode; in awsvpc containers reach each other on localhost.' },
  { id: 'hostname', path: 'containerDefinitions[].hostname', status: 'unsupported', ruleId: U,
    explanation: 'With awsvpc the task\'s network interface decides the host name; a container cannot set its own.' },
  { id: 'dns-servers', path: 'containerDefinitions[].dnsServers', status: 'unsupported', ruleId: U,
    explanation: 'Fargate tasks use the VPC\'s DNS settings; per-container DNS servers are not available.' },
  { id: 'dns-search-domains', path: 'containerDefinitions[].dnsSearchDomains', status: 'unsupported', ruleId: U,
    explanation: 'Search domains come from the VPC\'s DHCP options, not from the container definition.' },
  { id: 'extra-hosts', path: 'containerDefinitions[].extraHosts', status: 'unsupported', ruleId: U,
    explanation: 'Fargate does not let a container add entries to its hosts file through the definition.' },
  { id: 'disable-networking', path: 'containerDefinitions[].disableNetworking', status: 'unsupported', ruleId: U,
    explanation: 'Networking is always on for awsvpc tasks on Fargate.' },
  { id: 'docker-security-options', path: 'containerDefinitions[].dockerSecurityOptions', status: 'unsupported', ruleId: U,
    explanation: 'SELinux, AppArmor and similar labels are Docker host settings Fargate keeps to itself.' },
  { id: 'gpu', path: 'resourceRequirements[].type: "GPU" or "InferenceAccelerator"', status: 'unsupported', ruleId: U,
    explanation: 'Fargate has no GPUs or accelerators; GPU tasks need EC2 or Managed Instances.' },
  { id: 'capabilities-add', path: 'linuxParameters.capabilities.add (anything but SYS_PTRACE)', status: 'conditional', ruleId: U,
    note: 'only SYS_PTRACE, platform 1.4.0 or later',
    explanation: 'Fargate lets a container gain exactly one extra Linux capability, SYS_PTRACE, for debuggers and tracers.' },
  { id: 'capabilities-drop', path: 'linuxParameters.capabilities.drop', status: 'supported',
    explanation: 'Dropping capabilities only removes rights, so Fargate allows it.' },
  { id: 'devices', path: 'linuxParameters.devices', status: 'unsupported', ruleId: U,
    explanation: 'A Fargate task cannot see the host\'s devices.' },
  { id: 'shared-memory-size', path: 'linuxParameters.sharedMemorySize', status: 'unsupported', ruleId: U,
    explanation: 'Fargate does not let containers resize /dev/shm.' },
  { id: 'max-swap', path: 'linuxParameters.maxSwap', status: 'unsupported', ruleId: U,
    explanation: 'Fargate tasks have no swap space to tune.' },
  { id: 'swappiness', path: 'linuxParameters.swappiness', status: 'unsupported', ruleId: U,
    explanation: 'Fargate tasks have no swap space to tune.' },
  { id: 'tmpfs', path: 'linuxParameters.tmpfs', status: 'supported', note: 'since January 2026',
    explanation: 'Fargate began accepting tmpfs mounts in January 2026; older guides still list them as unsupported.' },
  { id: 'init-process', path: 'linuxParameters.initProcessEnabled', status: 'supported',
    explanation: 'Running an init process as PID 1 works on Fargate.' },
  { id: 'system-controls', path: 'systemControls', status: 'conditional', ruleId: 'value-out-of-range',
    note: 'Linux, platform 1.4.0 or later, namespaced sysctls only; not for Windows',
    explanation: 'Only kernel settings scoped to the task\'s own namespaces can be changed; in awsvpc a container\'s net.* settings affect the whole task.' },
  { id: 'ulimits', path: 'ulimits', status: 'conditional', ruleId: 'value-out-of-range',
    note: 'Linux; nofile limits up to 1,048,576; not for Windows',
    explanation: 'Fargate honours ulimits on Linux, and caps the open-files limit at 1,048,576.' },
  { id: 'log-driver', path: 'logConfiguration.logDriver', status: 'conditional', ruleId: 'fargate-log-driver',
    note: 'awslogs, splunk or awsfirelens', explanation: 'Fargate ships logs only through awslogs, splunk or FireLens.' },
  { id: 'awslogs-stream-prefix', path: 'logConfiguration.options["awslogs-stream-prefix"]', status: 'conditional',
    ruleId: 'fargate-awslogs-stream-prefix', note: 'required with awslogs',
    explanation: 'Fargate names each log stream prefix/container/task-id, so the prefix is mandatory.' },
  { id: 'firelens-s3-config', path: 'firelensConfiguration.options["config-file-type"]: "s3"', status: 'unsupported', ruleId: U,
    explanation: 'On Fargate a FireLens config file must be inside the image (config-file-type "file"); it cannot be fetched from S3.' },
  { id: 'host-port', path: 'portMappings[].hostPort', status: 'conditional', ruleId: 'awsvpc-host-port',
    note: 'omitted or equal to containerPort', explanation: 'In awsvpc the container port is the task\'s port; there is no separate host port to map.' },
  { id: 'timeouts', path: 'containerDefinitions[].startTimeout / stopTimeout', status: 'conditional', ruleId: 'fargate-timeouts',
    note: '2–120 s; stopTimeout defaults to 30 s', explanation: 'Fargate waits at most two minutes for a container to start or stop.' },
  { id: 'container-size', path: 'containerDefinitions[].cpu / memory', status: 'conditional', ruleId: 'container-memory-exceeds-task',
    note: 'optional; sums must fit the task size', explanation: 'Container values share out the task size, so together they cannot exceed it.' },
  { id: 'credential-specs', path: 'containerDefinitions[].credentialSpecs', status: 'supported', note: 'not checked (Fargate support unconfirmed)',
    explanation: 'gMSA credential specs; whether Fargate accepts them is not confirmed, so we do not report them.' },
];

/** Row lookup by id. */
export function fargateSupportRow(id: string): FargateSupportRow | undefined {
  return FARGATE_SUPPORT.find((r) => r.id === id);
}

/** The only Linux capability a Fargate container may add. */
export const FARGATE_CAPABILITIES_ADD_ALLOWED: readonly string[] = ['SYS_PTRACE'];

/** True when Fargate accepts `capability` in `capabilities.add` (also accepts the `CAP_` prefixed form). */
export function isFargateAddableCapability(capability: string): boolean {
  return FARGATE_CAPABILITIES_ADD_ALLOWED.includes(capability.replace(/^CAP_/, ''));
}

/** Log drivers Fargate offers. */
export const FARGATE_LOG_DRIVERS: readonly string[] = ['awslogs', 'splunk', 'awsfirelens'];

/** `resourceRequirements[].type` values Fargate refuses. */
export const FARGATE_UNSUPPORTED_RESOURCE_TYPES: readonly string[] = ['GPU', 'InferenceAccelerator'];

/** Namespaced sysctls that may be set by exact name. */
export const NAMESPACED_SYSCTL_NAMES: readonly string[] = [
  'kernel.msgmax',
  'kernel.msgmnb',
  'kernel.msgmni',
  'kernel.sem',
  'kernel.shmall',
  'kernel.shmmax',
  'kernel.shmmni',
  'kernel.shm_rmid_forced',
];

/** Namespaced sysctl families, allowed for any name under the prefix. */
export const NAMESPACED_SYSCTL_PREFIXES: readonly string[] = ['fs.mqueue.', 'net.'];

/**
 * True when `name` is a namespaced sysctl that `systemControls` may set on Fargate: one of the listed
 * `kernel.*` names, or anything under `fs.mqueue.` or `net.`. Exact, case-sensitive match (sysctl names are
 * lower case).
 */
export function isNamespacedSysctl(name: string): boolean {
  if (NAMESPACED_SYSCTL_NAMES.includes(name)) return true;
  return NAMESPACED_SYSCTL_PREFIXES.some((p) => name.startsWith(p) && name.length > p.length && !name.endsWith('.'));
}

/** Highest soft or hard `nofile` ulimit on Fargate. */
export const FARGATE_NOFILE_MAX = 1_048_576;

/** The `nofile` limit Fargate applies when the definition sets none (current API reference). */
export const FARGATE_NOFILE_DEFAULT = { softLimit: 65_535, hardLimit: 65_535 } as const;

/** `startTimeout` / `stopTimeout` on Fargate, in seconds. `stopTimeout` defaults to 30. */
export const FARGATE_TIMEOUT_RANGE: NumericRange = { min: 2, max: 120, unit: 's' };
export const FARGATE_STOP_TIMEOUT_DEFAULT = 30;
