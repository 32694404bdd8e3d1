import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, expectRanges, only } from '../helpers/rule-fix';

const ID = 'depends-on-cycle';
const c = (name: string, deps: string[], mark = -1) =>
  `{ "name": "${name}", "image": "i:1", "dependsOn": [ ${deps.map((d, i) => `{ "containerName": ${i === mark ? '⟦' : ''}"${d}"${i === mark ? '⟧' : ''}, "condition": "START" }`).join(', ')} ] }`;

describe(ID, () => {
  it('reports once, on the edge that closes the loop, with the path as related', () => {
    const [d] = expectRanges(`[ ${c('a', ['b'])}, ${c('b', ['c'])}, ${c('c', ['a'], 0)} ]`, ID);
    assert.equal(d.message, 'Start-up dependencies form a loop: a → b → c → a; none of these containers can start.');
    assert.equal(d.diagnostic.related?.length, 2);
    assert.equal(d.diagnostic.fixes?.[0].preferred, undefined);
  });

  it('finds a loop that does not start at the first container, and ignores self edges and chains', () => {
    expectRanges(`[ ${c('x', ['a'])}, ${c('a', ['b'])}, ${c('b', ['a'], 0)} ]`, ID);
    assert.equal(only(`[ ${c('a', ['a', 'b'])}, ${c('b', [])} ]`, ID).length, 0);
    assert.equal(only(`[ ${c('a', ['b', 'c'])}, ${c('b', ['c'])}, ${c('c', [])} ]`, ID).length, 0);
  });

  it('removing the closing dependency breaks the loop', () => {
    const fixed = applyFix(`[ ${c('a', ['b'])}, ${c('b', ['a'])} ]`, ID, 'Remove');
    assert.equal(only(fixed, ID).length, 0);
  });
});
