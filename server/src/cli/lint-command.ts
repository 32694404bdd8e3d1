/** `ecs-taskdef lint`: collect, lint, report; exit 0 (clean), 1 (errors or too many warnings), 2 (usage, config, I/O). */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { lint } from '../core/lint';
import type { Diagnostic, LintOptions, LintResult } from '../core/types';
import { ConfigLoader, configLintOptions, configTaskDefinition } from './config-loader';
import { collectFiles, type FoundFile, UsageError } from './files';
import { type FileResult, formatJson, formatText } from './format';
import { formatGithub } from './format-github';
import { formatSarif } from './format-sarif';
import { atLeast, LINT_HELP, type LintArgs, parseLintArgs } from './lint-args';
import { VERSION } from './version';
import { readLinkedFiles, repositoryRoot } from './workflow-files';
import { FamilyIndex, readDeployLinkedFiles } from './deploy-linked-files';
import { checkDeployFile } from '../core/workspace/check-service';
import { type DeployContext, workflowDeployments } from '../core/workspace/deploy-context';
import { checkWorkflow } from '../core/workspace/check-workflow';
import { deployFileKind, isDeployingService } from '../core/workspace/deploy-files';
import { isWorkflowPath, mentionsEcsActions } from '../core/workspace/workflow';
import { lintLoadedFiles, moduleOptions } from './terraform-files';
import type { TerraformOutput } from '../core/documents/lint-terraform';

export { parseLintArgs, type LintArgs } from './lint-args';

const STDIN_NAME = '<stdin>';

export function runLint(argv: readonly string[], out: (s: string) => void): number {
  const args = parseLintArgs(argv);
  if (args.help) {
    out(LINT_HELP);
    return 0;
  }
  const configs = new ConfigLoader({ explicit: args.config, disabled: args.noConfig });
  const inputs = collectInputs(args, configs);
  const results: FileResult[] = [];
  const linked = new Map<string, FileResult>();
  const shown = reportFilter(args);
  let hiddenHints = 0;
  // Service definitions name a family: the task definitions of this run (and those beside the service) answer it.
  const families = new FamilyIndex();
  const texts = inputs.map((f) => f.text ?? read(f.path));
  inputs.forEach((f, i) => f.path !== STDIN_NAME && families.add(resolve(f.path), texts[i]));
  const deployers = deployContexts(inputs, texts);
  const known = new Map(inputs.flatMap((f, i) => (f.path === STDIN_NAME ? [] : [[resolve(f.path), texts[i]] as const])));
  for (const [i, f] of inputs.entries()) {
    const text = texts[i];
    const base = optionsFor(f, args, configs);
    // A .tf file is read with the rest of its folder: one Terraform module.
    const options = /\.tf$/i.test(f.path) && f.path !== STDIN_NAME ? { ...base, ...moduleOptions(f.path, text, known) } : base;
    const r =
      isWorkflowPath(f.path) && mentionsEcsActions(text)
        ? lintWorkflow(f.path, text, options)
        : isDeployingService(f.path, text)
          ? lintDeployFile(f.path, text, options, families, configTaskDefinition(configs, f.path))
          : lint(text, withDeployers(options, deployers.get(resolve(f.path))));
    const loaded = r.kind === 'terraform' ? lintLoadedFiles(f.path, r as TerraformOutput, options, r.diagnostics) : [];
    const diagnostics = r.diagnostics.filter(shown);
    if (shown === withoutHints) hiddenHints += r.diagnostics.length - diagnostics.length;
    results.push({ file: f.path, text, result: { kind: r.kind, launchType: r.launchType, templated: r.templated, diagnostics } });
    for (const l of loaded) {
      const kept = l.diagnostics.filter(shown);
      if (shown === withoutHints) hiddenHints += l.diagnostics.length - kept.length;
      linked.set(resolve(l.path), { file: l.path, text: l.text, result: { kind: 'container-array', launchType: r.launchType, templated: false, diagnostics: kept } });
    }
  }
  // A loaded file is reported once, with its resource's settings (a directory scan may have found it on its own).
  for (let i = results.length - 1; i >= 0; i--) if (linked.has(resolve(results[i].file))) results.splice(i, 1);
  results.push(...linked.values());
  const report = render(args, results, hiddenHints);
  if (args.outputFile) write(args.outputFile, report);
  else out(report);

  const all = results.flatMap((r) => r.result.diagnostics);
  const errors = all.filter((d) => d.severity === 'error').length;
  const warnings = all.filter((d) => d.severity === 'warning').length;
  const tooManyWarnings = args.maxWarnings !== undefined && warnings > args.maxWarnings;
  if (tooManyWarnings) process.stderr.write(`ecs-taskdef: ${warnings} warning${warnings === 1 ? '' : 's'}, more than --max-warnings ${args.maxWarnings}.\n`);
  return errors > 0 || tooManyWarnings ? 1 : 0;
}

