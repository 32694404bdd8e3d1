/**
 * Reads what a deploying file (appspec, service definition) links, from disk: the files it names (relative to its
 * folder, ecspresso's config first) and, for a service that names a family, the task-definition files that
 * register that family — among the files the caller knows (a directory scan's) and those beside the service.
 */
import { readdirSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parseDocument } from '../core/syntax/parse';
import { child, str } from '../core/syntax/tree';
import { classify } from '../core/documents/classify';
import type { LintOptions } from '../core/types';
import { checkDeployFile } from '../core/workspace/check-service';
import type { LinkedFiles } from '../core/workspace/check-workflow';
import { collectDeployLinks } from '../core/workspace/deploy-files';
import { applyPreferredFixes, type FixedFile, readText } from './workflow-files';


/** Family → absolute paths of task-definition files, built once per run from the files it lints. */
export class FamilyIndex {
  private readonly byFamily = new Map<string, Set<string>>();
  private readonly scannedDirs = new Set<string>();

  /** Records a file's family when it is a task definition (register input or describe output). */
  add(absPath: string, text: string): void {
    const family = familyOfText(text);
    if (family === undefined) return;
    const set = this.byFamily.get(family) ?? new Set<string>();
    set.add(resolve(absPath));
    this.byFamily.set(family, set);
  }

  /** Adds the JSON files of a folder (once). */
  addDir(dir: string): void {
    const abs = resolve(dir);
    if (this.scannedDirs.has(abs)) return;
    this.scannedDirs.add(abs);
    let names: string[] = [];
    try {
      names = readdirSync(abs).filter((n) => /\.jsonc?$/i.test(n));
    } catch {
      return;
    }
    for (const n of names) {
      const t = readText(join(abs, n));
      if (typeof t === 'string') this.add(join(abs, n), t);
    }
  }

  get(family: string): string[] {
    return [...(this.byFamily.get(family) ?? [])];
  }
}

function familyOfText(text: string): string | undefined {
  if (!/"family"\s*:/.test(text) || !/"containerDefinitions"\s*:/.test(text)) return undefined;
  const parsed = parseDocument(text);
  const doc = classify(parsed);
  if (doc.kind !== 'register' && doc.kind !== 'describe') return undefined;
  const f = str(child(doc.task, 'family'));
  return f && /^[A-Za-z0-9_-]{1,255}$/.test(f) ? f : undefined;
}

/** What `FamilyIndex` answers; the language server passes one backed by its workspace index. */
export interface FamilyLookup {
  /** Lets the lookup see the task definitions of a folder (the deploying file's). */
  addDir(dir: string): void;
  /** Absolute paths of the task-definition files that register `family`. */
  get(family: string): string[];
}

export function readDeployLinkedFiles(path: string, text: string, families: FamilyLookup = new FamilyIndex(), mapped?: string): LinkedFiles {
  const dir = dirname(resolve(path));
  return collectDeployLinks(
    path,
    text,
    (rel) => readText(join(dir, rel)),
    (family) => {
      families.addDir(dir);
      return families.get(family).map((abs) => relative(dir, abs).split(sep).join('/'));
    },
    mapped,
  );
}

/** `ecs-taskdef fix` on an appspec or service definition: each finding's preferred fix once (no overlaps), then a re-check. */
export function fixDeployFile(path: string, text: string, options: LintOptions, onlyRules?: readonly string[], mapped?: string, families = new FamilyIndex()): FixedFile {
  return applyPreferredFixes(text, (t) => checkDeployFile(path, t, readDeployLinkedFiles(path, t, families, mapped), options, mapped).diagnostics, onlyRules);
}
