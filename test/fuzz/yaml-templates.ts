/**
 * Fuzz inputs and checks for CloudFormation templates: the JSON seeds written as YAML templates
 * (test/helpers/cfn-yaml.ts) and real templates (seeds.ts: services, load balancers, parameters), then mutated
 * as text with JSON and YAML snippets (tags, anchors, aliases and alias loops, flow brackets, block indicators,
 * comments, tabs, BOM, CRLF, bytes that are not UTF-8); and the same templates as JSON (intrinsics in their
 * `Fn::` form), changed as values, printed with random layout and garbled as text like the task-definition cases.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyTextEdits } from '../../server/src/core/fixes/edits';
import type { LintOutput } from '../../server/src/core/lint';
import type { Diagnostic } from '../../server/src/core/types';
import { fixtureToCfnYaml } from '../helpers/cfn-yaml';
import { getNodeValue } from 'jsonc-parser';
import { readYaml } from '../../server/src/core/syntax/yaml';
import { applyTextMutation, applyValueMutation, layout, print, seedText, textMutation, valueMutation, type Json } from './arbitraries';
import { loadTemplateSeeds } from './seeds';
import { parseDocument } from '../../server/src/core/syntax/parse';
import { assertRanges, type Comment, commentsOf, fixesOf, lintChecked, mayDrop } from './properties';

const YAML_OPTIONS = { fileName: 'template.yaml' };
const JSON_OPTIONS = { fileName: 'template.json' };
const YAML_SNIPPETS = ['!Ref P', '!GetAtt R.Arn', '!Sub "${X}"', '!If [C, 1, 2]', ' &a ', ' *a', '<<: *a', '\n  - ', '\n- ', ': ', ' # c', '"', "'", '{', '[', ']', '}', '\t', '---\n', '? ', '|\n  x', 'Ref: AWS::NoValue', '{{resolve:ssm:/p}}', '\u00e9\u{1F600}', ' &a [*a]', ' &b {x: *b}', ' *nowhere', '\uFFFD', '\0', '\uFEFF', '\r\n', '\t- ', '? [a]: b', '!!binary aGk=', '.inf', '0x1F', '~'];

function asTemplate(i: number): string {
  return fixtureToCfnYaml(seedText(i))?.text ?? 'AWSTemplateFormatVersion: "2010-09-09"\nResources: {}\n';
}

const yamlMutation = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), insert: fc.constantFrom(...YAML_SNIPPETS) }).map(({ at, insert }) => (t: string) => {
  const i = Math.floor(at * t.length);
  return t.slice(0, i) + insert + t.slice(i);
});

const yamlSeeds = () => loadTemplateSeeds().filter((s) => !s.name.endsWith('.json'));
/** A real YAML template (services, load balancers, parameters): `i` picks one. */
const realTemplate = (i: number): string => yamlSeeds()[i % yamlSeeds().length].text;
const mutations = fc.array(fc.oneof(textMutation.map((m) => (t: string) => applyTextMutation(t, m)), yamlMutation), { minLength: 1, maxLength: 4 });

export const yamlTemplateText: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: fc.nat().map(asTemplate) },
  { weight: 3, arbitrary: fc.tuple(fc.nat(), mutations).map(([i, ms]) => ms.reduce((t, m) => m(t), asTemplate(i))) },
  { weight: 1, arbitrary: fc.nat().map(realTemplate) },
  { weight: 2, arbitrary: fc.tuple(fc.nat(), mutations).map(([i, ms]) => ms.reduce((t, m) => m(t), realTemplate(i))) },
);

/**
 * A seed's YAML template as JSON: the converted tree's value (short-form tags become their `Fn::` objects); one
 * pick in four is a real template (YAML ones converted the same way).
 */
function asJsonTemplate(i: number): Json | undefined {
  const seeds = loadTemplateSeeds();
  const text = i % 4 === 3 ? seeds[(i >> 2) % seeds.length].text : asTemplate(i);
  const root = text.trimStart().startsWith('{') ? parseDocument(text).root : readYaml(text).root;
  return root ? (getNodeValue(root) as Json) : undefined;
}

/** JSON templates: values changed and printed with a random layout, then (mostly) garbled as text. */
export const jsonTemplateText: fc.Arbitrary<string> = fc
  .tuple(fc.nat(), fc.array(valueMutation, { maxLength: 3 }), layout, fc.array(textMutation, { maxLength: 3 }))
  .map(([i, vms, l, tms]) => {
    const v = asJsonTemplate(i);
    const text = v === undefined ? '{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {}}' : print(vms.reduce((acc, m) => applyValueMutation(acc, m), v), l);
    return tms.reduce((t, m) => applyTextMutation(t, m), text);
  });

/** Never throws, every range inside the text, same text same diagnostics. */
export function checkYamlCore(text: string, options: { fileName: string } = YAML_OPTIONS): LintOutput {
  const first = lintChecked(text, options);
  assertRanges(text, first.diagnostics);
  const again = lintChecked(text, options);
  assert.deepEqual(JSON.stringify(again.diagnostics), JSON.stringify(first.diagnostics), 'same text, different diagnostics');
  return first;
}

const yamlComments = (text: string): Comment[] => [...text.matchAll(/(?<=\s)#[^\r\n]*/g)].map((m) => ({ offset: m.index, length: m[0].length, text: m[0] }));

/** A YAML fix leaves a template that still parses, keeps every comment, and the fixed finding goes. */
export function checkYamlFixes(text: string, max = Infinity, choose: (n: number) => number = () => 0, options: { fileName: string } = YAML_OPTIONS): void {
  const out = checkYamlCore(text, options);
  const broken = out.diagnostics.some((d) => d.code === 'json-syntax');
  const json = options.fileName.endsWith('.json');
  const root = json ? parseDocument(text).root : readYaml(text).root;
  // A JSON template's comments are `//` and `/* */` (a `#` there is inside a string, e.g. a colour in a command).
  const comments = json ? commentsOf : yamlComments;
  for (const [d, f] of fixesOf(out, max, choose)) {
    const after = applyTextEdits(text, f.edits);
    const where = `${d.code} fix '${f.title}' on ${JSON.stringify(text.slice(0, 1500))}`;
    const next = lintChecked(after, options);
    assertRanges(after, next.diagnostics);
    if (!broken) assert.ok(!next.diagnostics.some((x) => x.code === 'json-syntax'), `fix broke the YAML: ${where}`);
    // As for JSON: a comment inside a value the fix removed or replaced may go with it, no other.
    const left = new Map<string, number>();
    for (const c of comments(after)) left.set(c.text, (left.get(c.text) ?? 0) + 1);
    for (const c of comments(text)) {
      if (mayDrop(c, f, root, text, after)) continue;
      const n = left.get(c.text) ?? 0;
      assert.ok(n > 0, `fix lost the comment ${c.text}: ${where}`);
      left.set(c.text, n - 1);
    }
    // The finding goes: one fewer of its kind (a twin, e.g. the same link listed twice, may move into its place).
    const same = (list: readonly Diagnostic[]) => list.filter((x) => x.code === d.code && x.message === d.message).length;
    assert.ok(same(next.diagnostics) < same(out.diagnostics), `the finding stays after its fix: ${where}`);
  }
}

/** The JSON-template checks: the core properties, and fixes that keep the template parsing. */
export const checkJsonTemplateCore = (text: string): LintOutput => checkYamlCore(text, JSON_OPTIONS);
export const checkJsonTemplateFixes = (text: string, max = Infinity, choose: (n: number) => number = () => 0): void => checkYamlFixes(text, max, choose, JSON_OPTIONS);
