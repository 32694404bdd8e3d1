/**
 * The workspace index: which deploying files (workflows, and whatever kinds `fileReferences` learns to read) link
 * which task-definition files, by path or by `family`, and where every container name is used across them. Pure:
 * the host feeds it texts under absolute, `/`-separated paths (the language server from open documents and a
 * bounded walk of the workspace folders) and asks; nothing is read here. Files are summarised lazily, once per
 * text, so feeding it is cheap and a query costs only what it touches.
 */
import type { OffsetRange } from '../types';
import { type DeployContext, workflowDeployments } from './deploy-context';
import { type ContainerReference, fileReferences, type FileReferences, type TaskLink } from './references';
import { mayBeTaskDefinition, summarizeTask, type TaskSummary } from './task-summary';
import { dirOf, isWorkflowPath, normalisePath } from './workflow';

export interface IndexLimits {
  /** Files kept at most (open documents are always kept). */
  maxFiles: number;
  /** Larger texts are not kept. */
  maxFileSize: number;
}

export const DEFAULT_INDEX_LIMITS: IndexLimits = { maxFiles: 5000, maxFileSize: 1024 * 1024 };

interface Entry {
  text: string;
  /** Lazily computed; null = not of that kind. */
  refs?: FileReferences | null;
  task?: TaskSummary | null;
  deployments?: Map<string, DeployContext> | null;
}

/** One place a container name is written. `range` is what a rename replaces with `replacement(newName)`. */
export interface ContainerOccurrence {
  path: string;
  range: OffsetRange;
  kind: 'definition' | 'dependsOn' | 'links' | 'volumesFrom' | 'cross-file';
  /** The new text of `range` for a new name (keeps the quoting style of a cross-file scalar). */
  replacement(newName: string): string;
  /** Cross-file: the reference, as its reader gave it. */
  reference?: ContainerReference;
}

/** A container reference in a deploying file, resolved against the task definitions its link names. */
export interface ResolvedReference {
  reference: ContainerReference;
  /** Task-definition paths the link resolves to (several when a family is defined by several files). */
  tasks: string[];
}

export class WorkspaceIndex {
  private readonly files = new Map<string, Entry>();
  private readonly roots = new Set<string>();
  private families: Map<string, string[]> | undefined;
  private mapping: ((path: string) => string | undefined) | undefined;

  constructor(private readonly limits: IndexLimits = DEFAULT_INDEX_LIMITS) {}

  /** A workspace folder: files below it resolve repository-relative paths from it (unless a `.github` is nearer). */
  addRoot(path: string): void {
    const root = trimSlash(path);
    if (this.roots.has(root)) return;
    this.roots.add(root);
    this.rootsChanged();
  }

  /** A workspace folder went away (its files stay until the host deletes them: another folder may hold them). */
  removeRoot(path: string): void {
    if (this.roots.delete(trimSlash(path))) this.rootsChanged();
  }

  /** Repository-relative paths were read against the old roots: every file's references are read again on demand. */
  private rootsChanged(): void {
    for (const [path, e] of this.files) {
      if (e.refs === undefined && e.deployments === undefined) continue;
      this.files.set(path, { text: e.text });
    }
    this.families = undefined;
  }

  /**
   * The project config's `taskDefinitions` mapping: the task-definition path (relative to the deploying file's
   * folder) an appspec or service definition at `path` runs, or undefined. Read when the file's references are.
   */
  setMapping(mapping: ((path: string) => string | undefined) | undefined): void {
    this.mapping = mapping;
  }

  /** The references of a text at `path` when it is a deploying file (null when not), else whether to keep it. */
  private classifyNew(path: string, text: string): { keep: boolean; refs: FileReferences | null } {
    if (isWorkflowPath(path)) return { keep: true, refs: null };
    const refs = this.read(path, text);
    return { keep: !!refs || mayBeTaskDefinition(text), refs };
  }

