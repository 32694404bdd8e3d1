/**
 * "Raise task memory / cpu" fixes shared by container-memory-exceeds-task and container-cpu-exceeds-task:
 * the smallest valid task size that covers a need, written in the user's notation (RULES.md table 2a).
 */
import type { Classification } from '../documents/classify';
import { replaceNodeEdit } from './edits';
import {
  EC2_TASK_CPU_RANGE,
  FARGATE_CPU_TIERS,
  type FargateOs,
  fitMemoryToCpu,
  formatCpuLike,
  formatMemoryLike,
  isValidFargatePair,
  smallestFargateSize,
} from '../facts/fargate-sizes';
import type { ParsedDocument } from '../syntax/parse';
import { containerNeeds, taskCpu, taskMemory } from '../documents/task-index';
import type { Fix, TextEdit } from '../types';

function fargateOs(doc: Classification): FargateOs | undefined {
  return doc.os === 'windows' ? 'windows' : doc.os === 'linux' ? 'linux' : undefined;
}

function roundUp(v: number, step: number): number {
  return Math.ceil(v / step) * step;
}

/** Raise task memory to cover `needMib`; on Fargate also raises cpu when its memory list cannot reach it. */
export function raiseTaskMemoryFix(doc: Classification, parsed: ParsedDocument, needMib: number): Fix | undefined {
  const mem = taskMemory(doc, parsed);
  if (!mem) return undefined;
  const cpu = taskCpu(doc, parsed);
  const edits: TextEdit[] = [];
  let target: number;
  let cpuNote = '';
  if (doc.launch.has('F')) {
    const size = smallestFargateSize(cpu?.value ?? 0, needMib, fargateOs(doc));
    if (!size) return undefined;
    target = size.memory;
    if (cpu && size.cpu !== cpu.value) {
      const text = formatCpuLike(size.cpu, cpu.parsed.raw);
      edits.push(replaceNodeEdit(cpu.node, text));
      cpuNote = ` (and cpu to ${text})`;
    }
  } else {
    target = mem.parsed.notation === 'gb' ? roundUp(needMib, 1024) : Math.ceil(needMib);
  }
  const text = formatMemoryLike(target, mem.parsed.raw);
  edits.push(replaceNodeEdit(mem.node, text));
  return { title: `Raise task memory to ${text}${cpuNote}`, edits };
}

/** Raise task cpu to cover `needUnits`; on Fargate keeps a memory value that stays valid with the new cpu. */
export function raiseTaskCpuFix(doc: Classification, parsed: ParsedDocument, needUnits: number): Fix | undefined {
  const cpu = taskCpu(doc, parsed);
  if (!cpu) return undefined;
  const edits: TextEdit[] = [];
  let target: number;
  let memNote = '';
  if (doc.launch.has('F')) {
    const os = fargateOs(doc);
    const tier = FARGATE_CPU_TIERS.find((t) => t.cpu >= needUnits && (!os || t.os.includes(os)));
    if (!tier) return undefined;
    target = tier.cpu;
    const mem = taskMemory(doc, parsed);
    if (mem && !isValidFargatePair(target, mem.value)) {
      // The new memory must still hold the containers (container-memory-exceeds-task otherwise).
      const need = containerNeeds(doc, parsed).memory;
      const m = fitMemoryToCpu(target, Math.max(mem.value, need))!;
      if (m < need) return undefined;
      const text = formatMemoryLike(m, mem.parsed.raw);
      edits.push(replaceNodeEdit(mem.node, text));
      memNote = ` (and memory to ${text})`;
    }
  } else {
    target = Math.max(EC2_TASK_CPU_RANGE.min, cpu.parsed.notation === 'vcpu' ? roundUp(needUnits, 256) : Math.ceil(needUnits)); // whole units
    if (target > EC2_TASK_CPU_RANGE.max) return undefined;
  }
  const text = formatCpuLike(target, cpu.parsed.raw);
  edits.push(replaceNodeEdit(cpu.node, text));
  return { title: `Raise task cpu to ${text}${memNote}`, edits };
}
