import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, expectRanges, only } from '../helpers/rule-fix';

const ID = 'volume-multiple-types';
const mixed = `{
  "family": "web",
  "volumes": [
    { "name": "data", "host": { "sourcePath": "/data" }, "efsVolumeConfiguration": { "fileSystemId": "fs-0123456789abcdef0" } }
  ],
  "containerDefinitions": [{ "name": "web", "image": "nginx:1.27" }]
}`;

describe(ID, () => {
  it('points at the second kind and names both', () => {
    const [d] = expectRanges(mixed.replace('"efsVolumeConfiguration"', '⟦"efsVolumeConfiguration"⟧'), ID);
    assert.equal(d.severity, 'error');
    assert.equal(d.message, "Volume 'data' mixes host and efsVolumeConfiguration; a volume is exactly one kind.");
    assert.equal(d.diagnostic.related?.length, 1);
  });

  it('offers one "Keep only" fix per kind, each leaving exactly that kind', () => {
    const keepHost = applyFix(mixed, ID, 'Keep only host');
    assert.match(keepHost, /"host": \{ "sourcePath": "\/data" \}/);
    assert.doesNotMatch(keepHost, /efsVolumeConfiguration/);
    const keepEfs = applyFix(mixed, ID, 'Keep only efsVolumeConfiguration');
    assert.doesNotMatch(keepEfs, /"host"/);
    assert.doesNotThrow(() => JSON.parse(keepEfs));
  });

  it('a fix removing two adjacent kinds stays valid JSON', () => {
    const three = '{ "volumes": [ { "name": "v", "host": {}, "dockerVolumeConfiguration": { "scope": "task" }, "efsVolumeConfiguration": { "fileSystemId": "fs-1" } } ], "containerDefinitions": [{ "name": "a", "image": "a:1" }] }';
    const fixed = applyFix(three, ID, 'Keep only efsVolumeConfiguration');
    assert.deepEqual(JSON.parse(fixed).volumes[0], { name: 'v', efsVolumeConfiguration: { fileSystemId: 'fs-1' } });
  });

  it('reports every configuredAtLaunch volume after the first', () => {
    const text = '{ "volumes": [ { "name": "a", "configuredAtLaunch": true }, { "name": "b", ⟦"configuredAtLaunch"⟧: true }, { "name": "c", "configuredAtLaunch": false } ], "containerDefinitions": [{ "name": "x", "image": "x:1" }] }';
    const [d] = expectRanges(text, ID);
    assert.match(d.message, /Only one volume per task definition can be configured at launch/);
  });

  it('null kinds and configuredAtLaunch false do not count', () => {
    assert.equal(only('{ "volumes": [ { "name": "a", "host": null, "configuredAtLaunch": false, "efsVolumeConfiguration": { "fileSystemId": "fs-1", "transitEncryption": "ENABLED" } } ], "containerDefinitions": [{ "name": "x", "image": "x:1" }] }', ID).length, 0);
  });
});