  /** A deploying file's references, with the config's mapping in place of its convention's link. */
  private read(path: string, text: string): FileReferences | null {
    const root = this.rootOf(path);
    const rel = path.slice(root.length + 1);
    const refs = safe(() => fileReferences(rel, text)) ?? null;
    if (!refs || refs.kind === 'workflow' || !this.mapping) return refs;
    const mapped = safe(() => this.mapping!(path));
    const target = mapped && normalisePath(dirOf(rel) ? `${dirOf(rel)}/${mapped}` : mapped);
    if (!target) return refs;
    const link: TaskLink = { by: 'path', path: target };
    return { ...refs, links: [link], containers: refs.containers.map((c) => ({ ...c, link })) };
  }

  /**
   * Stores the file's current text (an open document's, or the disk's); `force` keeps it beyond the file cap (open
   * documents). Returns true when anything another file could see changed.
   */
  set(path: string, text: string, force = false): boolean {
    const old = this.files.get(path);
    if (old?.text === text) return false;
    if (text.length > this.limits.maxFileSize) return this.delete(path); // open documents too: parsed again on every keystroke
    const { keep, refs } = this.classifyNew(path, text);
    if (!keep) return old ? this.delete(path) : false;
    if (!old && !force && this.files.size >= this.limits.maxFiles) return false;
    // A workflow is read on first use (most edits to it are never asked about); other readers answered already.
    this.files.set(path, isWorkflowPath(path) ? { text } : { text, refs });
    if (old?.task !== null || mayBeTaskDefinition(text)) this.families = undefined;
    return true;
  }

  delete(path: string): boolean {
    const had = this.files.delete(path);
    if (had) this.families = undefined;
    return had;
  }

  has(path: string): boolean {
    return this.files.has(path);
  }

  text(path: string): string | undefined {
    return this.files.get(path)?.text;
  }

  get size(): number {
    return this.files.size;
  }

  paths(): IterableIterator<string> {
    return this.files.keys();
  }

  /** The folder a deploying file's repository-relative paths start from. */
  rootOf(path: string): string {
    const gh = /^(.*?)\/\.github\/workflows\/[^/]+$/.exec(path);
    if (gh) return gh[1];
    return this.folderOf(path) ?? path.slice(0, path.lastIndexOf('/'));
  }

  /** The innermost workspace folder that holds `path`; undefined when none does. */
  folderOf(path: string): string | undefined {
    let best = '';
    for (const r of this.roots) if (path.startsWith(`${r}/`) && r.length > best.length) best = r;
    return best || undefined;
  }

  /** The references a deploying file makes (undefined for any other file). */
  references(path: string): FileReferences | undefined {
    const e = this.files.get(path);
    if (!e) return undefined;
    if (e.refs === undefined) e.refs = this.read(path, e.text);
    return e.refs ?? undefined;
  }

  /** The summary of a task-definition file (undefined for any other file). */
  task(path: string): TaskSummary | undefined {
    const e = this.files.get(path);
    if (!e) return undefined;
    if (e.task === undefined) e.task = (mayBeTaskDefinition(e.text) && !this.references(path) && safe(() => summarizeTask(e.text))) || null;
    return e.task ?? undefined;
  }

  /** Task-definition paths whose `family` is `family`. */
  tasksOfFamily(family: string): string[] {
    if (!this.families) {
      this.families = new Map();
      for (const path of this.files.keys()) {
        const f = this.task(path)?.family;
        if (!f) continue;
        const list = this.families.get(f) ?? [];
        list.push(path);
        this.families.set(f, list);
      }
    }
    return this.families.get(family) ?? [];
  }

  /** The task-definition files a link of the deploying file at `from` names (only files the index holds). */
  resolve(from: string, link: TaskLink): string[] {
    if (link.by === 'path') {
      const rel = normalisePath(link.path);
      const path = rel && `${this.rootOf(from)}/${rel}`;
      return path && this.task(path) ? [path] : [];
    }
    const all = this.tasksOfFamily(link.family);
    const root = this.rootOf(from);
    const near = all.filter((p) => p.startsWith(`${root}/`));
    return near.length ? near : all;
  }

