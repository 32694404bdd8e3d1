import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CONTAINER_ARRAY, FARGATE_TASK, WARNING_ONLY_TASK, cli, codesOf, lintJson, spawnCli, workspace } from './cli-helpers';

describe('lint options', () => {
  it('--quiet reports errors only (and exit codes follow the errors)', () => {
    const dir = workspace({ 'task-def.json': FARGATE_TASK, 'ok-task-def.json': WARNING_ONLY_TASK });
    const all = lintJson(join(dir, 'task-def.json'));
    assert.ok(all.results[0].diagnostics.some((d) => d.severity !== 'error'), 'the fixture has non-errors');
    const quiet = lintJson('--quiet', join(dir, 'task-def.json'));
    assert.equal(quiet.status, 1);
    assert.deepEqual(codesOf(quiet.results), ['wrong-type']);
    const text = cli('lint', '--quiet', join(dir, 'ok-task-def.json'));
    assert.equal(text.status, 0);
    assert.match(text.stdout, /^✔ 1 file checked, no problems\n$/);
  });

  it('--max-warnings N: exit 1 only above N warnings; errors still exit 1; --quiet warnings do not count', () => {
    const dir = workspace({ 'task-def.json': WARNING_ONLY_TASK });
    const file = join(dir, 'task-def.json');
    assert.equal(cli('lint', file).status, 0, 'one warning and no error');
    const over = spawnCli(['lint', '--max-warnings', '0', file]);
    assert.equal(over.status, 1);
    assert.match(over.stderr, /1 warning, more than --max-warnings 0/);
    assert.equal(cli('lint', '--max-warnings=1', file).status, 0);
    assert.equal(cli('lint', '--max-warnings', '0', '--quiet', file).status, 0);
    const errors = workspace({ 'task-def.json': FARGATE_TASK });
    assert.equal(cli('lint', '--max-warnings', '99', join(errors, 'task-def.json')).status, 1);
    for (const bad of ['-1', 'x', '1.5']) assert.equal(cli('lint', '--max-warnings', bad, file).status, 2, bad);
  });

  it('--rule ID=SEVERITY turns rules off or changes severities; bad specs exit 2', () => {
    const dir = workspace({ 'task-def.json': FARGATE_TASK });
    const file = join(dir, 'task-def.json');
    const off = lintJson('--rule', 'wrong-type=off', file);
    assert.ok(!codesOf(off.results).includes('wrong-type'));
    assert.equal(off.status, 0, 'the only error is off');
    const raised = lintJson('--rule', 'image-mutable-tag=error', '--rule=wrong-type=off', file);
    assert.equal(raised.results[0].diagnostics.find((d) => d.code === 'image-mutable-tag')?.severity, 'error');
    assert.equal(raised.status, 1);
    const unknown = cli('lint', '--rule', 'no-such-rule=off', file);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /Unknown rule 'no-such-rule'/);
    const badSeverity = cli('lint', '--rule', 'wrong-type=fatal', file);
    assert.equal(badSeverity.status, 2);
    assert.match(badSeverity.stderr, /Unknown severity 'fatal' for wrong-type/);
    assert.equal(cli('lint', '--rule', 'wrong-type', file).status, 2);
  });

  it('--launch-type applies to files that declare none (container arrays), never over a declared one', () => {
    const dir = workspace({ 'infra/containers.json': CONTAINER_ARRAY, 'task-def.json': FARGATE_TASK });
    const arr = join(dir, 'infra', 'containers.json');
    const plain = lintJson(arr);
    assert.equal(plain.results[0].kind, 'container-array');
    assert.equal(plain.results[0].launchType, 'unknown');
    assert.ok(!codesOf(plain.results).includes('fargate-unsupported-parameter'));
    const fargate = lintJson('--launch-type', 'fargate', arr);
    assert.equal(fargate.results[0].launchType, 'FARGATE');
    assert.ok(codesOf(fargate.results).includes('fargate-unsupported-parameter'));
    assert.equal(fargate.status, 1);
    assert.equal(lintJson('--launch-type', 'EC2', join(dir, 'task-def.json')).results[0].launchType, 'FARGATE');
    assert.equal(cli('lint', '--launch-type', 'LAMBDA', arr).status, 2);
  });

  it("reads a document from stdin with '-': --stdin-filename names it and finds its config", () => {
    const dir = workspace({ 'infra/.ecs-taskdef.json': '{ "launchType": "FARGATE" }' });
    const named = spawnCli(['lint', '--format', 'json', '--stdin-filename', 'infra/containers.json', '-'], { cwd: dir, input: CONTAINER_ARRAY });
    assert.equal(named.status, 1, named.stderr);
    const [r] = JSON.parse(named.stdout);
    assert.equal(r.file, 'infra/containers.json');
    assert.equal(r.launchType, 'FARGATE', 'the config next to the stdin file name applies');
    const anonymous = spawnCli(['lint', '-'], { cwd: dir, input: FARGATE_TASK });
    assert.equal(anonymous.status, 1);
    assert.match(anonymous.stdout, /^<stdin>:8:60 {2}error {2}'essential' must be a boolean/m);
    assert.equal(spawnCli(['lint', '--stdin-filename', 'x.json', 'a.json'], { cwd: dir }).status, 2);
    assert.equal(cli('lint', '-', '-').status, 2);
  });

  it('-o writes the report to a file and prints nothing', () => {
    const dir = workspace({ 'task-def.json': FARGATE_TASK });
    const r = cli('lint', '-f', 'json', '-o', join(dir, 'report.json'), join(dir, 'task-def.json'));
    assert.equal(r.status, 1);
    assert.equal(r.stdout, '');
    assert.equal(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'))[0].kind, 'register');
    assert.equal(cli('lint', '-o', join(dir, 'no', 'such', 'dir', 'x'), join(dir, 'task-def.json')).status, 2);
  });

  it('colours: on a terminal by default, forced with --color or FORCE_COLOR, off with --no-color or NO_COLOR or a pipe', () => {
    const dir = workspace({ 'task-def.json': FARGATE_TASK });
    const red = '\x1b[31merror\x1b[0m';
    assert.ok(!spawnCli(['lint', 'task-def.json'], { cwd: dir }).stdout.includes('\x1b['), 'a pipe gets plain text');
    assert.ok(spawnCli(['lint', '--color', 'task-def.json'], { cwd: dir }).stdout.includes(red));
    assert.ok(spawnCli(['lint', 'task-def.json'], { cwd: dir, env: { FORCE_COLOR: '1' } }).stdout.includes(red));
    assert.ok(!spawnCli(['lint', '--no-color', 'task-def.json'], { cwd: dir, env: { FORCE_COLOR: '1' } }).stdout.includes('\x1b['));
    // A real terminal: util-linux `script` runs the CLI on a pseudo-terminal.
    const cmd = `${JSON.stringify(process.execPath)} ${JSON.stringify(join(__dirname, '..', '..', 'bin', 'ecs-taskdef.js'))} lint task-def.json`;
    const tty = spawnCliThroughScript(cmd, dir, {});
    assert.ok(tty.includes(red), `expected colours on a TTY, got ${JSON.stringify(tty.slice(0, 200))}`);
    assert.ok(!spawnCliThroughScript(cmd, dir, { NO_COLOR: '1' }).includes('\x1b[31m'));
  });

  it('lint --help lists every option and exits 0', () => {
    const r = cli('lint', '--help');
    assert.equal(r.status, 0);
    for (const opt of ['--format', '--output-file', '--quiet', '--max-warnings', '--rule', '--launch-type', '--stdin-filename', '--config', '--no-config', '--no-ignore', '--color']) {
      assert.ok(r.stdout.includes(opt), opt);
    }
    assert.match(cli('--help').stdout, /sarif\|github/);
  });

  it('unknown options and missing values exit 2 with a message', () => {
    for (const argv of [['lint', '--frobnicate', 'x.json'], ['lint', '--format'], ['lint', '--format', 'xml', 'x.json'], ['lint', '--config', 'a', '--no-config', 'x']]) {
      const r = cli(...argv);
      assert.equal(r.status, 2, argv.join(' '));
      assert.match(r.stderr, /^ecs-taskdef: /);
    }
  });
});

function spawnCliThroughScript(cmd: string, cwd: string, env: NodeJS.ProcessEnv): string {
  const r = spawnSync('script', ['-qec', cmd, '/dev/null'], { cwd, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '', NO_COLOR: '', ...env } });
  assert.equal(r.error, undefined, 'util-linux script is needed for the TTY test');
  return r.stdout;
}
