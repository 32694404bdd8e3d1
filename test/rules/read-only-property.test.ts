import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, expectRanges, only } from '../helpers/rule-fix';

const ID = 'read-only-property';

describe(ID, () => {
  it('one finding per file: the wrapper key leads and lists the describe-only keys, which fade as hints', () => {
    const got = expectRanges(
      `{\n  ⟦"taskDefinition"⟧: {\n    ⟦"revision"⟧: 7,\n    "family": "web",\n    ⟦"deleteRequestedAt"⟧: "2024-01-01T00:00:00Z",\n    "containerDefinitions": [{ "name": "web", "image": "nginx:1.27" }]\n  },\n  "tags": []\n}`,
      ID,
    );
    assert.equal(got[0].message, 'This is describe-task-definition output with 2 read-only keys; convert it to register input.');
    assert.equal(got[0].severity, 'warning');
    assert.equal(got[0].diagnostic.unnecessary, undefined);
    assert.deepEqual(got[0].diagnostic.related?.map((r) => r.message), ["'revision' is read-only too", "'deleteRequestedAt' is read-only too"]);
    assert.deepEqual(got[0].diagnostic.fixes?.map((f) => [f.title, f.preferred]), [['Convert to register input', true]]);
    assert.equal(got[1].message, "'revision' comes from describe-task-definition; register-task-definition does not accept it.");
    for (const d of got.slice(1)) {
      assert.equal(d.severity, 'hint');
      assert.equal(d.diagnostic.unnecessary, true);
      assert.ok(d.diagnostic.fixes!.every((f) => !f.preferred), 'only the lead carries the preferred fix');
    }
  });

  it('without a wrapper the first key leads; a severity override applies to the lead, the others stay hints', () => {
    const text = '{ "taskDefinitionArn": "arn:aws:ecs:eu-west-1:123456789012:task-definition/web:7", "family": "web", "revision": 7, "status": "ACTIVE", "containerDefinitions": [] }';
    const got = only(text, ID, { rules: { [ID]: 'error' } });
    assert.deepEqual(got.map((d) => [d.text, d.severity]), [['"taskDefinitionArn"', 'error'], ['"revision"', 'hint'], ['"status"', 'hint']]);
    assert.equal(got[0].message, "'taskDefinitionArn' and 2 more keys come from describe-task-definition; convert the file to register input.");
    assert.deepEqual(only(text, ID, { rules: { [ID]: 'off' } }), []);
  });

  it('a single describe-only key keeps its own message and both fixes', () => {
    const [d] = only('{ "family": "web", "revision": 7, "containerDefinitions": [] }', ID);
    assert.equal(d.severity, 'warning');
    assert.deepEqual(d.diagnostic.fixes?.map((f) => f.title), ['Convert to register input', "Remove 'revision'"]);
  });

  it('reports each occurrence of a repeated key, the second faded', () => {
    const got = expectRanges('{ ⟦"status"⟧: "ACTIVE", "family": "web", ⟦"status"⟧: "INACTIVE", "containerDefinitions": [] }', ID);
    assert.deepEqual(got.map((d) => d.severity), ['warning', 'hint']);
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
