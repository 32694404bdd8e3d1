import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { main } from '../../server/src/cli/main';
import { webTask } from '../helpers/task-texts';

const dir = mkdtempSync(join(tmpdir(), 'ecs-fix-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

function run(...argv: string[]): { code: number | undefined; out: string; err: string } {
  let out = '';
  let err = '';
  const code = main(argv, (s) => (out += s), (s) => (err += s));
  return { code, out, err };
}

const FIXABLE = webTask('{ "name": "web", "image": "nginx:1.27", "essential": "true", "memory": "256" }', { comment: 'web task', finalNewline: true });
const FIXED = FIXABLE.replace('"essential": "true"', '"essential": true').replace('"memory": "256"', '"memory": 256');

describe('ecs-taskdef fix', () => {
  it('applies the preferred fixes in place, keeps the comment, exits 0 when no error is left', () => {
    const p = file('a-task-def.json', FIXABLE);
    const r = run('fix', p);
    assert.equal(r.code, 0, r.out + r.err);
    assert.equal(readFileSync(p, 'utf8'), FIXED);
    assert.match(r.out, /applied 2 fixes, no errors left/);
  });

  it('--dry-run prints the fixed text and writes nothing', () => {
    const p = file('b-task-def.json', FIXABLE);
    const r = run('fix', '--dry-run', p);
    assert.equal(r.code, 0);
    assert.equal(r.out, FIXED);
    assert.equal(readFileSync(p, 'utf8'), FIXABLE);
  });

  it('--rule limits the fixes to that rule', () => {
    const p = file('c-task-def.json', FIXABLE);
    const r = run('fix', '--rule', 'wrong-type', '--dry-run', p);
    assert.equal(r.out, FIXED);
    const none = run('fix', '--rule=duplicate-key', '--dry-run', p);
    assert.equal(none.out, FIXABLE);
    // The error that only wrong-type would fix is still there.
    assert.equal(none.code, 1);
  });

  it('exits 1 when errors remain after fixing', () => {
    const p = file('d-task-def.json', '{ "family": "x", "containerDefinitions": [ { "name": "a" } ] }');
    const r = run('fix', p);
    assert.equal(r.code, 1);
    assert.match(r.out, /, 1 error left\n$/);
  });

  it('refuses unknown rules and missing files (exit 2)', () => {
    assert.equal(run('fix', '--rule', 'no-such-rule', file('e.json', '{}')).code, 2);
    assert.equal(run('fix', join(dir, 'missing.json')).code, 2);
    assert.equal(run('fix').code, 2);
  });

  it('--dry-run over several files labels each', () => {
    const a = file('f1-task-def.json', FIXABLE);
    const b = file('f2-task-def.json', FIXABLE);
    const r = run('fix', '--dry-run', a, b);
    assert.equal(r.out, `==> ${a} <==\n${FIXED}==> ${b} <==\n${FIXED}`);
  });
});

const DESCRIBED = `{
  "taskDefinition": {
    "taskDefinitionArn": "arn:aws:ecs:eu-west-1:123456789012:task-definition/web:3",
    "family": "web",
    "containerDefinitions": [{ "name": "web", "image": "nginx:1.27" }],
    "revision": 3,
    "status": "ACTIVE"
  },
  "tags": []
}
`;

describe('ecs-taskdef strip', () => {
  it('prints register input for describe output', () => {
    const p = file('g.json', DESCRIBED);
    const r = run('strip', p);
    assert.equal(r.code, 0);
    assert.equal(r.out, '{\n  "family": "web",\n  "containerDefinitions": [{ "name": "web", "image": "nginx:1.27" }]\n}\n');
    assert.equal(readFileSync(p, 'utf8'), DESCRIBED);
  });

  it('--write converts in place; a second run finds nothing to do', () => {
    const p = file('h.json', DESCRIBED);
    assert.match(run('strip', '--write', p).out, /converted to register input/);
    assert.ok(!readFileSync(p, 'utf8').includes('revision'));
    assert.match(run('strip', '--write', p).out, /already register input/);
  });

  it('needs exactly one file', () => {
    assert.equal(run('strip').code, 2);
    assert.equal(run('strip', 'a', 'b').code, 2);
  });

  describe('reads .ecs-taskdef.json like lint', () => {
    const project = mkdtempSync(join(tmpdir(), 'ecs-fix-config-'));
    after(() => rmSync(project, { recursive: true, force: true }));
    const TEMPLATED = webTask('{ "name": "web", "image": "nginx:1.27", "essential": "true", "memory": "@@MEMORY@@" }', { finalNewline: true });
    const write = (name: string, text: string) => {
      const p = join(project, name);
      writeFileSync(p, text);
      return p;
    };

    it('leaves rules the config turns off, and values matching its placeholder patterns, alone', () => {
      write('.ecs-taskdef.json', JSON.stringify({ rules: { 'wrong-type': 'off' }, placeholderPatterns: ['@@[A-Z]+@@'] }));
      const p = write('web-task-def.json', TEMPLATED);
      const r = run('fix', '--dry-run', p);
      assert.equal(r.out, TEMPLATED, 'nothing to fix: wrong-type is off and @@MEMORY@@ is a placeholder');
      const without = run('fix', '--dry-run', '--no-config', p);
      assert.match(without.out, /"essential": true/, 'without the config the fix applies');
    });

    it('--config names the config file; an invalid config is a usage error (exit 2)', () => {
      const other = write('other-config.json', JSON.stringify({ rules: { 'wrong-type': 'off' } }));
      const p = write('web-task-def.json', TEMPLATED.replace('"@@MEMORY@@"', '512'));
      assert.equal(run('fix', '--dry-run', '--no-config', p).out.includes('"essential": true'), true);
      assert.equal(run('fix', '--dry-run', '--config', other, p).out.includes('"essential": "true"'), true);
      write('.ecs-taskdef.json', '{ "rules": { "wrong-type": "sometimes" } }');
      const bad = run('fix', '--dry-run', p);
      assert.equal(bad.code, 2, bad.out + bad.err);
    });

    it('skips files the config ignores', () => {
      write('.ecs-taskdef.json', JSON.stringify({ ignore: ['generated/**'] }));
      mkdirSync(join(project, 'generated'), { recursive: true });
      const p = write('generated/web-task-def.json', FIXABLE);
      const r = run('fix', project);
      assert.equal(readFileSync(p, 'utf8'), FIXABLE, 'ignored file untouched');
      assert.doesNotMatch(r.out, /generated/);
    });
  });
});
