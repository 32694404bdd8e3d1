/** One lint result per document version, shared by diagnostics, code actions, hover and completion. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI_PATH } from './uri';
import { applyConfigFile } from './config-file';
import { matchesAnyGlob, shouldLint } from '../core/file-detection';
import { lint, ruleFailures, type LintOutput } from '../core/lint';
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
    const configStamp = applyConfigFile(URI_PATH(doc.uri), settings, this.log).stamp;
    if (hit && hit.version === doc.version && hit.configStamp === configStamp) return hit;
    const analysis = { ...this.compute(doc, settings), configStamp };
    this.cache.set(doc.uri, analysis);
    return analysis;
  }

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
    const config = applyConfigFile(path, settings);
    const wanted = config.included || shouldLint(path, text, settings.files);
    if (!settings.enable || config.ignored || !wanted) return { uri: doc.uri, version: doc.version, enabled: false };
    const before = ruleFailures.length;
    const output = lint(text, lintOptionsFor(doc.uri, settings));
    for (const f of ruleFailures.splice(before)) {
      this.log(`rule ${f.rule} failed on ${doc.uri}: ${(f.error as Error)?.stack ?? String(f.error)}`);
    }
    return { uri: doc.uri, version: doc.version, enabled: true, output };
  }
}

/** The lint options a document gets from the settings over `.ecs-taskdef.json` (also used by fix-all rounds in code actions). */
export function lintOptionsFor(uri: string, settings: Settings): LintOptions {
  const path = URI_PATH(uri);
  const config = applyConfigFile(path, settings);
  return {
    fileName: path,
    rules: config.settings.rules,
    defaultLaunchType: launchTypeFor(path, settings) ?? config.launchType,
    maxFullLintSize: settings.maxFileSize,
    placeholderPatterns: config.settings.placeholderPatterns,
  };
}

function launchTypeFor(path: string, settings: Settings): LaunchTypeName | undefined {
  for (const [glob, type] of Object.entries(settings.launchType)) if (matchesAnyGlob(path, [glob])) return type;
  return undefined;
}
