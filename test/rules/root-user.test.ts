import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, expectRanges, only } from '../helpers/rule-fix';

const ID = 'root-user';

describe(ID, () => {
  it('(a) explicit root: on the user value; "0:0" and "root:wheel" too', () => {
    const [d] = expectRanges('[ { "name": "log_router", "image": "fluent-bit:3.1", "user": ⟦"0"⟧ } ]', ID);
    assert.equal(d.severity, 'warning');
    assert.equal(d.message, "'log_router' explicitly runs as root ('0').");
    assert.equal(only('[ { "name": "a", "image": "a:1", "user": "0:0" }, { "name": "b", "image": "a:1", "user": "root:wheel" } ]', ID).length, 2);
    const fixed = applyFix('[ { "name": "a", "image": "a:1", "user": "root" } ]', ID, 'Set user');
    assert.match(fixed, /"user": "1000:1000"/);
  });

  it('(b) host network mode without user: on the container name, fix inserts a user', () => {
    const text = '{ "family": "d", "networkMode": "host", "requiresCompatibilities": ["EC2"], "containerDefinitions": [ { "name": "agent", "image": "agent:7.2", "memory": 256 } ] }';
    const [d] = expectRanges(text.replace('"name": "agent"', '"name": ⟦"agent"⟧'), ID);
    assert.match(d.message, /shares the host's network stack/);
    assert.equal(d.diagnostic.fixes?.[0].preferred, undefined);
    assert.match(applyFix(text, ID, 'Set user'), /"memory": 256, "user": "1000:1000" \}/);
  });

  it('silent: non-root users, uid 1000 with root group, placeholders, privileged host containers, bridge mode, Windows', () => {
    assert.equal(only('[ { "name": "a", "image": "a:1", "user": "1000:0" }, { "name": "b", "image": "a:1", "user": "${USER}" }, { "name": "c", "image": "a:1", "user": "rootless" } ]', ID).length, 0);
    assert.equal(only('{ "family": "d", "networkMode": "host", "containerDefinitions": [ { "name": "a", "image": "a:1", "memory": 256, "privileged": true } ] }', ID).length, 0);
    assert.equal(only('{ "family": "d", "networkMode": "bridge", "containerDefinitions": [ { "name": "a", "image": "a:1", "memory": 256 } ] }', ID).length, 0);
    assert.equal(only('{ "family": "w", "runtimePlatform": { "operatingSystemFamily": "WINDOWS_SERVER_2022_CORE" }, "containerDefinitions": [ { "name": "a", "image": "a:1", "memory": 256, "user": "root" } ] }', ID).length, 0);
  });
});
