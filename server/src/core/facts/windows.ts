/**
 * Windows operating system families (RULES.md table 2a "Windows on Fargate", rules fargate-windows and
 * windows-unsupported-parameter).
 */

/** Windows families Fargate runs (Windows platform version 1.0.0). */
export const FARGATE_WINDOWS_FAMILIES = [
  'WINDOWS_SERVER_2019_FULL',
  'WINDOWS_SERVER_2019_CORE',
  'WINDOWS_SERVER_2022_FULL',
  'WINDOWS_SERVER_2022_CORE',
] as const;

/** In the API enum, but whether Fargate runs them is unconfirmed (fargate-windows reports a warning). */
export const FARGATE_UNVERIFIED_WINDOWS_FAMILIES = ['WINDOWS_SERVER_2025_CORE', 'WINDOWS_SERVER_2025_FULL'] as const;

/** Windows families that only EC2 container instances run. */
export const EC2_ONLY_WINDOWS_FAMILIES = [
  'WINDOWS_SERVER_2016_FULL',
  'WINDOWS_SERVER_2004_CORE',
  'WINDOWS_SERVER_20H2_CORE',
] as const;

/** Every Windows value of `runtimePlatform.operatingSystemFamily` in the API enum. */
export const WINDOWS_FAMILIES = [
  ...FARGATE_WINDOWS_FAMILIES,
  ...FARGATE_UNVERIFIED_WINDOWS_FAMILIES,
  ...EC2_ONLY_WINDOWS_FAMILIES,
] as const;

export type WindowsFamily = (typeof WINDOWS_FAMILIES)[number];

/** Every value of `runtimePlatform.operatingSystemFamily` in the API enum. */
export const OPERATING_SYSTEM_FAMILIES = ['LINUX', ...WINDOWS_FAMILIES] as const;

/**
 * True when an `operatingSystemFamily` value means Windows (RULES.md §1.3: it starts with `WINDOWS_`).
 * Unknown `WINDOWS_*` values count too, so OS-specific rules still apply to a misspelt family.
 */
export function isWindowsFamily(family: string): boolean {
  return family.startsWith('WINDOWS_');
}

/** True for a value the API enum lists as a Windows family. */
export function isKnownWindowsFamily(family: string): family is WindowsFamily {
  return (WINDOWS_FAMILIES as readonly string[]).includes(family);
}

export type FargateWindowsStatus = 'supported' | 'unverified' | 'ec2-only' | 'unknown';

/** How Fargate treats a Windows family: runs it, might run it, EC2 only, or not a known family. */
export function fargateWindowsStatus(family: string): FargateWindowsStatus {
  if ((FARGATE_WINDOWS_FAMILIES as readonly string[]).includes(family)) return 'supported';
  if ((FARGATE_UNVERIFIED_WINDOWS_FAMILIES as readonly string[]).includes(family)) return 'unverified';
  if ((EC2_ONLY_WINDOWS_FAMILIES as readonly string[]).includes(family)) return 'ec2-only';
  return 'unknown';
}

/** "CORE" or "FULL" for a Windows family name, else undefined. */
export function windowsFlavour(family: string): 'CORE' | 'FULL' | undefined {
  const m = /_(CORE|FULL)$/.exec(family);
  return m ? (m[1] as 'CORE' | 'FULL') : undefined;
}

/** The Fargate family to suggest instead of an unsupported one, keeping Core/Full (fix for fargate-windows). */
export function suggestedFargateWindowsFamily(family: string): 'WINDOWS_SERVER_2022_CORE' | 'WINDOWS_SERVER_2022_FULL' {
  return windowsFlavour(family) === 'FULL' ? 'WINDOWS_SERVER_2022_FULL' : 'WINDOWS_SERVER_2022_CORE';
}

/** The only `cpuArchitecture` Windows tasks run on (ARM64 is Linux-only on every launch type). */
export const WINDOWS_CPU_ARCHITECTURE = 'X86_64';

/** Container-level keys Windows containers do not support (rule windows-unsupported-parameter). */
export const WINDOWS_UNSUPPORTED_CONTAINER_KEYS = [
  'privileged',
  'readonlyRootFilesystem',
  'user',
  'links',
  'dnsServers',
  'dnsSearchDomains',
  'extraHosts',
  'disableNetworking',
  'linuxParameters',
  'ulimits',
  'systemControls',
] as const;

/** Task-level keys Windows tasks do not support (rule windows-unsupported-parameter). */
export const WINDOWS_UNSUPPORTED_TASK_KEYS = ['pidMode', 'ipcMode', 'proxyConfiguration'] as const;

/** What Windows tasks on Fargate cannot use, in our words (for hovers). */
export const FARGATE_WINDOWS_NOT_AVAILABLE: readonly { readonly key: string; readonly why: string }[] = [
  { key: 'efsVolumeConfiguration', why: 'EFS volumes mount only on the Linux Fargate platform.' },
  { key: 'fsxWindowsFileServerVolumeConfiguration', why: 'FSx for Windows volumes need EC2; Fargate never mounts them.' },
  { key: 'ulimits', why: 'Resource limits are a Linux kernel feature.' },
  { key: 'linuxParameters', why: 'These are Linux kernel and Docker settings.' },
  { key: 'systemControls', why: 'Kernel parameters (sysctls) exist only on Linux.' },
  { key: 'pidMode', why: 'Sharing the process namespace is Linux-only.' },
  { key: 'proxyConfiguration', why: 'The App Mesh proxy integration is Linux-only (and App Mesh is discontinued).' },
];
