/**
 * `ecs-taskdef fix`: apply every preferred fix in place (or print the result with --dry-run).
 * `ecs-taskdef strip`: turn describe-task-definition output into register input.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fixAll } from '../core/fix-all';
import { toRegisterInput } from '../core/convert';
import { ALL_RULES } from '../core/rules';
import type { LaunchTypeName, LintOptions } from '../core/types';
import { ConfigLoader, configLintOptions } from './config-loader';
import { collectFiles, UsageError } from './files';

const LAUNCH_TYPES = ['FARGATE', 'EC2', 'EXTERNAL', 'MANAGED_INSTANCES'];

interface FixArgs {
  paths: string[];
  rules: string[];
  dryRun: boolean;
  launchType?: LaunchTypeName;
  config?: string;
  noConfig: boolean;
}

function parseFixArgs(argv: readonly string[]): FixArgs {
  const args: FixArgs = { paths: [], rules: [], dryRun: false, noConfig: false };
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
    else if (a === '--config' || a.startsWith('--config=')) args.config = value();
    else if (a === '--no-config') args.noConfig = true;
    else if (a === '--launch-type' || a.startsWith('--launch-type=')) {
      const l = value().toUpperCase();
      if (!LAUNCH_TYPES.includes(l)) throw new UsageError(`Unknown launch type '${l}'; use ${LAUNCH_TYPES.join(', ')}.`);
      args.launchType = l as LaunchTypeName;
    } else if (a.startsWith('-') && a !== '-') throw new UsageError(`Unknown option '${a}'. Run 'ecs-taskdef --help'.`);
    else args.paths.push(a);
  }
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
export function runFix(argv: readonly string[], out: (s: string) => void): number {
  const args = parseFixArgs(argv);
  // The same .ecs-taskdef.json as `lint`: rules it turns off are not fixed, its placeholder patterns and launch
  // type apply, and the files it ignores are skipped.
  const configs = new ConfigLoader({ explicit: args.config, disabled: args.noConfig });
  const onIgnored = (path: string, configPath: string): void => {
    process.stderr.write(`ecs-taskdef: skipped ${path} (ignored by ${configPath})\n`);
  };
  const files = collectFiles(args.paths, { configs, useIgnores: true, onIgnored });
  let errorsLeft = false;
  for (const f of files) {
    const text = f.text ?? read(f.path);
    const result = fixAll(text, { rules: args.rules, lint: lintOptionsFor(f.path, args, configs) });
    const errors = result.remaining.filter((d) => d.severity === 'error').length;
    if (errors > 0) errorsLeft = true;
    if (args.dryRun) {
      if (files.length > 1) out(`==> ${f.path} <==\n`);
      out(result.text);
      if (files.length > 1 && !result.text.endsWith('\n')) out('\n');
      continue;
    }
    if (result.text !== text) write(f.path, result.text);
    const fixed = result.applied === 1 ? '1 fix' : `${result.applied} fixes`;
    const left = errors === 0 ? 'no errors left' : errors === 1 ? '1 error left' : `${errors} errors left`;
    out(`${f.path}: ${result.applied === 0 ? 'nothing to fix' : `applied ${fixed}`}, ${left}\n`);
  }
  return errorsLeft ? 1 : 0;
}

function lintOptionsFor(path: string, args: FixArgs, configs: ConfigLoader): LintOptions {
  const base = configLintOptions(configs, path);
  return { ...base, fileName: path, defaultLaunchType: args.launchType ?? base.defaultLaunchType };
}

/** Prints (or with --write, saves) the register-task-definition input for describe output. */
export function runStrip(argv: readonly string[], out: (s: string) => void): number {
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
