import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseTree } from 'jsonc-parser';
import { applyTextEdits, removeEdits } from '../../server/src/core/fixes/edits';
import { child } from '../../server/src/core/syntax/tree';

function remove(text: string, key: string | number): string {
  const root = parseTree(text)!;
  const node = typeof key === 'number' ? root.children![key] : child(root, key)!;
  return applyTextEdits(text, removeEdits(text, node));
}

describe('removeEdits: minimal removal that keeps layout and comments', () => {
  const cases: Array<[string, string | number, string]> = [
    ['{ "a": 1, "b": 2, "c": 3 }', 'b', '{ "a": 1, "c": 3 }'],
    ['{ "a": 1, "b": 2 }', 'b', '{ "a": 1 }'],
    ['{ "a": 1 }', 'a', '{ }'],
    ['{\n  "a": 1,\n  "b": 2,\n  "c": 3\n}', 'b', '{\n  "a": 1,\n  "c": 3\n}'],
    ['{\r\n  "a": 1,\r\n  "b": 2,\r\n  "c": 3\r\n}', 'b', '{\r\n  "a": 1,\r\n  "c": 3\r\n}'],
    ['{\n  "a": 1,\n  "b": 2\n}', 'b', '{\n  "a": 1\n}'],
    ['{\n  "a": 1,\n  "b": 2, // about b\n  "c": 3\n}', 'b', '{\n  "a": 1,\n  // about b\n  "c": 3\n}'],
    ['[\n  1,\n  2\n]', 0, '[\n  2\n]'],
    ['{\n\t"a": 1,\n\t"b": { "x": [1, 2] },\n}', 'b', '{\n\t"a": 1\n}'],
  ];
  for (const [text, key, expected] of cases) {
    it(`${JSON.stringify(text)} − ${key}`, () => assert.equal(remove(text, key), expected));
  }

  it('never drops a comment', () => {
    const text = '{\n  "a": 1, // one\n  /* two */ "b": 2, // three\n  "c": 3 // four\n}';
    for (const key of ['a', 'b', 'c']) {
      const out = remove(text, key);
      for (const c of ['// one', '/* two */', '// three', '// four']) assert.ok(out.includes(c), `${key}: lost ${c} in ${out}`);
      assert.ok(parseTree(out), out);
    }
  });
});
