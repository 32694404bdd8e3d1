/**
 * The server's side of the workspace index (core/workspace/workspace-index.ts): feeds it open documents (their
 * current text wins), a bounded walk of the workspace folders the client gave (through a `WorkspaceFileSource`:
 * the local disk in the Node server), and watched-file events; tells the server which open documents must have
 * their diagnostics refreshed when a linked file changes. Paths are the URIs' paths; each path remembers its URI.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { TextDocument as TextDoc } from 'vscode-languageserver-textdocument';
import { DEFAULT_INDEX_LIMITS, type IndexLimits, WorkspaceIndex } from '../core/workspace/workspace-index';
import type { DeployContext } from '../core/workspace/deploy-context';
import { relativePath } from '../core/workspace/deploy-files';
import { dirOf, isWorkflowPath } from '../core/workspace/workflow';
import { URI_PATH } from './uri';

export interface WorkspaceFileSource {
  handles(folderUri: string): boolean;
  /**
   * Walks a folder (skipping node_modules, .git and other bulky folders), calling `onFile` with each JSON/YAML file
   * at most `limits.maxFileSize` long, until `limits.maxFiles` were given or `stop()` says so. Yields to the event
   * loop between files: typing is never held up.
   */
  walk(folderUri: string, onFile: (uri: string, text: string) => void, limits: IndexLimits, stop: () => boolean): Promise<void>;
  /** The file's text now; null when it no longer exists; undefined when it cannot be read. */
  read(uri: string): Promise<string | null | undefined>;
  /** True when `uri` is a folder now (a created path the client reported); absent: created folders are not walked. */
  isFolder?(uri: string): Promise<boolean>;
}

const sources: WorkspaceFileSource[] = [];

export function addWorkspaceFileSource(source: WorkspaceFileSource): void {
  sources.push(source);
}

/** Extensions the index looks at (the client watches the same). */
export const INDEXED_FILE = /\.(json|ya?ml)$/i;
const SKIPPED = /\/(node_modules|\.git|\.hg|\.svn|dist|out|build|target|vendor|\.terraform|cdk\.out)\//;

export class WorkspaceLinks {
  readonly index: WorkspaceIndex;
  private readonly uris = new Map<string, string>();
  private readonly open = new Set<string>();
  private walking = 0;
  /** Created folders being walked now. */
  private readonly createdWalks = new Set<string>();
  /** The workspace folders' paths. */
  private readonly folders = new Set<string>();
  private stopped = false;

  constructor(
    /** Called with the paths of the files whose findings may have changed. */
    private readonly onRelatedChange: (paths: string[]) => void,
    private readonly limits: IndexLimits = DEFAULT_INDEX_LIMITS,
  ) {
    this.index = new WorkspaceIndex(limits);
  }

  uriOf(path: string): string {
    return this.uris.get(path) ?? `file://${path.split('/').map(encodeURIComponent).join('/')}`;
  }

  pathOf(uri: string): string {
    const path = URI_PATH(uri);
    this.uris.set(path, uri);
    return path;
  }

  /** The text of a file as the index holds it (open documents: their current text). */
  document(path: string): TextDocument | undefined {
    const text = this.index.text(path);
    return text === undefined ? undefined : TextDoc.create(this.uriOf(path), 'json', 0, text);
  }

  /**
   * Starts indexing workspace folders in the background (at start, and folders added later); resolves when the walk
   * is done. A folder removed meanwhile stops its walk.
   */
  async indexFolders(folderUris: readonly string[]): Promise<void> {
    const walks: Array<Promise<number>> = [];
    for (const folder of folderUris) {
      const root = folderPath(folder);
      if (this.folders.has(root)) continue;
      this.folders.add(root);
      this.index.addRoot(root);
      const walk = this.walkBelow(folder, root);
      if (walk) walks.push(walk);
    }
    await Promise.all(walks);
    // Everything open may now link (or be linked by) a file found on the way.
    if (walks.length) this.onRelatedChange([...this.open]);
  }

