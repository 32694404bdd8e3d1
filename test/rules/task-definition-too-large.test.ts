import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { getNodeValue } from 'jsonc-parser';
import { classify, DESCRIBE_ONLY_KEYS } from '../../server/src/core/documents/classify';
import { requestBodyBytes, utf8Length } from '../../server/src/core/rules/task-definition-too-large';
import { parseDocument } from '../../server/src/core/syntax/parse';
import { child } from '../../server/src/core/syntax/tree';
import { generateTaskDefinition } from '../../scripts/bench/generate';
import { expectRanges, only } from '../helpers/rule-fix';

const ID = 'task-definition-too-large';

function withEnv(count: number, valueLength: number, extra = ''): string {
  const env = Array.from({ length: count }, (_, i) => `{ "name": "V${i}", "value": "${'x'.repeat(valueLength)}" }`).join(',\n');
  return `{\n  "family": "big",${extra}\n  "containerDefinitions": [{ "name": "app", "image": "app:1.0", "environment": [\n${env}\n  ] }]\n}`;
}

describe(ID, () => {
  it('reports a body above 65,536 bytes at the root brace, with the size', () => {
    const got = expectRanges(`⟦{⟧${withEnv(300, 250).slice(1)}`, ID);
    assert.match(got[0].message, /^This task definition is [\d,]+ bytes, above the 65,536 ECS accepts;/);
    assert.equal(got[0].severity, 'error');
  });

  it('measures compact JSON: indentation, comments, nulls and describe-only keys do not count', () => {
    const body = withEnv(230, 250); // ~63,700 bytes compact
    const padded = body.replace('"family": "big",', `"family": "big", /* ${'c'.repeat(30000)} */ "revision": 9, "status": "${'s'.repeat(2000)}", "ipcMode": null,`);
    assert.ok(padded.length > 90000);
    assert.deepEqual(only(padded, ID), []);
  });

  it('counts UTF-8 bytes, not characters', () => {
    assert.equal(utf8Length('aé€😀'), 1 + 2 + 3 + 4);
    const text = withEnv(200, 120).replace(/x{120}/g, 'é'.repeat(120)); // 200 × 240 bytes of values
    assert.equal(only(text, ID).length, 0);
    const bigger = withEnv(260, 120).replace(/x{120}/g, '€'.repeat(120)); // 260 × 360 bytes
    assert.equal(only(bigger, ID).length, 1);
  });

  it('wrapped describe output points at the taskDefinition key and counts the sibling tags', () => {
    const inner = withEnv(225, 250).replace(/\n/g, '\n  ');
    const tags = Array.from({ length: 40 }, (_, i) => `{ "key": "k${i}", "value": "${'t'.repeat(200)}" }`).join(', ');
    const text = `{\n  "taskDefinition": ${inner},\n  "tags": [${tags}]\n}`;
    const got = only(text, ID);
    assert.equal(got.length, 1);
    assert.equal(got[0].text, '"taskDefinition"');
    const withoutTags = `{\n  "taskDefinition": ${inner},\n  "tags": []\n}`;
    assert.deepEqual(only(withoutTags, ID), []);
  });
});

/** The size as first written: build the request body as a value and measure its JSON (the tree walk must agree). */
function oracleBytes(text: string): number | undefined {
  const parsed = parseDocument(text);
  const { task, wrapper } = classify(parsed);
  if (!task) return undefined;
  const readOnly = new Set<string>(DESCRIBE_ONLY_KEYS);
  const requestBody = (value: unknown, topLevel: boolean): unknown => {
    if (value === null || value === '') return undefined;
    if (Array.isArray(value)) {
      const out = value.map((v) => requestBody(v, false)).filter((v) => v !== undefined);
      return out.length ? out : undefined;
    }
    if (typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        if (topLevel && readOnly.has(k)) continue;
        const kept = requestBody(v, false);
        if (kept !== undefined) out[k] = kept;
      }
      return Object.keys(out).length || topLevel ? out : undefined;
    }
    return value;
  };
  const body = requestBody(getNodeValue(task), true) as Record<string, unknown> | undefined;
  const tagsNode = wrapper ? child(parsed.root, 'tags') : undefined;
  const siblingTags = tagsNode ? requestBody(getNodeValue(tagsNode), false) : undefined;
  if (body && siblingTags !== undefined && body.tags === undefined) body.tags = siblingTags;
  return utf8Length(JSON.stringify(body ?? {}));
}

function treeBytes(text: string): number | undefined {
  const parsed = parseDocument(text);
  const { task, wrapper } = classify(parsed);
  if (!task) return undefined;
  const tags = wrapper ? child(parsed.root, 'tags') : undefined;
  const bytes = requestBodyBytes(task, tags, parsed.duplicateKeys.length > 0);
  // The walk that keeps a map of each object's keys (for duplicates) gives the same size on any document.
  assert.equal(requestBodyBytes(task, tags, true), bytes);
  return bytes;
}

describe(`${ID}: the size measured on the tree`, () => {
  it('equals the JSON length of the request body built as a value, on every corpus file and generated documents', () => {
    const dir = join(__dirname, '..', 'corpus', 'files');
    let compared = 0;
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
      const text = readFileSync(join(dir, name), 'utf8');
      const want = oracleBytes(text);
      if (want === undefined) continue;
      assert.equal(treeBytes(text), want, name);
      compared++;
    }
    assert.ok(compared > 40, `only ${compared} corpus files have a task`);
    for (const size of [20_000, 400_000]) {
      const text = generateTaskDefinition(size);
      assert.equal(treeBytes(text), oracleBytes(text), `generated ${size}`);
    }
  });

  it('agrees on duplicates, empties, nulls, escapes, non-ASCII, odd numbers, __proto__ and the describe wrapper', () => {
    const cases = [
      '{ "family": "a", "family": null, "cpu": "256" }',
      '{ "family": "a", "cpu": null, "cpu": "512", "memory": "" }',
      '{ "family": "é€😀\\"\\n\\u0001\\ud800", "a": [], "b": {}, "c": [null, "", {}, [[]]], "d": { "e": { "f": null } } }',
      '{ "family": "x", "n": [1.0, 1e3, -0, 1e999, 0.1, 12345678901234567890], "t": true, "f": false }',
      '{ "family": "x", "__proto__": { "a": 1 }, "o": { "__proto__": 1, "k": "v" } }',
      '{ "family": "x", "revision": 3, "status": "ACTIVE", "taskDefinitionArn": "arn:aws:ecs:us-east-1:1:task-definition/x:3" }',
      '{}',
      '{ "revision": 1 }',
      '{ "taskDefinition": { "family": "x", "revision": 2 }, "tags": [{ "key": "k", "value": "v" }] }',
      '{ "taskDefinition": { "family": "x", "tags": [{ "key": "own", "value": "1" }] }, "tags": [{ "key": "k", "value": "v" }] }',
      '{ "taskDefinition": { "family": "x" }, "tags": [] }',
      '{ "taskDefinition": { "revision": 2 }, "tags": [{ "key": "k" }] }',
      '{ "taskDefinition": { "family": "x" }, "tags": null }',
      '// comment\n{ "family": "x", /* c */ "containerDefinitions": [ { "name": "a", "image": "i", }, ], }',
    ];
    for (const text of cases) {
      const want = oracleBytes(text);
      assert.notEqual(want, undefined, text);
      assert.equal(treeBytes(text), want, text);
    }
  });
});
