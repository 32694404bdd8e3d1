/**
 * Hostile inputs get an answer, not a crash or a hang: huge files, deep nesting, 100,000-element arrays, long
 * strings and lines, binary data, invalid UTF-8 and text that is not a task definition. Each case checks the
 * one clear diagnostic it must produce. (Timings are printed by scripts/fuzz.ts --hostile, not asserted here.)
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint, MAX_REPORTS_PER_RULE } from '../../server/src/core/lint';
import { parseDocument } from '../../server/src/core/syntax/parse';
import { MAX_NESTING_DEPTH, tooDeepOffset } from '../../server/src/core/syntax/unreadable-text';
import { lintOptionsFor } from '../../server/src/lsp/analysis';
import { normalizeSettings } from '../../server/src/lsp/settings';
import { HOSTILE, tenMegabyteTask } from './hostile-texts';

const codes = (text: string, options = {}) => lint(text, options).diagnostics.map((d) => d.code);

function assertRangesInside(text: string): void {
  for (const d of lint(text).diagnostics) {
    assert.ok(d.range.offset >= 0 && d.range.offset + d.range.length <= text.length, `${d.code} range ${JSON.stringify(d.range)}`);
  }
}

describe('huge files: only the cheap rules above ecsTaskdef.maxFileSize', () => {
  const big = tenMegabyteTask();

  it('a 10 MB task definition gets one information diagnostic naming the setting, and only cheap checks', () => {
    assert.ok(big.length > 10_000_000);
    const out = lint(big);
    const notLinted = out.diagnostics.filter((d) => d.code === 'not-linted');
    assert.equal(notLinted.length, 1);
    assert.equal(notLinted[0].severity, 'information');
    assert.match(notLinted[0].message, /ecsTaskdef\.maxFileSize/);
    const cheap = new Set(['not-linted', 'json-syntax', 'duplicate-key', 'task-definition-too-large']);
    assert.deepEqual(out.diagnostics.filter((d) => !cheap.has(d.code)), []);
  });

  it('raising the limit lints the same file fully (the limit is the setting, not a constant)', () => {
    const out = lint(big, { maxFullLintSize: 50_000_000 });
    assert.ok(!out.diagnostics.some((d) => d.code === 'not-linted'));
    assert.ok(out.diagnostics.some((d) => d.code === 'readonly-root-filesystem'), JSON.stringify(out.diagnostics.map((d) => d.code)));
  });

  it('the editor setting reaches the core: maxFileSize becomes maxFullLintSize', () => {
    const settings = normalizeSettings({ maxFileSize: 1000 });
    const options = lintOptionsFor('file:///w/task-def.json', settings);
    assert.equal(options.maxFullLintSize, 1000);
    const text = JSON.stringify({ family: 'x', containerDefinitions: [{ name: 'a', image: 'nginx', environment: Array.from({ length: 40 }, (_, i) => ({ name: `V${i}`, value: 'x' })) }] });
    assert.ok(text.length > 1000);
    assert.deepEqual(codes(text, options).filter((c) => c !== 'task-definition-too-large'), ['not-linted']);
  });
});

describe('deep nesting: one diagnostic, no tree work, no stack overflow', () => {
  for (const [name, text] of [
    ['10,000 nested objects', '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000)],
    ['10,000 nested arrays', '['.repeat(10_000) + ']'.repeat(10_000)],
    ['100,000 unclosed brackets', '['.repeat(100_000)],
    ['mismatched closers', '[}'.repeat(10_000)],
    ['deep value inside a valid task', `{"family":"x","containerDefinitions":[{"name":"a","image":"b","memory":512,"command":${'['.repeat(20_000)}${']'.repeat(20_000)}}]}`],
  ] as const) {
    it(name, () => {
      const out = lint(text);
      assert.deepEqual(out.diagnostics.map((d) => `${d.code} ${d.severity}`), ['not-linted information']);
      assert.match(out.diagnostics[0].message, new RegExp(`deeper than ${MAX_NESTING_DEPTH} levels`));
      assert.equal(out.diagnostics[0].range.offset, tooDeepOffset(text));
      assert.equal(out.parsed.root, undefined);
    });
  }

  it(`${MAX_NESTING_DEPTH} levels are still linted; one more is not`, () => {
    const at = (depth: number) => `{"family":"x","containerDefinitions":[{"name":"a","image":"b","memory":512,"dockerLabels":${'{"a":'.repeat(depth - 3)}"x"${'}'.repeat(depth - 3)}}]}`;
    assert.ok(parseDocument(at(MAX_NESTING_DEPTH)).root);
    assert.ok(!codes(at(MAX_NESTING_DEPTH)).includes('not-linted'));
    assert.ok(codes(at(MAX_NESTING_DEPTH + 1)).includes('not-linted'));
  });

  it('brackets inside strings and comments do not count', () => {
    const text = `// ${'['.repeat(500)}\n{"family":"${'['.repeat(5000)}", /* ${'{'.repeat(500)} */ "containerDefinitions":[]}`;
    assert.equal(tooDeepOffset(text), -1);
    assert.ok(!codes(text).includes('not-linted'));
  });

  it('a quote inside a template token cannot hide brackets from the check (it is re-run after token recovery)', () => {
    const text = `{"a": \${"}${'['.repeat(5000)}\n}`;
    assert.equal(tooDeepOffset(text), -1, 'the quote hides the brackets from the first scan');
    assert.deepEqual(codes(text), ['not-linted']);
  });
});

