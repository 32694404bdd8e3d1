/** The SchemaStore form of the task-definition schema (scripts/schema/schemastore.ts): current, strict draft-07, ours. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { matchesAnyGlob } from '../../server/src/core/documents/file-detection';
import { SCHEMASTORE_FILES, SCHEMASTORE_ID, schemaStoreTexts } from '../../scripts/schema/schemastore';

const ROOT = join(import.meta.dirname, '..', '..');
const read = (f: string) => readFileSync(join(ROOT, f), 'utf8');

describe('SchemaStore schema and catalog entry', () => {
  const schema = JSON.parse(read(SCHEMASTORE_FILES.schema));
  const entry = JSON.parse(read(SCHEMASTORE_FILES.catalogEntry));

  it('the committed files are what npm run schema generates', () => {
    const texts = schemaStoreTexts(ROOT);
    assert.equal(read(SCHEMASTORE_FILES.schema), texts.schema, 'run npm run schema');
    assert.equal(read(SCHEMASTORE_FILES.catalogEntry), texts.catalogEntry, 'run npm run schema');
  });

  it('is draft-07 with a json.schemastore.org $id and compiles with unknown keywords refused (no editor-only ones)', () => {
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    assert.equal(schema.$id, SCHEMASTORE_ID);
    assert.doesNotMatch(JSON.stringify(schema), /"markdownDescription"|"x-[a-z-]+"/);
    const validate = new Ajv({ strictSchema: true, allErrors: true }).compile(schema);
    const good = { family: 'web', requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', cpu: '256', memory: '512', containerDefinitions: [{ name: 'web', image: 'nginx:1.27', essential: true }] };
    assert.ok(validate(good), JSON.stringify(validate.errors));
    assert.equal(validate({ ...good, networkMode: 'overlay' }), false);
    assert.equal(validate({ ...good, containerDefinitions: [{ name: 'web', image: 'nginx', essential: 'yes' }] }), false);
  });

  it('every property says what it is (descriptions from our overlay, not copied from AWS)', () => {
    const missing: string[] = [];
    const walk = (s: Record<string, unknown>, at: string) => {
      for (const [name, p] of Object.entries((s.properties ?? {}) as Record<string, Record<string, unknown>>)) {
        if (!p.description && !p.$ref) missing.push(`${at}.${name}`);
        walk(p, `${at}.${name}`);
        if (p.items && typeof p.items === 'object') walk(p.items as Record<string, unknown>, `${at}.${name}[]`);
      }
    };
    walk(schema, '$');
    for (const [name, d] of Object.entries(schema.definitions as Record<string, Record<string, unknown>>)) walk(d, `#${name}`);
    assert.deepEqual(missing, []);
    // The same sentences as the extension's own schema (which the hover and the docs use), never the SDK's docs.
    const ours = JSON.parse(read('schemas/task-definition.schema.json'));
    assert.equal(schema.properties.taskRoleArn.description, ours.properties.taskRoleArn.description);
  });

  it('the catalog entry points at the schema and matches task-definition file names only', () => {
    assert.equal(entry.url, schema.$id);
    assert.ok(entry.name && entry.description && Array.isArray(entry.fileMatch));
    for (const name of ['task-definition.json', 'web-task-definition.json', 'api.task-definition.json', 'taskdef.json', 'web-task-def.json']) {
      assert.ok(matchesAnyGlob(`/repo/${name}`, entry.fileMatch.map((g: string) => `**/${g}`)), name);
    }
    for (const name of ['package.json', 'tsconfig.json', '.ecs-taskdef.json', 'task-definitions.yaml']) {
      assert.ok(!matchesAnyGlob(`/repo/${name}`, entry.fileMatch.map((g: string) => `**/${g}`)), name);
    }
  });
});
