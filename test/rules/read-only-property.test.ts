import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, expectRanges, only } from '../helpers/rule-fix';

const ID = 'read-only-property';

describe(ID, () => {
  it('reports the wrapper key and each describe-only key, on the key', () => {
    const got = expectRanges(
      `{\n  ⟦"taskDefinition"⟧: {\n    ⟦"revision"⟧: 7,\n    "family": "web",\n    ⟦"deleteRequestedAt"⟧: "2024-01-01T00:00:00Z",\n    "containerDefinitions": [{ "name": "web", "image": "nginx:1.27" }]\n  },\n  "tags": []\n}`,
      ID,
    );
    assert.equal(got[0].message, "This is describe-task-definition output; the register input is the object inside 'taskDefinition'.");
    assert.equal(got[1].message, "'revision' comes from describe-task-definition; register-task-definition does not accept it.");
    assert.ok(got.every((d) => d.severity === 'warning'));
  });

  it('reports each occurrence of a repeated key', () => {
    expectRanges('{ ⟦"status"⟧: "ACTIVE", "family": "web", ⟦"status"⟧: "INACTIVE", "containerDefinitions": [] }', ID);
  });

  it('stays silent on register input and on the same words used as values or nested keys', () => {
    const text = '{ "family": "status", "containerDefinitions": [{ "name": "revision", "image": "nginx:1.27", "dockerLabels": { "revision": "7" } }] }';
    assert.deepEqual(only(text, ID), []);
  });

  it('"Convert to register input" (preferred) removes every report at once and keeps comments', () => {
    const text = `{\n  // dumped from the CLI\n  "taskDefinition": {\n    "family": "web",\n    "revision": 7,\n    "containerDefinitions": [{ "name": "web", "image": "nginx:1.27" }]\n  },\n  "tags": [{ "key": "team", "value": "web" }]\n}\n`;
    const fixed = applyFix(text, ID);
    assert.equal(
      fixed,
      `// dumped from the CLI\n{\n  "family": "web",\n  "containerDefinitions": [{ "name": "web", "image": "nginx:1.27" }],\n  "tags": [{ "key": "team", "value": "web" }]\n}\n`,
    );
    assert.deepEqual(only(fixed, ID), []);
  });

  it('"Remove \'{key}\'" removes one key and its line, keeping neighbouring comments', () => {
    const text = '{\n  "family": "web", // name\n  "revision": 7,\n  "containerDefinitions": []\n}';
    const fixed = applyFix(text, ID, "Remove 'revision'");
    assert.equal(fixed, '{\n  "family": "web", // name\n  "containerDefinitions": []\n}');
    const twice = only(fixed, ID);
    assert.deepEqual(twice, []);
  });

  it('removing the last key fixes the comma before it', () => {
    const text = '{\n  "family": "web",\n  "containerDefinitions": [],\n  "registeredBy": "arn:aws:iam::123456789012:user/dev"\n}';
    assert.equal(applyFix(text, ID, "Remove 'registeredBy'"), '{\n  "family": "web",\n  "containerDefinitions": []\n}');
  });
});
