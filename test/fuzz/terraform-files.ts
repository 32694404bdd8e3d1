/**
 * Fuzz inputs and checks for Terraform files: the JSON seeds written as .tf files (test/helpers/tf-hcl.ts), then
 * mutated as text with JSON and HCL snippets (interpolations, heredocs, references, calls, comments, braces).
 * The HCL parser must be loaded first (initHclFromDisk): the fuzz worker and the seeded test do that.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyTextEdits } from '../../server/src/core/fixes/edits';
import type { LintOutput } from '../../server/src/core/lint';
import { fixtureToTerraform } from '../helpers/tf-hcl';
import { applyTextMutation, seedText, textMutation } from './arbitraries';
import { assertRanges, fixesOf, lintChecked } from './properties';

const TF_OPTIONS = { fileName: 'main.tf' };
const HCL_SNIPPETS = ['${var.x}', '"${', '%{ if a }', 'var.x', 'aws_iam_role.r.arn', 'jsonencode(', 'file("c.json")', '<<EOT\n[]\nEOT\n', ' # c', ' // c', '/* c */', '{', '}', '[', ']', '(', ')', '=', ':', ',', '\n', '"', '\\', 'dynamic "volume" {', 'null', '-1', '? 1 : 2', '[for x in y : x]', '\u00e9\u{1F600}'];

function asTerraform(i: number): string {
  return fixtureToTerraform(seedText(i))?.text ?? 'resource "aws_ecs_task_definition" "x" {\n  family = "x"\n}\n';
}

const hclMutation = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), insert: fc.constantFrom(...HCL_SNIPPETS) }).map(({ at, insert }) => (t: string) => {
  const i = Math.floor(at * t.length);
  return t.slice(0, i) + insert + t.slice(i);
});

export const terraformText: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: fc.nat().map(asTerraform) },
  {
    weight: 3,
    arbitrary: fc.tuple(fc.nat(), fc.array(fc.oneof(textMutation.map((m) => (t: string) => applyTextMutation(t, m)), hclMutation), { minLength: 1, maxLength: 4 })).map(([i, ms]) =>
      ms.reduce((t, m) => m(t), asTerraform(i)),
    ),
  },
);

/** Never throws, every range inside the text, at most one HCL syntax error, same text same diagnostics. */
export function checkTerraformCore(text: string): LintOutput {
  const first = lintChecked(text, TF_OPTIONS);
  assertRanges(text, first.diagnostics);
  assert.ok(first.diagnostics.filter((d) => d.code === 'json-syntax' && d.message.startsWith('HCL')).length <= 1, 'more than one HCL syntax error');
  assert.ok(!first.diagnostics.some((d) => d.code === 'not-linted' && /loading/.test(d.message)), 'the HCL parser is not loaded');
  const again = lintChecked(text, TF_OPTIONS);
  assert.deepEqual(JSON.stringify(again.diagnostics), JSON.stringify(first.diagnostics), 'same text, different diagnostics');
  return first;
}

const comments = (text: string): string[] => text.match(/(?<=\s)(#|\/\/)[^\n]*/g) ?? [];

/** An HCL fix leaves a file that still parses, keeps every comment, and the fixed finding goes. */
export function checkTerraformFixes(text: string, max = Infinity, choose: (n: number) => number = () => 0): void {
  const out = checkTerraformCore(text);
  const broken = out.diagnostics.some((d) => d.code === 'json-syntax');
  for (const [d, f] of fixesOf(out, max, choose)) {
    const after = applyTextEdits(text, f.edits);
    const where = `${d.code} fix '${f.title}' on ${JSON.stringify(text.slice(0, 1500))}`;
    const next = lintChecked(after, TF_OPTIONS);
    assertRanges(after, next.diagnostics);
    if (!broken) assert.ok(!next.diagnostics.some((x) => x.code === 'json-syntax'), `fix broke the HCL: ${where}`);
    const left = comments(after);
    for (const c of comments(text)) if (!d.range || !(c.length > 0 && f.edits.some((e) => text.slice(e.offset, e.offset + e.length).includes(c)))) assert.ok(left.includes(c), `fix lost the comment ${c}: ${where}`);
  }
}
