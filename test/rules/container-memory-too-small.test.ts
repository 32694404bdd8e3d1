import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, expectRanges, only } from '../helpers/rule-fix';

const ID = 'container-memory-too-small';

describe(ID, () => {
  it('warns on 1–5 MiB values', () => {
    const ds = expectRanges('[ { "name": "p", "image": "p:1", "memory": ⟦4⟧, "memoryReservation": ⟦1⟧ } ]', ID);
    assert.equal(ds[0].severity, 'warning');
    assert.equal(ds[0].message, 'memory 4 MiB is below the 6 MiB Docker reserves per container; the container may not start.');
  });

  it('6 and above (and 0) are not this rule', () => {
    assert.equal(only('[ { "name": "p", "image": "p:1", "memory": 6, "memoryReservation": 0 } ]', ID).length, 0);
  });

  it('fixes: 128 preferred (capped at the hard limit for a reservation), or 6', () => {
    assert.match(applyFix('[ { "name": "p", "image": "p:1", "memory": 4 } ]', ID), /"memory": 128/);
    assert.match(applyFix('[ { "name": "p", "image": "p:1", "memory": 4 } ]', ID, 'Set to 6'), /"memory": 6/);
    const capped = applyFix('[ { "name": "p", "image": "p:1", "memory": 64, "memoryReservation": 2 } ]', ID);
    assert.match(capped, /"memoryReservation": 64/);
    assert.equal(only(capped, 'memory-reservation-exceeds-memory').length, 0);
  });
});
