/** One lint result per document version, shared by diagnostics, code actions, hover and completion. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI_PATH } from './uri';
import { applyConfigFile, type ConfigView } from './config-file';
import { matchesAnyGlob, shouldLint } from '../core/documents/file-detection';
import { lint, lintInterruptible, ruleFailures, type LintOutput } from '../core/lint';
import type { LaunchTypeName, LintOptions } from '../core/types';
import type { Settings } from './settings';
import type { DeployContext } from '../core/workspace/deploy-context';
import { fingerprint, type TerraformContext } from './terraform-module';
import { hclReady } from '../core/syntax/hcl';

/** Who deploys a document (the workspace index, set by the server): flows into its lint as `deployedBy`. */
let deployContextsOf: ((uri: string) => DeployContext[]) | undefined;

export function setDeployContextSource(source: ((uri: string) => DeployContext[]) | undefined): void {
  deployContextsOf = source;
}

/** The Terraform module around a document (terraform-module.ts, set by the server). */
let terraformContext: TerraformContext | undefined;

export function setTerraformContext(context: TerraformContext | undefined): void {
  terraformContext = context;
}

/** A .tf file's other module files, or the resource that loads a JSON file: lint options, and a stamp of what was read. */
function terraformOptions(uri: string, text?: string): { options: Pick<LintOptions, 'terraformModule' | 'terraformLoaded' | 'loadedBy'>; stamp: string } {
  const isTf = /\.tf$/i.test(URI_PATH(uri));
  // Linted before the HCL parser loaded (a hover or symbols request came first): the "loading" note must not stay cached.
  const loading = isTf && !hclReady() ? 'hcl-loading' : '';
  if (!terraformContext) return { options: {}, stamp: loading };
  try {
    if (isTf) {
      const files = terraformContext.moduleOf(uri);
      const loaded = terraformContext.loadedOf(uri, text, files);
      const read = [...files, ...loaded];
      return { options: { terraformModule: files, terraformLoaded: loaded }, stamp: loading + (read.length ? `tf:${fingerprint(read.flatMap((f) => [f.path, f.text]))}` : '') };
    }
    const by = terraformContext.loaderOf(uri);
    if (!by) return { options: {}, stamp: '' };
    return { options: { loadedBy: by }, stamp: `tf:${fingerprint([by.path, by.address, by.text, ...(by.module ?? []).flatMap((f) => [f.path, f.text])])}` };
  } catch {
    return { options: {}, stamp: '' };
  }
}

function deployContexts(uri: string): DeployContext[] {
  try {
    return deployContextsOf?.(uri) ?? [];
  } catch {
    return [];
  }
}


export interface Analysis {
  uri: string;
  version: number;
  /** False when the document is not a task definition (no diagnostics, no features). */
  enabled: boolean;
  output?: LintOutput;
  /** The `.ecs-taskdef.json` in force when computed (see config-file.ts). */
  configStamp?: string;
}

interface LintJob {
  text: string;
  version: number;
  options: LintOptions;
}

export class AnalysisCache {
  private readonly cache = new Map<string, Analysis>();
  constructor(private readonly log: (msg: string) => void) {}

  get(doc: TextDocument, settings: Settings): Analysis {
    // One config lookup per request (on disk it stats every folder above the document): its stamp says whether the
    // cached analysis is still good, and the same view feeds the lint.
    const config = this.view(doc, settings);
    const hit = this.fresh(doc.uri, doc.version, config.stamp);
    if (hit) return hit;
    const job = this.prepare(doc, settings, config);
    if (!('options' in job)) return this.store(job);
    const before = ruleFailures.length;
    const output = lint(job.text, job.options);
    this.logFailures(doc.uri, before);
    return this.store({ uri: doc.uri, version: job.version, enabled: true, output, configStamp: config.stamp });
  }

