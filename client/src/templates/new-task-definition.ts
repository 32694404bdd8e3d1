/**
 * The "ECS: New Task Definition…" generator: the choices offered in the quick picks and the task definition
 * written for them. Pure (no vscode import) so a unit test can lint every possible result.
 */
import { FARGATE_CPU_TIERS, type FargateOs } from '../../../server/src/core/facts/fargate-sizes';

export type NewTaskLaunchType = 'FARGATE' | 'EC2' | 'EXTERNAL';
export type NewTaskPlatform = 'linux-x86_64' | 'linux-arm64' | 'windows-2022';

export interface NewTaskChoice {
  launchType: NewTaskLaunchType;
  /** Fargate only; Linux x86_64 when omitted. */
  platform?: NewTaskPlatform;
  /** Fargate task size in CPU units and MiB; the smallest size for the platform when omitted. */
  cpu?: number;
  memory?: number;
}

export interface Option<T> {
  value: T;
  label: string;
  detail: string;
}

export const LAUNCH_TYPE_OPTIONS: readonly Option<NewTaskLaunchType>[] = [
  { value: 'FARGATE', label: 'Fargate', detail: 'Serverless: AWS runs the task; awsvpc networking, fixed CPU/memory sizes.' },
  { value: 'EC2', label: 'EC2', detail: 'Your cluster instances; bridge networking with dynamic host ports.' },
  { value: 'EXTERNAL', label: 'External (ECS Anywhere)', detail: 'Your own servers or VMs registered with ECS; bridge networking.' },
];

export const FARGATE_PLATFORM_OPTIONS: readonly Option<NewTaskPlatform>[] = [
  { value: 'linux-x86_64', label: 'Linux · X86_64', detail: 'The default platform; every size from 0.25 to 32 vCPU.' },
  { value: 'linux-arm64', label: 'Linux · ARM64 (Graviton)', detail: 'Needs an arm64 or multi-architecture image.' },
  { value: 'windows-2022', label: 'Windows Server 2022 Core', detail: 'Windows containers; 1, 2 or 4 vCPU.' },
];

const OS_OF: Record<NewTaskPlatform, FargateOs> = { 'linux-x86_64': 'linux', 'linux-arm64': 'linux', 'windows-2022': 'windows' };

export interface SizeOption {
  cpu: number;
  memory: number;
  /** "0.25 vCPU · 0.5 GB" */
  label: string;
  /** "cpu 256 · memory 512" */
  description: string;
  /** Caveat of the CPU tier (platform version, OS), if any. */
  detail?: string;
}

export interface SizeGroup {
  /** "1 vCPU" — shown as a separator. */
  label: string;
  sizes: SizeOption[];
}

const gb = (mib: number) => `${+(mib / 1024).toFixed(3)} GB`;

/** Every valid Fargate cpu/memory pair for the platform, grouped by CPU (smallest first). */
export function fargateSizeGroups(platform: NewTaskPlatform = 'linux-x86_64'): SizeGroup[] {
  const os = OS_OF[platform];
  return FARGATE_CPU_TIERS.filter((t) => t.os.includes(os)).map((t) => ({
    label: `${t.vcpu} vCPU`,
    sizes: t.memories.map((memory) => ({
      cpu: t.cpu,
      memory,
      label: `${t.vcpu} vCPU · ${gb(memory)}`,
      description: `cpu ${t.cpu} · memory ${memory}`,
      ...(t.note ? { detail: t.note } : {}),
    })),
  }));
}

const ACCOUNT = '123456789012';
const REGION = 'us-east-1';
const FAMILY = 'my-app';
const LINUX_IMAGE = 'public.ecr.aws/nginx/nginx:1.27';
const WINDOWS_IMAGE = 'mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022';

function awslogs(family: string) {
  return {
    logDriver: 'awslogs',
    options: { 'awslogs-group': `/ecs/${family}`, 'awslogs-region': REGION, 'awslogs-stream-prefix': 'ecs' },
  };
}

function healthCheck(windows: boolean, startPeriod: number) {
  const probe = windows ? 'curl.exe -fs http://localhost/ || exit 1' : 'curl -fs http://localhost/ || exit 1';
  return { command: ['CMD-SHELL', probe], interval: 30, timeout: 5, retries: 3, startPeriod };
}

/** The task definition text (2-space JSON) for a choice. Throws on a cpu/memory pair Fargate does not offer. */
export function newTaskDefinition(choice: NewTaskChoice): string {
  const family = FAMILY;
  if (choice.launchType !== 'FARGATE') return json(ec2OrExternal(choice.launchType, family));
  const platform = choice.platform ?? 'linux-x86_64';
  const groups = fargateSizeGroups(platform);
  const size = choice.cpu === undefined ? groups[0].sizes[0] : groups.flatMap((g) => g.sizes).find((s) => s.cpu === choice.cpu && s.memory === choice.memory);
  if (!size) throw new Error(`Fargate (${platform}) has no ${choice.cpu} CPU / ${choice.memory} MiB size`);
  const windows = platform === 'windows-2022';
  return json({
    family,
    requiresCompatibilities: ['FARGATE'],
    networkMode: 'awsvpc',
    cpu: String(size.cpu),
    memory: String(size.memory),
    runtimePlatform: {
      operatingSystemFamily: windows ? 'WINDOWS_SERVER_2022_CORE' : 'LINUX',
      cpuArchitecture: platform === 'linux-arm64' ? 'ARM64' : 'X86_64',
    },
    executionRoleArn: `arn:aws:iam::${ACCOUNT}:role/ecsTaskExecutionRole`,
    containerDefinitions: [
      {
        name: 'web',
        image: windows ? WINDOWS_IMAGE : LINUX_IMAGE,
        essential: true,
        portMappings: [{ name: 'http', containerPort: 80, protocol: 'tcp', appProtocol: 'http' }],
        healthCheck: healthCheck(windows, windows ? 120 : 30),
        logConfiguration: awslogs(family),
      },
    ],
  });
}

function ec2OrExternal(launchType: 'EC2' | 'EXTERNAL', family: string) {
  return {
    family,
    requiresCompatibilities: [launchType],
    networkMode: 'bridge',
    // On EC2 the container instance role writes awslogs; ECS Anywhere needs the execution role for it.
    ...(launchType === 'EXTERNAL' ? { executionRoleArn: `arn:aws:iam::${ACCOUNT}:role/ecsTaskExecutionRole` } : {}),
    containerDefinitions: [
      {
        name: 'web',
        image: LINUX_IMAGE,
        essential: true,
        cpu: 256,
        memory: 512,
        memoryReservation: 256,
        // hostPort 0: ECS picks a free host port per task, so several tasks fit on one instance.
        portMappings: [{ containerPort: 80, hostPort: launchType === 'EC2' ? 0 : 8080, protocol: 'tcp' }],
        healthCheck: healthCheck(false, 30),
        logConfiguration: awslogs(family),
      },
    ],
  };
}

function json(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

/** Every choice the command can produce (for tests and the e2e suite). */
export function allNewTaskChoices(): NewTaskChoice[] {
  const out: NewTaskChoice[] = [{ launchType: 'EC2' }, { launchType: 'EXTERNAL' }];
  for (const p of FARGATE_PLATFORM_OPTIONS) {
    for (const g of fargateSizeGroups(p.value)) for (const s of g.sizes) out.push({ launchType: 'FARGATE', platform: p.value, cpu: s.cpu, memory: s.memory });
  }
  return out;
}
