/**
 * Files that deploy a task definition as a service: CodeDeploy appspecs for ECS, service definitions
 * (create-service/update-service `--cli-input-json`, ecspresso's `ecs-service-def.json`) and ecspresso's config,
 * which names both files. Detection by name and content, reading into the service model, and which task
 * definition each one runs. Pure: paths are relative to the deploying file's folder, the host reads them.
 */
import type { Node } from 'jsonc-parser';
import { familyOf, readAppspecTarget, readServiceObject, type ServiceModel } from '../documents/service-model';
import { hasPlaceholder } from '../documents/task-index';
import { parseDocument, type ParsedDocument } from '../syntax/parse';
import { findPlaceholders, NO_PLACEHOLDER_PATTERNS, type PlaceholderPatterns } from '../syntax/placeholders';
import { child, entries, items, keyOf, str } from '../syntax/tree';
import { readYaml } from '../syntax/yaml';
import { normalisePath } from './workflow';

export type DeployFileKind = 'appspec' | 'service' | 'ecspresso';

/** Keys only a service definition has (a task definition or container has none of them). */
const SERVICE_KEYS = [
  'serviceName',
  'desiredCount',
  'loadBalancers',
  'serviceRegistries',
  'deploymentConfiguration',
  'deploymentController',
  'schedulingStrategy',
  'serviceConnectConfiguration',
  'healthCheckGracePeriodSeconds',
  'capacityProviderStrategy',
  'networkConfiguration',
  'enableExecuteCommand',
  'placementStrategy',
  'forceNewDeployment',
  'vpcLatticeConfigurations',
];

const ECSPRESSO_CONFIG = ['ecspresso.yml', 'ecspresso.yaml'];

export function baseName(path: string): string {
  const p = path.replace(/\\/g, '/');
  return p.slice(p.lastIndexOf('/') + 1);
}

/** Which deploying file this is, by name and content; undefined for anything else. */
export function deployFileKind(path: string, text: string): DeployFileKind | undefined {
  const base = baseName(path).toLowerCase();
  if (/^appspec\.(ya?ml|json)$/.test(base)) return /TargetService/.test(text) ? 'appspec' : undefined;
  if (ECSPRESSO_CONFIG.includes(base)) return /^\s*(task|service)_definition\s*:/m.test(text) ? 'ecspresso' : undefined;
  if (!/\.jsonc?$/.test(base) || base === '.ecs-taskdef.json') return undefined;
  return looksLikeService(text, base) ? 'service' : undefined;
}

