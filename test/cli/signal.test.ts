/** --min-severity, the hints that text and github leave out by default, fix --help/--dry-run/--diff, unmatched arguments. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { webTask } from '../helpers/task-texts';
import { FARGATE_TASK, WARNING_ONLY_TASK, cli, lintJson, spawnCli, workspace } from './cli-helpers';

const severities = (results: Array<{ diagnostics: Array<{ severity: string }> }>): string[] => [...new Set(results.flatMap((r) => r.diagnostics.map((d) => d.severity)))].sort();

/** One finding of each severity, pinned by the config so that a change of a rule's default does not move them. */
const ALL_SEVERITIES_TASK = webTask('{ "name": "web", "image": "nginx:latest", "essential": "yes", "environment": [{ "name": "DB_PASSWORD", "value": "hunter2-secret" }] }', { finalNewline: true });
const PINNED = JSON.stringify({ rules: { 'wrong-type': 'error', 'plaintext-secret': 'warning', 'image-mutable-tag': 'information', 'readonly-root-filesystem': 'hint', 'missing-health-check': 'hint', 'log-configuration-missing': 'off' } });

describe('--min-severity', () => {
  const dir = workspace({
    '.ecs-taskdef.json': PINNED,
    'task-def.json': ALL_SEVERITIES_TASK,
    'ok-task-def.json': ALL_SEVERITIES_TASK.replace('"essential": "yes"', '"essential": true'),
  });
  const file = join(dir, 'task-def.json');
  const ok = join(dir, 'ok-task-def.json');
  const count = (sev: string) => lintJson(file).results[0].diagnostics.filter((d) => d.severity === sev).length;

  it('the fixture has one error, one warning, one information and two hints', () => {
    assert.deepEqual(['error', 'warning', 'information', 'hint'].map(count), [1, 1, 1, 2]);
  });

  it('text leaves hints out by default and says how many; --min-severity hint shows them', () => {
    const def = cli('lint', file);
    assert.equal(def.status, 1);
    assert.doesNotMatch(def.stdout, /  hint  /);
    assert.match(def.stdout, /  information  .*image-mutable-tag\n/);
    assert.match(def.stdout, /\n✖ 3 problems \(1 error, 1 warning, 1 info\) in 1 file \(2 hints not shown; --min-severity hint shows them\)\n$/);
    const all = cli('lint', '--min-severity', 'hint', file);
    assert.match(all.stdout, /  hint  .*readonly-root-filesystem\n/);
    assert.match(all.stdout, /\n✖ 5 problems \(1 error, 1 warning, 1 info, 2 hints\) in 1 file\n$/);
    const one = workspace({ '.ecs-taskdef.json': PINNED, 'task-def.json': ALL_SEVERITIES_TASK.replace('"essential": "yes"', '"essential": true, "healthCheck": { "command": ["CMD", "true"] }') });
    assert.match(cli('lint', join(one, 'task-def.json')).stdout, /\(1 hint not shown; --min-severity hint shows it\)\n$/);
  });

  it('json and sarif keep everything by default and filter with the flag', () => {
    assert.deepEqual(severities(lintJson(file).results), ['error', 'hint', 'information', 'warning']);
    assert.deepEqual(severities(lintJson('--min-severity', 'information', file).results), ['error', 'information', 'warning']);
    assert.deepEqual(severities(lintJson('--min-severity', 'warning', file).results), ['error', 'warning']);
    assert.deepEqual(severities(lintJson('--min-severity=error', file).results), ['error']);
    const sarif = (argv: string[]) => JSON.parse(cli('lint', '--format', 'sarif', ...argv, file).stdout).runs[0].results.map((r: { level: string }) => r.level).sort();
    assert.deepEqual(sarif([]), ['error', 'note', 'note', 'note', 'warning']);
    assert.deepEqual(sarif(['--min-severity', 'information']), ['error', 'note', 'warning']);
    assert.deepEqual(sarif(['--min-severity', 'warning']), ['error', 'warning']);
  });

  it('text and github filter the same way with the flag; the summary counts what could be shown', () => {
    const text = cli('lint', '--min-severity', 'warning', file).stdout;
    assert.deepEqual(text.split('\n').filter((l) => /  (error|warning|information|hint)  /.test(l)).map((l) => l.split('  ')[1]).sort(), ['error', 'warning']);
    assert.match(text, /\n✖ 2 problems \(1 error, 1 warning\) in 1 file\n$/, 'asked for: nothing to explain');
    assert.match(cli('lint', '--quiet', file).stdout, /\n✖ 1 problem \(1 error\) in 1 file\n$/);
    const github = (min: string) => cli('lint', '--format', 'github', '--min-severity', min, file).stdout.trimEnd().split('\n').map((l) => l.slice(0, l.indexOf(' '))).sort();
    assert.deepEqual(github('hint'), ['::error', '::notice', '::notice', '::notice', '::warning']);
    assert.deepEqual(github('information'), ['::error', '::notice', '::warning']);
    assert.deepEqual(github('warning'), ['::error', '::warning']);
    assert.deepEqual(github('error'), ['::error']);
  });

  it('exit codes are decided by errors as before; filtered-out warnings do not count for --max-warnings', () => {
    assert.equal(cli('lint', ok).status, 0);
    assert.equal(cli('lint', '--min-severity', 'hint', ok).status, 0);
    assert.equal(cli('lint', '--min-severity', 'error', file).status, 1);
    assert.equal(cli('lint', '--min-severity', 'error', '--format', 'json', file).status, 1);
    assert.equal(cli('lint', '--max-warnings', '0', '--min-severity', 'warning', ok).status, 1);
    assert.equal(cli('lint', '--max-warnings', '0', '--min-severity', 'error', ok).status, 0);
  });

  it('accepts info for information; anything else exits 2 with the allowed values', () => {
    assert.deepEqual(severities(lintJson('--min-severity', 'info', file).results), ['error', 'information', 'warning']);
    const bad = cli('lint', '--min-severity', 'warn', file);
    assert.equal(bad.status, 2);
    assert.equal(bad.stderr, "ecs-taskdef: Unknown severity 'warn' for --min-severity; use error, warning, information, hint.\n");
    assert.equal(cli('lint', '--min-severity').status, 2);
  });
});

