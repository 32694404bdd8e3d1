/** `ecs-taskdef lint DIR` on a repository with GitHub workflows that deploy task-definition files. */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cli, spawnCli, workspace } from './cli-helpers';

const STARTER = join(__dirname, '..', 'fixtures', 'workspaces', 'github-starter');

interface JsonResult {
  file: string;
  kind: string;
  diagnostics: Array<{ code: string; severity: string; message: string; range: { start: { line: number; character: number } }; fixes: Array<{ title: string }> }>;
}

function lintJson(...args: string[]): { status: number | undefined; results: JsonResult[] } {
  const r = cli('lint', '--format', 'json', ...args);
  return { status: r.status, results: JSON.parse(r.stdout) as JsonResult[] };
}

describe('lint DIR: GitHub workflows (starter-workflow fixture)', () => {
  it('finds the deploying workflows, skips the others, and checks them against .aws/', () => {
    const { status, results } = lintJson(STARTER);
    assert.equal(status, 1);
    const rel = (f: string) => f.slice(STARTER.length + 1);
    assert.deepEqual(results.map((r) => [rel(r.file), r.kind]), [
      ['.aws/task-definition.json', 'register'],
      ['.aws/worker-task-definition.json', 'register'],
      ['.github/workflows/aws.yml', 'workflow'],
      ['.github/workflows/worker.yml', 'workflow'],
    ]);
    const aws = results[2].diagnostics;
    assert.deepEqual(aws.map((d) => [d.code, d.range.start.line + 1, d.range.start.character + 1]), [['unknown-container-reference', 14, 19]]);
    assert.equal(aws[0].message, "'webapp' is not a container of .aws/task-definition.json (did you mean 'web'?).");
    assert.deepEqual(aws[0].fixes.map((f) => f.title), ["Change to 'web'"]);
    const worker = results[3].diagnostics;
    assert.deepEqual(worker.map((d) => [d.code, d.range.start.line + 1]), [['unknown-task-definition-file', 10]]);
    assert.match(worker[0].message, /did you mean '\.aws\/worker-task-definition\.json'/);
    for (const r of results.slice(0, 2)) assert.deepEqual(r.diagnostics.filter((d) => d.severity !== 'hint').map((d) => d.code), []);
  });

  it('lints an explicit workflow file, and the repaired workflow is clean', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecs-taskdef-wf-'));
    try {
      cpSync(STARTER, dir, { recursive: true });
      const wf = join(dir, '.github', 'workflows', 'aws.yml');
      assert.equal(lintJson(wf).results[0].diagnostics.length, 1);
      writeFileSync(join(dir, '.github', 'workflows', 'worker.yml'), 'on: push\n');
      writeFileSync(wf, readFileSync(wf, 'utf8').replace('CONTAINER_NAME: webapp', 'CONTAINER_NAME: web'));
      const { status, results } = lintJson(dir);
      assert.equal(status, 0);
      assert.deepEqual(results.filter((r) => r.kind === 'workflow').map((r) => r.diagnostics.length), [0]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says nothing about files the job writes itself, and a repository without .github/workflows is scanned as before', () => {
    const dir = workspace({
      '.github/workflows/deploy.yaml':
        'on: push\njobs:\n  d:\n    runs-on: ubuntu-latest\n    steps:\n      - run: aws ecs describe-task-definition --task-definition app --query taskDefinition > task-definition.json\n      - id: r\n        uses: aws-actions/amazon-ecs-render-task-definition@v1\n        with:\n          task-definition: task-definition.json\n          container-name: app\n          image: x\n',
      '.github/ISSUE_TEMPLATE/bug.yml': 'name: Bug\nbody: []\n',
    });
    try {
      const { status, results } = lintJson(dir);
      assert.equal(status, 0);
      assert.deepEqual(results.map((r) => [r.kind, r.diagnostics.length]), [['workflow', 0]]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the text format points at the workflow line (real process)', () => {
    const r = spawnCli(['lint', STARTER]);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /\.github\/workflows\/aws\.yml:14:19 +error +'webapp' is not a container/);
  });

  it('fix DIR repairs the workflows in place, keeping comments, and lint is clean afterwards', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecs-taskdef-wf-fix-'));
    try {
      cpSync(STARTER, dir, { recursive: true });
      const r = cli('fix', dir);
      assert.equal(r.status, 0);
      assert.match(r.stdout, /aws\.yml: applied 1 fix, no errors left/);
      assert.match(r.stdout, /worker\.yml: applied 1 fix, no errors left/);
      const aws = readFileSync(join(dir, '.github', 'workflows', 'aws.yml'), 'utf8');
      assert.equal(aws, readFileSync(join(STARTER, '.github', 'workflows', 'aws.yml'), 'utf8').replace('CONTAINER_NAME: webapp ', 'CONTAINER_NAME: web '));
      assert.match(readFileSync(join(dir, '.github', 'workflows', 'worker.yml'), 'utf8'), /task-definition: \.aws\/worker-task-definition\.json\n/);
      assert.equal(lintJson(dir).status, 0);
      assert.match(cli('fix', '--rule', 'unknown-task-definition-file', dir).stdout, /aws\.yml: nothing to fix, no errors left/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('lint DIR: context flows back from the workflows into the task definitions they deploy', () => {
  const CROSS = join(__dirname, '..', 'fixtures', 'workspaces', 'cross-file');
  const TASK = readFileSync(join(CROSS, '.aws', 'task-definition.json'), 'utf8');

  it('fades the null value the deploy action drops and leaves out the empty image the render step fills', () => {
    const { status, results } = lintJson('--min-severity', 'hint', CROSS);
    assert.equal(status, 0);
    const task = results.find((r) => r.file.endsWith('task-definition.json'))!;
    const nulls = task.diagnostics.filter((d) => d.code === 'null-value');
    assert.deepEqual(nulls.map((d) => [d.severity, d.range.start.line + 1]), [['hint', 8]]);
    assert.equal(nulls[0].message, "'taskRoleArn' is null; deploy.yml deploys this file with amazon-ecs-deploy-task-definition, which drops it.");
  });

  it('checks the same task definition alone (no workflow deploys it) as before: a null-value warning and the empty image', () => {
    const dir = workspace({ '.aws/task-definition.json': TASK });
    try {
      const { results } = lintJson('--min-severity', 'hint', dir);
      const nulls = results[0].diagnostics.filter((d) => d.code === 'null-value');
      assert.deepEqual(nulls.map((d) => [d.severity, d.range.start.line + 1]).sort(), [['information', 12], ['warning', 8]]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps the image findings of a container no render step names, and describe-only keys fade only under the deploy action', () => {
    const dir = workspace({
      '.aws/td.json': JSON.stringify({
        family: 'f',
        revision: 4,
        containerDefinitions: [
          { name: 'web', image: 'shop:latest', memory: 256 },
          { name: 'worker', image: 'shop:latest', memory: 256 },
        ],
      }, null, 2),
      '.github/workflows/render-only.yml': [
        'on: push',
        'jobs:',
        '  build:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - uses: aws-actions/amazon-ecs-render-task-definition@v1',
        '        with:',
        '          task-definition: .aws/td.json',
        '          container-name: web',
        '          image: shop:${{ github.sha }}',
        '',
      ].join('\n'),
    });
    try {
      const { results } = lintJson('--min-severity', 'hint', dir);
      const task = results.find((r) => r.file.endsWith('td.json'))!;
      const tags = task.diagnostics.filter((d) => d.code === 'image-mutable-tag');
      assert.deepEqual(tags.map((d) => d.range.start.line + 1), [12], "only the worker's image: web's is rendered");
      const readOnly = task.diagnostics.filter((d) => d.code === 'read-only-property');
      assert.deepEqual(readOnly.map((d) => d.severity), ['warning'], 'a render step alone does not drop describe-only keys');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
