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
    assert.match(d.message, /^'initProcessEnabled' belongs in linuxParameters, not in container 'site'\./);
  });

  it('"Remove" (preferred) deletes the property and keeps the rest, the comment beside it and the layout', () => {
    const fixed = applyFix(text, ID, "Remove 'initProcessEnabled'");
    assert.equal(fixed.includes('initProcessEnabled'), false);
    assert.deepEqual(Object.keys((parse(fixed) as { containerDefinitions: object[] }).containerDefinitions[0]), ['name', 'image', 'essential']);
    assert.ok(fixed.includes('"image": "nginx:1.27",\n'), fixed);
    // The user's comment is never lost: it stays, on the line the property left.
    assert.equal(fixed, text.replace('      "initProcessEnabled": true, // belongs', '      // belongs'));
  });
});
