/** Helpers for the CLI tests: temp workspaces from a file map, the CLI in-process and as a real process. */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { main } from '../../server/src/cli/main';
import { webTask } from '../helpers/task-texts';

export const BIN = join(__dirname, '..', '..', 'bin', 'ecs-taskdef.js');

/** Writes `files` (relative path → content) into a new temp folder and returns its path. */
export function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'ecs-taskdef-cli-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}

export interface Run {
  status: number | undefined;
  stdout: string;
  stderr: string;
}

/** The CLI in this process (fast); stderr written by main() is captured, process.stderr notes are not. */
export function cli(...argv: string[]): Run {
  let stdout = '';
  let stderr = '';
  const status = main(argv, (s) => (stdout += s), (s) => (stderr += s));
  return { status, stdout, stderr };
}

/** The CLI as a real process (exit codes, stdin, environment, TTY). */
export function spawnCli(args: string[], opts: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv } = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    cwd: opts.cwd,
    input: opts.input,
    env: { ...process.env, FORCE_COLOR: '', NO_COLOR: '', ...opts.env },
  });
}

interface JsonResult {
  file: string;
  kind: string;
  launchType: string;
  diagnostics: Array<{ code: string; severity: string; message: string }>;
}

/** `lint --format json` in-process: the parsed report and the exit code. */
export function lintJson(...argv: string[]): { status: number | undefined; results: JsonResult[]; stderr: string } {
  const r = cli('lint', '--format', 'json', ...argv);
  return { status: r.status, results: r.stdout ? (JSON.parse(r.stdout) as JsonResult[]) : [], stderr: r.stderr };
}

/** File names (relative to `dir`, sorted) of a JSON report. */
export function filesOf(results: JsonResult[], dir: string): string[] {
  return results.map((r) => (r.file.startsWith(dir) ? r.file.slice(dir.length + 1) : r.file)).sort();
}

export function codesOf(results: JsonResult[]): string[] {
  return results.flatMap((r) => r.diagnostics.map((d) => d.code)).sort();
}

/**
 * A Fargate task definition with one error (wrong-type) and one warning (image-mutable-tag: a moving tag is a
 * warning, not information, when versionConsistency is disabled).
 */
export const FARGATE_TASK = webTask('{ "name": "web", "image": "nginx:latest", "essential": "yes", "versionConsistency": "disabled" }', { finalNewline: true });

/** The same without the error: only the image-mutable-tag warning (and hints). */
export const WARNING_ONLY_TASK = FARGATE_TASK.replace('"essential": "yes"', '"essential": true');

/** A Terraform-style container-definitions array; `privileged` is an error only on Fargate. */
export const CONTAINER_ARRAY = '[\n  { "name": "app", "image": "app:1.0", "memory": 256, "essential": true, "privileged": true }\n]\n';
