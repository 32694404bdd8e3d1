import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, expectRanges, only } from '../helpers/rule-fix';

const ID = 'duplicate-container-name';

describe(ID, () => {
  it('reports each later repeat on its name value, related to the first', () => {
    const ds = expectRanges(
      `[ { "name": "web", "image": "a:1" }, { "name": ⟦"web"⟧, "image": "b:1" }, { "name": "web-2", "image": "c:1" }, { "name": ⟦"web"⟧, "image": "d:1" } ]`,
      ID,
    );
    assert.equal(ds[0].message, "Container name 'web' is already used by container #1.");
    assert.equal(ds[0].diagnostic.related?.[0].range.offset, 12);
    assert.deepEqual(ds.map((d) => d.diagnostic.fixes?.[0].title), ["Rename to 'web-3'", "Rename to 'web-4'"]);
  });

  it('rename fix removes the diagnostic', () => {
    const text = '[ { "name": "web", "image": "a:1" }, { "name": "web", "image": "b:1" } ]';
    const fixed = applyFix(text, ID);
    assert.equal(fixed, '[ { "name": "web", "image": "a:1" }, { "name": "web-2", "image": "b:1" } ]');
  });

  it('ignores placeholder names and case differences', () => {
    assert.equal(only('[ { "name": "${n}", "image": "a:1" }, { "name": "${n}", "image": "b:1" } ]', ID).length, 0);
    assert.equal(only('[ { "name": "web", "image": "a:1" }, { "name": "Web", "image": "b:1" } ]', ID).length, 0);
  });
});
