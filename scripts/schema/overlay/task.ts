// Overlay for the task level of RegisterTaskDefinition and its small task-level structures.
import { NAME_PATTERN, type Overlay } from './types.ts';

const CPU_PATTERN = '^\\s*(\\d+(\\.\\d+)?|\\.\\d+)\\s*[vV][cC][pP][uU]\\s*$|^\\s*\\d+\\s*$';
const MEMORY_PATTERN = '^\\s*(\\d+(\\.\\d+)?|\\.\\d+)\\s*[gG][bB]\\s*$|^\\s*\\d+\\s*$';

export const taskOverlay: Overlay = {
  RegisterTaskDefinitionRequest: {
    about: 'Input of ECS RegisterTaskDefinition (what `aws ecs register-task-definition --cli-input-json` reads).',
    props: {
      family: {
        md: 'Name of the task definition family. Every registration under the same family adds a revision (`web:1`, `web:2`, …). Up to 255 letters, digits, `-` and `_`.',
        required: true, pattern: NAME_PATTERN, formatName: 'task family name',
      },
      taskRoleArn: {
        md: 'IAM role for **your application**: code in every container of the task gets its credentials when it calls AWS APIs. Full role ARN or just the role name. Not the same as `executionRoleArn`.',
      },
      executionRoleArn: {
        md: 'IAM role the **ECS agent** uses while it sets the task up: pulling private ECR images, sending `awslogs` output, reading `secrets`, `environmentFiles` and registry credentials. Containers never see it. Full role ARN or just the role name.',
      },
      networkMode: {
        md: 'How containers are networked. `awsvpc`: the task gets its own network interface and IP (required on Fargate). `bridge`: Docker\'s virtual network with port mapping (default on Linux EC2). `host`: the instance\'s network directly. `none`: no outside networking and no port mappings. Windows on EC2: `awsvpc` or leave out.',
        launch: 'Fargate: must be awsvpc',
      },
      containerDefinitions: {
        md: 'The containers of the task: at least one, at most 10. Each needs a `name` and an `image`.',
        required: true, minItems: 1,
      },
      volumes: {
        md: 'Data volumes that containers mount through `mountPoints`: bind mounts (`host`), Docker volumes, Amazon EFS, FSx for Windows File Server, S3 Files, or an EBS volume supplied at launch.',
      },
      placementConstraints: {
        md: 'Limits the container instances the task may be placed on (`memberOf` with a cluster query). At most 10, including constraints added at run time. Fargate rejects them.',
        maxItems: 10, launch: 'Not supported on Fargate',
      },
      requiresCompatibilities: {
        md: 'Launch types this definition must be valid for: `EC2`, `FARGATE`, `EXTERNAL` (ECS Anywhere), `MANAGED_INSTANCES`. ECS checks the definition against each listed type when it is registered and refuses it if one check fails. Left out, no such checks run.',
      },
      cpu: {
        md: 'CPU for the whole task, **as a string**: CPU units (`"1024"` = 1 vCPU) or vCPUs (`"1 vCPU"`, `".25 vcpu"`); ECS stores units. Required on Fargate, where only fixed cpu/memory pairs exist (from 256 units with 512–2048 MiB up to 32768 units with 60, 120 or 244 GB). Optional on EC2 and EXTERNAL (128–196608 units). Windows containers on EC2 ignore it.',
        pattern: CPU_PATTERN, formatName: 'task CPU', launch: 'Fargate: required, fixed cpu/memory pairs',
      },
      memory: {
        md: 'Memory for the whole task, **as a string**: MiB (`"2048"`) or GB (`"2 GB"`, 1 GB = 1024 MiB); ECS stores MiB. Required on Fargate, where the allowed values depend on `cpu`. Optional on EC2, but then every container needs `memory` or `memoryReservation`. Container hard limits must fit inside it.',
        pattern: MEMORY_PATTERN, formatName: 'task memory', launch: 'Fargate: required, must match cpu',
      },
      tags: {
        md: 'Labels on the task definition itself (cost allocation, ownership): up to 50, key up to 128 characters, value up to 256. Keys starting with `aws:` are reserved.',
        maxItems: 50,
      },
      pidMode: {
        md: 'Process namespace. `task`: all containers of the task see each other\'s processes (useful for monitoring sidecars). `host`: they share the instance\'s namespace (risky). Left out, each container is isolated. Not for Windows.',
        launch: 'Fargate: only task (Linux platform 1.4.0+)',
      },
      ipcMode: {
        md: 'IPC namespace (shared memory, semaphores, message queues). `host`: shared with the instance; `task`: shared by the task\'s containers; `none`: private per container. Left out, the Docker daemon decides. Affects IPC `systemControls` (refused with `host`, task-wide with `task`). Not for Windows.',
        launch: 'Not supported on Fargate',
      },
      proxyConfiguration: {
        md: 'App Mesh proxy settings: which container is the Envoy proxy and how traffic is redirected through it. AWS App Mesh has been discontinued; use ECS Service Connect instead. Needs agent 1.26.0+ on EC2, platform 1.3.0+ on Fargate.',
      },
      inferenceAccelerators: {
        md: 'Elastic Inference accelerators for the task, claimed by containers through `resourceRequirements` of type `InferenceAccelerator`. Elastic Inference is no longer offered, so this no longer works anywhere.',
        launch: 'Not supported on Fargate',
      },
      ephemeralStorage: {
        md: 'Larger scratch disk for a Fargate task: 21–200 GiB instead of the default 20 GiB. Needs Linux platform 1.4.0+ or Windows platform 1.0.0+. Only Fargate uses it.',
        launch: 'Fargate only',
      },
      runtimePlatform: {
        md: 'Operating system and CPU architecture the task needs. Fargate defaults to Linux on X86_64; set this for Windows or ARM64 (Graviton) tasks.',
        launch: 'Fargate: Windows only on X86_64 with 1–4 vCPU',
      },
      enableFaultInjection: {
        md: 'When `true`, the task\'s containers may send fault-injection requests (used by AWS Fault Injection Service experiments). Default `false`.',
      },
    },
  },
  TaskDefinitionPlacementConstraint: {
    about: 'A placement constraint stored in the task definition.',
    props: {
      type: { md: 'Constraint type. Task definitions accept only `memberOf`: run only on instances that match `expression`.' },
      expression: { md: 'Cluster query language expression selecting the allowed instances, e.g. `attribute:ecs.instance-type =~ t3.*`.' },
    },
  },
  Tag: {
    about: 'A tag on the task definition.',
    props: {
      key: {
        md: 'Tag key, 1–128 characters, unique per task definition. Keys starting with `aws:` (any case) are reserved for AWS.',
        required: true, maxLength: 128,
      },
      value: { md: 'Tag value, up to 256 characters; may be empty. Optional.', maxLength: 256, allowEmpty: true },
    },
  },
  ProxyConfiguration: {
    about: 'App Mesh proxy configuration.',
    props: {
      type: { md: 'Proxy type; `APPMESH` is the only value.' },
      containerName: {
        md: 'Name of the container in this task that runs the proxy (Envoy); must match a container `name`.',
        required: true, pattern: NAME_PATTERN, formatName: 'container name',
      },
      properties: {
        md: 'Name/value settings for the CNI plugin that redirects traffic: `IgnoredUID` or `IgnoredGID` (the proxy\'s own user, whose traffic is not redirected), `AppPorts`, `ProxyIngressPort`, `ProxyEgressPort`, `EgressIgnoredPorts`, `EgressIgnoredIPs`.',
        definition: 'ProxyConfigurationProperty',
      },
    },
  },
  ProxyConfigurationProperty: {
    about: 'One App Mesh CNI setting.',
    from: 'KeyValuePair',
    props: {
      name: { md: 'Setting name, e.g. `IgnoredUID`, `AppPorts`, `ProxyIngressPort`, `EgressIgnoredIPs`.' },
      value: {
        md: 'Setting value as a string; lists are comma-separated (`"9080,9081"`). May be empty (e.g. `EgressIgnoredPorts`).',
        allowEmpty: true,
      },
    },
  },
  InferenceAccelerator: {
    about: 'An Elastic Inference accelerator (service no longer available).',
    props: {
      deviceName: {
        md: 'Name you give this accelerator; a container\'s `resourceRequirements` entry of type `InferenceAccelerator` uses it as `value`.',
        required: true,
      },
      deviceType: { md: 'Elastic Inference accelerator type, e.g. `eia2.medium`.', required: true },
    },
  },
  EphemeralStorage: {
    about: 'Ephemeral storage size of a Fargate task.',
    props: {
      sizeInGiB: { md: 'Total ephemeral storage of the task in GiB, 21–200 (20 GiB when `ephemeralStorage` is left out).', required: true },
    },
  },
  RuntimePlatform: {
    about: 'Operating system and CPU architecture of the task.',
    props: {
      cpuArchitecture: {
        md: '`X86_64` (default) or `ARM64` (Graviton). ARM64 is Linux-only: EC2, Managed Instances and Fargate.',
      },
      operatingSystemFamily: {
        md: '`LINUX` (default) or a Windows Server edition such as `WINDOWS_SERVER_2022_CORE`. Fargate runs Windows Server 2019 and 2022 (Full and Core); 2016, 2004 and 20H2 are EC2-only.',
        launch: 'Fargate: Linux or Windows Server 2019/2022',
      },
    },
  },
};
