import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CONTAINER_ARRAY, FARGATE_TASK, WARNING_ONLY_TASK, cli, codesOf, filesOf, lintJson, spawnCli, workspace } from './cli-helpers';

const NOT_A_TASK = '{ "name": "not-a-task-definition" }\n';

describe('directory scans and .gitignore', () => {
  it('skips what .gitignore ignores (files, folders, negations, nested files, the repository root above the scan)', () => {
    const dir = workspace({
      '.gitignore': 'generated/\n*.local.json\n!keep.local.json\n',
      'task-def.json': WARNING_ONLY_TASK,
      'generated/task-def.json': FARGATE_TASK,
      'dev.local.json': FARGATE_TASK,
      'keep.local.json': FARGATE_TASK,
      'svc/.gitignore': 'old-task-def.json\n',
      'svc/old-task-def.json': FARGATE_TASK,
      'svc/new-task-def.json': WARNING_ONLY_TASK,
    });
    mkdirSync(join(dir, '.git'));
    assert.deepEqual(filesOf(lintJson(dir).results, dir), ['keep.local.json', 'svc/new-task-def.json', 'task-def.json']);
    // Scanning a sub-folder still applies the .gitignore files above it, up to the repository root.
    mkdirSync(join(dir, 'generated', 'deep'));
    assert.deepEqual(filesOf(lintJson(join(dir, 'svc')).results, dir), ['svc/new-task-def.json']);
    assert.deepEqual(filesOf(lintJson('--no-ignore', dir).results, dir), [
      'dev.local.json',
      'generated/task-def.json',
      'keep.local.json',
      'svc/new-task-def.json',
      'svc/old-task-def.json',
      'task-def.json',
    ]);
  });

  it('a file named on the command line is linted even when .gitignore ignores it', () => {
    const dir = workspace({ '.gitignore': '*.json\n', 'task-def.json': FARGATE_TASK });
    assert.deepEqual(filesOf(lintJson(dir).results, dir), []);
    assert.deepEqual(filesOf(lintJson(join(dir, 'task-def.json')).results, dir), ['task-def.json']);
  });

  it('a folder without a task definition exits 2 (a wrong path in CI must not pass), unless allowed', () => {
    const dir = workspace({ 'package.json': NOT_A_TASK });
    const r = cli('lint', dir);
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, `ecs-taskdef: No task definition found in ${dir} (no file there has a task definition's name or content); --no-error-on-unmatched-pattern allows this.\n`);
    const allowed = cli('lint', '--no-error-on-unmatched-pattern', dir);
    assert.equal(allowed.status, 0, allowed.stderr);
    assert.equal(allowed.stdout, '✔ 0 files checked, no problems\n');
  });
});

describe('glob arguments', () => {
  const files = {
    '.gitignore': 'infra/gen/\n',
    'infra/web/containers.json': CONTAINER_ARRAY,
    'infra/api/containers.json': CONTAINER_ARRAY,
    'infra/api/notes.json': NOT_A_TASK,
    'infra/gen/containers.json': CONTAINER_ARRAY,
    'task-def.json': WARNING_ONLY_TASK,
  };

  it('expands ** and * (files matched are linted as if named), honouring .gitignore', () => {
    const dir = workspace(files);
    mkdirSync(join(dir, '.git'));
    const r = spawnCli(['lint', '--format', 'json', 'infra/**/containers.json'], { cwd: dir });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout).map((x: { file: string }) => x.file).sort(), ['infra/api/containers.json', 'infra/web/containers.json']);
    const star = spawnCli(['lint', '--format', 'json', 'infra/api/*.json'], { cwd: dir });
    assert.deepEqual(JSON.parse(star.stdout).map((x: { file: string }) => x.file).sort(), ['infra/api/containers.json', 'infra/api/notes.json']);
    const braces = spawnCli(['lint', '--format', 'json', '*.{json,jsonc}'], { cwd: dir });
    assert.deepEqual(JSON.parse(braces.stdout).map((x: { file: string }) => x.file), ['task-def.json'], '* stays in its folder');
  });

  it('a folder matched by a glob is scanned with file detection', () => {
    const dir = workspace(files);
    const r = spawnCli(['lint', '--format', 'json', 'infra/a*'], { cwd: dir });
    assert.deepEqual(JSON.parse(r.stdout).map((x: { file: string }) => x.file), ['infra/api/containers.json']);
  });

  it('a glob that matches nothing exits 2', () => {
    const dir = workspace(files);
    const r = spawnCli(['lint', 'nowhere/**/*.json'], { cwd: dir });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /No files match nowhere\/\*\*\/\*\.json/);
    assert.equal(spawnCli(['lint', 'infra/**/*.yaml'], { cwd: dir }).status, 2);
  });
});

