import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, expectRanges, only } from '../helpers/rule-fix';

const ID = 'duplicate-volume-name';

describe(ID, () => {
  it('reports the later volume name with the first as related; rename fix clears it', () => {
    const marked = '{ "family": "f", "volumes": [ { "name": "data" }, { "name": ⟦"data"⟧ } ], "containerDefinitions": [ { "name": "w", "image": "w:1" } ] }';
    const [d] = expectRanges(marked, ID);
    assert.equal(d.message, "Volume name 'data' is declared twice; mount points cannot tell them apart.");
    assert.equal(d.diagnostic.related?.length, 1);
    const text = marked.replace(/[⟦⟧]/g, '');
    assert.match(applyFix(text, ID), /\{ "name": "data-2" \}/);
  });

  it('distinct or placeholder names are fine', () => {
    assert.equal(only('{ "family": "f", "volumes": [ { "name": "a" }, { "name": "b" } ], "containerDefinitions": [ { "name": "w", "image": "w:1" } ] }', ID).length, 0);
    assert.equal(only('{ "family": "f", "volumes": [ { "name": "${v}" }, { "name": "${v}" } ], "containerDefinitions": [ { "name": "w", "image": "w:1" } ] }', ID).length, 0);
  });
});
