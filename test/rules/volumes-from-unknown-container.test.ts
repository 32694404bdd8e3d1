import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, expectRanges, only } from '../helpers/rule-fix';

const ID = 'volumes-from-unknown-container';
const text = '[\n  { "name": "web", "image": "nginx:1.27", "volumesFrom": [ { "sourceContainer": "statics" } ] },\n  { "name": "static", "image": "s:5", "essential": false }\n]';

describe(ID, () => {
  it('reports sourceContainer values that are unknown or self', () => {
    const [d] = expectRanges(text.replace('"sourceContainer": "statics"', '"sourceContainer": ⟦"statics"⟧'), ID);
    assert.equal(d.message, "volumesFrom refers to 'statics', which is not another container in this task (did you mean 'static'?).");
    const [self] = only(text.replace('"statics"', '"web"'), ID);
    assert.match(self.message, /this container itself/);
  });

  it('fixes and silence for templated lists', () => {
    assert.match(applyFix(text, ID), /"sourceContainer": "static"/);
    assert.doesNotMatch(applyFix(text, ID, 'Remove'), /statics/);
    assert.equal(only('{ "family": "f", "containerDefinitions": [ { "name": "w", "image": "w:1", "volumesFrom": [ { "sourceContainer": "data" } ] }, "${data_container}" ] }', ID).length, 0);
  });
});
