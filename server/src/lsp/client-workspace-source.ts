/**
 * The workspace walk through the client (its file search and `workspace.fs`): in the web worker, and on the
 * desktop for folders that are not on the local disk. Also a linked-file source for workflows there, answered from
 * the index (a linked file the index does not hold is not judged: no "missing file" claim without the disk), and
 * likewise for appspecs and service definitions.
 */
import type { IndexLimits } from '../core/workspace/workspace-index';
import { workflowLinks } from '../core/workspace/check-workflow';
import { collectDeployLinks, relativePath } from '../core/workspace/deploy-files';
import { dirOf } from '../core/workspace/workflow';
import type { LinkedFileSource } from './workflow-diagnostics';
import type { WorkspaceFileSource, WorkspaceLinks } from './workspace-links';
import { URI_PATH } from './uri';

export class ClientWorkspaceSource implements WorkspaceFileSource {
  constructor(
    private readonly list: (folder: string, max: number) => Promise<string[] | null>,
    private readonly readText: (uri: string) => Promise<string | null>,
  ) {}

  handles(uri: string): boolean {
    return !/^file:/i.test(uri);
  }

  async walk(folderUri: string, onFile: (uri: string, text: string) => void, limits: IndexLimits, stop: () => boolean): Promise<void> {
    const uris = (await this.list(folderUri, limits.maxFiles).catch(() => null)) ?? [];
    for (const uri of uris.slice(0, limits.maxFiles)) {
      if (stop()) return;
      if (typeof uri !== 'string' || /\/(node_modules|\.git)\//.test(uri)) continue;
      const text = await this.readText(uri).catch(() => null);
      if (text !== null && text.length <= limits.maxFileSize) onFile(uri, text);
    }
  }

  async read(uri: string): Promise<string | null | undefined> {
    const text = await this.readText(uri).catch(() => undefined);
    return text === null ? undefined : text; // the client answers null for unreadable and missing alike
  }
}

/** `rel` (may climb with `..`) from the absolute folder `dir`; undefined when it climbs above the root. */
function joinPath(dir: string, rel: string): string | undefined {
  const parts = dir.split('/').filter(Boolean);
  for (const p of rel.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') {
      if (!parts.length) return undefined;
      parts.pop();
    } else parts.push(p);
  }
  return `/${parts.join('/')}`;
}

/**
 * Deploying files outside the local disk (web worker, virtual workspaces): their linked task definitions come from
 * the index's texts. A file the index does not hold is left out, never judged missing; an ecspresso config is not
 * indexed, so there an ecspresso service links only by family.
 */
export function indexLinkedFiles(links: WorkspaceLinks): LinkedFileSource {
  return {
    handles: (uri) => !/^file:/i.test(uri),
    read(uri, text) {
      const path = links.pathOf(uri);
      if (!/\/\.github\/workflows\/[^/]+$/.test(path)) return undefined;
      const root = links.index.rootOf(path);
      const files = new Map<string, string>();
      for (const rel of workflowLinks(text).files) {
        const t = links.index.text(`${root}/${rel}`);
        if (t !== undefined) files.set(rel, t);
      }
      return { files };
    },
    uriOf(workflowUri, rel) {
      return links.uriOf(`${links.index.rootOf(URI_PATH(workflowUri))}/${rel}`);
    },
    readDeploy(uri, text, context) {
      const path = links.pathOf(uri);
      const dir = dirOf(path);
      return collectDeployLinks(
        path,
        text,
        (rel) => {
          const abs = joinPath(dir, rel);
          return abs === undefined ? undefined : links.index.text(abs);
        },
        (family) => (context.familyUris?.(family) ?? []).map((u) => relativePath(dir, URI_PATH(u))),
        context.mapped,
      );
    },
    uriOfDeploy(uri, rel) {
      const abs = joinPath(dirOf(URI_PATH(uri)), rel);
      return abs === undefined ? undefined : links.uriOf(abs);
    },
  };
}
