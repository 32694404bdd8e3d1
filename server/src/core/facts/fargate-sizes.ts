/**
 * Fargate task sizes (RULES.md table 2a): which task `cpu` goes with which task `memory`, per OS, plus the
 * helpers rules and fixes need (nearest valid values, smallest size that fits). All values are numbers:
 * CPU units and MiB. Spellings ("1 vCPU", "2 GB") are handled in task-size-notation.ts, re-exported here.
 */
import type { NumericRange } from './limits';

export * from './task-size-notation';

export type FargateOs = 'linux' | 'windows';

/** One Fargate CPU size and the task memory values allowed with it. */
export interface FargateCpuTier {
  /** Task CPU in units (1024 per vCPU). */
  readonly cpu: number;
  readonly vcpu: number;
  /** Allowed task memory in MiB, ascending. */
  readonly memories: readonly number[];
  /** Set when `memories` is a regular range: min…max in steps of `step`. */
  readonly step?: number;
  readonly os: readonly FargateOs[];
  /** Lowest Linux platform version that offers this size, when it is not every version. */
  readonly minLinuxPlatformVersion?: string;
  /** False when the platform-version requirement is assumed rather than confirmed. */
  readonly platformVersionVerified?: boolean;
  readonly note?: string;
}

function stepRange(min: number, max: number, step: number): number[] {
  const out: number[] = [];
  for (let v = min; v <= max; v += step) out.push(v);
  return out;
}

const LINUX: readonly FargateOs[] = ['linux'];
const BOTH: readonly FargateOs[] = ['linux', 'windows'];

/** Table 2a, smallest CPU first. */
export const FARGATE_CPU_TIERS: readonly FargateCpuTier[] = [
  { cpu: 256, vcpu: 0.25, memories: [512, 1024, 2048], os: LINUX },
  { cpu: 512, vcpu: 0.5, memories: [1024, 2048, 3072, 4096], os: LINUX },
  { cpu: 1024, vcpu: 1, memories: stepRange(2048, 8192, 1024), step: 1024, os: BOTH },
  { cpu: 2048, vcpu: 2, memories: stepRange(4096, 16384, 1024), step: 1024, os: BOTH },
  { cpu: 4096, vcpu: 4, memories: stepRange(8192, 30720, 1024), step: 1024, os: BOTH },
  {
    cpu: 8192, vcpu: 8, memories: stepRange(16384, 61440, 4096), step: 4096, os: LINUX,
    minLinuxPlatformVersion: '1.4.0', platformVersionVerified: true,
    note: 'Linux only, on platform version 1.4.0 or later.',
  },
  {
    cpu: 16384, vcpu: 16, memories: stepRange(32768, 122880, 8192), step: 8192, os: LINUX,
    minLinuxPlatformVersion: '1.4.0', platformVersionVerified: true,
    note: 'Linux only, on platform version 1.4.0 or later.',
  },
  {
    cpu: 32768, vcpu: 32, memories: [61440, 122880, 249856], os: LINUX,
    minLinuxPlatformVersion: '1.4.0', platformVersionVerified: false,
    note: 'Linux only; offered since 2026 with exactly 60, 120 or 244 GB. Platform requirement assumed to be 1.4.0.',
  },
];

/** Every Fargate task CPU value, ascending. */
export const FARGATE_CPUS: readonly number[] = FARGATE_CPU_TIERS.map((t) => t.cpu);

/** Fargate task CPU values available to Windows tasks (1, 2 and 4 vCPU). */
export const FARGATE_WINDOWS_CPUS: readonly number[] = FARGATE_CPU_TIERS.filter((t) => t.os.includes('windows')).map(
  (t) => t.cpu,
);

/** Smallest Fargate size, used when nothing else is known. */
export const FARGATE_SMALLEST_SIZE = { cpu: 256, memory: 512 } as const;

/**
 * Task `cpu` range for EC2, EXTERNAL and Managed Instances (API reference: 0.125–192 vCPU). No fixed
 * memory list applies there.
 */
export const EC2_TASK_CPU_RANGE: NumericRange = { min: 128, max: 196_608, unit: 'CPU units' };

/** `ephemeralStorage.sizeInGiB` on Fargate; 20 GiB is what a task gets without the field. */
export const FARGATE_EPHEMERAL_STORAGE_GIB: NumericRange = { min: 21, max: 200, default: 20, unit: 'GiB' };

function tiersFor(os?: FargateOs): readonly FargateCpuTier[] {
  return os ? FARGATE_CPU_TIERS.filter((t) => t.os.includes(os)) : FARGATE_CPU_TIERS;
}

/** The tier for a task CPU value, or undefined when Fargate has no such size. */
export function fargateTier(cpu: number): FargateCpuTier | undefined {
  return FARGATE_CPU_TIERS.find((t) => t.cpu === cpu);
}