describe('.ecs-taskdef.json in the CLI', () => {
  it('rules, launch type and placeholder patterns apply; the config file itself is not linted', () => {
    const dir = workspace({
      '.ecs-taskdef.json': `{
        // team settings
        "rules": { "image-mutable-tag": "off", "readonly-root-filesystem": "warning" },
        "launchType": { "infra/**": "FARGATE" },
        "placeholderPatterns": ["^@@[A-Z_]+@@$"],
      }`,
      'infra/containers.json': CONTAINER_ARRAY,
      'task-def.json': WARNING_ONLY_TASK.replace('"cpu": "256"', '"cpu": "@@CPU@@"'),
    });
    const { results, status } = lintJson(dir);
    assert.deepEqual(filesOf(results, dir), ['infra/containers.json', 'task-def.json']);
    const arr = results.find((r) => r.file.endsWith('containers.json'))!;
    assert.equal(arr.launchType, 'FARGATE');
    assert.ok(arr.diagnostics.some((d) => d.code === 'fargate-unsupported-parameter'));
    assert.equal(arr.diagnostics.find((d) => d.code === 'readonly-root-filesystem')?.severity, 'warning');
    const task = results.find((r) => r.file.endsWith('task-def.json'))!;
    assert.deepEqual(
      task.diagnostics.filter((d) => d.code !== 'readonly-root-filesystem' && (d.severity === 'error' || d.severity === 'warning')),
      [],
      'mutable tag off, @@CPU@@ is a placeholder',
    );
    assert.equal(status, 1);
  });

  it('command-line flags win over the config', () => {
    const dir = workspace({ '.ecs-taskdef.json': '{ "rules": { "image-mutable-tag": "off" }, "launchType": "EC2" }', 'infra/containers.json': CONTAINER_ARRAY, 'task-def.json': WARNING_ONLY_TASK });
    assert.ok(codesOf(lintJson('--rule', 'image-mutable-tag=warning', join(dir, 'task-def.json')).results).includes('image-mutable-tag'));
    assert.equal(lintJson(join(dir, 'infra/containers.json')).results[0].launchType, 'EC2');
    assert.equal(lintJson('--launch-type', 'FARGATE', join(dir, 'infra/containers.json')).results[0].launchType, 'FARGATE');
  });

  it('files adds files detection would skip; ignore drops files in scans and named ones (with a note)', () => {
    const dir = workspace({
      '.ecs-taskdef.json': '{ "files": ["deploy/*.tmpl"], "ignore": ["legacy/", "examples/bad-*.json"] }',
      'deploy/web.tmpl': WARNING_ONLY_TASK,
      'legacy/task-def.json': FARGATE_TASK,
      'examples/bad-task-def.json': FARGATE_TASK,
      'examples/good-task-def.json': WARNING_ONLY_TASK,
    });
    const scan = lintJson(dir);
    assert.deepEqual(filesOf(scan.results, dir), ['deploy/web.tmpl', 'examples/good-task-def.json']);
    assert.equal(scan.status, 0);
    const named = spawnCli(['lint', 'legacy/task-def.json', 'examples/good-task-def.json'], { cwd: dir });
    assert.equal(named.status, 0);
    assert.match(named.stderr, /skipped legacy\/task-def\.json \(ignored by \.ecs-taskdef\.json; --no-ignore lints it\)/);
    assert.deepEqual(filesOf(lintJson('--no-ignore', dir).results, dir), ['deploy/web.tmpl', 'examples/bad-task-def.json', 'examples/good-task-def.json', 'legacy/task-def.json']);
  });

  it('the nearest config wins, with globs relative to its own folder', () => {
    const dir = workspace({
      '.ecs-taskdef.json': '{ "launchType": "EC2", "rules": { "image-mutable-tag": "off" } }',
      'team/.ecs-taskdef.json': '{ "launchType": { "containers.json": "FARGATE" } }',
      'team/containers.json': CONTAINER_ARRAY,
      'team/task-def.json': WARNING_ONLY_TASK,
      'containers.json': CONTAINER_ARRAY,
    });
    const { results } = lintJson(dir);
    const byFile = Object.fromEntries(results.map((r) => [r.file.slice(dir.length + 1), r]));
    assert.equal(byFile['containers.json'].launchType, 'EC2');
    assert.equal(byFile['team/containers.json'].launchType, 'FARGATE');
    assert.ok(byFile['team/task-def.json'].diagnostics.some((d) => d.code === 'image-mutable-tag'), 'the outer config does not apply under team/');
  });

  it('--config uses one file for everything; --no-config uses none', () => {
    const dir = workspace({
      '.ecs-taskdef.json': '{ "rules": { "image-mutable-tag": "off" } }',
      'ci/strict.json': '{ "rules": { "image-mutable-tag": "error" } }',
      'task-def.json': WARNING_ONLY_TASK,
    });
    const file = join(dir, 'task-def.json');
    assert.ok(!codesOf(lintJson(file).results).includes('image-mutable-tag'));
    const strict = lintJson('--config', join(dir, 'ci/strict.json'), file);
    assert.equal(strict.status, 1);
    assert.equal(strict.results[0].diagnostics.find((d) => d.code === 'image-mutable-tag')?.severity, 'error');
    assert.equal(lintJson('--no-config', file).results[0].diagnostics.find((d) => d.code === 'image-mutable-tag')?.severity, 'warning');
    assert.equal(cli('lint', '--config', join(dir, 'missing.json'), file).status, 2);
  });

  it('a broken config stops the run with exit 2, naming the file, line and column of each problem', () => {
    const dir = workspace({
      '.ecs-taskdef.json': '{\n  "rules": {\n    "image-mutable-tagg": "off",\n    "root-user": "loud"\n  },\n  "launchtype": "FARGATE"\n}\n',
      'task-def.json': FARGATE_TASK,
    });
    const r = spawnCli(['lint', '.'], { cwd: dir });
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.equal(
      r.stderr,
      [
        'ecs-taskdef: Invalid config file .ecs-taskdef.json:',
        "  .ecs-taskdef.json:3:5: Unknown rule 'image-mutable-tagg' (did you mean 'image-mutable-tag'?). Run 'ecs-taskdef explain --list' for all rules.",
        '  .ecs-taskdef.json:4:18: Severity of \'root-user\' must be one of "off", "error", "warning", "information", "hint".',
        "  .ecs-taskdef.json:6:3: Unknown key 'launchtype' (did you mean 'launchType'?); allowed: rules, files, ignore, launchType, placeholderPatterns, taskDefinitions.",
        '',
      ].join('\n'),
    );
    const syntax = workspace({ '.ecs-taskdef.json': '{ "rules": { "root-user": "off" ', 'task-def.json': FARGATE_TASK });
    const s = spawnCli(['lint', 'task-def.json'], { cwd: syntax });
    assert.equal(s.status, 2);
    assert.match(s.stderr, /\.ecs-taskdef\.json:1:33: JSON syntax error: close brace expected/);
  });

  it('a placeholder pattern RE2 cannot run (a backreference) is a config problem: exit 2, the pattern and the reason named', () => {
    const task = FARGATE_TASK.replace('"name": "web"', `"name": "${'a'.repeat(30)}b"`);
    const dir = workspace({ '.ecs-taskdef.json': '{\n  "placeholderPatterns": ["^@@[A-Z]+@@$", "(a+)\\\\1"]\n}\n', 'task-def.json': task });
    const r = spawnCli(['lint', 'task-def.json'], { cwd: dir });
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.equal(
      r.stderr,
      [
        'ecs-taskdef: Invalid config file .ecs-taskdef.json:',
        "  .ecs-taskdef.json:2:43: Unsupported regular expression in placeholderPatterns: '(a+)\\1': backreferences (\\1, \\k<name>) are not supported (rewrite it without them); patterns run on RE2, a linear-time engine.",
        '',
      ].join('\n'),
    );
    assert.equal(spawnCli(['lint', '--no-config', 'task-def.json'], { cwd: dir }).status, 1, 'without the config the task is linted');
  });

  it("'(a+)+$' is used, and the lint ends on a name where a backtracking engine would try 2^50,000 ways", () => {
    const task = FARGATE_TASK.replace('"name": "web"', `"name": "${'a'.repeat(50_000)}b"`);
    const dir = workspace({ '.ecs-taskdef.json': '{ "placeholderPatterns": ["(a+)+$"] }', 'task-def.json': task });
    const r = spawnCli(['lint', 'task-def.json'], { cwd: dir });
    assert.equal(r.status, 1, r.stderr);
    assert.equal(r.stderr, '');
  });
});

