/**
 * What a Terraform lint needs beyond the document, in the editor. A .tf file is read with the other .tf files of
 * its folder (one module: locals, variables, a service's task definition in another file). A JSON file that a
 * resource loads with file()/templatefile() (a .tf in the same or the parent folder) is linted with that resource's
 * settings. Open documents' unsaved text wins over the disk, which a host-specific source reads (Node: the local
 * disk; the web worker has no synchronous reader, so there only open documents count).
 */
import { readTerraform } from '../core/documents/tf-module';
import { terraformLoadPaths } from '../core/documents/lint-terraform';
import { hclReady } from '../core/syntax/hcl';
import type { LintOptions } from '../core/types';
import { URI_PATH } from './uri';

export interface TerraformFolderSource {
  handles(uri: string): boolean;
  /** The .tf files of a folder (absolute path) with their text; small files only. */
  list(folder: string): Array<{ path: string; text: string }>;
  /** One file's text (absolute path), undefined when missing, unreadable or too large. */
  read?(path: string): string | undefined;
}

const sources: TerraformFolderSource[] = [];

export function addTerraformFolderSource(source: TerraformFolderSource): void {
  sources.push(source);
}

type ModuleFile = { path: string; text: string };
const dirOf = (path: string): string => path.slice(0, Math.max(0, path.lastIndexOf('/'))) || '/';
const baseOf = (path: string): string => path.slice(path.lastIndexOf('/') + 1);
const LOADS = /\b(?:file|templatefile)\s*\(/;

/** `a/./b/../c` → `a/c` (a file() path joined to its module folder). */
function normalize(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '.' || (part === '' && out.length > 0)) continue;
    if (part === '..' && out.length > 1) out.pop();
    else out.push(part);
  }
  return out.join('/');
}

/** Folders above a child module where terraform's working folder (the root module) may be. */
const MAX_ROOT_DEPTH = 4;

/** A bare relative file() path's possible bases: the module's folder (it is the root), then the folders above it. */
function rootCandidates(folder: string): string[] {
  const out = [folder];
  for (let f = folder; out.length <= MAX_ROOT_DEPTH && f !== '/' && f !== ''; ) {
    f = dirOf(f);
    out.push(f);
  }
  return out;
}

export class TerraformContext {
  constructor(private readonly openDocuments: () => Iterable<{ uri: string; getText(): string }>) {}

  /** The .tf files of `folder`: the disk's, with open documents' text over them. */
  private folder(uri: string, folder: string): Map<string, string> {
    const out = new Map<string, string>();
    const source = sources.find((s) => s.handles(uri));
    try {
      for (const f of source?.list(folder) ?? []) out.set(f.path, f.text);
    } catch {
      // an unreadable folder: the open documents still count
    }
    for (const doc of this.openDocuments()) {
      const p = URI_PATH(doc.uri);
      if (/\.tf$/i.test(p) && dirOf(p) === folder) out.set(p, doc.getText());
    }
    return out;
  }

  /** The other .tf files of a .tf document's folder. */
  moduleOf(uri: string): ModuleFile[] {
    const path = URI_PATH(uri);
    return [...this.folder(uri, dirOf(path))].filter(([p]) => p !== path).map(([p, text]) => ({ path: p, text }));
  }

  /**
   * The JSON files that a .tf document's module loads with file()/templatefile() (`files`: the module's other .tf
   * files), by the path as written: an open document's text, else the disk's. The service checks read their containers.
   */
  loadedOf(uri: string, text: string | undefined, files: readonly ModuleFile[]): ModuleFile[] {
    if (!hclReady()) return [];
    const folder = dirOf(URI_PATH(uri));
    const source = sources.find((s) => s.handles(uri));
    const open = new Map<string, string>();
    for (const doc of this.openDocuments()) open.set(URI_PATH(doc.uri), doc.getText());
    const out: ModuleFile[] = [];
    for (const p of terraformLoadPaths([text ?? open.get(URI_PATH(uri)) ?? '', ...files.map((f) => f.text)])) {
      // The module's folder, then (a bare relative path: terraform's working folder) the folders above it.
      for (const base of p.path.startsWith('/') ? [''] : p.fromModule ? [folder] : rootCandidates(folder)) {
        const abs = normalize(base ? `${base}/${p.path}` : p.path);
        let read = open.get(abs);
        try {
          read ??= source?.read?.(abs);
        } catch {
          // unreadable: its containers stay unknown
        }
        if (read === undefined) continue;
        out.push({ path: p.path, text: read });
        break;
      }
    }
    return out;
  }

  /** True when a .tf file of the same or the parent folder may load this file (the HCL parser is then wanted). */
  mayBeLoaded(uri: string): boolean {
    return this.candidates(uri).length > 0;
  }

  /** The resource that loads this JSON file with file()/templatefile(), with its .tf file and module. */
  loaderOf(uri: string): LintOptions['loadedBy'] {
    if (!hclReady()) return undefined;
    const path = URI_PATH(uri);
    for (const { tfPath, text, files } of this.candidates(uri)) {
      const module = readTerraform(text);
      const folder = dirOf(tfPath);
      const at = (p: string, base: string) => normalize(p.startsWith('/') ? p : `${base}/${p}`) === path;
      const subject = module?.subjects.find((s) => s.link?.path && !s.link.path.includes('${') && (s.link.fromModule ? [folder] : rootCandidates(folder)).some((base) => at(s.link!.path!, base)));
      if (subject) return { path: tfPath, text, address: subject.address, module: [...files].filter(([p]) => p !== tfPath).map(([p, t]) => ({ path: p, text: t })) };
    }
    return undefined;
  }

  private candidates(uri: string): Array<{ tfPath: string; text: string; files: Map<string, string> }> {
    const path = URI_PATH(uri);
    if (/\.tf$/i.test(path)) return [];
    const base = baseOf(path);
    const out: Array<{ tfPath: string; text: string; files: Map<string, string> }> = [];
    const here = dirOf(path);
    for (const folder of new Set([here, dirOf(here)])) {
      const files = this.folder(uri, folder);
      for (const [tfPath, text] of files) if (text.includes(base) && LOADS.test(text) && text.includes('aws_ecs_task_definition')) out.push({ tfPath, text, files });
    }
    return out;
  }
}

/** A short fingerprint of the texts a lint read besides the document (for the analysis cache's stamp). */
export function fingerprint(parts: readonly string[]): string {
  let h = 0x811c9dc5;
  for (const s of parts) {
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 0x2f, 0x01000193);
  }
  return (h >>> 0).toString(36);
}
