/**
 * Public CloudFormation templates (provenance in SOURCES.tsv): each lints as a template with every task
 * definition read, no error (they deploy as published), and the JSON and YAML editions of one template agree.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readTemplate } from '../../../server/src/core/documents/cfn-template';
import { shouldLint } from '../../../server/src/core/documents/file-detection';
import { applyTextEdits } from '../../../server/src/core/fixes/edits';
import { fixAll } from '../../../server/src/core/fixes/fix-all';
import { lint } from '../../../server/src/core/lint';

const DIR = join(__dirname, 'files');
const files = readdirSync(DIR).sort();
const read = (f: string) => readFileSync(join(DIR, f), 'utf8');
const findings = (f: string) => lint(read(f), { fileName: f }).diagnostics.map((d) => `${d.severity} ${d.code}: ${d.message}`);

describe('public CloudFormation templates', () => {
  it('SOURCES.tsv lists exactly the files', () => {
    const listed = readFileSync(join(__dirname, 'SOURCES.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t')[0]);
    assert.deepEqual(listed.sort(), files);
  });
  for (const f of files) {
    it(f, () => {
      const text = read(f);
      assert.ok(shouldLint(f, text), 'found by the file detection');
      const out = lint(text, { fileName: f });
      assert.equal(out.kind, 'cfn-template');
      const expectedSubjects = text.split('AWS::ECS::TaskDefinition').length - 1;
      assert.equal(readTemplate(text, /\.json$/.test(f) ? 'json' : 'yaml').subjects.length, expectedSubjects);
      assert.deepEqual(out.diagnostics.filter((d) => d.severity === 'error' || d.code === 'not-linted'), []);
    });
  }
  it('the JSON and YAML editions of a template get the same findings', () => {
    const pairs = files.filter((f) => f.endsWith('.json') && files.includes(f.replace(/\.json$/, '.yaml')));
    assert.ok(pairs.length >= 5);
    for (const json of pairs) assert.deepEqual(findings(json), findings(json.replace(/\.json$/, '.yaml')), json);
  });
  it('every fix offered on every template applies: still readable, every task definition and comment line kept, finding gone', () => {
    let applied = 0;
    const comments = (t: string) => t.split('\n').map((l) => l.trim()).filter((l) => l.startsWith('#'));
    for (const f of files) {
      const text = read(f);
      const syntax = /\.json$/.test(f) ? 'json' : 'yaml';
      const subjects = readTemplate(text, syntax).subjects.length;
      for (const d of lint(text, { fileName: f }).diagnostics) {
        for (const fix of d.fixes ?? []) {
          const fixed = applyTextEdits(text, fix.edits);
          const where = `${f}: ${d.code} '${fix.title}'`;
          const after = readTemplate(fixed, syntax);
          assert.deepEqual(after.syntaxErrors, [], where);
          assert.equal(after.subjects.length, subjects, where);
          assert.deepEqual(comments(fixed), comments(text), where);
          assert.ok(!lint(fixed, { fileName: f }).diagnostics.some((x) => x.code === d.code && x.message === d.message), `${where} leaves the finding`);
          applied++;
        }
      }
      const all = fixAll(text, { lint: { fileName: f } });
      assert.deepEqual(readTemplate(all.text, syntax).syntaxErrors, [], f);
    }
    assert.ok(applied >= 40, `fixes applied: ${applied}`);
  });
});