  /**
   * The absolute paths the deploying file at `path` names by path (its own links and the config's mapping), whether
   * the index holds them or not: what a host reads on demand when a file appeared without being announced.
   */
  linkedPaths(path: string): string[] {
    const refs = this.references(path);
    if (!refs) return [];
    const root = this.rootOf(path);
    const rels = refs.links.flatMap((l) => (l.by === 'path' ? (normalisePath(l.path) ?? []) : []));
    return unique(rels.map((rel) => `${root}/${rel}`));
  }

  /** Every task-definition file the deploying file at `path` links. */
  linkedTasks(path: string): string[] {
    const refs = this.references(path);
    return refs ? unique(refs.links.flatMap((l) => this.resolve(path, l))) : [];
  }

  /** The deploying file's container references with the task definitions each resolves to. */
  resolvedReferences(path: string): ResolvedReference[] {
    const refs = this.references(path);
    return refs ? refs.containers.map((reference) => ({ reference, tasks: this.resolve(path, reference.link) })) : [];
  }

  /** Deploying files that link the task definition at `taskPath`. */
  dependents(taskPath: string): string[] {
    if (!this.task(taskPath)) return [];
    const out: string[] = [];
    for (const path of this.files.keys()) if (path !== taskPath && this.references(path) && this.linkedTasks(path).includes(taskPath)) out.push(path);
    return out;
  }

  /** Files whose findings may change when `path` changes: its dependents if a task definition, its tasks if deploying. */
  related(path: string): string[] {
    return unique([...this.dependents(path), ...this.linkedTasks(path)]);
  }

  /** What the workflows that link `taskPath` do with it (context that flows back into its lint). */
  deployContexts(taskPath: string): DeployContext[] {
    const out: DeployContext[] = [];
    for (const wf of this.dependents(taskPath)) {
      if (this.references(wf)?.kind !== 'workflow') continue;
      const e = this.files.get(wf)!;
      const root = this.rootOf(wf);
      if (e.deployments === undefined) e.deployments = safe(() => workflowDeployments(wf.slice(root.length + 1), e.text)) ?? null;
      for (const [rel, ctx] of e.deployments ?? []) if (`${root}/${rel}` === taskPath) out.push(ctx);
    }
    return out;
  }

  /**
   * Every place the container `name` of the task definition at `taskPath` is written: its `name`, the in-file
   * `dependsOn`/`links`/`volumesFrom` references, and every deploying file's reference that resolves to this file.
   */
  occurrences(taskPath: string, name: string): ContainerOccurrence[] {
    const task = this.task(taskPath);
    if (!task) return [];
    const out: ContainerOccurrence[] = [];
    const plain = (n: string): string => n;
    for (const c of task.containers) if (c.name === name) out.push({ path: taskPath, range: c.nameRange, kind: 'definition', replacement: plain });
    for (const r of task.references) if (r.name === name) out.push({ path: taskPath, range: r.nameRange, kind: r.kind, replacement: plain });
    for (const dep of this.dependents(taskPath)) {
      const text = this.files.get(dep)!.text;
      const seen = new Set<number>(); // one env value can serve several steps: one edit
      for (const { reference, tasks } of this.resolvedReferences(dep)) {
        if (reference.name !== name || !tasks.includes(taskPath) || seen.has(reference.node.offset)) continue;
        seen.add(reference.node.offset);
        const raw = text.slice(reference.node.offset, reference.node.offset + reference.node.length);
        out.push({
          path: dep,
          range: { offset: reference.node.offset, length: reference.node.length },
          kind: 'cross-file',
          replacement: (n) => replaceScalar(raw, n),
          reference,
        });
      }
    }
    return out;
  }
}

/** A scalar's new text in the quoting style of `raw` (JSON/YAML double quotes, YAML single quotes, or plain). */
export function replaceScalar(raw: string, value: string): string {
  if (raw.startsWith('"')) return JSON.stringify(value);
  if (raw.startsWith("'")) return `'${value.replace(/'/g, "''")}'`;
  return value;
}

function trimSlash(p: string): string {
  return p.length > 1 ? p.replace(/\/+$/, '') : p;
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

/** A reader that throws on some input must not take the index down with it. */
function safe<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}
