import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, expectRanges, only } from '../helpers/rule-fix';

const ID = 'efs-transit-encryption';
const disabled = `{
	"taskDefinition": {
		"family": "conf",
		"volumes": [
			{ "name": "firelens-conf", "efsVolumeConfiguration": { "fileSystemId": "fs-c3c9bcbb", "rootDirectory": "/", "transitEncryption": "DISABLED", "authorizationConfig": { "iam": "DISABLED" } } }
		],
		"containerDefinitions": [{ "name": "web", "image": "nginx:1.27" }]
	}
}`;

describe(ID, () => {
  it('DISABLED: warning on the value (firelens EFS sample shape)', () => {
    const [d] = expectRanges(disabled.replace('"DISABLED", "authorizationConfig"', '⟦"DISABLED"⟧, "authorizationConfig"'), ID);
    assert.equal(d.severity, 'warning');
    assert.equal(d.message, "EFS volume 'firelens-conf' sends file data unencrypted between the host and EFS; set transitEncryption to ENABLED.");
  });

  it('absent: on the efsVolumeConfiguration key', () => {
    expectRanges('{ "volumes": [ { "name": "d", ⟦"efsVolumeConfiguration"⟧: { "fileSystemId": "fs-1" } } ], "containerDefinitions": [{ "name": "w", "image": "w:1" }] }', ID);
  });

  it('fix sets ENABLED, keeps the tab indentation, and is idempotent', () => {
    const fixed = applyFix(disabled, ID);
    assert.match(fixed, /"transitEncryption": "ENABLED"/);
    assert.match(fixed, /\n\t\t"family"/);
    const absent = '{\n  "volumes": [\n    { "name": "d", "efsVolumeConfiguration": { "fileSystemId": "fs-1" } }\n  ],\n  "containerDefinitions": [{ "name": "w", "image": "w:1" }]\n}';
    const added = applyFix(absent, ID);
    assert.equal(JSON.parse(added).volumes[0].efsVolumeConfiguration.transitEncryption, 'ENABLED');
    assert.equal(only(added, ID).length, 0);
  });

  it('silent for ENABLED and placeholders', () => {
    assert.equal(only(disabled.replace('"DISABLED", "auth', '"ENABLED", "auth'), ID).length, 0);
    assert.equal(only(disabled.replace('"DISABLED", "auth', '"${EFS_TLS}", "auth'), ID).length, 0);
  });
});

describe(`${ID} and invalid-enum-value`, () => {
  it('a misspelt value stays an invalid-enum-value error, not hidden behind this warning', () => {
    const text = '{ "volumes": [ { "name": "d", "efsVolumeConfiguration": { "fileSystemId": "fs-1", "transitEncryption": "enabled" } } ], "containerDefinitions": [{ "name": "w", "image": "w:1" }] }';
    assert.equal(only(text, ID).length, 0);
    assert.equal(only(text, 'invalid-enum-value').length, 1);
  });
});