describe('Terraform template syntax in bulk', () => {
  it('200,000 unclosed ${ in one string and 40,000 directives: linted, one template note, ranges inside', () => {
    for (const text of [HOSTILE.unclosedInterpolations(), HOSTILE.manyDirectives()]) {
      const out = lint(text);
      assert.ok(out.diagnostics.filter((d) => /^This file is a Terraform template/.test(d.message)).length <= 1);
      assertRangesInside(text);
    }
  });
});

describe('100,000-element arrays: at most a hundred diagnostics per rule, and a note', () => {
  for (const [name, text, rule] of [
    ['container array of 100,000 numbers', HOSTILE.numberArray(), 'wrong-type'],
    ['100,000 empty containers', HOSTILE.emptyContainers(), 'missing-required'],
    ['100,000 copies of one environment variable', HOSTILE.duplicateEnvironment(), 'duplicate-environment-variable'],
    ['100,000 copies of one container name', HOSTILE.duplicateContainers(), 'duplicate-container-name'],
    ['100,000 null labels', HOSTILE.nullLabels(), 'null-value'],
  ] as const) {
    it(name, () => {
      const out = lint(text);
      const byCode = new Map<string, number>();
      for (const d of out.diagnostics) byCode.set(d.code, (byCode.get(d.code) ?? 0) + 1);
      for (const [code, n] of byCode) if (code !== 'not-linted') assert.ok(n <= MAX_REPORTS_PER_RULE, `${code}: ${n}`);
      assert.ok((byCode.get(rule) ?? 0) >= 1, `${rule} missing: ${JSON.stringify([...byCode])}`);
      if ((byCode.get(rule) ?? 0) === MAX_REPORTS_PER_RULE) {
        assert.ok(out.diagnostics.some((d) => d.code === 'not-linted' && /only the first/.test(d.message)), 'a note says the list is cut');
      }
      assertRangesInside(text);
    });
  }

  it('the cap note names the rule and sits on the first problem not listed', () => {
    const out = lint(HOSTILE.duplicateEnvironment());
    const note = out.diagnostics.find((d) => d.code === 'not-linted');
    assert.ok(note);
    assert.match(note.message, /^duplicate-environment-variable found more than 100 problems/);
    const listed = out.diagnostics.filter((d) => d.code === 'duplicate-environment-variable');
    assert.ok(note.range.offset > Math.max(...listed.map((d) => d.range.offset)));
  });
});

describe('long strings and lines', () => {
  it('a 600 KB value is quoted in messages and fix titles in short form', () => {
    const out = lint(HOSTILE.longValues(600_000));
    assert.ok(out.diagnostics.length > 3);
    for (const d of out.diagnostics) {
      assert.ok(d.message.length <= 1000, `${d.code}: ${d.message.length} characters`);
      for (const f of d.fixes ?? []) assert.ok(f.title.length <= 1000, `${d.code} fix: ${f.title.length}`);
    }
    assert.ok(out.diagnostics.some((d) => /x{60}…x{20}'/.test(d.message)), 'the value is shown as its start … end');
  });

  it('a 1 MB document on a single line', () => {
    const text = HOSTILE.singleLine();
    assert.ok(text.length > 1_000_000 && !text.includes('\n'));
    assert.ok(codes(text).includes('task-definition-too-large'));
    assertRangesInside(text);
  });
});

describe('binary data, invalid UTF-8, text that is not a task definition', () => {
  it('binary data (a NUL byte) gives one json-syntax error and nothing else', () => {
    const text = HOSTILE.binary();
    const out = lint(text);
    assert.deepEqual(out.diagnostics.map((d) => d.code), ['json-syntax']);
    assert.match(out.diagnostics[0].message, /binary data/);
    assert.equal(out.diagnostics[0].range.offset, text.indexOf('\0'));
  });

  it('control characters are escaped in messages', () => {
    const out = lint('{"family": \u0001\u0002 }');
    const m = out.diagnostics.find((d) => d.code === 'json-syntax')?.message ?? '';
    assert.match(m, /\\u0001/);
    assert.doesNotMatch(m, /[\u0000-\u001f]/);
  });

  it('bytes that are not UTF-8 (decoded to U+FFFD) are named as such', () => {
    const text = Buffer.from([0x7b, 0x22, 0x66, 0x22, 0x3a, 0x20, 0xff, 0xfe, 0x7d]).toString('utf8');
    const m = lint(text).diagnostics.find((d) => d.code === 'json-syntax')?.message ?? '';
    assert.match(m, /not valid UTF-8/);
  });

  it('plain text, YAML and bare values are not mistaken for task definitions', () => {
    const prose = lint('hello world, this is not JSON at all');
    assert.equal(prose.kind, 'invalid');
    assert.ok(prose.diagnostics.every((d) => d.code === 'json-syntax'));
    assert.ok(prose.diagnostics.length <= 20);
    assert.equal(lint('family: web\ncontainerDefinitions:\n  - name: a\n').kind, 'invalid');
    assert.deepEqual(lint('42').diagnostics, []);
    assert.equal(lint('42').kind, 'not-task-definition');
    assert.deepEqual(lint('').diagnostics, []);
  });

  it('a million commas: syntax errors stop at twenty', () => {
    const out = lint(','.repeat(1_000_000));
    assert.ok(out.diagnostics.length >= 1 && out.diagnostics.length <= 20);
  });
});