/** True when `cpu` is a Fargate size (for `os`, when given). */
export function isFargateCpu(cpu: number, os?: FargateOs): boolean {
  return tiersFor(os).some((t) => t.cpu === cpu);
}

/** Allowed task memory values (MiB, ascending) for a Fargate CPU; empty when `cpu` is not a Fargate size. */
export function fargateMemoriesFor(cpu: number): readonly number[] {
  return fargateTier(cpu)?.memories ?? [];
}

/** Fargate CPU values (ascending) whose memory list contains `memory`, optionally only those open to `os`. */
export function fargateCpusFor(memory: number, os?: FargateOs): number[] {
  return tiersFor(os)
    .filter((t) => t.memories.includes(memory))
    .map((t) => t.cpu);
}

/** True when Fargate offers exactly this cpu/memory pair (for `os`, when given). */
export function isValidFargatePair(cpu: number, memory: number, os?: FargateOs): boolean {
  const tier = fargateTier(cpu);
  return !!tier && tier.memories.includes(memory) && (!os || tier.os.includes(os));
}

/**
 * The memory choices for a CPU in words, for messages and hovers: "2048–8192 MiB in steps of 1024" for
 * ranges, "512, 1024 or 2048 MiB" for short lists. Undefined when `cpu` is not a Fargate size.
 */
export function describeMemoryOptions(cpu: number): string | undefined {
  const tier = fargateTier(cpu);
  if (!tier) return undefined;
  const m = tier.memories;
  if (tier.step) return `${m[0]}–${m[m.length - 1]} MiB in steps of ${tier.step}`;
  return `${m.slice(0, -1).join(', ')} or ${m[m.length - 1]} MiB`;
}

/** Tiers with this many memory values or fewer get one fix per value. */
export const MAX_MEMORY_FIXES_LISTED = 8;

/**
 * Memory values to offer as fixes when `memory` does not fit `cpu` (rule fargate-cpu-memory): every allowed
 * value when the tier has at most 8, else the nearest allowed value below and above `memory` plus the tier's
 * minimum and maximum. Deduplicated, ascending; empty when `cpu` is not a Fargate size.
 */
export function nearestMemories(cpu: number, memory: number): number[] {
  const all = fargateMemoriesFor(cpu);
  if (all.length <= MAX_MEMORY_FIXES_LISTED) return [...all];
  const below = [...all].reverse().find((v) => v < memory);
  const above = all.find((v) => v > memory);
  const picked = [all[0], below, above, all[all.length - 1]].filter((v): v is number => v !== undefined);
  return [...new Set(picked)].sort((a, b) => a - b);
}

/**
 * The Fargate CPU sizes nearest to an invalid `cpu`: the largest one below and the smallest one above
 * (one value at either end of the table). Ascending. With `os`, only sizes open to that OS.
 */
export function nearestCpus(cpu: number, os?: FargateOs): number[] {
  const cpus = tiersFor(os).map((t) => t.cpu);
  if (cpus.includes(cpu)) return [cpu];
  const below = [...cpus].reverse().find((c) => c < cpu);
  const above = cpus.find((c) => c > cpu);
  return [below, above].filter((v): v is number => v !== undefined);
}

/**
 * The memory to pair with `cpu` when moving a task to that size: the smallest allowed value ≥ `memory`,
 * or the tier's maximum when `memory` is above every allowed value. Undefined for a non-Fargate `cpu`.
 */
export function fitMemoryToCpu(cpu: number, memory: number): number | undefined {
  const all = fargateMemoriesFor(cpu);
  if (all.length === 0) return undefined;
  return all.find((v) => v >= memory) ?? all[all.length - 1];
}

/**
 * The smallest Fargate size with at least `minCpu` units and `minMemory` MiB (for `os`, when given), e.g. to
 * cover the sum of container reservations. Undefined when even the largest size is too small.
 */
export function smallestFargateSize(
  minCpu: number,
  minMemory: number,
  os?: FargateOs,
): { cpu: number; memory: number } | undefined {
  for (const tier of tiersFor(os)) {
    if (tier.cpu < minCpu) continue;
    const memory = tier.memories.find((v) => v >= minMemory);
    if (memory !== undefined) return { cpu: tier.cpu, memory };
  }
  return undefined;
}

/** Table 2a as markdown, for hovers and docs. */
export function renderFargateSizeTableMarkdown(): string {
  const lines = ['| cpu (units) | vCPU | memory (MiB) | OS |', '|---|---|---|---|'];
  for (const t of FARGATE_CPU_TIERS) {
    const os = t.os.map((o) => (o === 'linux' ? 'Linux' : 'Windows')).join(', ');
    lines.push(`| ${t.cpu} | ${t.vcpu} | ${describeMemoryOptions(t.cpu)} | ${os} |`);
  }
  return lines.join('\n');
}
