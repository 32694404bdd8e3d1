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
});
