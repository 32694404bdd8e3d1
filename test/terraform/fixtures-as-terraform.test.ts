/**
 * Every rule fixture again as a Terraform file (test/helpers/tf-hcl.ts): task fields as arguments and blocks, the
 * containers in jsonencode(...). A bad fixture's reports appear in the .tf at the mapped key or value, a good
 * fixture stays clean. The exceptions are where Terraform is rightly judged differently; each must still
 * disagree, so the list cannot go stale.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { loadFixtures } from '../helpers/fixtures';
import { terraformDisagreements } from './fixture-check';
import { initHclFromDisk } from '../../server/src/lsp/node/hcl-wasm';

const UNQUOTED = 'an unquoted ${…} inside a JSON list is not HCL (Terraform writes concat() or a reference there), so the generated file does not parse';
const NULL_ABSENT = 'a task-level argument set to null is absent in Terraform; the finding is on the resource instead of the null';
const NOT_AN_ARGUMENT = 'a task-level key that aws_ecs_task_definition has no argument for: Terraform itself refuses it (terraform validate), so it is not carried over';

export const TERRAFORM_EXCEPTIONS: Record<string, string> = {
  'container-memory-required/good-placeholder.jsonc': UNQUOTED,
  'depends-on-unknown-container/good-templated-list.json': UNQUOTED,
  'firelens-container-missing/good-templated-router.jsonc': UNQUOTED,
  'health-check-range/good-bounds.jsonc': UNQUOTED,
  'no-essential-container/good-templated-list.jsonc': UNQUOTED,
  'proxy-configuration-container/good-templated-list.jsonc': UNQUOTED,
  'unquoted-string-placeholder/bad-terraform-template.jsonc': UNQUOTED,
  'unquoted-string-placeholder/good-quoted-or-encoded.jsonc': UNQUOTED,
  'json-syntax/bad-placeholder.json': UNQUOTED,
  'json-syntax/bad-missing-comma.jsonc': 'HCL object constructors need no commas between members on separate lines, so the JSON mistake is valid HCL',
  'json-syntax/bad-terraform-directives.jsonc': 'template directives belong to files rendered by templatefile(), not to HCL expressions',
  'fargate-task-size-required/bad-fargate-null-memory.jsonc': NULL_ABSENT,
  'null-value/bad-register.jsonc': NULL_ABSENT,
  'invalid-format/bad-container-strings.jsonc': 'task tags are a Terraform map (tags = { … }) that the reader does not carry over; the container findings agree',
  'misplaced-property/bad-register.jsonc': NOT_AN_ARGUMENT,
  'unknown-property/bad-register.jsonc': NOT_AN_ARGUMENT,
  'read-only-property/bad-describe-wrapped.jsonc': 'describe output is not a resource: read-only fields have no Terraform argument',
  'read-only-property/bad-flat-describe-keys.jsonc': 'describe output is not a resource: read-only fields have no Terraform argument',
  'container-not-in-array/bad-lone-container.jsonc': 'a lone container object is a shape of JSON files; the generated resource wraps it in jsonencode([…])',
  'mount-point-unknown-volume/good-array.jsonc': 'a container array leaves volumes to another file; a resource is the whole task, so the missing volume is real',
  'no-essential-container/bad-array.jsonc': 'in a resource the finding sits on the container_definitions argument, not on the bare array a container-array file starts with',
  'wrong-type/bad-register.jsonc': 'Terraform converts cpu = 256 to the string the provider takes, so that type is not wrong in a .tf file',
};

const fixtures = loadFixtures();

describe('rule fixtures as Terraform', () => {
  before(() => initHclFromDisk());
  it('covers every rule that has fixtures', () => {
    assert.ok(new Set(fixtures.map((f) => f.ruleId)).size >= 70);
  });
  for (const fx of fixtures) {
    const exception = TERRAFORM_EXCEPTIONS[fx.file];
    it(`${fx.file}${exception ? ' (differs on purpose)' : ''}`, () => {
      const problems = terraformDisagreements(fx);
      if (exception) assert.notDeepEqual(problems, [], `${fx.file} now agrees in Terraform; drop its exception (${exception})`);
      else assert.deepEqual(problems, []);
    });
  }
  it('every exception names an existing fixture', () => {
    for (const file of Object.keys(TERRAFORM_EXCEPTIONS)) assert.ok(fixtures.some((f) => f.file === file), file);
  });
});
