import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, expectRanges, only } from '../helpers/rule-fix';

const ID = 'readonly-root-filesystem';

describe(ID, () => {
  it('absent: hint on the container name; explicit false: on the value', () => {
    const ds = expectRanges('[ { "name": ⟦"api"⟧, "image": "api:3.2.0" }, { "name": "web", "image": "w:1", "readonlyRootFilesystem": ⟦false⟧ } ]', ID);
    assert.ok(ds.every((d) => d.severity === 'hint'));
    assert.equal(ds[0].message, "'api' can write to its root filesystem; making it read-only blocks tampering. Give the paths it writes to a tmpfs or a volume.");
  });

  it('mentions ECS Exec when initProcessEnabled is set', () => {
    const [d] = only('[ { "name": "api", "image": "api:3.2.0", "linuxParameters": { "initProcessEnabled": true } } ]', ID);
    assert.equal(d.message, "'api' can write to its root filesystem; to make it read-only, give the paths it writes (ECS Exec: /var/lib/amazon, /var/log/amazon) a tmpfs or volume.");
  });

  it('fixes insert or flip the flag (not preferred)', () => {
    const [d] = only('[ { "name": "api", "image": "api:3.2.0" } ]', ID);
    assert.equal(d.diagnostic.fixes?.[0].preferred, undefined);
    assert.equal(applyFix('[ { "name": "api", "image": "api:3.2.0" } ]', ID, 'Set'), '[ { "name": "api", "image": "api:3.2.0", "readonlyRootFilesystem": true } ]');
    assert.match(applyFix('[ { "name": "w", "image": "w:1", "readonlyRootFilesystem": false } ]', ID, 'Set'), /"readonlyRootFilesystem": true/);
  });

  it('silent for true, placeholders and Windows', () => {
    assert.equal(only('[ { "name": "a", "image": "a:1", "readonlyRootFilesystem": true }, { "name": "b", "image": "a:1", "readonlyRootFilesystem": "${RO}" } ]', ID).length, 0);
    assert.equal(only('{ "family": "w", "runtimePlatform": { "operatingSystemFamily": "WINDOWS_SERVER_2019_CORE" }, "containerDefinitions": [ { "name": "a", "image": "a:1", "memory": 256 } ] }', ID).length, 0);
  });
});