interface Input extends FoundFile {
  /** Where the config lookup starts (the stdin document has no file of its own). */
  configPath: string;
}

/** A workflow checked against the task-definition files it deploys (read from disk). */
function lintWorkflow(path: string, text: string, options: LintOptions): LintResult {
  return { kind: 'workflow', launchType: 'unknown', templated: false, diagnostics: checkWorkflow(text, readLinkedFiles(path, text), options) };
}

/** An appspec or service definition checked against the task definition it runs (read from disk). */
function lintDeployFile(path: string, text: string, options: LintOptions, families: FamilyIndex, mapped: string | undefined): LintResult {
  const kind = deployFileKind(path, text) === 'appspec' ? 'appspec' : 'service';
  return { kind, launchType: 'unknown', templated: false, diagnostics: checkDeployFile(path, text, readDeployLinkedFiles(path, text, families, mapped), options, mapped).diagnostics };
}

/**
 * Who deploys each task-definition file, from the workflows among the inputs (context that flows back: the deploy
 * action drops null values and describe-only keys, the render action sets a container's image). Keyed by absolute path.
 */
function deployContexts(inputs: readonly Input[], texts: readonly string[]): Map<string, DeployContext[]> {
  const out = new Map<string, DeployContext[]>();
  for (const [i, f] of inputs.entries()) {
    if (!isWorkflowPath(f.path) || !mentionsEcsActions(texts[i])) continue;
    const root = repositoryRoot(f.path);
    if (!root) continue;
    const rel = relative(root, resolve(f.path)).split(sep).join('/');
    for (const [path, ctx] of workflowDeployments(rel, texts[i])) {
      const abs = join(root, path);
      out.set(abs, [...(out.get(abs) ?? []), ctx]);
    }
  }
  return out;
}

function withDeployers(options: LintOptions, deployedBy: DeployContext[] | undefined): LintOptions {
  return deployedBy?.length ? { ...options, deployedBy } : options;
}

const withoutHints = (d: Diagnostic): boolean => d.severity !== 'hint';

/**
 * What the report shows: --quiet errors only; --min-severity that level and above, in every format; by default the
 * text and github formats leave hints out (they fire on most containers and would bury the rest), json and sarif
 * keep everything for tools.
 */
function reportFilter(args: LintArgs): (d: Diagnostic) => boolean {
  if (args.quiet) return (d) => d.severity === 'error';
  const min = args.minSeverity;
  if (min) return (d) => atLeast(d.severity, min);
  return args.format === 'text' || args.format === 'github' ? withoutHints : () => true;
}

function collectInputs(args: LintArgs, configs: ConfigLoader): Input[] {
  const onIgnored = (path: string, configPath: string): void => {
    process.stderr.write(`ecs-taskdef: skipped ${path} (ignored by ${configPath}; --no-ignore lints it)\n`);
  };
  const inputs: Input[] = [];
  for (const p of args.paths) {
    if (p === '-') {
      const name = args.stdinFilename ?? STDIN_NAME;
      inputs.push({ path: name, text: readStdin(), configPath: args.stdinFilename ?? resolve(STDIN_NAME) });
      continue;
    }
    const found = collectFiles([p], { configs, useIgnores: args.useIgnores, onIgnored, errorOnUnmatched: args.errorOnUnmatched, workflows: true });
    for (const f of found) inputs.push({ ...f, configPath: f.path });
  }
  return inputs;
}

function optionsFor(f: Input, args: LintArgs, configs: ConfigLoader): LintOptions {
  const base = configLintOptions(configs, f.configPath);
  return {
    ...base,
    fileName: f.path,
    rules: { ...base.rules, ...args.rules },
    defaultLaunchType: args.launchType ?? base.defaultLaunchType,
  };
}

function render(args: LintArgs, results: FileResult[], hiddenHints: number): string {
  switch (args.format) {
    case 'json':
      return formatJson(results);
    case 'sarif':
      return formatSarif(results, { cwd: process.cwd(), version: VERSION });
    case 'github':
      return formatGithub(results, process.cwd(), hiddenHints);
    default:
      return formatText(results, { color: args.color ?? useColor(args), hiddenHints, minSeverity: args.quiet ? 'error' : args.minSeverity });
  }
}

function useColor(args: LintArgs): boolean {
  const force = process.env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  return !args.outputFile && process.stdout.isTTY === true;
}

function read(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`Cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

function readStdin(): string {
  try {
    return readFileSync(0, 'utf8');
  } catch (e) {
    throw new UsageError(`Cannot read stdin: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

function write(path: string, text: string): void {
  try {
    writeFileSync(path, text);
  } catch (e) {
    throw new UsageError(`Cannot write ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}
