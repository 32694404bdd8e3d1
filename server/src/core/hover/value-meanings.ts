/**
 * What each fixed value means, in our own words, for hovers and completion documentation. Keyed by the end of
 * the field's path (array indexes dropped), e.g. `dependsOn.condition`; the longest matching key wins.
 */
type Meanings = Readonly<Record<string, string>>;

const NETWORK_MODE: Meanings = {
  awsvpc: 'Each task gets its own elastic network interface and private IP address; containers of the task share it and reach each other on `localhost`. Required on Fargate; security groups apply per task.',
  bridge: "Containers sit on Docker's virtual bridge network on the instance; ports are published through `portMappings` (a `hostPort` of 0 or none picks a dynamic port). Default for Linux tasks on EC2.",
  host: "Containers use the instance's network stack directly: a container port is the instance port, so two tasks cannot listen on the same port on one instance.",
  none: 'No outside networking: the containers have only a loopback interface and port mappings are not allowed.',
};

const LAUNCH: Meanings = {
  FARGATE: 'Serverless: AWS runs the task on capacity you do not manage. Needs `awsvpc`, a task-level cpu/memory pair from the Fargate table, and only Fargate-supported parameters.',
  EC2: 'Runs on EC2 instances registered to your cluster; you manage the instances and their container instance role.',
  EXTERNAL: 'ECS Anywhere: runs on your own servers or VMs registered to the cluster.',
  MANAGED_INSTANCES: 'ECS Managed Instances: EC2 capacity that ECS provisions, patches and scales for you.',
};

const HEALTH_COMMAND: Meanings = {
  CMD: 'Runs the program given in the next elements directly, without a shell: `["CMD", "curl", "-f", "http://localhost/"]`.',
  'CMD-SHELL': "Runs the next element as one command line through the container's default shell (`/bin/sh -c`), so `||`, pipes and variables work: `[\"CMD-SHELL\", \"curl -f http://localhost/ || exit 1\"]`.",
  NONE: 'Disables a health check that the image itself defines.',
};

const CONDITION: Meanings = {
  START: 'Wait only until the other container has started.',
  COMPLETE: 'Wait until the other container has run to completion, whatever its exit code. That container must not be essential.',
  SUCCESS: 'Wait until the other container has exited with code 0. That container must not be essential.',
  HEALTHY: 'Wait until the other container reports healthy; it needs a `healthCheck`.',
};

const CPU_ARCH: Meanings = {
  X86_64: 'Intel/AMD 64-bit. The default.',
  ARM64: 'AWS Graviton (64-bit ARM). Linux only; the image must be built for arm64.',
};

const OS_FAMILY: Meanings = {
  LINUX: 'Linux containers (the default).',
  WINDOWS_SERVER_2019_FULL: 'Windows Server 2019 with the full desktop experience base image. Available on Fargate (1, 2 or 4 vCPU).',
  WINDOWS_SERVER_2019_CORE: 'Windows Server 2019 Core. Available on Fargate (1, 2 or 4 vCPU).',
  WINDOWS_SERVER_2022_FULL: 'Windows Server 2022, full. Available on Fargate (1, 2 or 4 vCPU).',
  WINDOWS_SERVER_2022_CORE: 'Windows Server 2022 Core. Available on Fargate (1, 2 or 4 vCPU).',
  WINDOWS_SERVER_2025_FULL: 'Windows Server 2025, full. Fargate support not confirmed.',
  WINDOWS_SERVER_2025_CORE: 'Windows Server 2025 Core. Fargate support not confirmed.',
  WINDOWS_SERVER_2016_FULL: 'Windows Server 2016. EC2 only.',
  WINDOWS_SERVER_2004_CORE: 'Windows Server version 2004 (semi-annual channel). EC2 only.',
  WINDOWS_SERVER_20H2_CORE: 'Windows Server version 20H2 (semi-annual channel). EC2 only.',
};

const LOG_DRIVER: Meanings = {
  awslogs: 'Sends the container output to CloudWatch Logs. Needs `awslogs-group` and `awslogs-region` (plus `awslogs-stream-prefix` on Fargate); on Fargate the execution role writes the logs.',
  awsfirelens: 'Routes the output through a FireLens sidecar (Fluent Bit or Fluentd) in the same task; `options` are the output plugin settings.',
  splunk: 'Sends the output to a Splunk HTTP Event Collector (`splunk-url`, with the token best passed through `secretOptions`).',
  'json-file': "Docker's default: JSON lines on the instance's disk. Not available on Fargate.",
  syslog: 'Sends the output to a syslog server. Not available on Fargate.',
  journald: "Writes to the instance's systemd journal. Not available on Fargate.",
  gelf: 'Sends GELF messages (Graylog, Logstash). Not available on Fargate.',
  fluentd: 'Sends the output to a Fluentd daemon on the instance. Not available on Fargate.',
};

