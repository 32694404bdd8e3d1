import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, expectRanges, only } from '../helpers/rule-fix';

const ID = 'duplicate-environment-variable';
const text = `[
  {
    "name": "api",
    "image": "api:3.2.0",
    "environment": [
      { "name": "LOG_LEVEL", "value": "info" },
      { "name": "PORT", "value": "8080" },
      { "name": "LOG_LEVEL", "value": "debug" }
    ]
  }
]`;

describe(ID, () => {
  it('reports the earlier name with the later one as related', () => {
    const [d] = expectRanges(text.replace('"LOG_LEVEL", "value": "info"', '⟦"LOG_LEVEL"⟧, "value": "info"'), ID);
    assert.equal(d.severity, 'warning');
    assert.equal(d.message, "'LOG_LEVEL' is set twice in the environment of 'api'; one value silently wins.");
    assert.equal(d.diagnostic.related?.[0].message, "the other 'LOG_LEVEL'");
  });

  it('the fix removes the earlier entry and keeps the layout', () => {
    const fixed = applyFix(text, ID);
    assert.deepEqual(JSON.parse(fixed)[0].environment, [{ name: 'PORT', value: '8080' }, { name: 'LOG_LEVEL', value: 'debug' }]);
    assert.match(fixed, /"environment": \[\n      \{ "name": "PORT"/);
  });

  it('names are case-sensitive and separate per container', () => {
    assert.equal(only(text.replace('"LOG_LEVEL", "value": "debug"', '"log_level", "value": "debug"'), ID).length, 0);
    assert.equal(only('[ { "name": "a", "image": "a:1", "environment": [ { "name": "X", "value": "1" } ] }, { "name": "b", "image": "a:1", "environment": [ { "name": "X", "value": "2" } ] } ]', ID).length, 0);
  });
});