describe('Terraform container definitions', () => {
  it('a templatefile() array is found by content and linted with the launch type from the config, placeholders kept quiet', () => {
    const dir = workspace({
      '.ecs-taskdef.json': '{ "launchType": { "modules/**": "FARGATE" } }',
      'modules/web/containers.json.tpl':
        '[\n  {\n    "name": "web",\n    "image": "${image}",\n    "essential": true,\n    "memory": ${memory},\n    "privileged": true,\n    "environment": ${jsonencode(env)}\n  }\n]\n',
      'modules/web/main.tf': 'resource "aws_ecs_task_definition" "web" {}\n',
    });
    const { results, status } = lintJson(dir);
    // The .tf is linted too (as Terraform); its resource does not load the template, so the template keeps the config's launch type.
    assert.deepEqual(filesOf(results, dir), ['modules/web/containers.json.tpl', 'modules/web/main.tf']);
    const r = results.find((x) => x.file.endsWith('.tpl'))!;
    assert.equal(results.find((x) => x.file.endsWith('.tf'))!.kind, 'terraform');
    assert.equal(r.kind, 'container-array');
    assert.equal(r.launchType, 'FARGATE');
    const loud = r.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning').map((d) => d.code);
    assert.deepEqual(loud, ['fargate-unsupported-parameter'], 'only the real mistake; ${…} values are placeholders');
    assert.equal(status, 1);
  });
});
