/** --min-severity, the hints that text and github leave out by default, fix --help/--dry-run/--diff, unmatched arguments. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { lint } from '../../server/src/core/lint';
import { FARGATE_TASK, WARNING_ONLY_TASK, cli, lintJson, spawnCli, workspace } from './cli-helpers';

const severities = (results: Array<{ diagnostics: Array<{ severity: string }> }>): string[] => [...new Set(results.flatMap((r) => r.diagnostics.map((d) => d.severity)))].sort();

describe('--min-severity', () => {
  const dir = workspace({ 'task-def.json': FARGATE_TASK, 'ok-task-def.json': WARNING_ONLY_TASK });
  const file = join(dir, 'task-def.json');
  const hints = lint(FARGATE_TASK).diagnostics.filter((d) => d.severity === 'hint').length;

  it('the fixture has errors, warnings and hints', () => {
    assert.deepEqual(severities(lintJson(file).results), ['error', 'hint', 'warning']);
    assert.ok(hints >= 2);
  });

  it('text leaves hints out by default and says how many; --min-severity hint shows them', () => {
    const def = cli('lint', file);
    assert.equal(def.status, 1);
    assert.doesNotMatch(def.stdout, /  hint  /);
    assert.match(def.stdout, new RegExp(`\\) in 1 file \\(${hints} hints not shown; --min-severity hint shows them\\)\\n$`));
    const all = cli('lint', '--min-severity', 'hint', file);
    assert.match(all.stdout, /  hint  .*readonly-root-filesystem\n/);
    assert.match(all.stdout, new RegExp(`, ${hints} hints\\) in 1 file\\n$`));
  });

  it('json and sarif keep everything by default and filter with the flag', () => {
    assert.deepEqual(severities(lintJson(file).results), ['error', 'hint', 'warning']);
    assert.deepEqual(severities(lintJson('--min-severity', 'warning', file).results), ['error', 'warning']);
    assert.deepEqual(severities(lintJson('--min-severity=error', file).results), ['error']);
    const levels = (argv: string[]) => [...new Set(JSON.parse(cli('lint', '--format', 'sarif', ...argv, file).stdout).runs[0].results.map((r: { level: string }) => r.level))].sort();
    assert.deepEqual(levels([]), ['error', 'note', 'warning']);
    assert.deepEqual(levels(['--min-severity', 'warning']), ['error', 'warning']);
  });

  it('every format filters the same way with the flag', () => {
    const text = cli('lint', '--min-severity', 'warning', file).stdout;
    assert.doesNotMatch(text, /  (hint|information)  /);
    assert.match(text, /  warning  /);
    assert.doesNotMatch(text, /not shown/, 'asked for: nothing to explain');
    const github = cli('lint', '--format', 'github', '--min-severity', 'warning', file).stdout;
    assert.ok(github.trimEnd().split('\n').every((l) => /^::(error|warning) /.test(l)), github);
    const errorsOnly = cli('lint', '--format', 'github', '--min-severity', 'error', file).stdout;
    assert.ok(errorsOnly.trimEnd().split('\n').every((l) => l.startsWith('::error ')), errorsOnly);
  });

  it('exit codes are decided by errors as before; filtered-out warnings do not count for --max-warnings', () => {
    const ok = join(dir, 'ok-task-def.json');
    assert.equal(cli('lint', '--min-severity', 'hint', ok).status, 0);
    assert.equal(cli('lint', '--min-severity', 'error', file).status, 1);
    assert.equal(cli('lint', '--max-warnings', '0', '--min-severity', 'warning', ok).status, 1);
    assert.equal(cli('lint', '--max-warnings', '0', '--min-severity', 'error', ok).status, 0);
  });

  it('accepts info for information; anything else exits 2 with the allowed values', () => {
    assert.deepEqual(severities(lintJson('--min-severity', 'info', file).results), ['error', 'warning']);
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
