/** What a workflow rule (kind W) sees: the ECS deploy steps and the task definitions they link, already parsed. */
import type { Node } from 'jsonc-parser';
import type { NameIndex } from '../documents/task-index';
import type { PlaceholderPatterns } from '../syntax/placeholders';
import type { Fix, RelatedInfo, Severity } from '../types';
import type { EcsStep } from './workflow';

/** A linked task-definition file that exists. */
export interface LinkedTask {
  path: string;
  text: string;
  /** Its containers; `complete` is false when a miss proves nothing (templated list or names, not a task definition). */
  containers: NameIndex;
}

export interface WorkflowReport {
  node: Node;
  message: string;
  severity?: Severity;
  related?: RelatedInfo[];
  fixes?: Fix[];
}

export interface WorkflowRuleContext {
  text: string;
  steps: readonly EcsStep[];
  /** The user placeholder patterns of the lint (LintOptions.placeholderPatterns, compiled). */
  placeholders: PlaceholderPatterns;
  /** The linked file at a repository-relative path: parsed, 'missing', or undefined when the host did not say. */
  task(path: string): LinkedTask | 'missing' | undefined;
  /** File names in a repository-relative folder ('' for the root), when the host listed it. */
  listing(dir: string): readonly string[] | undefined;
  report(r: WorkflowReport): void;
}
