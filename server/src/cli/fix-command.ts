/**
 * `ecs-taskdef fix`: apply every preferred fix in place (or print the result with --dry-run, or a diff with --diff).
 * `ecs-taskdef strip`: turn describe-task-definition output into register input.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fixAll } from '../core/fixes/fix-all';
import { toRegisterInput } from '../core/fixes/convert';
import { ALL_RULES } from '../core/rules';
import type { LaunchTypeName, LintOptions } from '../core/types';
import { ConfigLoader, configLintOptions, configTaskDefinition } from './config-loader';
import { moduleOptions } from './terraform-files';
import { collectFiles, UsageError } from './files';
import { FamilyIndex, fixDeployFile } from './deploy-linked-files';
import { fixWorkflow } from './workflow-files';
import { isDeployingService } from '../core/workspace/deploy-files';
import { isWorkflowPath, mentionsEcsActions } from '../core/workspace/workflow';
import { unifiedDiff } from './unified-diff';

const LAUNCH_TYPES = ['FARGATE', 'EC2', 'EXTERNAL', 'MANAGED_INSTANCES'];

interface FixArgs {
  paths: string[];
  rules: string[];
  dryRun: boolean;
  diff: boolean;
  launchType?: LaunchTypeName;
  config?: string;
  noConfig: boolean;
  errorOnUnmatched: boolean;
  help: boolean;
}

export const FIX_HELP = `Usage: ecs-taskdef fix [options] FILE|DIR|GLOB ...

Applies the preferred quick fix of every problem that has one, in place, keeping comments and layout,
and prints 'FILE: applied N fixes, M errors left' per file. Directories and globs are searched as by
'lint'; the nearest .ecs-taskdef.json applies (rules it turns off are not fixed, files it ignores are
skipped).

Options:
      --rule ID           fix only the problems of this rule (repeatable)
      --dry-run           write nothing: print the fixed text on stdout, the summary on stderr
      --diff              write nothing: print a unified diff on stdout, the summary on stderr
      --launch-type TYPE  FARGATE, EC2, EXTERNAL or MANAGED_INSTANCES, for files that declare none
      --config FILE       use this config file instead of the nearest .ecs-taskdef.json
      --no-config         ignore .ecs-taskdef.json files
      --no-error-on-unmatched-pattern
                          a FILE, DIR or GLOB that yields no task definition is not an error

Exit codes: 0 no errors left, 1 errors left after fixing (in any file; also with --dry-run and
--diff), 2 usage, config or I/O error, or an argument that yields no task definition.
`;

function parseFixArgs(argv: readonly string[]): FixArgs {
  const args: FixArgs = { paths: [], rules: [], dryRun: false, diff: false, noConfig: false, errorOnUnmatched: true, help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string => {
      const eq = a.indexOf('=');
      if (eq > 0) return a.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      return v;
    };
    if (a === '--rule' || a.startsWith('--rule=')) args.rules.push(value());
    else if (a === '--dry-run') args.dryRun = true;
    else if (a === '--diff') args.diff = true;
    else if (a === '--help' || a === '-h') args.help = true;
    else if (a === '--no-error-on-unmatched-pattern') args.errorOnUnmatched = false;
    else if (a === '--config' || a.startsWith('--config=')) args.config = value();
    else if (a === '--no-config') args.noConfig = true;
    else if (a === '--launch-type' || a.startsWith('--launch-type=')) {
      const l = value().toUpperCase();
      if (!LAUNCH_TYPES.includes(l)) throw new UsageError(`Unknown launch type '${l}'; use ${LAUNCH_TYPES.join(', ')}.`);
      args.launchType = l as LaunchTypeName;
    } else if (a.startsWith('-') && a !== '-') throw new UsageError(`Unknown option '${a}'. Run 'ecs-taskdef fix --help'.`);
    else args.paths.push(a);
  }
  if (args.help) return args;
  if (args.dryRun && args.diff) throw new UsageError('--dry-run and --diff exclude each other (both write nothing).');
  if (args.paths.length === 0) throw new UsageError('fix needs at least one FILE.');
  const unknown = args.rules.find((r) => !ALL_RULES.some((rule) => rule.id === r));
  if (unknown) throw new UsageError(`Unknown rule '${unknown}'. Run 'ecs-taskdef explain --list'.`);
  return args;
}

function read(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`Cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

function write(path: string, text: string): void {
  try {
    writeFileSync(path, text);
  } catch (e) {
    throw new UsageError(`Cannot write ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** Exit 1 when errors remain after fixing (in any file), 0 otherwise. */
