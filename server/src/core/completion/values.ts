/**
 * Value candidates for completion: Fargate sizes that fit the other half of the pair, names of containers and
 * volumes for references, log-option values, health-check keywords, schema enums and booleans.
 */
import type { Node } from 'jsonc-parser';
import type { Classification } from '../documents/classify';
import {
  cpuToVcpuText,
  describeMemoryOptions,
  FARGATE_CPU_TIERS,
  fargateCpusFor,
  fargateMemoriesFor,
  type FargateOs,
  formatCpuLike,
  formatMemoryLike,
  memoryToGbText,
} from '../facts';
import { child, items, str } from '../syntax/tree';
import { taskCpuUnits, taskMemoryMib } from '../hover/task-size-hover';
import { containerRelative, descriptionOf, type RelativePath, schemaAt } from '../hover/schema-nav';
import { knownValues, valueMeaning } from '../hover/value-meanings';
import { FIRELENS_CONFIG_OPTIONS, logOption } from './log-options';

export interface ValueCandidate {
  value: string | number | boolean;
  kind: 'value' | 'reference' | 'keyword';
  detail?: string;
  documentation?: string;
  /** Keeps numeric lists in numeric order. */
  sortText?: string;
}

const pad = (i: number) => String(i).padStart(4, '0');

function rawOf(node: Node | undefined): string | number | undefined {
  return node?.type === 'string' || node?.type === 'number' ? (node.value as string | number) : undefined;
}

function fargateOs(doc: Classification): FargateOs | undefined {
  return doc.os === 'windows' ? 'windows' : doc.os === 'linux' ? 'linux' : undefined;
}

function mayBeFargate(doc: Classification): boolean {
  return doc.launch.has('F') || doc.launch.size === 0;
}

function cpuCandidates(doc: Classification): ValueCandidate[] {
  if (!mayBeFargate(doc)) return [];
  const mib = taskMemoryMib(doc);
  const os = fargateOs(doc);
  let cpus = mib !== undefined ? fargateCpusFor(mib, os) : [];
  if (cpus.length === 0) cpus = FARGATE_CPU_TIERS.filter((t) => !os || t.os.includes(os)).map((t) => t.cpu);
  const current = rawOf(child(doc.task, 'cpu')) ?? '';
  return cpus.map((c, i) => ({
    value: formatCpuLike(c, current),
    kind: 'value',
    detail: `${cpuToVcpuText(c)} (Fargate)`,
    documentation: `Fargate memory with this cpu: ${describeMemoryOptions(c)}.`,
    sortText: pad(i),
  }));
}

function memoryCandidates(doc: Classification): ValueCandidate[] {
  if (!mayBeFargate(doc)) return [];
  const cpu = taskCpuUnits(doc);
  let memories = cpu !== undefined ? [...fargateMemoriesFor(cpu)] : [];
  if (memories.length === 0) memories = [...new Set(FARGATE_CPU_TIERS.flatMap((t) => t.memories))].sort((a, b) => a - b);
  const current = rawOf(child(doc.task, 'memory')) ?? '';
  const os = fargateOs(doc);
  return memories.map((m, i) => ({
    value: formatMemoryLike(m, current),
    kind: 'value',
    detail: `${memoryToGbText(m)} (Fargate)`,
    documentation: `Fargate cpu values for this memory: ${fargateCpusFor(m, os).join(', ')}.`,
    sortText: pad(i),
  }));
}

function containerNames(doc: Classification, exceptIndex?: number): ValueCandidate[] {
  const out: ValueCandidate[] = [];
  items(doc.containersNode).forEach((c, i) => {
    const name = str(child(c, 'name'));
    if (!name || i === exceptIndex) return;
    const image = str(child(c, 'image'));
    out.push({ value: name, kind: 'reference', detail: image ? `container · ${image}` : 'container' });
  });
  return out;
}

function volumeNames(doc: Classification): ValueCandidate[] {
  const out: ValueCandidate[] = [];
  for (const v of items(child(doc.task, 'volumes'))) {
    const name = str(child(v, 'name'));
    if (!name) continue;
    const type = ['efsVolumeConfiguration', 'dockerVolumeConfiguration', 'fsxWindowsFileServerVolumeConfiguration', 'host', 's3filesVolumeConfiguration']
      .find((k) => child(v, k) !== undefined);
    out.push({ value: name, kind: 'reference', detail: `volume${type ? ` · ${type}` : ''}` });
  }
  return out;
}

function specialCandidates(doc: Classification | undefined, rel: RelativePath): ValueCandidate[] | undefined {
  if (!doc) return undefined;
  const p = rel.path;
  if (rel.base === 'task' && p.length === 1 && p[0] === 'cpu') return cpuCandidates(doc);
  if (rel.base === 'task' && p.length === 1 && p[0] === 'memory') return memoryCandidates(doc);
  if (rel.base === 'task' && p.join('.') === 'proxyConfiguration.containerName') return containerNames(doc);
  const inContainer = containerRelative(rel);
  if (!inContainer) return undefined;
  const [a, b, c] = inContainer.path;
  const here = inContainer.path.length;
  if (a === 'dependsOn' && c === 'containerName' && here === 3) return containerNames(doc, inContainer.index);
  if (a === 'links' && here === 2) return containerNames(doc, inContainer.index);
  if (a === 'volumesFrom' && c === 'sourceContainer' && here === 3) return containerNames(doc, inContainer.index);
  if (a === 'mountPoints' && c === 'sourceVolume' && here === 3) return volumeNames(doc);
  if (a === 'healthCheck' && b === 'command' && c === 0 && here === 3) {
    return knownValues(rel.path).map(([value, documentation]) => ({ value, kind: 'keyword', documentation }));
  }
  if (b === 'options' && here === 3 && typeof c === 'string') {
    const container = items(doc.containersNode)[inContainer.index];
    const info =
      a === 'logConfiguration'
        ? logOption(str(child(child(container, 'logConfiguration'), 'logDriver')), c)
        : a === 'firelensConfiguration'
          ? FIRELENS_CONFIG_OPTIONS.find((o) => o.key === c)
          : undefined;
    return (info?.values ?? []).map((value) => ({ value, kind: 'value', documentation: valueMeaning(rel.path, value) }));
  }
  return undefined;
}

/**
 * Candidates for the value at `rel`; `siblings` are the other elements when the value is an array element. `doc`:
 * the task definition (its sizes, containers, volumes, log driver); undefined in a file of another schema.
 */
export function valueCandidates(doc: Classification | undefined, rel: RelativePath, siblings: readonly Node[] = []): ValueCandidate[] {
  const special = specialCandidates(doc, rel);
  if (special) return special;
  const schema = schemaAt(rel);
  if (!schema) return [];
  if (schema.enum) {
    const taken = new Set(siblings.map((n) => n.value));
    return schema.enum
      .filter((v): v is string | number => (typeof v === 'string' || typeof v === 'number') && !taken.has(v))
      .map((v) => ({ value: v, kind: 'value', documentation: typeof v === 'string' ? valueMeaning(rel.path, v) : undefined }));
  }
  if (schema.type === 'boolean') {
    return [true, false].map((v) => ({ value: v, kind: 'keyword', documentation: descriptionOf(schema) }));
  }
  return [];
}
