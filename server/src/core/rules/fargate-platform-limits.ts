import { replaceNodeEdit } from '../fixes/edits';
import { FARGATE_WINDOWS_CPUS, fitMemoryToCpu, formatCpuLike, formatMemoryLike, isFargateCpu, WINDOWS_CPU_ARCHITECTURE } from '../facts';
import { child, str } from '../syntax/tree';
import type { TextEdit } from '../types';
import { setFix, taskCpu, taskMemory } from './_task-size';
import { defineRule } from './rule';

const WINDOWS_MAX_CPU = FARGATE_WINDOWS_CPUS[FARGATE_WINDOWS_CPUS.length - 1];

export default defineRule({
  id: 'fargate-platform-limits',
  severity: 'error',
  kinds: ['R', 'D'],
  // Part (a), ARM64 with Windows, holds on every launch type; part (b) only on Fargate (checked below).
  launch: 'any',
  category: 'fargate',
  summary: 'ARM64 with Windows; 8, 16 or 32 vCPU with Windows on Fargate',
  docs: `Two platform combinations that do not exist:

- **ARM64 + Windows.** \`cpuArchitecture: "ARM64"\` runs Linux tasks only, on every launch type (Fargate, EC2,
  Managed Instances). Windows tasks run on \`X86_64\`.
- **Large Windows tasks on Fargate.** The 8, 16 and 32 vCPU sizes (\`cpu\` 8192, 16384, 32768) are offered for
  Linux only; a Windows task on Fargate can have at most 4 vCPU (\`cpu\` 4096) with 8–30 GB.

Related limits that a task definition cannot show: 8 vCPU and more need Linux platform version 1.4.0, and
Fargate Spot runs neither ARM64 nor Windows tasks (both are service settings).`,
  fixDocs:
    '"Set cpuArchitecture to X86_64" (preferred); "Set cpu to 4096 and memory to {m}" with m the current memory clamped to 8192–30720.',
  examples: {
    bad: '{ "requiresCompatibilities": ["FARGATE"], "runtimePlatform": { "operatingSystemFamily": "WINDOWS_SERVER_2022_CORE", "cpuArchitecture": "ARM64" }, "cpu": "8192", "memory": "16384" }',
    good: '{ "requiresCompatibilities": ["FARGATE"], "runtimePlatform": { "operatingSystemFamily": "WINDOWS_SERVER_2022_CORE", "cpuArchitecture": "X86_64" }, "cpu": "4096", "memory": "16384" }',
  },
  sources: [
    'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RuntimePlatform.html',
    'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-cpu-memory-error.html',
    'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/platform-windows-fargate.html',
  ],
  check(ctx) {
    if (ctx.doc.os !== 'windows') return;
    const arch = child(child(ctx.doc.task, 'runtimePlatform'), 'cpuArchitecture');
    if (str(arch) === 'ARM64') {
      ctx.report({
        node: arch,
        message: 'ARM64 runs Linux tasks only; Windows tasks need cpuArchitecture X86_64.',
        fixes: [setFix(`Set cpuArchitecture to ${WINDOWS_CPU_ARCHITECTURE}`, arch!, WINDOWS_CPU_ARCHITECTURE, true)],
      });
    }
    if (!ctx.launchIs('F')) return;
    const cpu = taskCpu(ctx);
    if (!cpu || !isFargateCpu(cpu.value.units) || cpu.value.units <= WINDOWS_MAX_CPU) return;
    const memory = taskMemory(ctx);
    const target = fitMemoryToCpu(WINDOWS_MAX_CPU, memory?.value.mib ?? 0)!;
    const cpuText = formatCpuLike(WINDOWS_MAX_CPU, cpu.value.raw);
    const memText = formatMemoryLike(target, memory?.value.raw ?? String(target));
    const edits: TextEdit[] = [replaceNodeEdit(cpu.node, cpuText)];
    if (memory && memory.value.mib !== target) edits.push(replaceNodeEdit(memory.node, memText));
    ctx.report({
      node: cpu.node,
      message: `${cpu.value.units} CPU units are available on Fargate for Linux only; Windows tasks go up to ${WINDOWS_MAX_CPU}.`,
      fixes: [{ title: `Set cpu to ${cpuText} and memory to ${memText}`, preferred: true, edits }],
    });
  },
});