  /**
   * Walks the folder at `uri` (a workspace folder, or a folder created inside one) with the index's limits, and
   * resolves to the number of files that changed the index; stops when the workspace folder `root` is removed.
   * Undefined when no source reads that scheme.
   */
  private walkBelow(uri: string, root: string): Promise<number> | undefined {
    const source = sources.find((s) => s.handles(uri));
    if (!source) return undefined;
    this.walking++;
    let changed = 0;
    const stop = () => this.stopped || !this.folders.has(root) || this.index.size >= this.limits.maxFiles;
    return source
      .walk(
        uri,
        (file, text) => {
          if (!stop() && this.fromDisk(file, text)) changed++;
        },
        this.limits,
        stop,
      )
      .catch(() => undefined)
      .then(() => changed)
      .finally(() => this.walking--);
  }

  /**
   * A path created inside a workspace folder that is not a JSON/YAML file: when it is a folder (made, copied or moved
   * in after the walk; the client's watcher names the folder, not always each file in it), its subtree is walked in
   * the background like a workspace folder's, and the open files are checked again if it changed the index.
   */
  private async created(uri: string): Promise<void> {
    const path = folderPath(uri);
    const root = this.index.folderOf(path);
    if (!root || SKIPPED.test(`${path}/`) || this.stopped) return;
    // A folder created inside one being walked (mkdir -p, a copy): that walk reaches it.
    for (const busy of this.createdWalks) if (path === busy || path.startsWith(`${busy}/`)) return;
    const source = sources.find((s) => s.handles(uri));
    if (!source?.isFolder) return;
    // Counted as indexing from the stat on: the index status says busy until the walk is done.
    this.walking++;
    this.createdWalks.add(path);
    let changed = 0;
    try {
      if (await source.isFolder(uri).catch(() => false)) changed = (await this.walkBelow(uri, root)) ?? 0;
    } finally {
      this.createdWalks.delete(path);
      this.walking--;
    }
    if (changed > 0) this.onRelatedChange([...this.open]);
  }

  /**
   * Workspace folders removed: their files leave the index (not open ones, nor those another folder still holds),
   * and the open files that linked them or were linked by them are refreshed.
   */
  removeFolders(folderUris: readonly string[]): void {
    const removed = folderUris.map(folderPath).filter((root) => this.folders.delete(root));
    if (!removed.length) return;
    for (const root of removed) this.index.removeRoot(root);
    const kept = [...this.folders];
    const inside = (p: string, root: string) => p.startsWith(`${root}/`);
    const gone = [...this.index.paths()].filter((p) => removed.some((r) => inside(p, r)) && !kept.some((r) => inside(p, r)) && !this.open.has(p));
    for (const p of gone) this.update(p, () => this.index.delete(p));
    // Paths read against the removed folder's root (a family's nearest file, a mapping) may resolve elsewhere now.
    this.onRelatedChange([...this.open]);
  }

  get indexing(): boolean {
    return this.walking > 0;
  }

  stop(): void {
    this.stopped = true;
  }

  /** An open document's text (typed, opened): it wins over the disk's. */
  opened(doc: TextDocument): void {
    const path = this.pathOf(doc.uri);
    this.open.add(path);
    this.update(path, () => this.index.set(path, doc.getText(), true));
  }

  /** A closed document goes back to what the disk holds. */
  async closed(uri: string): Promise<void> {
    const path = this.pathOf(uri);
    this.open.delete(path);
    await this.reload(uri);
  }

  /**
   * A file changed, appeared or went away on disk (watched files); open documents keep their text. A path that is not
   * a JSON/YAML file may be a folder (a glob watcher reports no event for the files of a deleted or moved folder):
   * deleted, what the index holds below it goes; created, it is walked. A file in a skipped folder is followed once
   * it is indexed.
   */
  async changedOnDisk(uri: string, deleted: boolean, created = false): Promise<void> {
    if (!INDEXED_FILE.test(URI_PATH(uri))) return deleted ? this.dropBelow(URI_PATH(uri)) : created ? this.created(uri) : undefined;
    const path = this.pathOf(uri);
    if (this.open.has(path) || (SKIPPED.test(path) && !this.index.has(path))) return;
    if (deleted) this.update(path, () => this.index.delete(path));
    else await this.reload(uri);
  }

