// The precompiled validators (ajv standalone) are current, and behave exactly like ajv compiling the schemas at
// run time with the same options: same errors, same parent schemas (translate.ts reads them).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { parseTree, getNodeValue } from 'jsonc-parser';
import { repoRoot, SCHEMA_FILES } from '../../scripts/schema/generate.ts';
import { AJV_OPTIONS, generateValidatorsSource, VALIDATORS_FILE } from '../../scripts/schema/standalone-validators.ts';
import * as generated from '../../server/src/core/schema/validators.generated.ts';

const root = repoRoot();
const load = (file: string) => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as { $id: string };
const taskSchema = load(SCHEMA_FILES.task);
const containersSchema = load(SCHEMA_FILES.containers);
const serviceSchema = load(SCHEMA_FILES.service);
const ajv = new Ajv(AJV_OPTIONS);
ajv.addSchema(taskSchema);
ajv.addSchema(containersSchema);
ajv.addSchema(serviceSchema);
const compiled = {
  task: ajv.getSchema(taskSchema.$id) as ValidateFunction,
  containers: ajv.getSchema(containersSchema.$id) as ValidateFunction,
  service: ajv.getSchema(serviceSchema.$id) as ValidateFunction,
};
const standalone = generated as unknown as { task: ValidateFunction; containers: ValidateFunction; service: ValidateFunction };

test(`${VALIDATORS_FILE} is what the generator makes from the current schemas (npm run schema regenerates it)`, () => {
  assert.equal(fs.readFileSync(path.join(root, VALIDATORS_FILE), 'utf8'), generateValidatorsSource(root));
});

/** Every leaf replaced by a value of another type, keys renamed in every third object: many kinds of errors. */
function mutate(value: unknown, depth = 0): unknown {
  if (Array.isArray(value)) return value.length === 0 ? [null] : value.map((v) => mutate(v, depth + 1));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    Object.entries(value).forEach(([k, v], i) => (out[i % 3 === 2 ? `${k}X` : k] = mutate(v, depth + 1)));
    return out;
  }
  if (typeof value === 'string') return depth % 2 ? -1 : `${value} !`;
  if (typeof value === 'number') return depth % 2 ? String(value) : -value - 1_000_000;
  if (typeof value === 'boolean') return 'yes';
  return {};
}

function documents(): Array<{ name: string; value: unknown }> {
  const out: Array<{ name: string; value: unknown }> = [];
  for (const dir of [path.join(root, 'test', 'corpus', 'files'), path.join(root, 'examples')]) {
    if (!fs.existsSync(dir)) continue;
    for (const file of fs.readdirSync(dir).filter((f) => /\.jsonc?$/.test(f))) {
      const errors: never[] = [];
      const tree = parseTree(fs.readFileSync(path.join(dir, file), 'utf8'), errors, { allowTrailingComma: true });
      if (!tree || errors.length > 0) continue;
      const value = getNodeValue(tree) as { taskDefinition?: unknown };
      const body = value && !Array.isArray(value) && value.taskDefinition ? value.taskDefinition : value;
      out.push({ name: file, value: body }, { name: `${file} (mutated)`, value: mutate(body) });
    }
  }
  out.push(
    { name: 'empty object', value: {} },
    { name: 'not an object', value: 'task' },
    { name: 'out of range', value: { family: 'x'.repeat(300), containerDefinitions: [{ name: 'a', image: 'b', cpu: -5, portMappings: [{ containerPort: 70000 }] }] } },
  );
  return out;
}

const shape = (e: ErrorObject) => ({ keyword: e.keyword, instancePath: e.instancePath, schemaPath: e.schemaPath, params: e.params, parentSchema: e.parentSchema });

test('standalone validators report exactly the errors of run-time compiled ajv, parent schemas included', () => {
  let errors = 0;
  for (const doc of documents()) {
    const which = Array.isArray(doc.value) ? 'containers' : 'task';
    const ok = standalone[which](doc.value);
    assert.equal(ok, compiled[which](doc.value), doc.name);
    const ours = standalone[which].errors ?? [];
    const theirs = compiled[which].errors ?? [];
    assert.deepEqual(ours.map(shape), theirs.map(shape), doc.name);
    errors += ours.length;
  }
  assert.ok(errors > 1000, `only ${errors} errors compared`);
});

/** Service definitions in the fixtures (create-service, update-service, ecspresso), as written and mutated. */
function serviceDocuments(): Array<{ name: string; value: unknown }> {
  const out: Array<{ name: string; value: unknown }> = [];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/(service|ecs-service-def)[^/]*\.json$/.test(e.name)) {
        const errors: never[] = [];
        const tree = parseTree(fs.readFileSync(p, 'utf8'), errors, { allowTrailingComma: true });
        if (!tree || errors.length > 0) continue;
        const value = getNodeValue(tree);
        out.push({ name: path.relative(root, p), value }, { name: `${path.relative(root, p)} (mutated)`, value: mutate(value) });
      }
    }
  };
  walk(path.join(root, 'test', 'fixtures'));
  return out;
}

test('the standalone service validator reports exactly the errors of run-time compiled ajv', () => {
  const docs = serviceDocuments();
  assert.ok(docs.length >= 20, `only ${docs.length} service documents`);
  let errors = 0;
  for (const doc of docs) {
    assert.equal(standalone.service(doc.value), compiled.service(doc.value), doc.name);
    assert.deepEqual((standalone.service.errors ?? []).map(shape), (compiled.service.errors ?? []).map(shape), doc.name);
    errors += (standalone.service.errors ?? []).length;
  }
  assert.ok(errors > 50, `only ${errors} errors compared`);
});
