import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, expectRanges, only } from '../helpers/rule-fix';

const ID = 'writable-host-mounts';
const task = (path: string, mount: string, launch = '"EC2"') => `{
  "family": "agent",
  "requiresCompatibilities": [${launch}],
  "volumes": [{ "name": "v", "host": { "sourcePath": ${JSON.stringify(path)} } }],
  "containerDefinitions": [
    { "name": "agent", "image": "agent:7.2", "memory": 256, "mountPoints": [${mount}] }
  ]
}`;

describe(ID, () => {
  it('sensitive path without readOnly: on sourceVolume, fix adds readOnly', () => {
    const text = task('/proc', '{ "sourceVolume": "v", "containerPath": "/host/proc" }');
    const [d] = expectRanges(text.replace('"sourceVolume": "v"', '"sourceVolume": ⟦"v"⟧'), ID);
    assert.equal(d.severity, 'warning');
    assert.equal(d.message, "'agent' mounts host path /proc writable; it can change the instance itself.");
    assert.equal(d.diagnostic.related?.[0].message, "volume 'v' binds host path /proc");
    assert.match(applyFix(text, ID), /"containerPath": "\/host\/proc", "readOnly": true \}/);
  });

  it('readOnly false: on the value; sub-paths and trailing slashes count', () => {
    expectRanges(task('/etc/ssl/', '{ "sourceVolume": "v", "containerPath": "/ssl", "readOnly": ⟦false⟧ }'), ID);
    assert.equal(only(task('/', '{ "sourceVolume": "v", "containerPath": "/host" }'), ID).length, 1);
    assert.equal(only(task('/var/lib/docker/volumes', '{ "sourceVolume": "v", "containerPath": "/d" }'), ID).length, 1);
  });

  it('the Docker socket is reported even read-only, with no fix', () => {
    const [d] = only(task('/var/run/docker.sock', '{ "sourceVolume": "v", "containerPath": "/var/run/docker.sock", "readOnly": true }'), ID);
    assert.match(d.message, /Docker socket/);
    assert.equal(d.diagnostic.fixes, undefined);
  });

  it('silent: read-only, non-sensitive look-alikes, placeholders, Fargate', () => {
    assert.equal(only(task('/proc', '{ "sourceVolume": "v", "containerPath": "/p", "readOnly": true }'), ID).length, 0);
    assert.equal(only(task('/etcd-data', '{ "sourceVolume": "v", "containerPath": "/p" }'), ID).length, 0);
    assert.equal(only(task('/data', '{ "sourceVolume": "v", "containerPath": "/p" }'), ID).length, 0);
    assert.equal(only(task('${HOST_DIR}', '{ "sourceVolume": "v", "containerPath": "/p" }'), ID).length, 0);
    assert.equal(only(task('/proc', '{ "sourceVolume": "v", "containerPath": "/p" }', '"FARGATE"'), ID).length, 0);
  });
});