  /**
   * Reads now the files the deploying document at `uri` names by path and the index lacks (created since the walk
   * without a watch event reaching the server, or left out by the walk's limits), so that hover, navigation and
   * completion see what the diagnostics read. A file that still does not exist costs one failed stat per request.
   */
  async ensureLinked(uri: string): Promise<void> {
    const missing = this.index.linkedPaths(this.pathOf(uri)).filter((p) => !this.index.has(p) && !this.open.has(p));
    await Promise.all(missing.map((p) => this.reload(this.uris.get(p) ?? uriBeside(uri, p), true)));
  }

  /** A linked file as a deploying file's diagnostics just read it (null: no such file): the index follows. */
  sawLinked(uri: string, text: string | null): void {
    const path = this.pathOf(uri);
    if (this.open.has(path)) return;
    this.update(path, () => (text === null ? this.index.delete(path) : this.index.set(path, text, true)));
  }

  /** The indexed files below `folder` (not open ones) leave the index. */
  private dropBelow(folder: string): void {
    const below = [...this.index.paths()].filter((p) => p.startsWith(`${folder}/`) && !this.open.has(p));
    for (const p of below) this.update(p, () => this.index.delete(p));
  }

  /** Who deploys the task definition at `uri` (for its lint and hover). */
  deployContexts(uri: string): DeployContext[] {
    return this.index.deployContexts(URI_PATH(uri));
  }

  /**
   * How diagnostics and hovers name the linked file at `target` seen from the deploying file at `from`: the path the
   * deploying file would write (from its folder; from the repository root for a workflow), and a file in another
   * workspace folder by that folder's name (`tasks/web.json`, never `../../elsewhere/tasks/web.json`).
   */
  displayPath(from: string, target: string): string {
    const theirs = this.index.folderOf(target);
    if (theirs && theirs !== this.index.folderOf(from)) return target.slice(theirs.lastIndexOf('/') + 1);
    return relativePath(isWorkflowPath(from) ? this.index.rootOf(from) : dirOf(from), target);
  }

  isOpen(path: string): boolean {
    return this.open.has(path);
  }

  /** `force`: kept beyond the file cap (a file a deploying file names). */
  private async reload(uri: string, force = false): Promise<void> {
    const path = this.pathOf(uri);
    const source = sources.find((s) => s.handles(uri));
    const text = source ? await source.read(uri).catch(() => undefined) : undefined;
    if (this.open.has(path)) return; // reopened meanwhile
    if (text === undefined) return;
    this.update(path, () => (text === null ? this.index.delete(path) : this.index.set(path, text, force)));
  }

  /** True when the index changed. */
  private fromDisk(uri: string, text: string): boolean {
    const path = this.pathOf(uri);
    if (this.open.has(path) || SKIPPED.test(path)) return false;
    return this.index.set(path, text);
  }

  /** Applies a change; the files related before or after it (a link can appear or go away) are told. */
  private update(path: string, change: () => boolean): void {
    const before = this.index.related(path);
    if (!change()) return;
    const after = this.index.related(path);
    const related = [...new Set([...before, ...after])].filter((p) => p !== path);
    if (related.length) this.onRelatedChange(related);
  }
}

/** The URI of `path` in the same scheme and authority as `uri` (a file another file names). */
function uriBeside(uri: string, path: string): string {
  const prefix = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i.exec(uri)?.[0] ?? 'file://';
  return `${prefix}${path.split('/').map(encodeURIComponent).join('/')}`;
}

function folderPath(uri: string): string {
  const path = URI_PATH(uri);
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}
