// Every field the SDK's type checker sees under RegisterTaskDefinitionRequest is in the schema, at the same
// place. Uses a ts.Program and its checker, independent of the generator's own syntax walk.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';
import { generateSchemas, repoRoot } from '../../scripts/schema/generate.ts';
import { sdkModelsDir } from '../../scripts/schema/sdk-model.ts';

type Json = Record<string, unknown>;
const root = repoRoot();
const { task } = generateSchemas(root);
const definitions = task.definitions as Record<string, Json>;

const modelsDir = sdkModelsDir(root);
const program = ts.createProgram([path.join(modelsDir, 'models_0.d.ts'), path.join(modelsDir, 'models_1.d.ts')], {
  noEmit: true, skipLibCheck: true, types: [], moduleResolution: ts.ModuleResolutionKind.Node10,
});
const checker = program.getTypeChecker();

function exportedType(name: string): ts.Type {
  for (const file of ['models_0.d.ts', 'models_1.d.ts']) {
    const sf = program.getSourceFile(path.join(modelsDir, file))!;
    const sym = checker.getExportsOfModule(checker.getSymbolAtLocation(sf)!).find((s) => s.name === name);
    if (sym) return checker.getDeclaredTypeOfSymbol(sym);
  }
  throw new Error(`${name} not exported by the SDK model`);
}

function deref(s: Json): Json {
  const ref = s.$ref as string | undefined;
  return ref ? definitions[ref.replace('#/definitions/', '')] : s;
}

/** Object-typed members of a (possibly optional, array or Smithy-union) property type. */
function objectParts(t: ts.Type): ts.Type[] {
  let type = checker.getNonNullableType(t);
  if (checker.isArrayType(type)) type = checker.getTypeArguments(type as ts.TypeReference)[0];
  const parts = type.isUnion() ? type.types : [type];
  return parts.filter((p) => (p.flags & ts.TypeFlags.Object) !== 0 && !checker.isArrayType(p) && p.getProperties().length > 0);
}

interface Walk { fields: number; missing: string[]; structures: Set<string> }

function walk(type: ts.Type, schema: Json, where: string, seen: Set<ts.Type>, acc: Walk): void {
  if (seen.has(type)) return;
  seen = new Set(seen).add(type);
  acc.structures.add(checker.typeToString(type));
  const props = schema.properties as Record<string, Json> | undefined;
  for (const sym of checker.getPropertiesOfType(type)) {
    if (sym.name === '$unknown') continue; // Smithy's catch-all for union members the SDK does not know
    const symType = checker.getTypeOfSymbol(sym);
    if (symType.flags & ts.TypeFlags.Never) continue;
    acc.fields++;
    const prop = props?.[sym.name];
    if (!prop) {
      acc.missing.push(`${where}.${sym.name}`);
      continue;
    }
    const target = deref(prop.type === 'array' ? (prop.items as Json) : prop);
    for (const part of objectParts(symType)) walk(part, target, `${where}.${sym.name}`, seen, acc);
  }
}

test('every field of RegisterTaskDefinitionRequest (and everything it reaches) is in the schema', () => {
  const acc: Walk = { fields: 0, missing: [], structures: new Set() };
  walk(exportedType('RegisterTaskDefinitionRequest'), task, 'task', new Set(), acc);
  assert.deepEqual(acc.missing, []);
  assert.ok(acc.fields > 150, `only ${acc.fields} fields walked`);
  assert.ok(acc.structures.size >= 35, `only ${acc.structures.size} structures walked`);
});

test('ContainerDefinition fields all appear in definitions/ContainerDefinition', () => {
  const sdk = checker.getPropertiesOfType(exportedType('ContainerDefinition')).map((s) => s.name).sort();
  const schema = Object.keys(definitions.ContainerDefinition.properties as Json).sort();
  assert.deepEqual(schema, sdk);
  assert.ok(sdk.includes('credentialSpecs') && sdk.includes('versionConsistency') && sdk.includes('restartPolicy'));
});

test('task-level fields equal the SDK request fields', () => {
  const sdk = checker.getPropertiesOfType(exportedType('RegisterTaskDefinitionRequest')).map((s) => s.name).sort();
  assert.deepEqual(Object.keys(task.properties as Json).sort(), sdk);
  assert.ok(sdk.includes('enableFaultInjection'));
});
