import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { utf8Length } from '../../server/src/core/rules/task-definition-too-large';
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
