/**
 * Terraform files in the shapes public configurations use (SOURCES.tsv says which public file each one is
 * modelled on; they are written here, not copied): each parses, every aws_ecs_task_definition is read, the
 * files they load are linted with the resource's settings, and the findings are the ones listed in
 * expected.json (reviewed by hand: each is a real mistake of that shape).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { shouldLint } from '../../../server/src/core/documents/file-detection';
import { lint } from '../../../server/src/core/lint';
import { readTerraform } from '../../../server/src/core/documents/tf-module';
import type { TerraformOutput } from '../../../server/src/core/documents/lint-terraform';
import { lintLoadedFiles } from '../../../server/src/cli/terraform-files';
import { initHclFromDisk } from '../../../server/src/lsp/node/hcl-wasm';

const DIR = join(__dirname, 'files');
const files = readdirSync(DIR).filter((f) => f.endsWith('.tf')).sort();
const expected = JSON.parse(readFileSync(join(__dirname, 'expected.json'), 'utf8')) as Record<string, string[]>;

/** `code line:col message` of a file's findings and of the files it loads. */
export function regressionFindings(f: string): string[] {
  const path = join(DIR, f);
  const text = readFileSync(path, 'utf8');
  const out = lint(text, { fileName: path }) as TerraformOutput;
  const lines = (t: string, file: string, ds: typeof out.diagnostics) =>
    ds.map((d) => {
      const before = t.slice(0, d.range.offset).split('\n');
      return `${file}:${before.length}:${before[before.length - 1].length + 1} ${d.severity} ${d.code}: ${d.message}`;
    });
  const tfDiagnostics = [...out.diagnostics];
  const loaded = lintLoadedFiles(path, out, { fileName: path }, tfDiagnostics);
  return [...lines(text, f, tfDiagnostics), ...loaded.flatMap((l) => lines(l.text, l.path.slice(DIR.length + 1), l.diagnostics))];
}

describe('Terraform files in public shapes', () => {
  before(() => initHclFromDisk());
  it('SOURCES.tsv and expected.json list exactly the files', () => {
    const listed = readFileSync(join(__dirname, 'SOURCES.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t')[0]);
    assert.deepEqual(listed.sort(), files);
    assert.deepEqual(Object.keys(expected).sort(), files);
  });
  for (const f of files) {
    it(f, () => {
      const text = readFileSync(join(DIR, f), 'utf8');
      assert.ok(shouldLint(f, text), 'found by the file detection');
      const module = readTerraform(text)!;
      assert.equal(module.syntaxError, undefined);
      assert.equal(module.subjects.length, text.split('resource "aws_ecs_task_definition"').length - 1);
      assert.deepEqual(regressionFindings(f), expected[f]);
    });
  }
});
