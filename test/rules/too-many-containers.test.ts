import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expectRanges, only } from '../helpers/rule-fix';

const ID = 'too-many-containers';
const containers = (n: number, mark = -1) =>
  Array.from({ length: n }, (_, i) => `{ "name": ${i === mark ? '⟦' : ''}"c${i}"${i === mark ? '⟧' : ''}, "image": "b:1" }`).join(', ');

describe(ID, () => {
  it('reports on the 11th container name with the count', () => {
    const [d] = expectRanges(`[ ${containers(12, 10)} ]`, ID);
    assert.equal(d.message, '12 containers, but a task definition holds at most 10; split the task.');
    assert.equal(d.severity, 'error');
  });

  it('ten is fine, and templated elements are not counted', () => {
    assert.equal(only(`[ ${containers(10)} ]`, ID).length, 0);
    assert.equal(only(`{ "family": "f", "containerDefinitions": [ ${containers(10)}, $EXTRA_JSON ] }`, ID).length, 0);
  });
});
