/** The JSON Schema VS Code uses for `.ecs-taskdef.json` is current and agrees with the linter's own config check. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'jsonc-parser';
import { buildConfigSchema, CONFIG_SCHEMA_FILE, serializeConfigSchema } from '../../scripts/schema/config-schema';
import { parseConfig } from '../../server/src/core/config/project-config';
import { ALL_RULES } from '../../server/src/core/rules';

const ROOT = join(__dirname, '..', '..');

// Structural cases only: regex safety and empty-pattern details are the linter's own (messages with reasons).
const CASES: Array<[string, string]> = [
  ['empty', '{}'],
  ['comments and $schema', '// project settings\n{ "$schema": "./node_modules/ecs-taskdef/schemas/ecs-taskdef-config.schema.json" }'],
  ['rules', '{ "rules": { "image-mutable-tag": "off", "root-user": "error", "fargate-cpu-memory": "hint" } }'],
  ['unknown rule', '{ "rules": { "image-mutable-tags": "off" } }'],
  ['bad severity', '{ "rules": { "root-user": "warn" } }'],
  ['rules not an object', '{ "rules": ["root-user"] }'],
  ['files and ignore', '{ "files": ["deploy/*.json"], "ignore": ["generated/**"] }'],
  ['empty glob', '{ "files": [""] }'],
  ['glob not a string', '{ "ignore": [3] }'],
  ['files not an array', '{ "files": "deploy/*.json" }'],
  ['one launch type', '{ "launchType": "FARGATE" }'],
  ['launch type by glob', '{ "launchType": { "ec2/**": "EC2", "**": "FARGATE" } }'],
  ['bad launch type', '{ "launchType": "fargate" }'],
  ['bad launch type by glob', '{ "launchType": { "**": "LAMBDA" } }'],
  ['launch type not a string or object', '{ "launchType": 1 }'],
  ['placeholder pattern', '{ "placeholderPatterns": ["@@[A-Z_]+@@"] }'],
  ['invalid regex', '{ "placeholderPatterns": ["(unclosed"] }'],
  ['unknown key', '{ "rule": {} }'],
  ['not an object', '[]'],
];

describe('schemas/ecs-taskdef-config.schema.json', () => {
  const schema = buildConfigSchema();
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);

  it('is current (npm run schema writes it)', () => {
    assert.equal(readFileSync(join(ROOT, CONFIG_SCHEMA_FILE), 'utf8'), serializeConfigSchema());
  });

  it('lists every rule with its severities', () => {
    const rules = (schema.properties as { rules: { properties: Record<string, { enum: string[] }> } }).rules.properties;
    assert.deepEqual(Object.keys(rules).sort(), ALL_RULES.map((r) => r.id).sort());
    for (const r of Object.values(rules)) assert.deepEqual(r.enum, ['off', 'error', 'warning', 'information', 'hint']);
  });

  for (const [name, text] of CASES) {
    it(`agrees with the linter's config check: ${name}`, () => {
      const linter = parseConfig(text).problems.length === 0;
      const bySchema = validate(parse(text)) as boolean;
      assert.equal(bySchema, linter, `schema says ${bySchema}, linter says ${linter}: ${JSON.stringify(validate.errors)}`);
    });
  }

  it('VS Code uses it for .ecs-taskdef.json, read as JSON with comments, and the .vsix ships it', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    assert.deepEqual(pkg.contributes.jsonValidation, [{ fileMatch: '.ecs-taskdef.json', url: `./${CONFIG_SCHEMA_FILE}` }]);
    assert.ok(pkg.contributes.languages.some((l: { id: string; filenames?: string[] }) => l.id === 'jsonc' && l.filenames?.includes('.ecs-taskdef.json')));
    assert.match(readFileSync(join(ROOT, '.vscodeignore'), 'utf8'), /^!schemas\/\*\.json$/m);
  });
});
