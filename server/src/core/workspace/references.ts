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
import { isWorkflowPath, readWorkflow } from './workflow';

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

const readers: ReferenceReader[] = [workflowReferences];

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
