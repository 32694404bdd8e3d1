/** Options of `ecs-taskdef lint`. */
import { ALL_RULES } from '../core/rules';
import { LAUNCH_TYPE_NAMES, SEVERITY_SETTINGS } from '../core/config/project-config';
import { SEVERITIES, type LaunchTypeName, type Severity, type SeveritySetting } from '../core/types';
import { UsageError } from './files';

export const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type Format = (typeof FORMATS)[number];

export interface LintArgs {
  paths: string[];
  format: Format;
  launchType?: LaunchTypeName;
  /** undefined: colours when stdout is a terminal (and NO_COLOR is unset). */
  color?: boolean;
  quiet: boolean;
  /** --min-severity: report only this severity and above, in every format. Absent: text and github leave hints out. */
  minSeverity?: Severity;
  /** False with --no-error-on-unmatched-pattern: an argument that yields no task definition is not an error. */
  errorOnUnmatched: boolean;
  /** Exit 1 when more warnings than this are reported. */
  maxWarnings?: number;
  /** --rule ID=SEVERITY, over the config file. */
  rules: Record<string, SeveritySetting>;
  stdinFilename?: string;
  config?: string;
  noConfig: boolean;
  /** False with --no-ignore: .gitignore and the config's `ignore` are not applied. */
  useIgnores: boolean;
  outputFile?: string;
  help: boolean;
}

export const LINT_HELP = `Usage: ecs-taskdef lint [options] FILE|DIR|GLOB|- ...

Lints ECS task definitions. Directories (and glob patterns) are searched for files whose name or content
looks like a task definition, skipping what .gitignore ignores.

Options:
  -f, --format FORMAT     text (default), json, sarif (SARIF 2.1.0) or github (workflow annotations)
  -o, --output-file FILE  write the report to FILE instead of stdout
      --quiet             report errors only
      --min-severity SEV  report SEV and above: error, warning, information or hint; without it the
                          text and github formats leave hints out (the summary says how many),
                          json and sarif keep everything
      --max-warnings N    exit 1 when more than N warnings are reported
      --rule ID=SEVERITY  override a rule: off, error, warning, information or hint (repeatable)
      --launch-type TYPE  FARGATE, EC2, EXTERNAL or MANAGED_INSTANCES, for files that declare none
      --stdin-filename F  name (and config lookup) for the document read from stdin ('-')
      --config FILE       use this config file instead of the nearest .ecs-taskdef.json
      --no-config         ignore .ecs-taskdef.json files
      --no-ignore         lint what .gitignore or the config's "ignore" would skip
      --no-error-on-unmatched-pattern
                          a FILE, DIR or GLOB that yields no task definition is not an error
      --color, --no-color force colours on or off

Exit codes: 0 no errors (and warnings within --max-warnings), 1 errors or too many warnings,
2 usage, config or I/O error, or an argument that yields no task definition.
Warnings left out by --quiet or --min-severity do not count for --max-warnings.
`;

export function parseLintArgs(argv: readonly string[]): LintArgs {
  const args: LintArgs = { paths: [], format: 'text', quiet: false, rules: {}, noConfig: false, useIgnores: true, errorOnUnmatched: true, help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const name = a.startsWith('--') && a.includes('=') ? a.slice(0, a.indexOf('=')) : a;
    const value = (): string => {
      if (name !== a) return a.slice(name.length + 1);
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      return v;
    };
    switch (name) {
      case '-f':
      case '--format': {
        const f = value();
        if (!(FORMATS as readonly string[]).includes(f)) throw new UsageError(`Unknown format '${f}'; use ${FORMATS.join(', ')}.`);
        args.format = f as Format;
        break;
      }
      case '--launch-type': {
        const l = value().toUpperCase();
        if (!LAUNCH_TYPE_NAMES.includes(l as LaunchTypeName)) throw new UsageError(`Unknown launch type '${l}'; use ${LAUNCH_TYPE_NAMES.join(', ')}.`);
        args.launchType = l as LaunchTypeName;
        break;
      }
      case '--max-warnings': {
        const v = value();
        if (!/^\d+$/.test(v)) throw new UsageError(`--max-warnings needs a whole number ≥ 0, not '${v}'.`);
        args.maxWarnings = Number(v);
        break;
      }
      case '--rule':
        parseRule(value(), args.rules);
        break;
      case '--stdin-filename':
        args.stdinFilename = value();
        break;
      case '--config':
      case '-c':
        args.config = value();
        break;
      case '-o':
      case '--output-file':
        args.outputFile = value();
        break;
      case '--quiet':
        args.quiet = true;
        break;
      case '--min-severity':
        args.minSeverity = parseMinSeverity(value());
        break;
      case '--no-error-on-unmatched-pattern':
        args.errorOnUnmatched = false;
        break;
      case '--no-config':
        args.noConfig = true;
        break;
      case '--no-ignore':
        args.useIgnores = false;
        break;
      case '--color':
        args.color = true;
        break;
      case '--no-color':
        args.color = false;
        break;
      case '-h':
      case '--help':
        args.help = true;
        break;
      default:
        if (a.startsWith('-') && a !== '-') throw new UsageError(`Unknown option '${a}'. Run 'ecs-taskdef lint --help'.`);
        args.paths.push(a);
    }
  }
  if (args.help) return args;
  if (args.paths.length === 0) throw new UsageError("lint needs at least one FILE, DIR, GLOB or '-' (stdin).");
  if (args.paths.filter((p) => p === '-').length > 1) throw new UsageError("'-' (stdin) can be given only once.");
  if (args.stdinFilename !== undefined && !args.paths.includes('-')) throw new UsageError("--stdin-filename needs '-' among the inputs.");
  if (args.config && args.noConfig) throw new UsageError('--config and --no-config exclude each other.');
  return args;
}

function parseRule(spec: string, into: Record<string, SeveritySetting>): void {
  const eq = spec.indexOf('=');
  if (eq <= 0) throw new UsageError(`--rule needs ID=SEVERITY (e.g. image-mutable-tag=off), not '${spec}'.`);
  const id = spec.slice(0, eq).trim();
  const severity = spec.slice(eq + 1).trim();
  if (!ALL_RULES.some((r) => r.id === id)) throw new UsageError(`Unknown rule '${id}' in --rule. Run 'ecs-taskdef explain --list'.`);
  if (!SEVERITY_SETTINGS.includes(severity as SeveritySetting)) {
    throw new UsageError(`Unknown severity '${severity}' for ${id}; use ${SEVERITY_SETTINGS.join(', ')}.`);
  }
  into[id] = severity as SeveritySetting;
}

/** `--min-severity` value; `info` is accepted for `information` (the text summary's word). */
export function parseMinSeverity(v: string): Severity {
  const s = v.trim().toLowerCase();
  const sev = (s === 'info' ? 'information' : s) as Severity;
  if (!SEVERITIES.includes(sev)) throw new UsageError(`Unknown severity '${v}' for --min-severity; use ${SEVERITIES.join(', ')}.`);
  return sev;
}

/** True when `s` is `min` or more severe. */
export function atLeast(s: Severity, min: Severity): boolean {
  return SEVERITIES.indexOf(s) <= SEVERITIES.indexOf(min);
}
