/**
 * Regression over 80 real task definitions (test/corpus/files, provenance in INDEX.tsv).
 * 1. Every JSON-like file lints without throwing, and its full result equals the reviewed expected.json.
 * 2. Independently of expected.json: the catalog's corpus targets (targets.ts, RULES.md §5) are found with the
 *    right rule and severity, and files without an error target get no error.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { findNodeAtOffset } from 'jsonc-parser';
import { shouldLint } from '../../server/src/core/documents/file-detection';
import { lint } from '../../server/src/core/lint';
import { corpusFiles, EXPECTED_PATH, FILES_DIR, isSkipped, lintCorpusFile, readCorpusFile, readIndex, type CorpusResult } from './corpus-lint';
import { CORPUS_TARGETS, MISTAKE_FILES } from './targets';

const files = corpusFiles();
const linted = files.filter((f) => !isSkipped(f));
const index = readIndex();
const expected = JSON.parse(readFileSync(EXPECTED_PATH, 'utf8')) as { skipped: string[]; files: Record<string, CorpusResult> };

const results = new Map<string, CorpusResult>();
function result(file: string): CorpusResult {
  let r = results.get(file);
  if (!r) results.set(file, (r = lintCorpusFile(file)));
  return r;
}

function lineText(file: string, line: number): string {
  return readCorpusFile(file).split(/\r\n|\r|\n/)[line - 1] ?? '';
}

describe('corpus integrity', () => {
  it('INDEX.tsv lists exactly the 80 files in files/', () => {
    assert.equal(files.length, 80);
    assert.deepEqual(index.map((r) => r.file).sort(), files);
  });
  it('files are byte-exact copies (sizes match the INDEX notes)', () => {
    for (const row of index) {
      const m = /(\d+) bytes/.exec(row.notes);
      assert.ok(m, `${row.file}: INDEX note has no byte count`);
      assert.equal(readFileSync(join(FILES_DIR, row.file)).length, Number(m[1]), `${row.file} was modified`);
    }
  });
  it('no file is skipped, and the file detection picks up every CloudFormation template (YAML and JSON)', () => {
    assert.deepEqual(files.filter(isSkipped), expected.skipped);
    assert.deepEqual(expected.skipped, []);
    for (const row of index.filter((r) => r.kind === 'cfn-template')) {
      assert.equal(shouldLint(row.file, readCorpusFile(row.file)), true, `${row.file} is not picked up by the file detection`);
    }
  });
});

describe('corpus results equal test/corpus/expected.json (regenerate: npm run corpus:update, then review)', () => {
  it('expected.json covers exactly the linted files', () => {
    assert.deepEqual(Object.keys(expected.files).sort(), linted);
  });
  for (const file of linted) {
    it(file, () => {
      const got = result(file); // throws (and fails) if the linter crashes
      assert.deepEqual(got, expected.files[file]);
    });
  }
});

describe('corpus targets of the catalog (RULES.md §5)', () => {
  for (const entry of CORPUS_TARGETS) {
    describe(entry.file, () => {
      it('is a corpus file', () => assert.ok(existsSync(join(FILES_DIR, entry.file)), entry.file));
      for (const t of entry.targets) {
        it(`${t.rule} → ${t.severity}${t.count ? ` ×${t.count}` : ''}`, () => {
          const hits = result(entry.file).diagnostics.filter((d) => d.code === t.rule && d.severity === t.severity);
          const all = result(entry.file).diagnostics.filter((d) => d.code === t.rule);
          const shown = JSON.stringify(all.map((d) => `${d.line} ${d.severity}: ${d.message}`));
          assert.ok(hits.length > 0, `${entry.label}: expected ${t.rule} (${t.severity}); this rule reported ${shown}`);
          if (t.count !== undefined) assert.equal(hits.length, t.count, `${t.rule} count; got ${shown}`);
          for (const at of t.at ?? []) {
            assert.ok(hits.some((d) => lineText(entry.file, d.line).includes(at)), `no ${t.rule} on a line containing ${at}; got ${shown}`);
          }
        });
      }
      if (MISTAKE_FILES.has(entry.file)) {
        it('its only errors are the expected ones', () => {
          const allowed = new Set(entry.targets.filter((t) => t.severity === 'error').map((t) => t.rule));
          const extra = result(entry.file).diagnostics.filter((d) => d.severity === 'error' && !allowed.has(d.code));
          assert.deepEqual(extra, [], 'errors beyond the catalog targets');
        });
      }
    });
  }
});

describe('signal over noise on the corpus (issue 13)', () => {
  const all = Object.entries(expected.files);
  const shown = (d: { severity: string }) => d.severity !== 'hint';
  it('a describe dump gets at most one read-only-property finding per file (the other keys are hints)', () => {
    const over = all.filter(([, r]) => r.diagnostics.filter((d) => d.code === 'read-only-property' && shown(d)).length > 1).map(([f]) => f);
    assert.deepEqual(over, []);
    assert.ok(all.some(([, r]) => r.diagnostics.some((d) => d.code === 'read-only-property' && d.severity === 'hint')), 'the faded keys are still there');
  });

  it('no warning-level image-mutable-tag by default', () => {
    const warned = all.flatMap(([f, r]) => r.diagnostics.filter((d) => d.code === 'image-mutable-tag' && d.severity !== 'information').map((d) => `${f}:${d.line}`));
    assert.deepEqual(warned, []);
  });

  it('at most one non-hint null-value finding per object', () => {
    const over: string[] = [];
    for (const file of linted) {
      const text = readCorpusFile(file);
      const out = lint(text, { fileName: file });
      const perObject = new Map<number, number>();
      for (const d of out.diagnostics) {
        if (d.code !== 'null-value' || !shown(d)) continue;
        const at = findNodeAtOffset(out.parsed.root!, d.range.offset);
        // The object holding the key: a null value's property's parent, or for a key (an all-empty object) the same.
        const obj = at?.parent?.type === 'property' ? at.parent.parent : at?.parent;
        perObject.set(obj?.offset ?? -1, (perObject.get(obj?.offset ?? -1) ?? 0) + 1);
      }
      for (const [offset, n] of perObject) if (n > 1) over.push(`${file}@${offset}: ${n}`);
    }
    assert.deepEqual(over, []);
  });
});

describe('files that work get no error', () => {
  for (const file of linted.filter((f) => !MISTAKE_FILES.has(f))) {
    it(file, () => {
      const errors = result(file).diagnostics.filter((d) => d.severity === 'error');
      assert.deepEqual(errors, []);
    });
  }
  it('every CloudFormation template (YAML and JSON) is linted as a template, with no error', () => {
    for (const row of index.filter((r) => r.kind === 'cfn-template')) {
      assert.equal(result(row.file).kind, 'cfn-template', row.file);
      assert.ok(result(row.file).diagnostics.every((d) => d.code !== 'not-linted' && d.severity !== 'error'), row.file);
    }
  });
});
