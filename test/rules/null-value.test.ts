import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticTag } from 'vscode-languageserver';
import { fixAll } from '../../server/src/core/fixes/fix-all';
import { toJson } from '../../server/src/cli/format';
import { toLspDiagnostic } from '../../server/src/lsp/convert';
import { lint } from '../../server/src/core/lint';
import { applyFix, only } from '../helpers/rule-fix';

const ID = 'null-value';
const TASK = `{
  "family": "web",
  // the role comes later
  "taskRoleArn": null,
  "ipcMode": null, "pidMode": "",
  "containerDefinitions": [
    { "name": "web", "image": "nginx:1.27", "memory": 256, "user": null }
  ],
  "placementConstraints": null
}`;

describe(ID, () => {
  it('one finding per object: the first null key leads and lists the others, which fade as hints', () => {
    const got = only(TASK, ID);
    assert.deepEqual(
      got.map((d) => [d.text, d.severity, d.diagnostic.unnecessary ?? false]),
      [['null', 'warning', false], ['null', 'hint', true], ['""', 'hint', true], ['null', 'warning', false], ['null', 'hint', true]],
    );
    assert.equal(got[0].message, "'taskRoleArn' and 3 more keys here are null or empty, which the AWS CLI rejects; remove them to get the defaults.");
    assert.deepEqual(got[0].diagnostic.related?.map((r) => r.message), ["'ipcMode' is null too", "'pidMode' is empty too", "'placementConstraints' is null too"]);
    assert.equal(got[3].message, "'user' is null, which the AWS CLI rejects; remove the key to get the default.", 'a lone null in another object');
    assert.ok(got.filter((d) => d.severity === 'hint').every((d) => d.diagnostic.fixes!.every((f) => !f.preferred)));
  });

  it("the lead's fix removes every null key of its object and keeps the comment", () => {
    const fixed = applyFix(TASK, ID);
    assert.equal(
      fixed,
      `{
  "family": "web",
  // the role comes later
  "containerDefinitions": [
    { "name": "web", "image": "nginx:1.27", "memory": 256, "user": null }
  ]
}`,
    );
    assert.equal(only(fixed, ID).length, 1);
  });

  it('an override applies to the lead; the faded keys stay hints; fix-all clears them all', () => {
    const got = only(TASK, ID, { rules: { [ID]: 'error' } });
    assert.deepEqual(got.map((d) => d.severity), ['error', 'hint', 'hint', 'error', 'hint']);
    const all = fixAll(TASK, { rules: [ID] });
    assert.deepEqual(all.remaining.filter((d) => d.code === ID), []);
    assert.equal(all.applied, 2, 'one fix per object');
    assert.match(all.text, /\/\/ the role comes later/);
  });

  it('an object of empty values joins its parent object\'s finding', () => {
    const text = '[ { "name": "web", "image": "nginx:1.27", "memory": 256, "healthCheck": null, "repositoryCredentials": { "credentialsParameter": "" } } ]';
    const got = only(text, ID);
    assert.deepEqual(got.map((d) => [d.text, d.severity]), [['null', 'warning'], ['"repositoryCredentials"', 'hint']]);
    const fixed = applyFix(text, ID);
    assert.equal(fixed, '[ { "name": "web", "image": "nginx:1.27", "memory": 256 } ]');
  });

  it('faded hints carry the Unnecessary tag in the editor and "unnecessary" in JSON output', () => {
    const result = lint(TASK);
    const doc = TextDocument.create('file:///t.json', 'json', 1, TASK);
    const lsp = result.diagnostics.map((d, i) => toLspDiagnostic(doc, d, i)).filter((d) => d.code === ID);
    assert.deepEqual(lsp.map((d) => d.tags ?? []), [[], [DiagnosticTag.Unnecessary], [DiagnosticTag.Unnecessary], [], [DiagnosticTag.Unnecessary]]);
    const json = toJson([{ file: 't.json', text: TASK, result }])[0].diagnostics.filter((d) => d.code === ID);
    assert.deepEqual(json.map((d) => d.unnecessary ?? false), [false, true, true, false, true]);
  });

  it('precedence first: a null that another rule reports leaves the group, and the next null leads', () => {
    const text = `{
  "family": "web",
  "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc",
  "cpu": "256",
  "memory": null,
  "taskRoleArn": null,
  "placementConstraints": null,
  "containerDefinitions": [{ "name": "web", "image": "nginx:1.27" }]
}`;
    const codes = lint(text).diagnostics.filter((d) => d.range.offset === text.indexOf('null')).map((d) => d.code);
    assert.deepEqual(codes, ['fargate-task-size-required'], 'the size rule reports the null memory');
    const got = only(text, ID);
    assert.deepEqual(got.map((d) => [d.line, d.severity]), [[5, 'warning'], [6, 'hint']]);
    assert.match(got[0].message, /^'taskRoleArn' and 1 more key here/);
    const all = fixAll(text, { rules: [ID, 'fargate-task-size-required'] });
    assert.deepEqual(JSON.parse(all.text), { family: 'web', requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', cpu: '256', memory: '512', containerDefinitions: [{ name: 'web', image: 'nginx:1.27' }] });
  });
});