describe('arguments that yield no task definition', () => {
  const dir = workspace({
    'infra/task-def.json': WARNING_ONLY_TASK,
    'docs/package.json': '{ "name": "x" }\n',
    'docs/notes/readme.json': '{ "title": "notes" }\n',
  });

  it('a folder, a glob that matches only such folders, a glob that matches nothing, a missing file: exit 2 naming it', () => {
    const cases: Array<[string, RegExp]> = [
      ['docs', /^ecs-taskdef: No task definition found in docs \(no file there has a task definition's name or content\); --no-error-on-unmatched-pattern allows this\.\n$/],
      ['docs/n*', /^ecs-taskdef: No task definition found by docs\/n\* \(it matches only folders without one\)/],
      ['infra/**/*.yaml', /^ecs-taskdef: No files match infra\/\*\*\/\*\.yaml; /],
      ['infra/taskdef.json', /^ecs-taskdef: No such file or directory: infra\/taskdef\.json; /],
    ];
    for (const [arg, message] of cases) {
      const r = spawnCli(['lint', arg], { cwd: dir });
      assert.equal(r.status, 2, arg);
      assert.equal(r.stdout, '', arg);
      assert.match(r.stderr, message, arg);
      // Next to a good argument it is still an error: nothing is linted.
      assert.equal(spawnCli(['lint', 'infra', arg], { cwd: dir }).status, 2, `infra ${arg}`);
    }
  });

  it('--no-error-on-unmatched-pattern lints what there is and skips the rest', () => {
    const r = spawnCli(['lint', '--no-error-on-unmatched-pattern', '--format', 'json', 'docs', 'docs/n*', 'infra/**/*.yaml', 'infra/taskdef.json', 'infra'], { cwd: dir });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout).map((x: { file: string }) => x.file), ['infra/task-def.json']);
    const none = spawnCli(['lint', '--no-error-on-unmatched-pattern', 'docs'], { cwd: dir });
    assert.equal(none.status, 0);
    assert.equal(none.stdout, '✔ 0 files checked, no problems\n');
  });

  it('a file named explicitly is linted whatever its content, and one the config ignores is skipped, not an error', () => {
    const named = spawnCli(['lint', '--format', 'json', 'docs/package.json'], { cwd: dir });
    assert.deepEqual(JSON.parse(named.stdout).map((x: { file: string }) => x.file), ['docs/package.json']);
    const ignoring = workspace({ '.ecs-taskdef.json': '{ "ignore": ["old-task-def.json"] }', 'old-task-def.json': FARGATE_TASK });
    const r = spawnCli(['lint', 'old-task-def.json'], { cwd: ignoring });
    assert.equal(r.status, 0);
    assert.match(r.stderr, /skipped old-task-def\.json \(ignored by/);
  });

  it('the same folder twice is not "nothing" the second time', () => {
    assert.equal(spawnCli(['lint', 'infra', 'infra'], { cwd: dir }).status, 0);
    const nested = workspace({ 'a/b/task-def.json': WARNING_ONLY_TASK });
    assert.equal(spawnCli(['lint', 'a', 'a'], { cwd: nested }).status, 0);
  });

  it('fix follows the same rule', () => {
    const r = spawnCli(['fix', 'docs'], { cwd: dir });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /No task definition found in docs/);
    assert.equal(spawnCli(['fix', '--no-error-on-unmatched-pattern', 'docs'], { cwd: dir }).status, 0);
  });
});

