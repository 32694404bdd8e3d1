import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, expectRanges, only } from '../helpers/rule-fix';

const ID = 'memory-reservation-exceeds-memory';

describe(ID, () => {
  it('reports memoryReservation with both values', () => {
    const [d] = expectRanges('[ { "name": "api", "image": "a:1", "memory": 256, "memoryReservation": ⟦512⟧ } ]', ID);
    assert.equal(d.message, 'memoryReservation 512 MiB is above the hard limit memory 256 MiB.');
    assert.equal(d.diagnostic.related?.length, 1);
  });

  it('equal, missing or placeholder values are fine', () => {
    assert.equal(only('[ { "name": "api", "image": "a:1", "memory": 256, "memoryReservation": 256 } ]', ID).length, 0);
    assert.equal(only('[ { "name": "api", "image": "a:1", "memoryReservation": 4096 } ]', ID).length, 0);
    assert.equal(only('[ { "name": "api", "image": "a:1", "memory": ${m}, "memoryReservation": 512 } ]', ID).length, 0);
  });

  it('both fixes clear it', () => {
    const text = '[ { "name": "api", "image": "a:1", "memory": 256, "memoryReservation": 512 } ]';
    assert.match(applyFix(text, ID), /"memory": 256, "memoryReservation": 256/);
    assert.match(applyFix(text, ID, 'Raise memory'), /"memory": 512, "memoryReservation": 512/);
  });
});
