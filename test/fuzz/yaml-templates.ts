/**
 * Fuzz inputs and checks for CloudFormation YAML templates: the JSON seeds written as templates
 * (test/helpers/cfn-yaml.ts), then mutated as text with JSON and YAML snippets (tags, anchors, aliases, flow
 * brackets, block indicators, comments).
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyTextEdits } from '../../server/src/core/fixes/edits';
import type { LintOutput } from '../../server/src/core/lint';
import { fixtureToCfnYaml } from '../helpers/cfn-yaml';
import { applyTextMutation, seedText, textMutation } from './arbitraries';
import { assertRanges, fixesOf, lintChecked } from './properties';

const YAML_OPTIONS = { fileName: 'template.yaml' };
const YAML_SNIPPETS = ['!Ref P', '!GetAtt R.Arn', '!Sub "${X}"', '!If [C, 1, 2]', ' &a ', ' *a', '<<: *a', '\n  - ', '\n- ', ': ', ' # c', '"', "'", '{', '[', ']', '}', '\t', '---\n', '? ', '|\n  x', 'Ref: AWS::NoValue', '{{resolve:ssm:/p}}', '\u00e9\u{1F600}'];

function asTemplate(i: number): string {
  return fixtureToCfnYaml(seedText(i))?.text ?? 'AWSTemplateFormatVersion: "2010-09-09"\nResources: {}\n';
}

const yamlMutation = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), insert: fc.constantFrom(...YAML_SNIPPETS) }).map(({ at, insert }) => (t: string) => {
  const i = Math.floor(at * t.length);
  return t.slice(0, i) + insert + t.slice(i);
});

export const yamlTemplateText: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: fc.nat().map(asTemplate) },
  {
    weight: 3,
    arbitrary: fc.tuple(fc.nat(), fc.array(fc.oneof(textMutation.map((m) => (t: string) => applyTextMutation(t, m)), yamlMutation), { minLength: 1, maxLength: 4 })).map(([i, ms]) =>
      ms.reduce((t, m) => m(t), asTemplate(i)),
    ),
  },
);

/** Never throws, every range inside the text, same text same diagnostics. */
export function checkYamlCore(text: string): LintOutput {
  const first = lintChecked(text, YAML_OPTIONS);
  assertRanges(text, first.diagnostics);
  const again = lintChecked(text, YAML_OPTIONS);
  assert.deepEqual(JSON.stringify(again.diagnostics), JSON.stringify(first.diagnostics), 'same text, different diagnostics');
  return first;
}

const comments = (text: string): string[] => text.match(/(?<=\s)#[^\n]*/g) ?? [];

/** A YAML fix leaves a template that still parses, keeps every comment, and the fixed finding goes. */
export function checkYamlFixes(text: string, max = Infinity, choose: (n: number) => number = () => 0): void {
  const out = checkYamlCore(text);
  const broken = out.diagnostics.some((d) => d.code === 'json-syntax');
  for (const [d, f] of fixesOf(out, max, choose)) {
    const after = applyTextEdits(text, f.edits);
    const where = `${d.code} fix '${f.title}' on ${JSON.stringify(text.slice(0, 1500))}`;
    const next = lintChecked(after, YAML_OPTIONS);
    assertRanges(after, next.diagnostics);
    if (!broken) assert.ok(!next.diagnostics.some((x) => x.code === 'json-syntax'), `fix broke the YAML: ${where}`);
    const left = comments(after);
    for (const c of comments(text)) assert.ok(left.includes(c), `fix lost the comment ${c}: ${where}`);
    assert.ok(!next.diagnostics.some((x) => x.code === d.code && x.message === d.message && x.range.offset === d.range.offset), `the finding stays after its fix: ${where}`);
  }
}