/** A JSON object with service keys and no container definitions; ecspresso's file name is enough with one key. */
function looksLikeService(text: string, base: string): boolean {
  const head = text.slice(0, 64 * 1024);
  if (/"(containerDefinitions|AWSTemplateFormatVersion|Resources|image)"\s*:/.test(head) || /^\s*\{\s*("(services|failures)"\s*:|"service"\s*:\s*\{)/.test(head)) return false;
  if (!/^\s*(?:\/\/[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*\{/.test(head)) return false;
  const found = SERVICE_KEYS.filter((k) => head.includes(`"${k}"`)).length;
  const taskDef = /"taskDefinition"\s*:\s*"/.test(head);
  if (/service[-_]?def/.test(base)) return found >= 1 || taskDef;
  return (taskDef && found >= 1) || found >= 3;
}

/** An appspec or a service definition: a file checked with checkDeployFile (an ecspresso config only links). */
export function isDeployingService(path: string, text: string): boolean {
  const kind = deployFileKind(path, text);
  return kind === 'appspec' || kind === 'service';
}

export interface DeployFile {
  kind: DeployFileKind;
  /** The services the file defines (one; none for an unreadable file or an ecspresso config). */
  services: ServiceModel[];
  parsed?: ParsedDocument;
  /** Offsets of merge-conflict markers (`<<<<<<<`, `=======`, `>>>>>>>` at a line start). */
  conflictMarkers: Array<{ offset: number; length: number }>;
  /** The first syntax error of a JSON or YAML file that could not be read. */
  syntaxError?: { offset: number; length: number; message: string };
  /** ecspresso config: the two paths it names (relative to its folder). */
  ecspresso?: { taskDefinition?: string; serviceDefinition?: string };
}

const CONFLICT = /^(<{7}|={7}|>{7})(?=[ \t\r\n]|$)[^\n]*/gm;

/** `placeholders`: the user patterns of a lint; readers outside one (hover, references) leave them out. */
export function readDeployFile(path: string, text: string, placeholders: PlaceholderPatterns = NO_PLACEHOLDER_PATTERNS): DeployFile | undefined {
  const kind = deployFileKind(path, text);
  if (!kind) return undefined;
  const conflictMarkers = [...text.matchAll(CONFLICT)].map((m) => ({ offset: m.index!, length: m[0].replace(/\r$/, '').length }));
  const out: DeployFile = { kind, services: [], conflictMarkers };
  if (conflictMarkers.length > 0) return out; // half of each side is not a file to judge
  if (kind === 'ecspresso') {
    // Read line by line: ecspresso configs are Go templates ({{ if … }} lines) that are not always valid YAML.
    const path = (k: string) => {
      const m = new RegExp(`^${k}\\s*:\\s*(?:"([^"]*)"|'([^']*)'|([^\\s#]+))`, 'm').exec(text);
      const s = m ? (m[1] ?? m[2] ?? m[3]) : undefined;
      return s && findPlaceholders(s, placeholders).length === 0 ? normalisePath(s) : undefined;
    };
    out.ecspresso = { taskDefinition: path('task_definition'), serviceDefinition: path('service_definition') };
    return out;
  }
  const yaml = kind === 'appspec' && !/\.json$/i.test(path);
  let root: Node | undefined;
  let isPh: (n: Node) => boolean;
  if (yaml) {
    const y = readYaml(text);
    if (y.syntaxErrors.length) {
      out.syntaxError = y.syntaxErrors[0];
      return out;
    }
    root = y.root;
    isPh = (n) => n.type === 'string' && findPlaceholders(n.value as string, placeholders).length > 0;
  } else {
    const parsed = parseDocument(text, placeholders);
    out.parsed = parsed;
    if (parsed.syntaxErrors.length) out.syntaxError = parsed.syntaxErrors[0];
    if (parsed.syntaxErrors.length || !parsed.root) return out;
    root = parsed.root;
    isPh = (n) => hasPlaceholder(n, parsed);
  }
  if (root?.type !== 'object') return out;
  if (kind === 'appspec') {
    for (const res of items(child(root, 'Resources'))) {
      for (const [name, , target] of entries(res)) {
        if (name === 'TargetService' && target?.type === 'object' && str(child(target, 'Type')) === 'AWS::ECS::Service') out.services.push(readAppspecTarget(target, isPh));
      }
    }
    return out;
  }
  const update = child(root, 'service') !== undefined && child(root, 'serviceName') === undefined;
  const anchor = keyOf(child(root, 'taskDefinition')) ?? keyOf(child(root, 'serviceName')) ?? keyOf(child(root, 'service')) ?? root.children?.[0]?.children?.[0] ?? root;
  out.services.push(readServiceObject(root, 'api', update ? 'update-service' : 'create-service', anchor, isPh));
  return out;
}

/** How a deploying file finds its task definition. */
export type TaskLinkOf = { by: 'path'; path: string; why: string } | { by: 'family'; family: string; why: string };

/**
 * The task definition a deploying file runs, given what the host has read so far (`read(path)`: text, null when
 * missing, undefined when not read yet). An explicit mapping wins; then the convention for the kind of file.
 */
export function taskLinkOf(path: string, file: DeployFile, read: (path: string) => string | null | undefined, mapped?: string): TaskLinkOf | undefined {
  if (mapped) return { by: 'path', path: mapped, why: 'mapped in .ecs-taskdef.json' };
  if (file.kind === 'appspec') return { by: 'path', path: 'taskdef.json', why: 'taskdef.json beside the appspec (CodePipeline convention)' };
  if (file.kind !== 'service') return undefined;
  for (const cfg of ECSPRESSO_CONFIG) {
    const text = read(cfg);
    if (!text) continue;
    const e = readDeployFile(cfg, text)?.ecspresso;
    if (e?.serviceDefinition === baseName(path) && e.taskDefinition) return { by: 'path', path: e.taskDefinition, why: `named by ${cfg}` };
  }
  const td = file.services[0]?.taskDefinition?.value;
  const family = td ? familyOf(td) : undefined;
  return family ? { by: 'family', family, why: `family '${family}'` } : undefined;
}

export interface DeployLinks {
  /** Paths (relative to the deploying file's folder) the host should read. */
  files: string[];
  /** Families whose task-definition files the host should find. */
  families: string[];
}

/** What to read next; call again after reading until it asks for nothing new (ecspresso needs two rounds). */
export function deployLinks(path: string, text: string, read: (path: string) => string | null | undefined, mapped?: string): DeployLinks {
  const file = readDeployFile(path, text);
  if (!file || file.kind === 'ecspresso') return { files: [], families: [] };
  const files = file.kind === 'service' && !mapped ? [...ECSPRESSO_CONFIG] : [];
  const link = taskLinkOf(path, file, read, mapped);
  if (link?.by === 'path') files.push(link.path);
  return { files, families: link?.by === 'family' ? [link.family] : [] };
}

const MAX_LINK_ROUNDS = 4;

/**
 * Reads what a deploying file links, through the host: `readAt(rel)` gives a path's text (relative to the file's
 * folder; null when missing, undefined when it cannot or should not be read: then it is left out, never judged
 * missing), `familyFiles(family)` the task-definition files (relative paths) that register a family.
 */
export function collectDeployLinks(
  path: string,
  text: string,
  readAt: (rel: string) => string | null | undefined,
  familyFiles: (family: string) => string[],
  mapped?: string,
): { files: Map<string, string | null>; families: Map<string, string[]> } {
  const files = new Map<string, string | null>();
  const families = new Map<string, string[]>();
  const read = (p: string) => files.get(p);
  for (let round = 0; round < MAX_LINK_ROUNDS; round++) {
    const links = deployLinks(path, text, read, mapped);
    let added = false;
    for (const p of links.files) {
      if (files.has(p)) continue;
      const t = readAt(p);
      if (t === undefined) continue; // asked again next round, answered the same: no loop
      files.set(p, t);
      added = true;
    }
    for (const f of links.families) {
      if (families.has(f)) continue;
      const rels = familyFiles(f);
      families.set(f, rels);
      for (const r of rels) {
        if (files.has(r)) continue;
        const t = readAt(r);
        if (t !== undefined) files.set(r, t);
      }
      added = true;
    }
    if (!added) break;
  }
  return { files, families };
}

/** `to` (a `/`-separated path relative to a root) as seen from the folder `fromDir` (relative to the same root). */
export function relativePath(fromDir: string, to: string): string {
  const a = fromDir.split('/').filter((s) => s && s !== '.');
  const b = to.split('/').filter((s) => s && s !== '.');
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}
