/** Hover sections about task size: the current cpu/memory in plain units, their Fargate partners, the size table. */
import type { Node } from 'jsonc-parser';
import type { Classification } from '../documents/classify';
import {
  cpuToVcpuText,
  describeMemoryOptions,
  EC2_TASK_CPU_RANGE,
  FARGATE_CPUS,
  fargateCpusFor,
  fargateMemoriesFor,
  type FargateOs,
  isTaskSizeError,
  memoryToGbText,
  parseTaskCpu,
  parseTaskMemory,
  renderFargateSizeTableMarkdown,
} from '../facts';
import { child } from '../syntax/tree';

function rawValue(node: Node | undefined): string | number | undefined {
  return node?.type === 'string' || node?.type === 'number' ? (node.value as string | number) : undefined;
}

/** CPU units of the task's `cpu`, when it can be read. */
export function taskCpuUnits(doc: Classification): number | undefined {
  const raw = rawValue(child(doc.task, 'cpu'));
  if (raw === undefined) return undefined;
  const p = parseTaskCpu(raw);
  return isTaskSizeError(p) ? undefined : p.units;
}

/** MiB of the task's `memory`, when it can be read. */
export function taskMemoryMib(doc: Classification): number | undefined {
  const raw = rawValue(child(doc.task, 'memory'));
  if (raw === undefined) return undefined;
  const p = parseTaskMemory(raw);
  return isTaskSizeError(p) ? undefined : p.mib;
}

function fargateOs(doc: Classification): FargateOs | undefined {
  return doc.os === 'windows' ? 'windows' : doc.os === 'linux' ? 'linux' : undefined;
}

/** One line in plain units for a task cpu value: `"1 vCPU"` → "1024 CPU units = 1 vCPU". */
export function cpuValueLine(raw: string | number): string {
  const p = parseTaskCpu(raw);
  if (isTaskSizeError(p)) return `\`${JSON.stringify(raw)}\` cannot be read as a CPU size: ${p.error}.`;
  return `\`${JSON.stringify(raw)}\` = **${p.units} CPU units = ${cpuToVcpuText(p.units)}**`;
}

/** One line in plain units for a task memory value: `"2 GB"` → "2048 MiB = 2 GB". */
export function memoryValueLine(raw: string | number): string {
  const p = parseTaskMemory(raw);
  if (isTaskSizeError(p)) return `\`${JSON.stringify(raw)}\` cannot be read as a memory size: ${p.error}.`;
  return `\`${JSON.stringify(raw)}\` = **${p.mib} MiB = ${memoryToGbText(p.mib)}**`;
}

function cpuPartnersLine(doc: Classification): string {
  const units = taskCpuUnits(doc);
  if (units === undefined) return `Fargate cpu values: ${FARGATE_CPUS.map((c) => `\`${c}\``).join(', ')} (CPU units).`;
  const memories = fargateMemoriesFor(units);
  if (memories.length === 0) {
    return `${units} units is not a Fargate size; Fargate takes ${FARGATE_CPUS.map((c) => `\`${c}\``).join(', ')}.`;
  }
  const first = memoryToGbText(memories[0]);
  const last = memoryToGbText(memories[memories.length - 1]);
  return `Fargate memory for ${cpuToVcpuText(units)}: ${describeMemoryOptions(units)} (${first} to ${last}).`;
}

function memoryPartnersLine(doc: Classification): string | undefined {
  const mib = taskMemoryMib(doc);
  if (mib === undefined) return undefined;
  const cpus = fargateCpusFor(mib, fargateOs(doc));
  if (cpus.length === 0) return `${mib} MiB is not a Fargate memory size for any cpu value.`;
  return `Fargate cpu values that accept ${memoryToGbText(mib)}: ${cpus.map((c) => `\`${c}\` (${cpuToVcpuText(c)})`).join(', ')}.`;
}

/** The task-size part of a hover on task-level `cpu` or `memory` (key or value). */
export function taskSizeSection(doc: Classification, field: 'cpu' | 'memory'): string {
  const lines: string[] = [];
  const node = child(doc.task, field);
  const raw = rawValue(node);
  if (raw !== undefined) lines.push(`**This task:** ${field === 'cpu' ? cpuValueLine(raw) : memoryValueLine(raw)}`);
  if (field === 'cpu') lines.push(cpuPartnersLine(doc));
  else {
    const partners = memoryPartnersLine(doc);
    if (partners) lines.push(partners);
    const cpu = taskCpuUnits(doc);
    if (cpu !== undefined && fargateMemoriesFor(cpu).length > 0) lines.push(cpuPartnersLine(doc));
  }
  const nonFargate = [...doc.launch].some((l) => l !== 'F') && !doc.launch.has('F');
  if (nonFargate && field === 'cpu') {
    lines.push(`Outside Fargate the task cpu may be ${EC2_TASK_CPU_RANGE.min}–${EC2_TASK_CPU_RANGE.max} units, or left out.`);
  }
  if (nonFargate && field === 'memory') lines.push('Outside Fargate there is no fixed list: the memory must cover the containers, or be left out.');
  lines.push('**Fargate task sizes**', renderFargateSizeTableMarkdown());
  return lines.join('\n\n');
}
