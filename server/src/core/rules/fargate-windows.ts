import { replaceNodeEdit } from '../fixes/edits';
import {
  FARGATE_WINDOWS_CPUS,
  fargateWindowsStatus,
  fitMemoryToCpu,
  formatCpuLike,
  formatMemoryLike,
  isFargateCpu,
  suggestedFargateWindowsFamily,
} from '../facts';
import { child, items, keyOf, str } from '../syntax/tree';
import type { Fix, TextEdit } from '../types';
import { isSet, setFix, taskCpu, taskMemory } from './_task-size';
import { defineRule } from './rule';

const VOLUME_KINDS: Record<string, string> = { efsVolumeConfiguration: 'EFS', fsxWindowsFileServerVolumeConfiguration: 'FSx for Windows File Server' };

export default defineRule({
  id: 'fargate-windows',
  severity: 'error',
  kinds: ['R', 'D'],
  launch: ['F'],
  category: 'fargate',
  summary: 'Windows on Fargate: cpu below 1 vCPU, EC2-only OS family, EFS/FSx volumes',
  subCases: ['warning: WINDOWS_SERVER_2025_* (in the API, Fargate support unconfirmed)'],
  docs: `Windows tasks on Fargate have their own limits. The smallest Windows size is 1 vCPU (\`cpu\` 1024); the
0.25 and 0.5 vCPU sizes are Linux-only. Fargate runs Windows Server 2019 and 2022 (Core or Full); the 2016,
2004 and 20H2 families exist only on EC2 container instances. And a Windows task on Fargate cannot mount EFS
(Linux platform only) or FSx for Windows File Server volumes (EC2 only).

Windows Server 2025 is in the API's list, but we could not confirm that Fargate runs it, so it is reported as a
warning.`,
  fixDocs:
    '"Set cpu to 1024 and memory to {m}" (preferred; m is the smallest 1 vCPU memory at or above the current one, at most 8192); "Use WINDOWS_SERVER_2022_{CORE|FULL}" keeps the Core/Full flavour. No fix for volumes.',
  examples: {
    bad: '{ "requiresCompatibilities": ["FARGATE"], "runtimePlatform": { "operatingSystemFamily": "WINDOWS_SERVER_2019_CORE" }, "cpu": "512", "memory": "1024" }',
    good: '{ "requiresCompatibilities": ["FARGATE"], "runtimePlatform": { "operatingSystemFamily": "WINDOWS_SERVER_2019_CORE", "cpuArchitecture": "X86_64" }, "cpu": "1024", "memory": "2048" }',
  },
  sources: [
    'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html',
    'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/platform-windows-fargate.html',
    'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/efs-volumes.html',
    'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/wfsx-volumes.html',
  ],
  check(ctx) {
    if (ctx.doc.os !== 'windows') return;
    const task = ctx.doc.task;
    const cpu = taskCpu(ctx);
    // A cpu Fargate does not offer at all is fargate-cpu-memory's to report.
    if (cpu && isFargateCpu(cpu.value.units) && cpu.value.units < FARGATE_WINDOWS_CPUS[0]) {
      const memory = taskMemory(ctx);
      const target = fitMemoryToCpu(1024, memory?.value.mib ?? 0)!;
      const cpuText = formatCpuLike(1024, cpu.value.raw);
      const edits: TextEdit[] = [replaceNodeEdit(cpu.node, cpuText)];
      const memText = formatMemoryLike(target, memory?.value.raw ?? String(target));
      if (memory && memory.value.mib !== target) edits.push(replaceNodeEdit(memory.node, memText));
      ctx.report({
        node: cpu.node,
        message: `Windows on Fargate needs at least 1 vCPU (1024); got ${cpu.value.units}.`,
        fixes: [{ title: `Set cpu to ${cpuText} and memory to ${memory ? memText : target}`, preferred: true, edits }],
      });
    }
    const family = child(child(task, 'runtimePlatform'), 'operatingSystemFamily');
    const name = str(family) ?? '';
    const status = fargateWindowsStatus(name);
    if (status === 'ec2-only' || status === 'unverified') {
      const use = suggestedFargateWindowsFamily(name);
      const fixes: Fix[] = [setFix(`Use ${use}`, family!, use, status === 'ec2-only')];
      ctx.report({
        node: family,
        severity: status === 'unverified' ? 'warning' : undefined,
        message:
          status === 'ec2-only'
            ? `Windows on Fargate does not offer ${name}; use WINDOWS_SERVER_2019_* or WINDOWS_SERVER_2022_*.`
            : `Windows on Fargate is confirmed for WINDOWS_SERVER_2019_* and WINDOWS_SERVER_2022_* only; whether Fargate runs ${name} is unverified.`,
        fixes,
      });
    }
    for (const volume of items(child(task, 'volumes'))) {
      for (const [key, label] of Object.entries(VOLUME_KINDS)) {
        const config = child(volume, key);
        if (!isSet(config)) continue;
        ctx.report({ node: keyOf(config) ?? config, message: `Windows on Fargate cannot mount ${label} volumes.` });
      }
    }
  },
});
