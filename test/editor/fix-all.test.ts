import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { compatibleFixes, fixAll } from '../../server/src/core/fixes/fix-all';
import { applyTextEdits, minimalEdit } from '../../server/src/core/fixes/edits';
import { lint } from '../../server/src/core/lint';
import { parseDocument } from '../../server/src/core/syntax/parse';
import type { Diagnostic } from '../../server/src/core/types';
import { changed } from '../helpers/task-texts';
import { commentsOf } from './cursor';

const COMMENTED = `// task for the web app
{
  "family": "old",
  "family": "web", // the real name
  /* launch */
  "requiresCompatibilities": ["FARGATE"],
  "networkMode": "awsvpc",
  "cpu": "256",
  "memory": "512",
  "containerDefinitions": [
    {
      "name": "web", // the app
      "image": "nginx:1.27",
      // must stay up
      "essential": "true",
      "memory": "256"
    }
  ]
}
`;

/** COMMENTED after fix-all: the first of the duplicate keys gone, and the two strings written as the types ECS wants. */
const EXPECTED = changed(COMMENTED, [
  ['  "family": "old",\n', ''],
  ['"essential": "true"', '"essential": true'],
  ['"memory": "256"', '"memory": 256'],
]);

describe('fixAll (core)', () => {
  it('applies every preferred fix and gives the exact text, comments and layout kept', () => {
    const r = fixAll(COMMENTED);
    assert.equal(r.text, EXPECTED);
    assert.equal(r.applied, 3);
    assert.equal(r.exhausted, false);
    for (const c of commentsOf(COMMENTED)) assert.ok(r.text.includes(c), `comment lost: ${c}`);
    assert.deepEqual(r.remaining.filter((d) => d.fixes?.some((f) => f.preferred)), []);
  });

  it('is idempotent: fixing the result again changes nothing', () => {
    const once = fixAll(COMMENTED).text;
    const twice = fixAll(once);
    assert.equal(twice.text, once);
    assert.equal(twice.applied, 0);
  });

  it('limits itself to the given rules', () => {
    const r = fixAll(COMMENTED, { rules: ['duplicate-key'] });
    assert.equal(r.applied, 1);
    assert.ok(!r.text.includes('"old"'));
    assert.ok(r.text.includes('"essential": "true"'), 'wrong-type left alone');
  });

  it('reports errors that remain (no preferred fix for them)', () => {
    const r = fixAll('{ "family": "x", "containerDefinitions": [ { "name": "a" } ] }');
    assert.ok(r.remaining.some((d) => d.code === 'missing-required' && d.severity === 'error'));
  });

  it('uses the lint result it is given for the first round', () => {
    const output = lint(COMMENTED);
    assert.equal(fixAll(COMMENTED, { initial: output }).text, EXPECTED);
  });

  it('stops after maxRounds and says so', () => {
    // Each round can only take one of these: both fixes touch the same key.
    const text = '{ "family": "a", "family": "b", "family": "c", "containerDefinitions": [] }';
    const r = fixAll(text, { maxRounds: 1 });
    assert.equal(r.rounds, 1);
    assert.equal(r.exhausted, true);
    assert.equal(fixAll(text).exhausted, false);
  });
});

describe('compatibleFixes', () => {
  const d = (offset: number, length: number, content = 'x', code = 'r'): Diagnostic => ({
    code,
    severity: 'error',
    message: '',
    range: { offset, length },
    fixes: [{ title: 't', preferred: true, edits: [{ offset, length, content }] }],
  });

  it('skips fixes whose edits overlap or meet an earlier one, and exact duplicates', () => {
    const fixes = compatibleFixes([d(0, 2), d(1, 2), d(2, 1), d(5, 1), d(5, 1), d(9, 0)]);
    assert.deepEqual(fixes.map((f) => f.edits[0].offset), [0, 5, 9]);
  });

  it('ignores diagnostics without a preferred fix and other rules', () => {
    const plain: Diagnostic = { code: 'r', severity: 'error', message: '', range: { offset: 0, length: 1 }, fixes: [{ title: 'x', edits: [{ offset: 0, length: 1, content: '' }] }] };
    assert.deepEqual(compatibleFixes([plain]), []);
    assert.deepEqual(compatibleFixes([d(0, 1, 'x', 'a'), d(4, 1, 'x', 'b')], ['b']).map((f) => f.edits[0].offset), [4]);
  });
});

describe('minimalEdit', () => {
  it('covers only the changed part', () => {
    assert.deepEqual(minimalEdit('abcdef', 'abXYef'), { offset: 2, length: 2, content: 'XY' });
    assert.equal(minimalEdit('same', 'same'), undefined);
    for (const [a, b] of [['', 'x'], ['abc', ''], ['aaa', 'aaaa'], ['{"a":1}', '{"a":1,"b":2}']]) {
      assert.equal(applyTextEdits(a, [minimalEdit(a, b)!]), b);
    }
  });
});

// Regression suite: the real corpus (test/corpus/files when present so CI works, else the shared copy).
const CORPUS = [join(__dirname, '..', 'corpus', 'files'), '/work/shared/corpus/files'].find((d) => existsSync(d)) ?? join(__dirname, '..', 'corpus', 'files');

describe('fix idempotency over the corpus', () => {
  const files = existsSync(CORPUS) ? readdirSync(CORPUS).sort() : [];
  it('has corpus files', () => assert.ok(files.length >= 50, `${files.length} files in ${CORPUS}`));
  let fixedFiles = 0;
  for (const name of files) {
    it(name, () => {
      const text = readFileSync(join(CORPUS, name), 'utf8');
      const once = fixAll(text);
      const twice = fixAll(once.text);
      assert.equal(once.exhausted, false, 'fixes still pending after the round limit');
      assert.equal(twice.text, once.text, 'applying all preferred fixes twice must equal once');
      assert.equal(twice.applied, 0);
      const before = parseDocument(text).syntaxErrors.length;
      assert.ok(parseDocument(once.text).syntaxErrors.length <= before, 'the fixed text parses as well as the original');
      for (const c of commentsOf(text)) assert.ok(once.text.includes(c), `comment lost: ${c}`);
      if (once.applied > 0) fixedFiles++;
    });
  }
  it('fixed something in a fair share of the corpus', () => assert.ok(fixedFiles >= 10, `only ${fixedFiles} files had a preferred fix`));
});
