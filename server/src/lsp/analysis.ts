/** One lint result per document version, shared by diagnostics, code actions, hover and completion. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI_PATH } from './uri';
import { applyConfigFile } from './config-file';
import { matchesAnyGlob, shouldLint } from '../core/file-detection';
import { lint, lintInterruptible, ruleFailures, type LintOutput } from '../core/lint';
import type { LaunchTypeName, LintOptions } from '../core/types';
import type { Settings } from './settings';

export interface Analysis {
  uri: string;
  version: number;
  /** False when the document is not a task definition (no diagnostics, no features). */
  enabled: boolean;
  output?: LintOutput;
  /** The `.ecs-taskdef.json` in force when computed (see config-file.ts). */
  configStamp?: string;
}

export class AnalysisCache {
  private readonly cache = new Map<string, Analysis>();
  constructor(private readonly log: (msg: string) => void) {}

  get(doc: TextDocument, settings: Settings): Analysis {
    const hit = this.cache.get(doc.uri);
    const configStamp = applyConfigFile(configPath(doc.uri), settings, this.log).stamp;
    if (hit && hit.version === doc.version && hit.configStamp === configStamp) return hit;
    const analysis = { ...this.compute(doc, settings), configStamp };
    this.cache.set(doc.uri, analysis);
    return analysis;
  }

  /**
   * The same as get(), linting in slices so that a keystroke or a cancellation arriving meanwhile is seen:
   * undefined when `shouldStop` said the result is no longer wanted (nothing is cached then). Requests for the
   * same version while one is running share it.
   */
  async getInterruptible(doc: TextDocument, settings: Settings, shouldStop: () => boolean): Promise<Analysis | undefined> {
    // TextDocuments updates a document object in place: read its version once, now, with its text.
    const version = doc.version;
    const configStamp = applyConfigFile(configPath(doc.uri), settings, this.log).stamp;
    const hit = this.cache.get(doc.uri);
    if (hit && hit.version === version && hit.configStamp === configStamp) return hit;
    const key = `${doc.uri}\n${version}\n${configStamp}`;
    for (;;) {
      let run = this.running.get(key);
      if (run) run.waiters.add(shouldStop);
      else {
        const waiters = new Set([shouldStop]);
        // The shared work stops only when every request waiting for it wants it stopped.
        const work = this.computeInterruptible(doc, settings, () => [...waiters].every((stop) => stop()));
        const started = { work, waiters };
        // A stopped run is dropped at once, so that a request arriving later starts afresh instead of joining it.
        void work.then((a) => a || this.running.get(key) !== started || this.running.delete(key));
        run = started;
        this.running.set(key, run);
      }
      let analysis: Analysis | undefined;
      try {
        analysis = await run.work;
      } finally {
        run.waiters.delete(shouldStop);
        if (run.waiters.size === 0 && this.running.get(key) === run) this.running.delete(key);
      }
      if (shouldStop()) return undefined;
      if (!analysis) continue; // stopped for the others waiting on it, but this request still wants it
      const result = { ...analysis, configStamp };
      const current = this.cache.get(doc.uri);
      if (!current || current.version < version || current.configStamp !== configStamp) this.cache.set(doc.uri, result);
      return result;
    }
  }

  private readonly running = new Map<string, { work: Promise<Analysis | undefined>; waiters: Set<() => boolean> }>();

  /** Cached analysis for exactly this version, if any (never recomputes). */
  peek(uri: string, version: number): Analysis | undefined {
    const hit = this.cache.get(uri);
    return hit && hit.version === version ? hit : undefined;
  }

  delete(uri: string): void {
    this.cache.delete(uri);
  }

  clear(): void {
    this.cache.clear();
  }

  private compute(doc: TextDocument, settings: Settings): Analysis {
    const text = doc.getText();
    const path = URI_PATH(doc.uri);
    const config = applyConfigFile(configPath(doc.uri), settings);
    const wanted = config.included || shouldLint(path, text, settings.files);
    if (!settings.enable || config.ignored || !wanted) return { uri: doc.uri, version: doc.version, enabled: false };
    const before = ruleFailures.length;
    const output = lint(text, lintOptionsFor(doc.uri, settings));
    this.logFailures(doc.uri, before);
    return { uri: doc.uri, version: doc.version, enabled: true, output };
  }

  private async computeInterruptible(doc: TextDocument, settings: Settings, shouldStop: () => boolean): Promise<Analysis | undefined> {
    const text = doc.getText();
    const version = doc.version; // read with the text: the object changes in place while this runs
    const path = URI_PATH(doc.uri);
    const config = applyConfigFile(configPath(doc.uri), settings);
    const wanted = config.included || shouldLint(path, text, settings.files);
    if (!settings.enable || config.ignored || !wanted) return { uri: doc.uri, version, enabled: false };
    const before = ruleFailures.length;
    const output = await lintInterruptible(text, lintOptionsFor(doc.uri, settings), shouldStop);
    this.logFailures(doc.uri, before);
    return output && { uri: doc.uri, version, enabled: true, output };
  }

  private logFailures(uri: string, since: number): void {
    // Another lint may have run while an interruptible one paused: report whatever is new, once.
    for (const f of ruleFailures.splice(Math.min(since, ruleFailures.length))) {
      this.log(`rule ${f.rule} failed on ${uri}: ${(f.error as Error)?.stack ?? String(f.error)}`);
    }
  }
}

/** The lint options a document gets from the settings over `.ecs-taskdef.json` (also used by fix-all rounds in code actions). */
export function lintOptionsFor(uri: string, settings: Settings): LintOptions {
  const path = URI_PATH(uri);
  const config = applyConfigFile(configPath(uri), settings);
  return {
    fileName: path,
    rules: config.settings.rules,
    defaultLaunchType: launchTypeFor(path, settings) ?? config.launchType,
    maxFullLintSize: settings.maxFileSize,
    placeholderPatterns: config.settings.placeholderPatterns,
  };
}

/**
 * Where to look for `.ecs-taskdef.json`: only `file:` documents are on this machine's disk. Other schemes
 * (untitled, vscode-vfs in virtual workspaces, …) get the settings only: their path names no local folder, and
 * reading the local disk at it could pick up an unrelated config.
 */
function configPath(uri: string): string {
  return /^file:/i.test(uri) ? URI_PATH(uri) : '';
}

function launchTypeFor(path: string, settings: Settings): LaunchTypeName | undefined {
  for (const [glob, type] of Object.entries(settings.launchType)) if (matchesAnyGlob(path, [glob])) return type;
  return undefined;
}
