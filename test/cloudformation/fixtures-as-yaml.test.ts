/**
 * Every rule fixture again as a CloudFormation YAML template (test/helpers/cfn-yaml.ts): a bad fixture's reports
 * appear in the template at the mapped key or value, a good fixture stays clean. The exceptions below are the
 * cases where a template is rightly judged differently; each must still disagree, so the list cannot go stale.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint } from '../../server/src/core/lint';
import { loadFixtures } from '../helpers/fixtures';
import { yamlDisagreements, yamlFixProblems } from './fixture-check';

export const YAML_EXCEPTIONS: Record<string, string> = {
  'json-syntax/bad-missing-comma.jsonc': 'a JSON syntax mistake has no YAML counterpart (a template gets its own syntax check)',
  'json-syntax/bad-placeholder.json': 'an unquoted JSON placeholder is a plain string in YAML',
  'read-only-property/bad-describe-wrapped.jsonc': 'describe output is not a template: read-only-property is off in templates',
  'read-only-property/bad-flat-describe-keys.jsonc': 'describe output is not a template: read-only-property is off in templates',
  'mount-point-unknown-volume/good-array.jsonc': 'a container array leaves volumes to another file; a resource is the whole task, so the missing volume is real',
  'restart-policy-range/bad-limits.jsonc': 'CloudFormation converts the string "1" to the integer the property takes',
  'wrong-type/bad-register.jsonc': 'CloudFormation converts 256 to "256" and "true" to true, so these types are not wrong in a template',
  'unknown-property/bad-register.jsonc': "'Essential' is CloudFormation's own spelling",
  'unknown-property/bad-array-case.jsonc': "'HealthCheck' is CloudFormation's own spelling",
  'missing-required/bad-register.jsonc': 'CloudFormation names the family after the stack when Family is absent',
  'container-not-in-array/bad-lone-container.jsonc': 'a lone container object is a shape of JSON files; a TaskDefinition resource holds its containers in ContainerDefinitions',
  'json-syntax/bad-terraform-directives.jsonc': 'Terraform directives (%{ if … }) belong to JSON files rendered by templatefile(); a YAML template has none',
  'unquoted-string-placeholder/bad-terraform-template.jsonc': 'an unquoted ${…} is a plain YAML string, so nothing renders to invalid JSON',
  'unrendered-template-reference/bad-terraform-and-cfn.jsonc': '{ "Ref": … } is a real intrinsic in a template, resolved at deploy time',
};

const fixtures = loadFixtures();

describe('rule fixtures as CloudFormation YAML', () => {
  it('covers every rule that has fixtures', () => {
    assert.ok(new Set(fixtures.map((f) => f.ruleId)).size >= 70);
  });
  for (const fx of fixtures) {
    const exception = YAML_EXCEPTIONS[fx.file];
    it(`${fx.file}${exception ? ' (differs on purpose)' : ''}`, () => {
      const problems = yamlDisagreements(fx);
      if (exception) assert.notDeepEqual(problems, [], `${fx.file} now agrees in YAML; drop its exception (${exception})`);
      else assert.deepEqual(problems, []);
    });
  }
  it('every exception names an existing fixture', () => {
    for (const file of Object.keys(YAML_EXCEPTIONS)) assert.ok(fixtures.some((f) => f.file === file), file);
  });
});

/**
 * Every fix a bad fixture offers in JSON, offered and applied in the YAML template: written in YAML (the result
 * reads without a syntax error) and the finding is gone. No rule is exempt: the fixes that used to be JSON-only
 * (keys added or removed, lists rewritten) go through the template's YAML writer.
 */
const FIXABLE_RULES = 66;

describe('rule fixes applied in CloudFormation YAML', () => {
  const bad = fixtures.filter((f) => f.kind === 'bad' && !YAML_EXCEPTIONS[f.file]);
  it('covers the rules that offer fixes', () => {
    const fixable = new Set(bad.filter((f) => lint(f.text, { fileName: 'taskdef.json' }).diagnostics.some((d) => d.code === f.ruleId && d.fixes?.length)).map((f) => f.ruleId));
    assert.ok(fixable.size >= FIXABLE_RULES, `${fixable.size} rules with fixes`);
  });
  for (const fx of bad) {
    it(fx.file, () => assert.deepEqual(yamlFixProblems(fx), []));
  }
});
