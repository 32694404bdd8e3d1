// Overlay for the structures nested in a container definition (ports, env, secrets, logs, health…).
import { NAME_PATTERN, type Overlay } from './types.ts';

export const containerPartsOverlay: Overlay = {
  RepositoryCredentials: {
    about: 'Private registry credentials.',
    props: {
      credentialsParameter: {
        md: 'Secrets Manager secret with the registry user name and password: its ARN, or its name when it is in the task\'s Region.',
        required: true,
      },
    },
  },
  PortMapping: {
    about: 'A container port exposed by the task. Needs `containerPort` or `containerPortRange`.',
    extra: { anyOf: [{ required: ['containerPort'] }, { required: ['containerPortRange'] }] },
    props: {
      containerPort: { md: 'Port the application listens on inside the container, 1–65535.', minimum: 1, maximum: 65535 },
      hostPort: {
        md: 'Port on the host. In `awsvpc` or `host` mode leave it out or make it equal to `containerPort`. In `bridge` mode, `0` or leaving it out picks a free port from the ephemeral range.',
        minimum: 0, maximum: 65535, launch: 'Fargate: leave out or equal to containerPort',
      },
      protocol: { md: '`tcp` (default) or `udp`.' },
      name: {
        md: 'Name of the mapping, used by a service\'s Service Connect and VPC Lattice settings. Up to 64 lowercase letters, digits, `_` and `-`, not starting with `-`.',
        pattern: '^[a-z0-9_][a-z0-9_-]{0,63}$', formatName: 'port mapping name',
      },
      appProtocol: {
        md: 'Protocol for Service Connect (`http`, `http2`, `grpc`): enables protocol-aware proxying and metrics. Left out, traffic is plain TCP. Cannot be changed on an existing Service Connect service.',
      },
      containerPortRange: {
        md: 'Container port range `first-last`, e.g. `"8000-8099"`: bounds 1–65535, first below last, no `hostPort`. `bridge` or `awsvpc` mode only; at most 100 ranges per container.',
        pattern: '^\\d+-\\d+$', formatName: 'port range',
      },
    },
  },
  ContainerRestartPolicy: {
    about: 'Container restart policy.',
    props: {
      enabled: { md: 'Turns restarting on or off.', required: true },
      ignoredExitCodes: { md: 'Exit codes that do not trigger a restart, at most 50. By default every exit does.' },
      restartAttemptPeriod: {
        md: 'Seconds the container must have run before it may be restarted; earlier exits are not restarted. 60–1800, default 300.',
      },
    },
  },
  KeyValuePair: {
    about: 'An environment variable.',
    props: {
      name: { md: 'Environment variable name.', required: true },
      value: { md: 'Value, always a JSON string (write `"8080"`, `"true"`). May be empty.', allowEmpty: true },
    },
  },
  EnvironmentFile: {
    about: 'An environment file in S3.',
    props: {
      value: { md: 'ARN of the S3 object, ending in `.env`, e.g. `arn:aws:s3:::my-bucket/app.env`.', required: true },
      type: { md: 'Where the file lives; `s3` is the only value.', required: true },
    },
  },
  MountPoint: {
    about: 'A volume mounted into the container.',
    props: {
      sourceVolume: {
        md: 'Name of a volume declared in the task\'s `volumes`.',
        required: true, pattern: NAME_PATTERN, formatName: 'volume name',
      },
      containerPath: { md: 'Path inside the container where the volume appears.', required: true },
      readOnly: { md: 'When `true`, the volume is mounted read-only. Default `false`.' },
    },
  },
  VolumeFrom: {
    about: 'Volumes borrowed from another container.',
    props: {
      sourceContainer: {
        md: 'Name of the container in this task whose volumes are mounted.',
        required: true, pattern: NAME_PATTERN, formatName: 'container name',
      },
      readOnly: { md: 'When `true`, those volumes are mounted read-only. Default `false`.' },
    },
  },
  Secret: {
    about: 'A value fetched from Secrets Manager or SSM Parameter Store when the container starts.',
    props: {
      name: {
        md: 'Environment variable (in `secrets`) or log driver option (in `secretOptions`) that receives the value.',
        required: true,
      },
      valueFrom: {
        md: 'Source of the value: a Secrets Manager secret ARN, optionally followed by `:json-key:version-stage:version-id`, or an SSM parameter ARN (the bare parameter name works in the same Region).',
        required: true,
      },
    },
  },
  ContainerDependency: {
    about: 'A start-up dependency on another container.',
    props: {
      containerName: {
        md: 'Container this one waits for.',
        required: true, pattern: NAME_PATTERN, formatName: 'container name',
      },
      condition: {
        md: '`START`: it has started. `COMPLETE`: it has exited. `SUCCESS`: it exited with code 0. `HEALTHY`: its health check passes (it needs a `healthCheck`). `COMPLETE` and `SUCCESS` cannot target an essential container.',
        required: true,
      },
    },
  },
  HostEntry: {
    about: 'An `/etc/hosts` entry.',
    props: {
      hostname: { md: 'Host name to add to `/etc/hosts`.', required: true },
      ipAddress: { md: 'IPv4 or IPv6 address for that host name.', required: true },
    },
  },
  Ulimit: {
    about: 'A resource limit.',
    props: {
      name: { md: 'Limit to set, e.g. `nofile` (open files), `nproc` (processes), `memlock`, `core`, `stack`.', required: true },
      softLimit: {
        md: 'Soft limit, in bytes, seconds or a count depending on `name`; must not exceed `hardLimit`.',
        required: true,
      },
      hardLimit: { md: 'Hard limit: the ceiling the soft limit may be raised to.', required: true },
    },
  },
  LogConfiguration: {
    about: 'Log driver settings.',
    props: {
      logDriver: {
        md: 'Log driver: `awslogs` (CloudWatch Logs), `awsfirelens` (FireLens router), `splunk`, `json-file`, `syslog`, `journald`, `gelf`, `fluentd`. Managed Instances: `awslogs`, `splunk`, `awsfirelens`, `json-file`. On EC2 the agent must list it in `ECS_AVAILABLE_LOGGING_DRIVERS`.',
        required: true, launch: 'Fargate: awslogs, splunk or awsfirelens only',
      },
      options: {
        md: 'Driver options, all strings. awslogs: `awslogs-group`, `awslogs-region`, `awslogs-stream-prefix` (required on Fargate), `awslogs-create-group`, `mode` (`non-blocking`, the default since June 2025, or `blocking`), `max-buffer-size`. awsfirelens: the output plugin\'s settings (`Name`, `region`, …).',
      },
      secretOptions: {
        md: 'Driver options whose values come from Secrets Manager or SSM (e.g. a Splunk token). Needs an execution role that can read them.',
      },
    },
  },
  HealthCheck: {
    about: 'Docker health check.',
    props: {
      command: {
        md: 'Check to run: `["CMD", "prog", "arg"]` runs it directly, `["CMD-SHELL", "curl -f http://localhost/ || exit 1"]` through the container\'s shell. Exit code 0 means healthy.',
        required: true, minItems: 1,
      },
      interval: { md: 'Seconds between checks, 5–300; default 30.' },
      timeout: { md: 'Seconds before a single check counts as failed, 2–60; default 5.' },
      retries: { md: 'Failures in a row before the container is unhealthy, 1–10; default 3.' },
      startPeriod: {
        md: 'Grace period in seconds (0–300) after start in which failures do not count; a success ends it early. Off by default.',
      },
    },
  },
  SystemControl: {
    about: 'A namespaced kernel parameter.',
    props: {
      namespace: {
        md: 'Kernel parameter: `kernel.msgmax`, `kernel.msgmnb`, `kernel.msgmni`, `kernel.sem`, `kernel.shmall`, `kernel.shmmax`, `kernel.shmmni`, `kernel.shm_rmid_forced`, `fs.mqueue.*` (IPC namespace) or `net.*` (network namespace).',
      },
      value: { md: 'Value for that parameter, as a string.' },
    },
  },
  ResourceRequirement: {
    about: 'A device reserved for the container. Needs `value`, or `sharingStrategy` for a shared GPU, not both.',
    extra: { oneOf: [{ required: ['value'] }, { required: ['sharingStrategy'] }] },
    props: {
      value: {
        md: 'How much: a number of GPUs (or `ALL`), `ALL` for `NeuronDevice`, or the `deviceName` of an inference accelerator. Leave out for a GPU with `sharingStrategy`.',
      },
      type: {
        md: '`GPU`, `NeuronDevice` (Managed Instances only, one container per task) or `InferenceAccelerator`.',
        required: true,
      },
      sharingStrategy: {
        md: 'Share a GPU with other containers instead of getting whole GPUs (EC2 and Managed Instances, not EXTERNAL). Use instead of `value`; all GPU containers of a task must choose the same way.',
      },
    },
  },
  SharingStrategy: {
    about: 'How a GPU is shared; give exactly one member.',
    extra: { minProperties: 1, maxProperties: 1 },
    props: {
      nvidiaMps: {
        md: 'Share through NVIDIA Multi-Process Service: a fixed slice of GPU memory and an optional compute cap.',
      },
    },
  },
  NvidiaMpsAllocation: {
    about: 'NVIDIA MPS share of one GPU.',
    props: {
      memory: {
        md: 'GPU memory for this container in MiB (sets `CUDA_MPS_PINNED_DEVICE_MEM_LIMIT`). It must be free on a single GPU, which all MPS containers of the task share.',
        required: true,
      },
      maxComputePercent: {
        md: 'Upper limit on the share of the GPU\'s compute the container may use, in percent (sets `CUDA_MPS_ACTIVE_THREAD_PERCENTAGE`). Left out, the MPS server\'s setting applies (100 by default).',
      },
    },
  },
  FirelensConfiguration: {
    about: 'FireLens log router settings.',
    props: {
      type: { md: 'Router: `fluentbit` or `fluentd`.', required: true },
      options: {
        md: 'Router settings: `enable-ecs-log-metadata` (`"true"`/`"false"`), `config-file-type` (`s3` or `file`) and `config-file-value` (S3 object ARN or a path in the image).',
        launch: 'Fargate: config-file-type file only',
      },
    },
  },
};
