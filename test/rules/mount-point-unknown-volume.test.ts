import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, expectRanges, only } from '../helpers/rule-fix';

const ID = 'mount-point-unknown-volume';
const task = (volumes: string, source: string) =>
  `{\n  "family": "f",\n  ${volumes}"containerDefinitions": [\n    { "name": "web", "image": "nginx:1.27", "mountPoints": [ { "sourceVolume": ${source}, "containerPath": "/var/www" } ] }\n  ]\n}`;

describe(ID, () => {
  it('reports sourceVolume with did-you-mean', () => {
    const [d] = expectRanges(task('"volumes": [ { "name": "php-code" } ],\n  ', '⟦"code"⟧'), ID);
    assert.equal(d.message, "Mount point uses volume 'code', which is not declared in volumes (did you mean 'php-code'?).");
  });

  it('fixes: rename (preferred when close), or declare the volume (with or without a volumes list)', () => {
    assert.match(applyFix(task('"volumes": [ { "name": "php-code" } ],\n  ', '"code"'), ID), /"sourceVolume": "php-code"/);
    const declared = applyFix(task('"volumes": [ { "name": "php-code" } ],\n  ', '"code"'), ID, 'Declare');
    assert.match(declared, /"volumes": \[ \{ "name": "php-code" \}, \{ "name": "code" \} \]/, 'appended on the one-line list');
    const [d] = only(task('', '"data"'), ID);
    assert.deepEqual(d.diagnostic.fixes?.map((f) => [f.title, !!f.preferred]), [["Declare volume 'data'", true]]);
    assert.match(applyFix(task('', '"data"'), ID), /"volumes": \[\s*\{\s*"name": "data"\s*\}\s*\]/);
  });

  it('silent for container arrays, templated volume lists and placeholder names', () => {
    assert.equal(only('[ { "name": "w", "image": "w:1", "mountPoints": [ { "sourceVolume": "x", "containerPath": "/x" } ] } ]', ID).length, 0);
    assert.equal(only(task('"volumes": ${volumes},\n  ', '"code"'), ID).length, 0);
    assert.equal(only(task('"volumes": [ { "name": "${vol}" } ],\n  ', '"code"'), ID).length, 0);
    assert.equal(only(task('"volumes": [],\n  ', '"${vol}"'), ID).length, 0);
  });
});
