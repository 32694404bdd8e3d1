// locationAt (scan from the innermost container) gives jsonc-parser's getLocation result at every offset.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { getLocation, type Location } from 'jsonc-parser';
import { locationAt } from '../../server/src/core/completion/location';
import { parseDocument } from '../../server/src/core/syntax/parse';

const CORPUS = join(__dirname, '..', 'corpus', 'files');

function plain(l: Location) {
  const p = l.previousNode;
  return {
    path: l.path,
    isAtPropertyKey: l.isAtPropertyKey,
    previousNode: p && { type: p.type, offset: p.offset, length: p.length, value: p.value, colonOffset: p.colonOffset },
    matches: [l.matches(['containerDefinitions', '*']), l.matches(['**', 'name']), l.matches([])],
  };
}

function checkAll(text: string, name: string, step = 1): number {
  const parsed = parseDocument(text);
  let n = 0;
  for (let offset = 0; offset <= text.length; offset += step) {
    assert.deepStrictEqual(plain(locationAt(parsed, offset)), plain(getLocation(parsed.analysisText, offset)), `${name} @${offset}`);
    n++;
  }
  return n;
}

describe('completion location', () => {
  it('equals getLocation at every offset of every corpus JSON file (with or without syntax errors)', () => {
    let checked = 0;
    for (const file of readdirSync(CORPUS).filter((f) => /\.json$/.test(f))) checked += checkAll(readFileSync(join(CORPUS, file), 'utf8'), file, 3);
    assert.ok(checked > 30_000, `only ${checked} offsets`);
  });

  it('equals getLocation in small hand-written cases: keys, values, array elements, comments, trailing commas, errors', () => {
    const cases = [
      '{"a": {"b": [1, {"c": "d"}, [true, null]], "e": ""}, "f": {}}',
      '{\n  "containerDefinitions": [\n    { "name": "web", // c\n      "image": "x", },\n    {  }\n  ]\n}',
      '{"a": {"b": [1, 2,, 3], "c"}}',
      '{"a": {"b": "unterminated}}',
      '[{"name": "a"}, {"name": "b"}]',
      '{"a": ${X}, "b": {"c": 1}}',
    ];
    for (const text of cases) checkAll(text, text);
  });
});
