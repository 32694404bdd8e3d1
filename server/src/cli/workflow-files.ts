/** Reads what a workflow links (workspace/check-workflow.ts) from disk, relative to the folder that holds `.github`. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Diagnostic, LintOptions, TextEdit } from '../core/types';
import { checkWorkflow, type LinkedFiles, workflowLinks } from '../core/workspace/check-workflow';

const MAX_LINKED_SIZE = 4 * 1024 * 1024;

/** The repository root of a workflow path (`…/.github/workflows/x.yml` → `…`), or undefined. */
export function repositoryRoot(workflowPath: string): string | undefined {
  const m = /^(.*?)[\\/]?\.github[\\/]workflows[\\/][^\\/]+$/.exec(resolve(workflowPath));
  return m ? m[1] || '/' : undefined;
}

export function readLinkedFiles(workflowPath: string, text: string): LinkedFiles {
  const root = repositoryRoot(workflowPath);
  const files = new Map<string, string | null>();
  const listings = new Map<string, string[]>();
  if (!root) return { files, listings };
  const links = workflowLinks(text);
  for (const path of links.files) {
    const t = readText(join(root, path));
    if (t !== undefined) files.set(path, t);
  }
  for (const dir of links.dirs) {
    try {
      listings.set(dir, readdirSync(join(root, dir), { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name));
    } catch {
      listings.set(dir, []);
    }
  }
  return { files, listings };
}

/**
 * A linked file's text (workflows and deploying files): null when there is no such file; undefined when it exists
 * but cannot or should not be read (a folder, a device, over MAX_LINKED_SIZE).
 */
export function readText(path: string): string | null | undefined {
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) return null;
  if (!st.isFile()) return st.isDirectory() ? null : undefined;
  if (st.size > MAX_LINKED_SIZE) return undefined;
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** `ecs-taskdef fix` on a workflow: applies each finding's preferred fix once (edits never overlap), then re-checks. */
export function fixWorkflow(path: string, text: string, options: LintOptions, onlyRules?: readonly string[]): FixedFile {
  return applyPreferredFixes(text, (t) => checkWorkflow(t, readLinkedFiles(path, t), options), onlyRules);
}

export interface FixedFile {
  text: string;
  applied: number;
  remaining: Diagnostic[];
}

/**
 * `fix` on a file checked against the files it links (workflow, appspec, service definition): each finding's preferred
 * fix once, skipping one whose edits overlap an earlier one's, then a re-check of the result.
 */
export function applyPreferredFixes(text: string, check: (text: string) => Diagnostic[], onlyRules?: readonly string[]): FixedFile {
  const found = check(text);
  const edits: TextEdit[] = [];
  let applied = 0;
  for (const d of found) {
    const fix = onlyRules && !onlyRules.includes(d.code) ? undefined : d.fixes?.find((f) => f.preferred);
    if (!fix || fix.edits.some((e) => edits.some((o) => e.offset < o.offset + o.length && o.offset < e.offset + e.length))) continue;
    edits.push(...fix.edits);
    applied++;
  }
  let out = text;
  for (const e of [...edits].sort((a, b) => b.offset - a.offset)) out = out.slice(0, e.offset) + e.content + out.slice(e.offset + e.length);
  return { text: out, applied, remaining: applied ? check(out) : found };
}