export function runFix(argv: readonly string[], out: (s: string) => void, err: (s: string) => void = (s) => process.stderr.write(s)): number {
  const args = parseFixArgs(argv);
  if (args.help) {
    out(FIX_HELP);
    return 0;
  }
  // The same .ecs-taskdef.json as `lint`: rules it turns off are not fixed, its placeholder patterns and launch
  // type apply, and the files it ignores are skipped.
  const configs = new ConfigLoader({ explicit: args.config, disabled: args.noConfig });
  const onIgnored = (path: string, configPath: string): void => {
    err(`ecs-taskdef: skipped ${path} (ignored by ${configPath})\n`);
  };
  const files = collectFiles(args.paths, { configs, useIgnores: true, onIgnored, errorOnUnmatched: args.errorOnUnmatched, workflows: true });
  let errorsLeft = false;
  const families = new FamilyIndex(); // the run's task definitions answer the families service definitions name
  for (const f of files) families.add(resolve(f.path), f.text ?? read(f.path));
  for (const f of files) {
    const text = f.text ?? read(f.path);
    const options = lintOptionsFor(f.path, args, configs);
    const only = args.rules.length ? args.rules : undefined;
    const result = isWorkflowPath(f.path) && mentionsEcsActions(text) ? fixWorkflow(f.path, text, options, only) : isDeployingService(f.path, text) ? fixDeployFile(f.path, text, options, only, configTaskDefinition(configs, f.path), families) : fixAll(text, { rules: args.rules, lint: options });
    const errors = result.remaining.filter((d) => d.severity === 'error').length;
    if (errors > 0) errorsLeft = true;
    const summary = `${f.path}: ${fixSummary(result.applied, errors)}\n`;
    if (args.diff) {
      out(unifiedDiff(text, result.text, f.path, f.path));
      err(summary);
    } else if (args.dryRun) {
      if (files.length > 1) out(`==> ${f.path} <==\n`);
      out(result.text);
      if (files.length > 1 && !result.text.endsWith('\n')) out('\n');
      err(summary);
    } else {
      if (result.text !== text) write(f.path, result.text);
      out(summary);
    }
  }
  return errorsLeft ? 1 : 0;
}

/** "applied 2 fixes, 1 error left" (the text says what the file is like after the fixes, written or not). */
function fixSummary(applied: number, errors: number): string {
  const fixed = applied === 0 ? 'nothing to fix' : `applied ${applied === 1 ? '1 fix' : `${applied} fixes`}`;
  const left = errors === 0 ? 'no errors left' : errors === 1 ? '1 error left' : `${errors} errors left`;
  return `${fixed}, ${left}`;
}

function lintOptionsFor(path: string, args: FixArgs, configs: ConfigLoader): LintOptions {
  const base = configLintOptions(configs, path);
  const module = /\.tf$/i.test(path) && path !== '-' ? moduleOptions(path, undefined) : {};
  return { ...base, fileName: path, defaultLaunchType: args.launchType ?? base.defaultLaunchType, ...module };
}

/** Prints (or with --write, saves) the register-task-definition input for describe output. */
export function runStrip(argv: readonly string[], out: (s: string) => void): number {
  if (argv.includes('--help') || argv.includes('-h')) {
    out('Usage: ecs-taskdef strip [--write] FILE\n\nTurns describe-task-definition output into register-task-definition input: prints it,\nor with --write (-w) saves it over FILE.\n');
    return 0;
  }
  const inPlace = argv.includes('--write') || argv.includes('-w');
  const paths = argv.filter((a) => a !== '--write' && a !== '-w');
  const unknown = paths.find((a) => a.startsWith('-') && a !== '-');
  if (unknown) throw new UsageError(`Unknown option '${unknown}'. Run 'ecs-taskdef --help'.`);
  if (paths.length !== 1) throw new UsageError('strip needs exactly one FILE.');
  const text = read(paths[0]);
  const stripped = toRegisterInput(text);
  if (inPlace) {
    if (stripped !== text) write(paths[0], stripped);
    out(`${paths[0]}: ${stripped === text ? 'already register input' : 'converted to register input'}\n`);
  } else out(stripped);
  return 0;
}
