/** The `ecs-taskdef` command line. */
import { join } from 'node:path';
import { explain, listRules } from './explain';
import { UsageError } from './files';
import { runFix, runStrip } from './fix-command';
import { runLint } from './lint-command';
import { initHclFromDisk } from '../lsp/node/hcl-wasm';
import { existsSync, statSync } from 'node:fs';

declare const ECS_TASKDEF_VERSION: string | undefined;

const HELP = `ecs-taskdef — lint Amazon ECS task definitions

Usage:
  ecs-taskdef lint [--format text|json|sarif|github] [options] FILE|DIR|GLOB|-...
                                     lint; 'ecs-taskdef lint --help' lists the options
  ecs-taskdef fix [--rule ID]... [--dry-run | --diff] [options] FILE|DIR|GLOB...
                                     apply the preferred fixes in place (--dry-run: print the result,
                                     --diff: print a unified diff); 'ecs-taskdef fix --help' lists the options
  ecs-taskdef strip [--write] FILE   describe-task-definition output → register input (stdout, or in place)
  ecs-taskdef explain RULE-ID        show a rule's documentation
  ecs-taskdef explain --list         list all rules
  ecs-taskdef server --stdio         run the language server (any LSP editor)
  ecs-taskdef --version

Directories are searched for task definitions (by file name or content), skipping .gitignore'd paths.
Settings come from the nearest .ecs-taskdef.json (rules, files, ignore, launchType, placeholderPatterns).
Exit codes: 0 no errors, 1 errors found (or more warnings than --max-warnings), 2 usage, config or I/O error,
or a FILE, DIR or GLOB that yields no task definition.
`;

const EXPLAIN_HELP = `Usage: ecs-taskdef explain RULE-ID   a rule's documentation: what it catches, why, examples, fixes
       ecs-taskdef explain --list      every rule with its default severity and summary
`;

export type Command = (argv: string[], out: (s: string) => void, err: (s: string) => void) => number | undefined;

/** Commands by name; other modules add theirs here (fix, strip, …). */
export const COMMANDS: Record<string, Command> = {
  lint: runLint,
  fix: runFix,
  strip: runStrip,
  explain: (argv, out) => {
    if (argv[0] === '--help' || argv[0] === '-h') out(EXPLAIN_HELP);
    else if (argv[0] === '--list') out(listRules());
    else if (argv.length !== 1) throw new UsageError('explain needs exactly one RULE-ID.');
    else out(explain(argv[0]));
    return 0;
  },
  server: () => {
    // The server bundle sits next to this one; it reads --stdio/--node-ipc from process.argv itself.
    require(join(__dirname, 'server.js'));
    return undefined;
  },
};

export function main(argv: string[], out: (s: string) => void = (s) => process.stdout.write(s), err: (s: string) => void = (s) => process.stderr.write(s)): number | undefined {
  const [cmd, ...rest] = argv;
  try {
    if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') {
      out(HELP);
      return cmd ? 0 : 2;
    }
    if (cmd === '--version' || cmd === '-v') {
      out(`${typeof ECS_TASKDEF_VERSION === 'string' ? ECS_TASKDEF_VERSION : 'dev'}\n`);
      return 0;
    }
    const command = COMMANDS[cmd];
    if (!command) throw new UsageError(`Unknown command '${cmd}'. Run 'ecs-taskdef --help'.`);
    return command(rest, out, err);
  } catch (e) {
    if (e instanceof UsageError) {
      err(`ecs-taskdef: ${e.message}\n`);
      return 2;
    }
    err(`ecs-taskdef: internal error: ${(e as Error).stack ?? e}\n`);
    return 2;
  }
}

/**
 * True when lint/fix may meet a Terraform file: a `.tf` argument, a directory or a glob. The HCL parser loads
 * asynchronously (about 0.1 s), so plain JSON runs do not wait for it.
 */
export function mayNeedHcl(argv: readonly string[]): boolean {
  const [cmd, ...rest] = argv;
  if (cmd !== 'lint' && cmd !== 'fix') return false;
  return rest.some((a) => {
    if (a.startsWith('-') && a !== '-') return false;
    if (/\.tf$/i.test(a) || /[*?{[]/.test(a)) return true;
    try {
      return existsSync(a) && statSync(a).isDirectory();
    } catch {
      return false;
    }
  });
}

/** Entry point for bin/ecs-taskdef.js and `node dist/cli.js`. */
export async function run(): Promise<void> {
  const argv = process.argv.slice(2);
  if (mayNeedHcl(argv)) {
    // Without the parser .tf files get a not-linted note, never a crash.
    await initHclFromDisk().catch((e: unknown) => process.stderr.write(`ecs-taskdef: the HCL parser did not load (${(e as Error).message}); .tf files are not checked.\n`));
  }
  const code = main(argv);
  if (code !== undefined) process.exitCode = code;
}

if (require.main === module) void run();
