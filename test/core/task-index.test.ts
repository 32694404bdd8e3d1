import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classify } from '../../server/src/core/documents/classify';
import { parseDocument } from '../../server/src/core/syntax/parse';
import { closestName, containerIndex, containerInt, essentialOf, taskCpu, taskMemory, volumeIndex } from '../../server/src/core/documents/task-index';

function load(text: string) {
  const parsed = parseDocument(text);
  return { parsed, doc: classify(parsed) };
}

describe('task-index', () => {
  it('indexes containers by first name and knows when the list is complete', () => {
    const { parsed, doc } = load('[ { "name": "a" }, { "name": "b" }, { "name": "a" } ]');
    const idx = containerIndex(doc, parsed);
    assert.deepEqual([...idx.byName.keys()], ['a', 'b']);
    assert.equal(idx.byName.get('a')?.index, 0);
    assert.equal(idx.complete, true);
    assert.equal(containerIndex(doc, parsed), idx, 'cached per classification');
    for (const t of [
      '{ "containerDefinitions": [ { "name": "a" }, $X_JSON ] }',
      '{ "containerDefinitions": [ { "name": "a" }, "${x}" ] }',
      '[ { "name": "app-${env}" } ]',
      '[ { "name": "a", ${extra} } ]',
      '{ "containerDefinitions": ${containers} }',
    ]) {
      const l = load(t);
      assert.equal(containerIndex(l.doc, l.parsed).complete, false, t);
    }
  });

  it('indexes volumes; a templated element makes the list incomplete', () => {
    const a = load('{ "volumes": [ { "name": "v" } ], "containerDefinitions": [] }');
    assert.equal(volumeIndex(a.doc, a.parsed).byName.has('v'), true);
    assert.equal(volumeIndex(a.doc, a.parsed).complete, true);
    const b = load('{ "volumes": [ { "name": "v" }, "${more}" ], "containerDefinitions": [] }');
    assert.equal(volumeIndex(b.doc, b.parsed).complete, false);
    const none = load('{ "containerDefinitions": [] }');
    assert.equal(volumeIndex(none.doc, none.parsed).complete, true);
  });

  it('normalises task cpu/memory and skips placeholders', () => {
    const a = load('{ "cpu": ".25 vcpu", "memory": "1 GB", "containerDefinitions": [] }');
    assert.equal(taskCpu(a.doc, a.parsed)?.value, 256);
    assert.equal(taskMemory(a.doc, a.parsed)?.value, 1024);
    const b = load('{ "cpu": "${cpu}", "memory": "2 GiB", "containerDefinitions": [] }');
    assert.equal(taskCpu(b.doc, b.parsed), undefined);
    assert.equal(taskMemory(b.doc, b.parsed), undefined);
  });

  it('container integers and essential', () => {
    const { parsed, doc } = load('[ { "name": "a", "memory": "512", "cpu": ${cpu}, "essential": false }, { "name": "b", "essential": "${e}" }, { "name": "c" } ]');
    const [a, b, c] = doc.containers;
    assert.equal(containerInt(a.children?.find((p) => p.children?.[0].value === 'memory')?.children?.[1], parsed), 512);
    assert.equal(containerInt(a.children?.find((p) => p.children?.[0].value === 'cpu')?.children?.[1], parsed), undefined);
    assert.deepEqual([essentialOf(a, parsed), essentialOf(b, parsed), essentialOf(c, parsed)], [false, undefined, true]);
  });

  it('closest name: unknown-property order, then containment, then edit distance', () => {
    assert.equal(closestName('DB', ['db', 'app']), 'db');
    assert.equal(closestName('app-container', ['php-app-container', 'nginx-web-container']), 'php-app-container');
    assert.equal(closestName('envoy-proxy', ['envoy', 'app']), 'envoy');
    assert.equal(closestName('zzz', ['envoy', 'app']), undefined);
  });
});
