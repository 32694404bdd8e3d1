import type { Node } from 'jsonc-parser';
import { chainEdits, setStep } from '../fixes/layout-edits';
import { FARGATE_CPU_TIERS, smallestFargateSize } from '../facts';
import { containerNeeds } from '../documents/task-index';
import { anchorOf, child, isEmptyValue, pathOf } from '../syntax/tree';
import type { Fix } from '../types';
import { taskCpu, taskMemory } from './_task-size';
import { defineRule, type RuleContext } from './rule';

export default defineRule({
  id: 'fargate-task-size-required',
  severity: 'error',
  kinds: ['R', 'D'],
  launch: ['F'],
  category: 'fargate',
  summary: 'Fargate task without task-level cpu or memory',
  docs: `On EC2 the task-level \`cpu\` and \`memory\` are optional, but Fargate bills and places a task by exactly
these two values, so a Fargate task definition must set both at the task level (container-level values only share
out the task's size). Without them registration fails.

Add both as strings from the Fargate size table; the smallest size is 256 CPU units with 512 MiB.`,
  fixDocs:
    '"Add cpu {c} / memory {m}" (preferred): the smallest Fargate size that covers the sum of the containers\' cpu and memoryReservation (else memory), or 256/512 when the containers declare nothing; a value that is already there is kept when it fits. Written as integer strings.',
  examples: {
    bad: '{ "family": "web", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc", "containerDefinitions": [ { "name": "web", "image": "nginx:1.27", "memory": 700 } ] }',
    good: '{ "family": "web", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc", "cpu": "256", "memory": "1024", "containerDefinitions": [ { "name": "web", "image": "nginx:1.27", "memory": 700 } ] }',
  },
  sources: ['https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html'],
  check(ctx) {
    const task = ctx.doc.task;
    if (!task) return;
    const cpuNode = child(task, 'cpu');
    const memNode = child(task, 'memory');
    const missing = [isEmptyValue(cpuNode) ? 'cpu' : undefined, isEmptyValue(memNode) ? 'memory' : undefined].filter(
      (k): k is 'cpu' | 'memory' => !!k,
    );
    if (missing.length === 0) return;
    const fix = addSizeFix(ctx, task, missing); // the size is chosen now; the edits wait for a fix request
    // A present-but-empty value is the offending node; a missing one points at the task object.
    const onlyEmpty = missing.length === 1 ? (missing[0] === 'cpu' ? cpuNode : memNode) : undefined;
    ctx.report({
      ...(onlyEmpty ? { node: onlyEmpty } : { range: anchorOf(task) }),
      message: `Fargate needs task-level '${missing.join("' and '")}'; add ${missing.length > 1 ? 'them' : 'it'} (the smallest size is 256 CPU / 512 MiB).`,
      fixes: fix ? () => [fix()] : [],
    });
  },
});

/** The size is chosen eagerly (it is cheap); only the chained edit (it re-parses the text per step) is built later. */
function addSizeFix(ctx: RuleContext, task: Node, missing: Array<'cpu' | 'memory'>): (() => Fix) | undefined {
  // Read as container-cpu/memory-exceeds-task read it, so the size chosen here never trips them.
  const { cpu: needCpu, memory: needMem } = containerNeeds(ctx.doc, ctx.parsed);
  const os = ctx.doc.os === 'windows' ? 'windows' : undefined;
  const have = { cpu: taskCpu(ctx)?.value.units, memory: taskMemory(ctx)?.value.mib };
  let size: { cpu: number; memory: number } | undefined;
  if (missing.length === 2) size = smallestFargateSize(needCpu, needMem, os);
  else if (missing[0] === 'memory' && have.cpu !== undefined) {
    const tier = FARGATE_CPU_TIERS.find((t) => t.cpu === have.cpu);
    const memory = tier?.memories.find((m) => m >= needMem);
    // No memory of this cpu holds the containers: only a cpu change would, which is fargate-cpu-memory's fix.
    if (memory === undefined) return undefined;
    size = { cpu: have.cpu, memory };
  } else if (missing[0] === 'cpu' && have.memory !== undefined) {
    const tier = FARGATE_CPU_TIERS.find((t) => t.cpu >= needCpu && t.memories.includes(have.memory!) && (!os || t.os.includes(os)));
    // The memory fits no cpu that holds the containers: adding a cpu alone would only move the error.
    if (!tier) return undefined;
    size = { cpu: tier.cpu, memory: have.memory };
  }
  size ??= smallestFargateSize(needCpu, needMem, os);
  if (!size) return undefined;
  const base = pathOf(task);
  // One value after the other, expressed as a single edit so the two insertions cannot collide.
  const values = { cpu: String(size.cpu), memory: String(size.memory) };
  const title = missing.map((k) => `${k} ${values[k]}`).join(' / ');
  return () => ({ title: `Add ${title} (the smallest size that fits the containers)`, preferred: true, edits: chainEdits(ctx.text, missing.map((k) => setStep(base, k, values[k])), task) });
}

