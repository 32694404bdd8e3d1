import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, expectRanges, only } from '../helpers/rule-fix';

const ID = 'duplicate-secret-name';
const arr = (secrets: string, log = '') => `[{ "name": "api", "image": "api:1.0",\n  "secrets": [${secrets}]${log} }]`;

describe(ID, () => {
  it('reports each earlier occurrence, related to the last one', () => {
    const ds = expectRanges(arr('{ "name": ⟦"K"⟧, "valueFrom": "/a" }, { "name": ⟦"K"⟧, "valueFrom": "/b" }, { "name": "K", "valueFrom": "/c" }'), ID);
    assert.equal(ds[0].message, "Secret 'K' is defined twice in this container; ECS requires unique secret names.");
    assert.deepEqual(ds.map((d) => d.diagnostic.related?.[0].message), ["the later 'K'", "the later 'K'"]);
  });

  it('secretOptions of a log configuration are checked separately from secrets', () => {
    const text = arr('{ "name": "T", "valueFrom": "/a" }', ',\n  "logConfiguration": { "logDriver": "splunk", "secretOptions": [{ "name": ⟦"T"⟧, "valueFrom": "/x" }, { "name": "T", "valueFrom": "/y" }] }');
    const [d] = expectRanges(text, ID);
    assert.match(d.message, /in this log configuration's secretOptions/);
  });

  it('fix removes the earlier entry; the later value stays', () => {
    const fixed = applyFix(arr('{ "name": "K", "valueFrom": "/a" }, { "name": "K", "valueFrom": "/b" }'), ID);
    assert.deepEqual(JSON.parse(fixed)[0].secrets, [{ name: 'K', valueFrom: '/b' }]);
  });

  it('empty and placeholder names are left to other rules', () => {
    assert.equal(only(arr('{ "name": "", "valueFrom": "/a" }, { "name": "", "valueFrom": "/b" }'), ID).length, 0);
    assert.equal(only(arr('{ "name": "${N}", "valueFrom": "/a" }, { "name": "${N}", "valueFrom": "/b" }'), ID).length, 0);
  });
});
