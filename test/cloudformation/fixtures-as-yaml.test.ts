/**
 * Every rule fixture again as a CloudFormation YAML template (test/helpers/cfn-yaml.ts): a bad fixture's reports
 * appear in the template at the mapped key or value, a good fixture stays clean. The exceptions below are the
 * cases where a template is rightly judged differently; each must still disagree, so the list cannot go stale.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadFixtures } from '../helpers/fixtures';
import { yamlDisagreements } from './fixture-check';

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
  'unrendered-template-reference/bad-terraform-and-cfn.jsonc': '{ "Ref": … } is a real intrinsic in a template, resolved at deploy time',
  'container-not-in-array/bad-lone-container.jsonc': "a template's ContainerDefinitions is always a list: a lone container has no template form",
  'json-syntax/bad-terraform-directives.jsonc': 'Terraform template directives (%{ if }…) are a JSON-file matter; a template has no counterpart',
  'unquoted-string-placeholder/bad-terraform-template.jsonc': 'an unquoted Terraform placeholder is a plain string in YAML',
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
