import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'jsonc-parser';
import { applyFix, expectRanges } from '../helpers/rule-fix';

const ID = 'misplaced-property';
const text = `{
  "family": "site",
  "memory": "512",
  "containerDefinitions": [
    {
      "name": "site",
      "image": "nginx:1.27",
      "initProcessEnabled": true, // belongs in linuxParameters
      "essential": true
    }
  ]
}`;

describe(ID, () => {
  it('points at the key and names where it belongs', () => {
    const [d] = expectRanges(text.replace('"initProcessEnabled"', '⟦"initProcessEnabled"⟧'), ID);
    assert.equal(d.severity, 'error');
    assert.match(d.message, /^'initProcessEnabled' belongs in linuxParameters, not in container 'site'; move it there\.$/);
  });

  it('"Remove" (preferred) deletes the property and keeps the rest, the comment beside it and the layout', () => {
    const fixed = applyFix(text, ID, "Remove 'initProcessEnabled'");
    assert.equal(fixed.includes('initProcessEnabled'), false);
    assert.deepEqual(Object.keys((parse(fixed) as { containerDefinitions: object[] }).containerDefinitions[0]), ['name', 'image', 'essential']);
    assert.ok(fixed.includes('"image": "nginx:1.27",\n'), fixed);
    // The user's comment is never lost: it stays, on the line the property left.
    assert.equal(fixed, text.replace('      "initProcessEnabled": true, // belongs', '      // belongs'));
  });

  it('a task-level key in a container of a container array is a warning (Terraform drops it, the task deploys)', () => {
    const arr = '[{ "name": "web", "image": "nginx:1.27", ⟦"networkMode"⟧: "awsvpc" }]';
    const [d] = expectRanges(arr, ID);
    assert.equal(d.severity, 'warning');
    assert.equal(d.message, "'networkMode' belongs on the task (in Terraform: the aws_ecs_task_definition resource), not in container 'web'; here it is dropped silently.");
    const reg = '{ "family": "f", "containerDefinitions": [{ "name": "web", "image": "nginx:1.27", ⟦"networkMode"⟧: "awsvpc" }] }';
    assert.equal(expectRanges(reg, ID)[0].severity, 'error', 'register input: the API rejects it');
  });
});
