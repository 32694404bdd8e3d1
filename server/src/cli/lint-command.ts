/** `ecs-taskdef lint`: read, lint, print; exit 0 (no errors), 1 (errors), 2 (usage or I/O). */
import { readFileSync } from 'node:fs';
import { lint } from '../core/lint';
import type { LaunchTypeName, LintOptions } from '../core/types';
import { collectFiles, UsageError } from './files';
import { type FileResult, formatJson, formatText } from './format';

export interface LintArgs {
  paths: string[];
  format: 'text' | 'json';
  launchType?: LaunchTypeName;
  color: boolean;
}

export function parseLintArgs(argv: readonly string[]): LintArgs {
  const args: LintArgs = { paths: [], format: 'text', color: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string => {
      const eq = a.indexOf('=');
      if (eq > 0) return a.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      return v;
    };
    if (a === '--format' || a.startsWith('--format=') || a === '-f') {
      const f = value();
      if (f !== 'text' && f !== 'json') throw new UsageError(`Unknown format '${f}'; use text or json.`);
      args.format = f;
    } else if (a === '--launch-type' || a.startsWith('--launch-type=')) {
      const l = value().toUpperCase();
      if (!['FARGATE', 'EC2', 'EXTERNAL', 'MANAGED_INSTANCES'].includes(l)) throw new UsageError(`Unknown launch type '${l}'; use FARGATE, EC2, EXTERNAL or MANAGED_INSTANCES.`);
      args.launchType = l as LaunchTypeName;
    } else if (a === '--color') args.color = true;
    else if (a.startsWith('-') && a !== '-') throw new UsageError(`Unknown option '${a}'. Run 'ecs-taskdef --help'.`);
    else args.paths.push(a);
  }
  if (args.paths.length === 0) throw new UsageError('lint needs at least one FILE or DIR.');
  return args;
}

export function runLint(argv: readonly string[], out: (s: string) => void): number {
  const args = parseLintArgs(argv);
  const files = collectFiles(args.paths);
  const options: LintOptions = { defaultLaunchType: args.launchType };
  const results: FileResult[] = [];
  for (const f of files) {
    let text = f.text;
    if (text === undefined) {
      try {
        text = readFileSync(f.path, 'utf8');
      } catch (e) {
        throw new UsageError(`Cannot read ${f.path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      }
    }
    const { kind, launchType, templated, diagnostics } = lint(text, { ...options, fileName: f.path });
    results.push({ file: f.path, text, result: { kind, launchType, templated, diagnostics } });
  }
  out(args.format === 'json' ? formatJson(results) : formatText(results, args.color));
  return results.some((r) => r.result.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
}
