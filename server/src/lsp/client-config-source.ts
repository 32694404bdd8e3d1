/**
 * A config source that reads `.ecs-taskdef.json` through the client (the editor's file system API): the only way
 * in the web worker, and on the desktop the way for virtual workspaces (vscode-vfs://, …). Reads are asynchronous,
 * so prefetch() loads every folder's answer up to the nearest config before the synchronous lookups; answers are
 * kept (a missing file too) until the client reports a change to a config file (workspace/didChangeWatchedFiles).
 */
import { CONFIG_FILE_NAME } from '../core/config/project-config';
import { type ConfigEntry, configEntry, type ConfigSource, type FoundConfig } from './config-file';

interface Folder {
  /** `scheme://authority/dir/.ecs-taskdef.json` */
  configUri: string;
  /** The document's path below that folder, decoded, `/`-separated. */
  rel: string;
}

/** The folders above a hierarchical URI, nearest first; none for URIs without `//` (untitled:Untitled-1). */
export function foldersAbove(uri: string): Folder[] {
  const m = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)(\/[^?#]*)/i.exec(uri);
  if (!m) return [];
  const [, origin, path] = m as unknown as [string, string, string];
  const segments = path.split('/').slice(1);
  const folders: Folder[] = [];
  for (let i = segments.length - 1; i >= 0; i--) {
    const dir = segments.slice(0, i);
    const rel = segments.slice(i).map(decode).join('/');
    folders.push({ configUri: `${origin}/${dir.map((s) => `${s}/`).join('')}${CONFIG_FILE_NAME}`, rel });
  }
  return folders;
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export class ClientConfigSource implements ConfigSource {
  /** Parsed config by URI; null: there is none (or it cannot be read). */
  private readonly known = new Map<string, ConfigEntry | null>();
  private readonly loading = new Map<string, Promise<ConfigEntry | null>>();
  private generation = 0;

  constructor(
    private readonly read: (uri: string) => Promise<string | null>,
    private readonly accepts: (uri: string) => boolean = () => true,
  ) {}

  handles(uri: string): boolean {
    return this.accepts(uri) && foldersAbove(uri).length > 0;
  }

  nearest(uri: string): FoundConfig | undefined {
    for (const { configUri, rel } of foldersAbove(uri)) {
      const entry = this.known.get(configUri);
      if (entry === undefined) return undefined; // not read yet: prefetch() has not run for this document
      if (entry) return { file: configUri, entry, rel };
    }
    return undefined;
  }

  async prefetch(uri: string): Promise<void> {
    for (const { configUri } of foldersAbove(uri)) {
      const known = this.known.get(configUri);
      if (known === undefined ? await this.load(configUri) : known) return;
    }
  }

  /** Forgets what was read about these URIs; true when one of them is a config file (the caller lints again). */
  invalidate(uris: string[]): boolean {
    const touched = uris.filter((u) => u.endsWith(`/${CONFIG_FILE_NAME}`));
    for (const u of touched) {
      this.known.delete(u);
      this.loading.delete(u);
    }
    return touched.length > 0;
  }

  private load(configUri: string): Promise<ConfigEntry | null> {
    let pending = this.loading.get(configUri);
    if (!pending) {
      const started = this.read(configUri).then(
        (text) => (text === null ? null : configEntry(configUri, `${configUri}#${++this.generation}`, text)),
        () => null,
      );
      pending = started.then((entry) => {
        // A change reported while reading dropped this load: keep only the answer of the newest one.
        if (this.loading.get(configUri) === pending) {
          this.known.set(configUri, entry);
          this.loading.delete(configUri);
        }
        return entry;
      });
      this.loading.set(configUri, pending);
    }
    return pending;
  }
}