  /**
   * The same as get(), linting in slices so that a keystroke or a cancellation arriving meanwhile is seen:
   * undefined when `shouldStop` said the result is no longer wanted (nothing is cached then). Requests for the
   * same version while one is running share it.
   */
  async getInterruptible(doc: TextDocument, settings: Settings, shouldStop: () => boolean): Promise<Analysis | undefined> {
    const config = this.view(doc, settings);
    const hit = this.fresh(doc.uri, doc.version, config.stamp);
    if (hit) return hit;
    // TextDocuments updates a document object in place: its version and text are read once, now, together.
    const job = this.prepare(doc, settings, config);
    if (!('options' in job)) return this.store(job);
    const key = `${doc.uri}\n${job.version}\n${config.stamp}`;
    for (;;) {
      let run = this.running.get(key);
      if (run) run.waiters.add(shouldStop);
      else {
        const waiters = new Set([shouldStop]);
        // The shared work stops only when every request waiting for it wants it stopped.
        const work = this.lintInSlices(doc.uri, job, config.stamp, () => [...waiters].every((stop) => stop()));
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
      return this.store(analysis);
    }
  }

  /**
   * The config in force, its stamp extended by who deploys the document: a workflow that starts or stops deploying
   * it makes the cached analysis stale although the document did not change.
   */
  private view(doc: TextDocument, settings: Settings): ConfigView & { deployedBy: DeployContext[]; terraform: Pick<LintOptions, 'terraformModule' | 'terraformLoaded' | 'loadedBy'> } {
    const config = applyConfigFile(doc.uri, URI_PATH(doc.uri), settings, this.log);
    const deployedBy = deployContexts(doc.uri);
    // Another file of the Terraform module changed: the cached analysis is stale although the document did not change.
    const tf = terraformOptions(doc.uri, doc.getText());
    const stamp = (deployedBy.length ? `${config.stamp}\n${JSON.stringify(deployedBy)}` : config.stamp) + (tf.stamp ? `\n${tf.stamp}` : '');
    return { ...config, deployedBy, terraform: tf.options, stamp };
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

  /** The cached analysis when it is for this version and config, else undefined. */
  private fresh(uri: string, version: number, configStamp: string): Analysis | undefined {
    const hit = this.cache.get(uri);
    return hit && hit.version === version && hit.configStamp === configStamp ? hit : undefined;
  }

  /** Caches `analysis` unless a newer version of the document is cached already (an interruptible run can finish late). */
  private store(analysis: Analysis): Analysis {
    const current = this.cache.get(analysis.uri);
    if (!current || current.version <= analysis.version || current.configStamp !== analysis.configStamp) this.cache.set(analysis.uri, analysis);
    return analysis;
  }

  /** What to lint (text and options, read together), or the analysis of a document that is not linted. */
  private prepare(doc: TextDocument, settings: Settings, config: ConfigView): LintJob | Analysis {
    const text = doc.getText();
    const version = doc.version;
    const loaded = 'terraform' in config && !!(config.terraform as Pick<LintOptions, 'loadedBy'>).loadedBy;
    const wanted = config.included || loaded || shouldLint(URI_PATH(doc.uri), text, settings.files);
    if (!settings.enable || config.ignored || !wanted) return { uri: doc.uri, version, enabled: false, configStamp: config.stamp };
    return { text, version, options: lintOptionsFor(doc.uri, settings, config) };
  }

  private async lintInSlices(uri: string, job: LintJob, configStamp: string, shouldStop: () => boolean): Promise<Analysis | undefined> {
    const before = ruleFailures.length;
    const output = await lintInterruptible(job.text, job.options, shouldStop);
    this.logFailures(uri, before);
    return output && { uri, version: job.version, enabled: true, output, configStamp };
  }

  private logFailures(uri: string, since: number): void {
    // Another lint may have run while an interruptible one paused: report whatever is new, once.
    for (const f of ruleFailures.splice(Math.min(since, ruleFailures.length))) {
      this.log(`rule ${f.rule} failed on ${uri}: ${(f.error as Error)?.stack ?? String(f.error)}`);
    }
  }
}

/** The lint options a document gets from the settings over `.ecs-taskdef.json` (also used by fix-all rounds in code actions). */
export function lintOptionsFor(uri: string, settings: Settings, config: ConfigView = applyConfigFile(uri, URI_PATH(uri), settings)): LintOptions {
  const path = URI_PATH(uri);
  return {
    fileName: path,
    rules: config.settings.rules,
    defaultLaunchType: launchTypeFor(path, settings) ?? config.launchType,
    maxFullLintSize: settings.maxFileSize,
    placeholderPatterns: config.settings.placeholderPatterns,
    ...withDeployers('deployedBy' in config ? (config.deployedBy as DeployContext[]) : deployContexts(uri)),
    ...('terraform' in config ? (config.terraform as Pick<LintOptions, 'terraformModule' | 'terraformLoaded' | 'loadedBy'>) : terraformOptions(uri).options),
  };
}

function launchTypeFor(path: string, settings: Settings): LaunchTypeName | undefined {
  for (const [glob, type] of Object.entries(settings.launchType)) if (matchesAnyGlob(path, [glob])) return type;
  return undefined;
}

function withDeployers(deployedBy: DeployContext[]): Pick<LintOptions, 'deployedBy'> {
  return deployedBy.length ? { deployedBy } : {};
}