describe('fix: --help, --dry-run, --diff', () => {
  const FIXABLE = FARGATE_TASK.replace('"essential": "yes"', '"essential": "true"');
  const FIXED = FIXABLE.replace('"essential": "true"', '"essential": true');
  const UNFIXABLE = '{ "family": "x", "containerDefinitions": [ { "name": "a" } ] }\n';

  it('fix --help prints its options and exits 0; the main help and lint --help mention the new flags', () => {
    const r = cli('fix', '--help');
    assert.equal(r.status, 0, r.stderr);
    for (const flag of ['--dry-run', '--diff', '--rule ID', '--no-error-on-unmatched-pattern']) assert.ok(r.stdout.includes(flag), flag);
    assert.equal(cli('fix', '-h').stdout, r.stdout);
    assert.match(cli('--help').stdout, /fix --help/);
    const lintHelp = cli('lint', '--help').stdout;
    assert.match(lintHelp, /--min-severity SEV/);
    assert.match(lintHelp, /--no-error-on-unmatched-pattern/);
    assert.match(cli('explain', '--help').stdout, /^Usage: ecs-taskdef explain RULE-ID/);
    assert.match(cli('strip', '--help').stdout, /^Usage: ecs-taskdef strip/);
  });

  it('--dry-run: the fixed text on stdout, "FILE: applied N fixes, M errors left" on stderr, nothing written', () => {
    const dir = workspace({ 'task-def.json': FIXABLE });
    const r = cli('fix', '--dry-run', join(dir, 'task-def.json'));
    assert.equal(r.status, 0);
    assert.equal(r.stdout, FIXED);
    assert.equal(r.stderr, `${join(dir, 'task-def.json')}: applied 1 fix, no errors left\n`);
    assert.equal(readFileSync(join(dir, 'task-def.json'), 'utf8'), FIXABLE);
  });

  it('--dry-run exits 1 when errors remain, like fix', () => {
    const dir = workspace({ 'task-def.json': UNFIXABLE });
    const r = spawnCli(['fix', '--dry-run', 'task-def.json'], { cwd: dir });
    assert.equal(r.status, 1);
    assert.match(r.stdout, /^\{ "family": "x", "containerDefinitions": \[/);
    assert.match(r.stderr, /^task-def\.json: (nothing to fix|applied \d+ fix(es)?), \d+ errors? left\n$/);
    assert.equal(readFileSync(join(dir, 'task-def.json'), 'utf8'), UNFIXABLE);
  });

  it('--diff prints a unified diff (and nothing when there is nothing to fix), the summary on stderr', () => {
    const dir = workspace({ 'task-def.json': FIXABLE, 'clean-task-def.json': WARNING_ONLY_TASK });
    const r = spawnCli(['fix', '--diff', 'task-def.json'], { cwd: dir });
    assert.equal(r.status, 0, r.stderr);
    const line = FIXABLE.split('\n').findIndex((l) => l.includes('"essential"')) + 1;
    assert.match(r.stdout, new RegExp(`^--- task-def\\.json\\n\\+\\+\\+ task-def\\.json\\n@@ -${line - 3},\\d+ \\+${line - 3},\\d+ @@\\n`));
    assert.ok(r.stdout.includes(`\n-${FIXABLE.split('\n')[line - 1]}\n+${FIXED.split('\n')[line - 1]}\n`), r.stdout);
    assert.equal(r.stderr, 'task-def.json: applied 1 fix, no errors left\n');
    assert.equal(readFileSync(join(dir, 'task-def.json'), 'utf8'), FIXABLE, 'nothing written');
    const clean = spawnCli(['fix', '--diff', 'clean-task-def.json'], { cwd: dir });
    assert.equal(clean.stdout, '');
    assert.equal(clean.status, 0);
    assert.equal(spawnCli(['fix', '--diff', '--dry-run', 'task-def.json'], { cwd: dir }).status, 2, 'one or the other');
  });
});
