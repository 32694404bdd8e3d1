import {
  describeMemoryOptions,
  FARGATE_CPUS,
  fargateCpusFor,
  fargateTier,
  fitMemoryToCpu,
  formatCpuLike,
  formatMemoryLike,
  nearestCpus,
  nearestMemories,
} from '../facts';
import { containerNeeds } from '../documents/task-index';
import type { Fix } from '../types';
import { orList, setFix, shownCpu, shownMemory, taskCpu, taskMemory } from './_task-size';
import { defineRule } from './rule';

export default defineRule({
  id: 'fargate-cpu-memory',
  severity: 'error',
  kinds: ['R', 'D'],
  launch: ['F'],
  category: 'fargate',
  summary: 'Task cpu/memory pair that Fargate does not offer',
  docs: `Fargate sells fixed task sizes: each task \`cpu\` value comes with its own list of allowed \`memory\`
values (for example 256 CPU units allow only 512, 1024 or 2048 MiB; 1024 units allow 2048–8192 MiB in steps of
1024). Any other combination is refused at registration ("Invalid 'cpu' setting for task"; Terraform says "No
Fargate configuration exists for given values").

Pick a memory from the list for your cpu, or a cpu whose list contains your memory. Both fields are strings;
\`"1 vCPU"\` and \`"2 GB"\` spellings are accepted and mean 1024 units and 2048 MiB.`,
  fixDocs:
    'For a bad memory: "Set cpu to {c}" (preferred when some cpu offers that memory), and "Set memory to {v}" for every allowed value of small tiers, or the nearest values below/above plus the tier\'s minimum and maximum. For a cpu Fargate does not offer: "Set cpu to {c}" for the nearest sizes. Values keep your notation ("2 GB" stays in GB).',
  examples: {
    bad: '{ "requiresCompatibilities": ["FARGATE"], "cpu": "256", "memory": "4096" }',
    good: '{ "requiresCompatibilities": ["FARGATE"], "cpu": "512", "memory": "4096" }',
  },
  sources: [
    'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-cpu-memory-error.html',
    'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html',
    'https://github.com/aws-cloudformation/cfn-lint/pull/4668',
  ],
  check(ctx) {
    const cpu = taskCpu(ctx);
    const memory = taskMemory(ctx);
    if (!cpu || !memory) return;
    const units = cpu.value.units;
    const mib = memory.value.mib;
    // Windows tasks only get the 1–4 vCPU sizes, so suggest only those (fargate-windows explains why).
    const os = ctx.doc.os === 'windows' ? 'windows' : undefined;
    // Sizes below what the containers reserve would trade this error for container-cpu/memory-exceeds-task.
    const need = containerNeeds(ctx.doc, ctx.parsed);
    const fittingAny = fargateCpusFor(mib, os);
    const fitting = fittingAny.filter((c) => c >= need.cpu);
    const fitsText = fittingAny.length ? `memory ${mib} fits cpu ${orList(fittingAny)}` : `no Fargate cpu offers ${mib} MiB`;
    const tier = fargateTier(units);
    if (!tier) {
      const near = nearestCpus(units, os).filter((c) => c >= need.cpu);
      const preferred = near.find((c) => fitting.includes(c)) ?? fitting[0];
      const choices = [...new Set([...near, ...(preferred !== undefined ? [preferred] : [])])].sort((a, b) => a - b);
      ctx.report({
        node: cpu.node,
        message: `Fargate has no ${shownCpu(cpu.value.raw, units)} CPU size (it has ${FARGATE_CPUS.join(', ')}); ${fitsText}.`,
        fixes: choices.map((c) => setFix(`Set cpu to ${formatCpuLike(c, cpu.value.raw)}`, cpu.node, formatCpuLike(c, cpu.value.raw), c === preferred)),
      });
      return;
    }
    if (tier.memories.includes(mib)) return;
    const fixes: Fix[] = [];
    const cpuFix = fitting[0];
    if (cpuFix !== undefined) {
      fixes.push(setFix(`Set cpu to ${formatCpuLike(cpuFix, cpu.value.raw)}`, cpu.node, formatCpuLike(cpuFix, cpu.value.raw), true));
    }
    const fallback = fitMemoryToCpu(units, mib);
    for (const v of nearestMemories(units, mib).filter((m) => m >= need.memory)) {
      const text = formatMemoryLike(v, memory.value.raw);
      fixes.push(setFix(`Set memory to ${text}`, memory.node, text, cpuFix === undefined && v === fallback));
    }
    ctx.report({
      node: memory.node,
      message: `Fargate has no ${units} CPU / ${shownMemory(memory.value.raw, mib)} size; with cpu ${units} use memory ${describeMemoryOptions(units)}; ${fitsText}.`,
      fixes,
    });
  },
});
