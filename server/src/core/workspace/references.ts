/**
 * Cross-file references: the places in a deploying file (GitHub workflow, CodeDeploy appspec, service definition,
 * …) that name a task definition, one of its containers, or one of its container ports. One shape for every kind
 * of file, so the language server's navigation (definition, references, rename, hover, completion) and the
 * workspace index read them without knowing the file's format.
 *
 * Each deploying-file reader adds a `ReferenceReader`; `fileReferences` asks them in order and the first that
 * claims the file answers. Pure: the host passes the repository-relative path and the text.
 */
import type { Node } from 'jsonc-parser';
import { familyOf } from '../documents/service-model';
import { readDeployFile } from './deploy-files';
import { dirOf, isWorkflowPath, readWorkflow } from './workflow';

export type ReferencingKind = 'workflow' | 'appspec' | 'service';

/** How a deploying file names its task definition. */
export type TaskLink =
  /** A repository-relative path (normalised, no `./`). */
  | { by: 'path'; path: string; node?: Node }
  /** A task-definition family (from `family`, `family:rev` or an ARN): any workspace file with that `family`. */
  | { by: 'family'; family: string; node?: Node };

export interface ContainerReference {
  /** The task definition this reference is resolved against. */
  link: TaskLink;
  /** The container name as written, and its node in the referencing file (the range a rename replaces). */
  name: string;
  node: Node;
  /** A container port named next to it (appspec ContainerPort, loadBalancers[].containerPort), when literal. */
  port?: { value: number; node: Node };
}

export interface FileReferences {
  kind: ReferencingKind;
  /** Every task definition the file links (also those it names no container of). */
  links: TaskLink[];
  containers: ContainerReference[];
}

/** Reads one kind of deploying file; undefined when the file is not of its kind. */
export type ReferenceReader = (path: string, text: string) => FileReferences | undefined;

const readers: ReferenceReader[] = [workflowReferences, deployReferences];

/** Adds a reader (appspec, service definition, …). Readers are tried in the order they were added. */
export function addReferenceReader(reader: ReferenceReader): void {
  if (!readers.includes(reader)) readers.push(reader);
}

/** The references a deploying file makes; undefined when no reader claims it. */
export function fileReferences(path: string, text: string): FileReferences | undefined {
  for (const read of readers) {
    const refs = read(path, text);
    if (refs) return refs;
  }
  return undefined;
}

/** Render steps name a container of the task definition they render; deploy steps link the file only. */
function workflowReferences(path: string, text: string): FileReferences | undefined {
  if (!isWorkflowPath(path)) return undefined;
  const links = new Map<string, TaskLink>();
  const containers: ContainerReference[] = [];
  for (const step of readWorkflow(text).steps) {
    const td = step.taskDefinition;
    if (!td || step.generated) continue;
    const link: TaskLink = links.get(td.value) ?? { by: 'path', path: td.value, node: td.node };
    links.set(td.value, link);
    if (step.containerName) containers.push({ link, name: step.containerName.value, node: step.containerName.node });
  }
  return { kind: 'workflow', links: [...links.values()], containers };
}

/**
 * Appspecs link `taskdef.json` beside them; service definitions link the family their `taskDefinition` names (an
 * ecspresso service definition usually names none: its config links it, which the file alone cannot tell). Their
 * load balancers and service registries name a container, with its port.
 */
function deployReferences(path: string, text: string): FileReferences | undefined {
  const file = readDeployFile(path, text);
  if (!file || file.kind === 'ecspresso') return undefined;
  const dir = dirOf(path.replace(/\\/g, '/'));
  const td = file.services[0]?.taskDefinition;
  const family = td?.value !== undefined ? familyOf(td.value) : undefined;
  const link: TaskLink | undefined =
    file.kind === 'appspec' ? { by: 'path', path: dir ? `${dir}/taskdef.json` : 'taskdef.json' } : family ? { by: 'family', family, node: td!.node } : undefined;
  const containers: ContainerReference[] = [];
  for (const s of file.services) {
    for (const t of [...s.loadBalancers, ...s.serviceRegistries]) {
      const name = t.containerName;
      if (!link || !name || name.value === undefined) continue;
      const port = t.containerPort?.value !== undefined ? { value: t.containerPort.value, node: t.containerPort.node } : undefined;
      containers.push({ link, name: name.value, node: name.node, ...(port ? { port } : {}) });
    }
  }
  return { kind: file.kind, links: link ? [link] : [], containers };
}
