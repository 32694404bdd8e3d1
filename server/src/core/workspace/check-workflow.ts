/**
 * Two-phase, I/O-free check of a GitHub workflow against the files it deploys: `workflowLinks(text)` says which
 * files (and folders, for suggestions) the host should read; `checkWorkflow(text, linked)` runs the kind-W rules.
 * The CLI reads them from disk, the language server through its file source.
 */
import { classify } from '../documents/classify';
import { containerIndex, type NameIndex } from '../documents/task-index';
import { finalize, ruleReporter } from '../lint';
import { ALL_RULES } from '../rules';
import { parseDocument } from '../syntax/parse';
import { compilePlaceholderPatterns, type PlaceholderPatterns } from '../syntax/placeholders';
import type { Diagnostic, LintOptions } from '../types';
import { dirOf, readWorkflow } from './workflow';
import type { LinkedTask, WorkflowRuleContext } from './workflow-context';

export interface WorkflowLinks {
  /** Repository-relative paths of the task-definition files the workflow names. */
  files: string[];
  /** Their folders ('' = the repository root): a missing file is compared with its neighbours. */
  dirs: string[];
}

export interface LinkedFiles {
  /** Path → text; null when the file does not exist. Paths the host left out are not judged. */
  files: ReadonlyMap<string, string | null>;
  /** Folder → the file names in it. */
  listings?: ReadonlyMap<string, readonly string[]>;
  /** Task-definition family → the files that register it (service definitions name a family, not a file). */
  families?: ReadonlyMap<string, readonly string[]>;
  /** How messages name a linked path (a file in another workspace folder by that folder's name); the path itself when absent. */
  label?(path: string): string;
}

export function workflowLinks(text: string): WorkflowLinks {
  const files = new Set<string>();
  for (const s of readWorkflow(text).steps) if (s.taskDefinition && !s.generated) files.add(s.taskDefinition.value);
  const dirs = new Set([...files].map(dirOf));
  return { files: [...files], dirs: [...dirs] };
}

export function checkWorkflow(text: string, linked: LinkedFiles, options: LintOptions = {}): Diagnostic[] {
  const steps = readWorkflow(text).steps;
  if (steps.length === 0) return [];
  const tasks = new Map<string, LinkedTask | 'missing' | undefined>();
  const placeholders = compilePlaceholderPatterns(options.placeholderPatterns);
  const raw: Diagnostic[] = [];
  for (const rule of ALL_RULES) {
    if (!rule.checkWorkflow || options.rules?.[rule.id] === 'off') continue;
    const ctx: WorkflowRuleContext = {
      text,
      steps,
      placeholders,
      task(path) {
        if (!tasks.has(path)) tasks.set(path, readTask(path, linked.files.get(path), placeholders));
        return tasks.get(path);
      },
      listing: (dir) => linked.listings?.get(dir),
      report: ruleReporter(rule, raw), // capped per rule: a generated workflow can repeat a step
    };
    rule.checkWorkflow(ctx);
  }
  return finalize(raw, options);
}

function readTask(path: string, text: string | null | undefined, placeholders: PlaceholderPatterns): LinkedTask | 'missing' | undefined {
  if (text === null) return 'missing';
  if (text === undefined) return undefined;
  const parsed = parseDocument(text, placeholders);
  const doc = classify(parsed);
  const known = doc.kind === 'register' || doc.kind === 'describe';
  const idx = containerIndex(doc, parsed);
  const containers: NameIndex = known && parsed.syntaxErrors.length === 0 ? idx : { ...idx, complete: false };
  return { path, text, containers };
}
