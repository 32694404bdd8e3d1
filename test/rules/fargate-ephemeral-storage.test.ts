import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, expectRanges, only } from '../helpers/rule-fix';

const ID = 'fargate-ephemeral-storage';
const doc = (size: string, compat = '"FARGATE"') =>
  `{\n  "family": "etl",\n  "requiresCompatibilities": [${compat}],\n  "networkMode": "awsvpc",\n  "cpu": "1024",\n  "memory": "2048",\n  "ephemeralStorage": { "sizeInGiB": ${size} },\n  "containerDefinitions": [{ "name": "etl", "image": "etl:2.0", "essential": true }]\n}`;

describe(ID, () => {
  it('reports the value with the range and the default', () => {
    const [d] = expectRanges(doc('⟦500⟧'), ID);
    assert.equal(d.message, 'ephemeralStorage.sizeInGiB must be a whole number from 21 to 200 (omit it for 20 GiB); got 500.');
    assert.ok(applyFix(doc('500'), ID).includes('{ "sizeInGiB": 200 }'));
  });

  it('values up to 20: removing the block is preferred, 21 is offered', () => {
    const [d] = only(doc('20'), ID);
    assert.deepEqual(d.diagnostic.fixes!.map((f) => `${f.preferred ? '*' : ''}${f.title}`), ['*Remove ephemeralStorage (the 20 GiB default applies)', 'Set to 21']);
    const removed = applyFix(doc('20'), ID);
    assert.ok(!removed.includes('ephemeralStorage') && removed.includes('"memory": "2048",\n  "containerDefinitions"'), removed);
    assert.ok(applyFix(doc('0'), ID, 'Set to 21').includes('"sizeInGiB": 21'));
  });

  it('a fraction is rounded; the schema report on the same value gives way', () => {
    const [d] = only(doc('30.5'), ID);
    assert.deepEqual(d.diagnostic.fixes!.map((f) => f.title), ['Set to 30', 'Set to 31']);
    assert.deepEqual(only(doc('500'), 'value-out-of-range'), []);
  });

  it('applies on every launch type; silent for 21–200, strings (wrong-type) and placeholders', () => {
    assert.equal(only(doc('201', '"EC2"'), ID).length, 1);
    assert.equal(only(doc('201', ''), ID).length, 1);
    for (const ok of ['21', '200', '"50"', '"${disk}"']) assert.deepEqual(only(doc(ok), ID), [], ok);
  });
});
