import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, expectRanges, only } from '../helpers/rule-fix';

const ID = 'no-essential-container';

describe(ID, () => {
  it('reports the containerDefinitions key once, with every essential:false as related', () => {
    const [d] = expectRanges(
      `{ "family": "f", ⟦"containerDefinitions"⟧: [
        { "name": "log", "image": "fluent-bit:3.1", "essential": false },
        { "name": "app", "image": "app:1.0", "essential": false, "portMappings": [{ "containerPort": 80 }] } ] }`,
      ID,
    );
    assert.equal(d.severity, 'error');
    assert.match(d.message, /No container is essential/);
    assert.equal(d.diagnostic.related?.length, 2);
    assert.deepEqual(d.diagnostic.fixes?.map((f) => [f.title, !!f.preferred]), [["Make 'app' essential", true], ["Make 'log' essential", false]]);
  });

  it('points at the opening bracket of a container array', () => {
    expectRanges(`⟦[⟧ { "name": "a", "image": "a:1", "essential": false } ]`, ID);
  });

  it('preferred fix sets essential:true on the container with ports, in place (then silent)', () => {
    const text = `{
  "family": "f",
  "containerDefinitions": [
    { "name": "log", "image": "fluent-bit:3.1", "essential": false },
    { "name": "app", "image": "app:1.0", "essential": false, "portMappings": [{ "containerPort": 80 }] }
  ]
}`;
    const fixed = applyFix(text, ID);
    assert.match(fixed, /"name": "app", "image": "app:1.0", "essential": true, "portMappings"/);
    assert.match(fixed, /"name": "log", "image": "fluent-bit:3.1", "essential": false/);
  });

  it('is silent when one container is essential by default, or is a placeholder, or the list is templated', () => {
    assert.equal(only('[ { "name": "a", "image": "a:1" }, { "name": "b", "image": "b:1", "essential": false } ]', ID).length, 0);
    assert.equal(only('[ { "name": "a", "image": "a:1", "essential": "${e}" }, { "name": "b", "image": "b:1", "essential": false } ]', ID).length, 0);
    assert.equal(only('{ "family": "f", "containerDefinitions": [ { "name": "b", "image": "b:1", "essential": false }, $MAIN_JSON ] }', ID).length, 0);
    assert.equal(only('{ "family": "f", "containerDefinitions": [] }', ID).length, 0);
  });
});
