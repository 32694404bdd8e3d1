/** Shared wording for the service rules (kind S): how a message names the task definition, and its containers. */
import type { NamedEntry } from '../documents/task-index';
import type { ServiceTask } from '../workspace/service-context';
import type { RelatedInfo } from '../types';

export function clip(s: string, max = 60): string {
  return s.length > max ? `${s.slice(0, max - 3)}…` : s;
}

/** Related information pointing at a node of the task definition (in its own file, or the same template). */
export function taskRelated(task: ServiceTask, node: { offset: number; length: number } | undefined, message: string): RelatedInfo[] {
  return node ? [{ range: { offset: node.offset, length: node.length }, message, ...(task.file !== undefined ? { file: task.file } : {}) }] : [];
}

/** One related entry per named container of the task. */
export function containersRelated(task: ServiceTask): RelatedInfo[] {
  return task.containers.entries.flatMap((c: NamedEntry) => (c.nameNode && c.name !== undefined ? taskRelated(task, c.nameNode, `container '${c.name}'`) : []));
}
