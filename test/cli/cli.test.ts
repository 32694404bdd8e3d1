import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const BIN = join(__dirname, '..', '..', 'bin', 'ecs-taskdef.js');
const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ecs-taskdef-cli-'));
  writeFileSync(join(dir, 'task-definition.json'), '{\n  "family": "web",\n  "containerDefinitions": [\n    { "name": "web", "image": "nginx:1.27", "essential": "yes", "memory": 512 }\n  ]\n}\n');
  writeFileSync(join(dir, 'clean-taskdef.json'), '{ "family": "web", "containerDefinitions": [ { "name": "web", "image": "nginx:1.27", "memory": 512, "essential": true } ] }\n');
  writeFileSync(join(dir, 'package.json'), '{ "name": "not-a-task-definition" }\n');
  mkdirSync(join(dir, 'infra'));
  writeFileSync(join(dir, 'infra', 'app.json'), '[ { "name": "app", "image": "app:1.0", "memory": 256, "essential": true } ]\n');
  return dir;
}

describe('ecs-taskdef CLI', () => {
  it('lint --format json prints exactly the documented shape and exits 1 on errors', () => {
    const dir = workspace();
    const r = run('lint', '--format', 'json', join(dir, 'task-definition.json'));
    assert.equal(r.status, 1, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.length, 1);
    assert.deepEqual(Object.keys(out[0]), ['file', 'kind', 'launchType', 'diagnostics']);
    assert.equal(out[0].kind, 'register');
    assert.equal(out[0].launchType, 'unknown');
    const d = out[0].diagnostics.find((x: { code: string }) => x.code === 'wrong-type');
    assert.deepEqual(Object.keys(d), ['code', 'severity', 'message', 'range', 'fixes']);
    assert.equal(d.severity, 'error');
    assert.deepEqual(d.range, { start: { line: 3, character: 57 }, end: { line: 3, character: 62 } });
    assert.ok(Array.isArray(d.fixes));
    for (const f of d.fixes) assert.deepEqual(Object.keys(f), ['title', 'preferred']);
  });

  it('text format: file:line:col  severity  message  rule-id, and a summary line', () => {
    const dir = workspace();
    const file = join(dir, 'task-definition.json');
    const r = run('lint', file);
    assert.equal(r.status, 1);
    assert.match(r.stdout, new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:4:58  error  'essential' must be a boolean.*  wrong-type$`, 'm'));
    assert.match(r.stdout, /✖ \d+ problems? \(\d+ errors?/);
  });

  it('searches directories with the file detection (name or content), skipping other JSON', () => {
    const dir = workspace();
    const r = run('lint', '--format', 'json', dir);
    const files = JSON.parse(r.stdout).map((x: { file: string }) => x.file.slice(dir.length + 1)).sort();
    assert.deepEqual(files, ['clean-taskdef.json', 'infra/app.json', 'task-definition.json']);
  });

  it('exits 0 when there are no errors', () => {
    const dir = workspace();
    const r = run('lint', join(dir, 'infra', 'app.json'));
    assert.equal(r.status, 0, r.stdout + r.stderr);
  });

  it('exits 2 with a clear message for a missing file, a bad option or no arguments', () => {
    const missing = run('lint', '/definitely/not/here.json');
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /No such file or directory: \/definitely\/not\/here\.json/);
    assert.equal(run('lint', '--format', 'xml', 'x.json').status, 2);
    assert.equal(run('lint').status, 2);
    assert.equal(run('frobnicate').status, 2);
  });

  it('explain prints a rule\'s docs and suggests ids for typos', () => {
    const r = run('explain', 'json-syntax');
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^json-syntax \(error\)/);
    const typo = run('explain', 'json-syntaxx');
    assert.equal(typo.status, 2);
    assert.match(typo.stderr, /Did you mean: json-syntax/);
  });
});
