import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, expectRanges, only } from '../helpers/rule-fix';

const ID = 'efs-volume-config';
const wrap = (efs: string) => `{\n  "family": "web",\n  "volumes": [{ "name": "data", ${efs} }],\n  "containerDefinitions": [{ "name": "web", "image": "nginx:1.27" }]\n}`;
const both = wrap('"efsVolumeConfiguration": { "fileSystemId": "fs-0123456789abcdef0", "rootDirectory": "/app", "authorizationConfig": { "accessPointId": "fsap-0123456789abcdef0", "iam": "ENABLED" } }');

describe(ID, () => {
  it('missing transitEncryption: on the efsVolumeConfiguration key; rootDirectory: on its value', () => {
    const ds = expectRanges(both.replace('"efsVolumeConfiguration"', '⟦"efsVolumeConfiguration"⟧').replace('"/app"', '⟦"/app"⟧'), ID);
    assert.equal(ds[0].message, "An EFS access point with IAM authorization requires transitEncryption 'ENABLED' (it defaults to DISABLED).");
    assert.equal(ds[1].message, "With an access point, rootDirectory must be omitted or '/'; the access point sets the path (got '/app').");
    assert.ok(ds.every((d) => d.severity === 'error'));
  });

  it('DISABLED is reported on the value, IAM alone names IAM', () => {
    const text = wrap('"efsVolumeConfiguration": { "fileSystemId": "fs-1", "transitEncryption": ⟦"DISABLED"⟧, "authorizationConfig": { "iam": "ENABLED" } }');
    const [d] = expectRanges(text, ID);
    assert.equal(d.message, "EFS IAM authorization requires transitEncryption 'ENABLED'; got 'DISABLED'.");
  });

  it('fixes: set ENABLED (preferred) and remove rootDirectory', () => {
    const once = applyFix(both, ID);
    assert.equal(JSON.parse(once).volumes[0].efsVolumeConfiguration.transitEncryption, 'ENABLED');
    const twice = applyFix(once, ID, 'Remove rootDirectory');
    assert.equal(only(twice, ID).length, 0);
    assert.equal(JSON.parse(twice).volumes[0].efsVolumeConfiguration.rootDirectory, undefined);
  });

  it('takes precedence over efs-transit-encryption (one diagnostic per mistake)', () => {
    const text = wrap('"efsVolumeConfiguration": { "fileSystemId": "fs-1", "authorizationConfig": { "accessPointId": "fsap-1" } }');
    assert.equal(only(text, ID).length, 1);
    assert.equal(only(text, 'efs-transit-encryption').length, 0);
  });

  it('silent for "/" root, placeholders and no authorization', () => {
    assert.equal(only(wrap('"efsVolumeConfiguration": { "fileSystemId": "fs-1", "rootDirectory": "/", "transitEncryption": "ENABLED", "authorizationConfig": { "accessPointId": "fsap-1" } }'), ID).length, 0);
    assert.equal(only(wrap('"efsVolumeConfiguration": { "fileSystemId": "fs-1", "rootDirectory": "${ROOT}", "transitEncryption": "${TLS}", "authorizationConfig": { "accessPointId": "${AP}" } }'), ID).length, 0);
    assert.equal(only(wrap('"efsVolumeConfiguration": { "fileSystemId": "fs-1", "rootDirectory": "/app" }'), ID).length, 0);
  });
});
