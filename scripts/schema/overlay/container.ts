// Overlay for the fields of a container definition.
import { NAME_PATTERN, type Overlay } from './types.ts';

const LINK_PATTERN = '^[A-Za-z0-9_-]{1,255}(:[A-Za-z0-9_-]{1,255})?$';

export const containerOverlay: Overlay = {
  ContainerDefinition: {
    about: 'One container of the task.',
    props: {
      name: {
        md: 'Container name, unique in the task; `links`, `dependsOn`, `volumesFrom`, `proxyConfiguration` and load balancers refer to it. Up to 255 letters, digits, `-` and `_`.',
        required: true, pattern: NAME_PATTERN, formatName: 'container name',
      },
      image: {
        md: 'Image to run: `repository[:tag]` or `repository@sha256:<64 hex>`, optionally after a registry host (`123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1.4`, `public.ecr.aws/…`, `quay.io/…`); bare names come from Docker Hub. At most 255 characters before any `@`. Private ECR images on Fargate need an `executionRoleArn`.',
        required: true,
      },
      repositoryCredentials: {
        md: 'Secret with the user name and password of a private registry other than ECR (e.g. a private Docker Hub repository). The execution role must be able to read it.',
      },
      cpu: {
        md: 'CPU units reserved for this container (1024 = one vCPU). On Linux it is a relative weight when CPU is contended; on Windows it is a hard cap. Optional; on Fargate the containers\' total must fit in the task `cpu`.',
        minimum: 0,
      },
      memory: {
        md: 'Hard memory limit in MiB: the container is killed when it goes above it. Must exceed `memoryReservation` when both are set, and fit in the task `memory`. Without task-level memory (EC2), set this or `memoryReservation`. Docker needs at least 6 MiB.',
        minimum: 0,
      },
      memoryReservation: {
        md: 'Soft memory limit in MiB: what ECS reserves on the instance for placement. The container may use more, up to `memory` or what the instance has free. Without task-level memory, set this or `memory`.',
        minimum: 0,
      },
      links: {
        md: 'Other containers to reach by name, as `name` or `name:alias` (Docker links). Only in `bridge` network mode; not for Windows.',
        items: { pattern: LINK_PATTERN, formatName: 'container link' },
        launch: 'bridge mode only, so not on Fargate',
      },
      portMappings: {
        md: 'Ports the container exposes. In `awsvpc` or `host` mode give `containerPort` only (a `hostPort` must equal it); in `bridge` mode a missing or `0` `hostPort` gets a dynamic port. Not allowed in `none` mode.',
      },
      essential: {
        md: 'If `true` (the default), the whole task stops when this container stops. Set `false` for helpers that may exit. Each task needs at least one essential container.',
      },
      restartPolicy: {
        md: 'Restart this container in place when it exits, instead of replacing the whole task.',
      },
      entryPoint: {
        md: 'Replaces the image\'s ENTRYPOINT; one array element per argument (Docker `--entrypoint`).',
      },
      command: {
        md: 'Replaces the image\'s CMD; one array element per argument, e.g. `["npm", "start"]`.',
      },
      environment: {
        md: 'Plain environment variables. They are stored in clear text in the task definition, so put passwords and keys in `secrets`. They win over the same names in `environmentFiles`.',
      },
      environmentFiles: {
        md: 'Up to 10 `.env` files in S3 (`NAME=VALUE` lines, `#` starts a comment) loaded into the environment, processed in order. `environment` entries win over file values. Needs an execution role that can read the objects.',
        maxItems: 10,
      },
      mountPoints: { md: 'Task volumes (from `volumes`) to mount in this container, and where.' },
      volumesFrom: { md: 'Mount every volume of another container of this task.' },
      linuxParameters: {
        md: 'Linux-only settings: kernel capabilities, devices, init process, `/dev/shm` size, tmpfs mounts, swap. Not for Windows containers.',
      },
      secrets: {
        md: 'Environment variables filled at start from Secrets Manager or SSM Parameter Store, so their values never appear in the task definition. Needs an `executionRoleArn` allowed to read them.',
      },
      dependsOn: {
        md: 'Containers that must reach a state (`START`, `COMPLETE`, `SUCCESS`, `HEALTHY`) before this one starts; they stop in reverse order. EC2 needs agent 1.26.0+, Fargate Linux platform 1.3.0+.',
      },
      startTimeout: {
        md: 'Seconds to wait for this container to reach the state another container\'s `dependsOn` asks for; after that the dependent container gives up and the task stops.',
        minimum: 0, launch: 'Fargate: 2–120 s',
      },
      stopTimeout: {
        md: 'Seconds between the stop signal and a forced kill when the container does not exit by itself. Fargate default 30 s. On EC2 the agent\'s `ECS_CONTAINER_STOP_TIMEOUT` applies when left out (30 s by default).',
        minimum: 0, launch: 'Fargate: 2–120 s',
      },
      versionConsistency: {
        md: '`enabled` (default): ECS pins the image tag to its digest at deployment, so every task runs the same image. `disabled`: the tag is pulled as written each time.',
      },
      hostname: {
        md: 'Hostname inside the container. Not allowed in `awsvpc` network mode.',
        launch: 'Not supported on Fargate (awsvpc)',
      },
      user: {
        md: 'User (and optional group) to run as: `user`, `uid`, `user:group`, `uid:gid`, `user:gid` or `uid:group`. Avoid root (UID 0), above all with `host` networking. Not for Windows.',
      },
      workingDirectory: { md: 'Directory in which `command` and `entryPoint` run (Docker `--workdir`).' },
      disableNetworking: {
        md: 'When `true`, the container has no networking. Not for Windows.',
        launch: 'Not supported on Fargate',
      },
      privileged: {
        md: 'When `true`, the container gets almost every privilege of the host, like root on the instance. Avoid it. Not for Windows.',
        launch: 'Not supported on Fargate',
      },
      readonlyRootFilesystem: {
        md: 'When `true`, the container\'s root file system is read-only; write to volumes or tmpfs instead. Default `false`. Not for Windows.',
      },
      dnsServers: {
        md: 'DNS server addresses for the container. Not for Windows.',
        launch: 'Not supported on Fargate',
      },
      dnsSearchDomains: {
        md: 'DNS search domains for the container. Not for Windows.',
        launch: 'Not supported on Fargate',
      },
      extraHosts: {
        md: 'Extra `/etc/hosts` entries. Not allowed in `awsvpc` network mode or for Windows.',
        launch: 'Not supported on Fargate (awsvpc)',
      },
      dockerSecurityOptions: {
        md: 'Docker security options: `no-new-privileges`, `apparmor:PROFILE`, `label:VALUE` (SELinux) or `credentialspec:…` (gMSA). The agent must announce SELinux or AppArmor support (`ECS_SELINUX_CAPABLE`, `ECS_APPARMOR_CAPABLE`).',
        launch: 'Not supported on Fargate',
      },
      interactive: { md: 'When `true`, stdin stays open (Docker `--interactive`).' },
      pseudoTerminal: { md: 'When `true`, a TTY is allocated (Docker `--tty`).' },
      dockerLabels: { md: 'Docker labels for the container, as a map of strings.' },
      ulimits: {
        md: 'Resource limits (open files, processes, …) replacing Docker\'s defaults. Fargate changes only `nofile` (65535 soft and hard by default). Not for Windows.',
        launch: 'Fargate: nofile at most 1048576',
      },
      logConfiguration: {
        md: 'Where stdout and stderr go: a log driver and its options. Left out, the Docker daemon\'s default driver is used.',
      },
      healthCheck: {
        md: 'Command Docker runs periodically to decide whether the container is healthy; replaces any HEALTHCHECK of the image.',
      },
      systemControls: {
        md: 'Namespaced kernel parameters (sysctls) for the container, e.g. `net.ipv4.tcp_keepalive_time`. In `awsvpc` mode one container\'s `net.*` settings apply to the whole task.',
        launch: 'Fargate: Linux platform 1.4.0+',
      },
      resourceRequirements: {
        md: 'GPUs, Neuron devices or Elastic Inference accelerators reserved for the container.',
        launch: 'Not supported on Fargate',
      },
      firelensConfiguration: {
        md: 'Makes this container the FireLens log router (Fluent Bit or Fluentd) that receives the logs of containers using the `awsfirelens` log driver.',
      },
      credentialSpecs: {
        md: 'One Active Directory (gMSA) credential spec: `credentialspec:ARN` (instance joined to the domain) or `credentialspecdomainless:ARN` (domainless, with a Secrets Manager secret), ARN of an S3 object or SSM parameter. Preferred over `dockerSecurityOptions`.',
        maxItems: 1,
      },
    },
  },
};
