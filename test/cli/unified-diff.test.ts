import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { unifiedDiff } from '../../server/src/cli/unified-diff';

/** A strict `patch`: every context and removed line must be where the header says; counts must add up. */
function applyPatch(before: string, diff: string): string {
  const lines = before.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  const patch = diff.split('\n');
  assert.match(patch[0], /^--- /);
  assert.match(patch[1], /^\+\+\+ /);
  const out: string[] = [];
  let at = 0; // index into lines
  let i = 2;
  while (i < patch.length && patch[i] !== '') {
    const h = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@$/.exec(patch[i]);
    assert.ok(h, `hunk header expected: ${patch[i]}`);
    const [aStart, aCount, , bCount] = [Number(h[1]), h[2] === undefined ? 1 : Number(h[2]), Number(h[3]), h[4] === undefined ? 1 : Number(h[4])];
    const from = aCount === 0 ? aStart : aStart - 1;
    assert.ok(from >= at, 'hunks in order, not overlapping');
    out.push(...lines.slice(at, from));
    at = from;
    let seenA = 0;
    let seenB = 0;
    i++;
    while (i < patch.length && /^[ +-]/.test(patch[i])) {
      const kind = patch[i][0];
      let line = patch[i].slice(1) + '\n';
      if (patch[i + 1] === '\\ No newline at end of file') {
        line = line.slice(0, -1);
        i++;
      }
      if (kind !== '+') {
        assert.equal(lines[at], line, `line ${at + 1} of the old text`);
        at++;
        seenA++;
      }
      if (kind !== '-') {
        out.push(line);
        seenB++;
      }
      i++;
    }
    assert.equal(seenA, aCount, 'old count');
    assert.equal(seenB, bCount, 'new count');
  }
  out.push(...lines.slice(at));
  return out.join('');
}

/** Length of the longest common subsequence of the two texts' lines (with their endings): what a minimal diff keeps. */
function lcs(a: string, b: string): number {
  const x = a.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  const y = b.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  const row = new Array<number>(y.length + 1).fill(0);
  for (let i = 1; i <= x.length; i++) {
    let diag = 0;
    for (let j = 1; j <= y.length; j++) {
      const up = row[j];
      row[j] = x[i - 1] === y[j - 1] ? diag + 1 : Math.max(row[j], row[j - 1]);
      diag = up;
    }
  }
  return row[y.length];
}

const lineArb = fc.constantFrom('{', '}', '  "a": 1,', '  "b": 2,', '', '  "c": [', '  ],', 'x');
const textArb = fc.tuple(fc.array(lineArb, { maxLength: 40 }), fc.boolean()).map(([ls, nl]) => ls.join('\n') + (nl && ls.length ? '\n' : ''));

describe('unified diff (fix --diff)', () => {
  it('prints diff -u hunks: 3 lines of context, nearby changes merged, counts of 1 left out', () => {
    const before = ['{', '  "a": 1,', '  "b": 2,', '  "c": 3,', '  "d": 4,', '  "e": 5,', '  "f": 6,', '  "g": 7,', '  "h": 8,', '  "i": 9,', '  "j": 10', '}', ''].join('\n');
    const after = before.replace('"a": 1', '"a": 10').replace('"j": 10', '"j": 100');
    assert.equal(
      unifiedDiff(before, after, 'x.json', 'x.json'),
      ['--- x.json', '+++ x.json', '@@ -1,5 +1,5 @@', ' {', '-  "a": 1,', '+  "a": 10,', '   "b": 2,', '   "c": 3,', '   "d": 4,',
        '@@ -8,5 +8,5 @@', '   "g": 7,', '   "h": 8,', '   "i": 9,', '-  "j": 10', '+  "j": 100', ' }', ''].join('\n'),
    );
    const close = before.replace('"a": 1', '"a": 10').replace('"g": 7', '"g": 70');
    assert.equal((unifiedDiff(before, close, 'x', 'x').match(/^@@/gm) ?? []).length, 1, 'changes 6 lines apart share a hunk');
    assert.equal(unifiedDiff('a\n', 'a\nb\n', 'x', 'x'), '--- x\n+++ x\n@@ -1 +1,2 @@\n a\n+b\n');
    assert.equal(unifiedDiff('', 'a\n', 'x', 'x'), '--- x\n+++ x\n@@ -0,0 +1 @@\n+a\n');
    assert.equal(unifiedDiff('same\n', 'same\n', 'x', 'x'), '');
  });

  it('a missing final newline is its own change, marked as diff marks it', () => {
    assert.equal(unifiedDiff('a\nb', 'a\nb\n', 'x', 'x'), '--- x\n+++ x\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n');
  });

  it('any two texts: applying the diff to the old text gives the new one, and an unchanged line is never removed and re-added', () => {
    fc.assert(
      fc.property(textArb, textArb, (a, b) => {
        const d = unifiedDiff(a, b, 'f', 'f');
        assert.equal(d === '', a === b);
        if (!d) return;
        assert.equal(applyPatch(a, d), b);
        const removed = (d.split('\n').slice(2).filter((l) => l.startsWith('-'))).length;
        const oldLines = (a.match(/[^\n]*\n|[^\n]+$/g) ?? []).length;
        assert.equal(removed, oldLines - lcs(a, b), 'minimal: every line of a longest common subsequence is kept');
      }),
      { numRuns: 400, seed: 13 },
    );
    // Minimal: one changed line in a long file is one removal and one addition.
    const long = Array.from({ length: 500 }, (_, i) => `line ${i % 7}`).join('\n') + '\n';
    const d = unifiedDiff(long, long.replace('line 3\nline 4', 'line 3\nLINE 4'), 'f', 'f');
    assert.equal((d.match(/^[-+][^-+]/gm) ?? []).length, 2, d);
  });

  it('git apply accepts it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecs-taskdef-diff-'));
    const before = readFileSync(join(__dirname, '..', 'e2e', 'workspace', 'web-fargate-taskdef.json'), 'utf8');
    const after = before.replace('"cpu": "256"', '"cpu": "512"').replace('"family": "web",\n', '"family": "web",\n  "taskRoleArn": "app",\n');
    writeFileSync(join(dir, 'task-def.json'), before);
    writeFileSync(join(dir, 'fix.diff'), unifiedDiff(before, after, 'task-def.json', 'task-def.json'));
    const r = spawnSync('git', ['apply', '-p0', 'fix.diff'], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(readFileSync(join(dir, 'task-def.json'), 'utf8'), after);
  });
});