const MEANINGS: Readonly<Record<string, Meanings>> = {
  networkMode: NETWORK_MODE,
  requiresCompatibilities: LAUNCH,
  'healthCheck.command': HEALTH_COMMAND,
  'dependsOn.condition': CONDITION,
  'runtimePlatform.cpuArchitecture': CPU_ARCH,
  'runtimePlatform.operatingSystemFamily': OS_FAMILY,
  'logConfiguration.logDriver': LOG_DRIVER,
  pidMode: {
    host: "Containers see every process on the instance. Not on Fargate or Windows; use with care.",
    task: 'All containers of the task share one process namespace (e.g. for a debugging sidecar). Fargate needs Linux platform 1.4.0 or later.',
  },
  ipcMode: {
    host: "Containers share the instance's IPC resources (shared memory, semaphores). Not on Fargate.",
    task: 'Containers of the task share IPC resources with each other only. Not on Fargate.',
    none: 'Each container gets private IPC resources and cannot share them. Not on Fargate.',
  },
  versionConsistency: {
    enabled: 'ECS resolves the image tag to a digest when the deployment starts, so every task of the deployment runs the same image (the default).',
    disabled: 'Each task pulls whatever the tag points to when it starts.',
  },
  'dockerVolumeConfiguration.scope': {
    task: 'The Docker volume is created when the task starts and removed when it stops.',
    shared: 'The Docker volume outlives the task and is reused by later tasks on the same instance.',
  },
  'authorizationConfig.iam': {
    ENABLED: 'Mount the EFS file system with the task role (needs transit encryption on).',
    DISABLED: 'Mount without IAM authorization.',
  },
  transitEncryption: {
    ENABLED: 'Encrypt traffic between the task and EFS with TLS. Required for IAM authorization or an access point.',
    DISABLED: 'Plain NFS traffic.',
  },
  'environmentFiles.type': { s3: 'The file is an object in S3; the execution role needs `s3:GetObject` and `s3:GetBucketLocation`.' },
  'firelensConfiguration.type': {
    fluentbit: 'Fluent Bit as the log router (the AWS for Fluent Bit image). Lighter; the usual choice.',
    fluentd: 'Fluentd as the log router.',
  },
  'proxyConfiguration.type': { APPMESH: 'The App Mesh Envoy proxy. App Mesh is discontinued (end of support September 2026).' },
  'resourceRequirements.type': {
    GPU: 'Reserve physical GPUs for this container (EC2 only); `value` is the count.',
    InferenceAccelerator: 'Attach an Elastic Inference accelerator; the service is retired.',
    NeuronDevice: 'Reserve AWS Inferentia/Trainium Neuron devices.',
  },
  'placementConstraints.type': {
    memberOf: 'Only place the task on instances that match the cluster query language `expression`.',
    distinctInstance: 'Place each task of the service on a different container instance.',
  },
  // Service definitions (create-service input) and appspecs.
  launchType: LAUNCH,
  schedulingStrategy: {
    REPLICA: 'Keep `desiredCount` tasks running, spread across Availability Zones (the default).',
    DAEMON: 'Run exactly one task on each active container instance of the cluster (EC2 only; no Fargate, no CodeDeploy or external controller).',
  },
  'deploymentController.type': {
    ECS: 'Rolling update by ECS, tuned by `deploymentConfiguration` (the default).',
    CODE_DEPLOY: 'Blue/green deployment run by CodeDeploy with an appspec; ECS only creates the task sets.',
    EXTERNAL: 'A deployment tool of your own manages task sets through the ECS API.',
  },
  propagateTags: {
    NONE: 'Tasks get no tags from the service or task definition (the default).',
    SERVICE: 'Tasks get the tags of the service.',
    TASK_DEFINITION: 'Tasks get the tags of the task definition.',
  },
  assignPublicIp: {
    ENABLED: 'Each task gets a public IP address: needed on Fargate in a public subnet without a NAT gateway to pull images.',
    DISABLED: 'Tasks get only a private address (the default); reaching ECR then needs a NAT gateway or VPC endpoints.',
  },
  'placementStrategy.type': {
    random: 'Place tasks on random instances.',
    spread: 'Spread tasks evenly over the values of `field` (for example `attribute:ecs.availability-zone`).',
    binpack: 'Fill instances by the least available `field` (`cpu` or `memory`) first: fewer instances in use.',
  },
  'portMappings.protocol': { tcp: 'TCP (the default).', udp: 'UDP.' },
  'portMappings.appProtocol': {
    http: 'HTTP/1.1: Service Connect proxies it protocol-aware and reports HTTP metrics.',
    http2: 'HTTP/2 traffic for Service Connect.',
    grpc: 'gRPC traffic for Service Connect.',
  },
  'logConfiguration.options.mode': {
    'non-blocking': 'Log lines go into a buffer (`max-buffer-size`) and the application never waits on CloudWatch; lines can be lost if the buffer fills.',
    blocking: 'The application waits while logs are delivered: nothing is lost, but a slow CloudWatch can stall the container.',
  },
  'logConfiguration.options.awslogs-create-group': {
    true: 'The driver creates the log group if it is missing; the execution role then also needs `logs:CreateLogGroup`.',
    false: 'The log group must already exist (the default).',
  },
};

/** Meaning of `value` for the field at `path` (document path; numbers are array indexes), if we know one. */
export function valueMeaning(path: ReadonlyArray<string | number>, value: string): string | undefined {
  const keys = path.filter((p): p is string => typeof p === 'string');
  // healthCheck.command: only the first element is a keyword.
  if (keys.slice(-2).join('.') === 'healthCheck.command' && path[path.length - 1] !== 0) return undefined;
  for (let n = Math.min(keys.length, 3); n >= 1; n--) {
    const table = MEANINGS[keys.slice(-n).join('.')];
    if (table && Object.prototype.hasOwnProperty.call(table, value)) return table[value];
  }
  return undefined;
}

/** Every value with a known meaning for the field at `path` (for completion). */
export function knownValues(path: ReadonlyArray<string | number>): Array<[string, string]> {
  const keys = path.filter((p): p is string => typeof p === 'string');
  for (let n = Math.min(keys.length, 3); n >= 1; n--) {
    const table = MEANINGS[keys.slice(-n).join('.')];
    if (table) return Object.entries(table);
  }
  return [];
}
