import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, expectRanges, only } from '../helpers/rule-fix';

const ID = 'external-unsupported-parameter';
const doc = (task: string, compat = '"EXTERNAL"') =>
  `{\n  "family": "edge",\n  "requiresCompatibilities": [${compat}],${task}\n  "containerDefinitions": [{ "name": "app", "image": "app:1.0", "essential": true, "memory": 256 }]\n}`;

describe(ID, () => {
  it('awsvpc: reported on the value; the fix sets bridge', () => {
    const [d] = expectRanges(doc('\n  "networkMode": ⟦"awsvpc"⟧,'), ID);
    assert.equal(d.message, "ECS Anywhere (EXTERNAL) supports only the bridge, host or none network modes, not 'awsvpc'.");
    assert.ok(applyFix(doc('\n  "networkMode": "awsvpc",'), ID).includes('"networkMode": "bridge"'));
    assert.deepEqual(only(doc('\n  "networkMode": "host",'), ID), []);
  });

  it('Windows: any explicit networkMode; the fix removes it', () => {
    const text = doc('\n  "runtimePlatform": { "operatingSystemFamily": "WINDOWS_SERVER_2022_CORE" },\n  "networkMode": "bridge",', '"EC2", "EXTERNAL"');
    const [d] = only(text, ID);
    assert.equal(d.message, 'ECS Anywhere (EXTERNAL) runs Windows tasks only in the default network mode; leave networkMode out.');
    const fixed = applyFix(text, ID);
    assert.ok(!fixed.includes('networkMode'), fixed);
  });

  it('EFS volumes and proxyConfiguration are reported on their key; the fixes remove them', () => {
    const text = doc('\n  "proxyConfiguration": { "type": "APPMESH", "containerName": "app" },\n  "volumes": [{ "name": "v", "efsVolumeConfiguration": { "fileSystemId": "fs-0123456789abcdef0" } }],');
    const got = only(text, ID);
    assert.deepEqual(got.map((d) => d.text), ['"proxyConfiguration"', '"efsVolumeConfiguration"']);
    assert.ok(!applyFix(text, ID, "Remove 'proxyConfiguration'").includes('proxyConfiguration'));
    assert.ok(!applyFix(text, ID, "Remove 'efsVolumeConfiguration'", 1).includes('efsVolumeConfiguration'));
  });

  it('silent on EC2, Fargate and unknown launch types, and for placeholders', () => {
    assert.deepEqual(only(doc('\n  "networkMode": "awsvpc",', '"EC2"'), ID), []);
    assert.deepEqual(only(doc('\n  "networkMode": "awsvpc",', ''), ID), []);
    assert.deepEqual(only(doc('\n  "networkMode": "${mode}",'), ID), []);
  });
});
