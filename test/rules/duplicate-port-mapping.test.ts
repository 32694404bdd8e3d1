import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, expectRanges, only } from '../helpers/rule-fix';

const ID = 'duplicate-port-mapping';
const task = (mode: string, a: string, b = '') =>
  `{\n  "family": "app", "networkMode": "${mode}",\n  "containerDefinitions": [\n    { "name": "app", "image": "app:1", "memory": 256, "portMappings": [${a}] }${b ? `,\n    { "name": "side", "image": "side:1", "memory": 256, "portMappings": [${b}] }` : ''}\n  ]\n}`;

describe(ID, () => {
  it('(a) same container, same port and protocol: the later one, related to the first', () => {
    const [d] = expectRanges(task('awsvpc', '{ "containerPort": 8080 }, { "containerPort": 8081 }, { "containerPort": ⟦8080⟧, "protocol": "tcp" }'), ID);
    assert.equal(d.message, 'Port 8080/tcp is already mapped in this container.');
    assert.equal(d.diagnostic.related?.[0].message, 'first mapping of port 8080/tcp');
    assert.equal(d.diagnostic.fixes?.[0].preferred, true);
  });

  it('(a) overlapping ranges and a port inside a range', () => {
    const ds = expectRanges(task('awsvpc', '{ "containerPortRange": "9000-9100" }, { "containerPortRange": ⟦"9100-9200"⟧ }, { "containerPort": ⟦9050⟧ }'), ID);
    assert.equal(ds[0].message, 'Port 9100-9200/tcp is already mapped in this container.');
  });

  it('(b) awsvpc/host: two containers share the namespace; protocols differ is fine', () => {
    const [d] = expectRanges(task('host', '{ "containerPort": 53, "protocol": "udp" }, { "containerPort": 53 }', '{ "containerPort": ⟦53⟧, "protocol": "UDP" }'), ID);
    assert.equal(d.message, "Port 53/udp is already used by container 'app' in the task's shared network namespace.");
    assert.equal(d.diagnostic.fixes?.[0].preferred, false);
  });

  it('(c) bridge: the same fixed hostPort twice; dynamic ports and one container port on two host ports are fine', () => {
    const [d] = expectRanges(task('bridge', '{ "containerPort": 80, "hostPort": 8080 }, { "containerPort": 80, "hostPort": 8081 }', '{ "containerPort": 3000, "hostPort": ⟦8080⟧ }'), ID);
    assert.equal(d.message, "Port 8080/tcp is already bound on the host by 'app'.");
    assert.equal(only(task('bridge', '{ "containerPort": 80 }, { "containerPort": 81, "hostPort": 0 }', '{ "containerPort": 80 }'), ID).length, 0);
    assert.equal(only(task('bridge', '{ "containerPort": 80 }, { "containerPort": 80 }'), ID).length, 1, 'an exact repeat still clashes');
  });

  it('fix removes the later mapping and keeps the layout', () => {
    const fixed = applyFix(task('awsvpc', '{ "containerPort": 8080 }, { "containerPort": 8080 }'), ID);
    assert.match(fixed, /"portMappings": \[\{ "containerPort": 8080 \}\]/);
  });

  it('placeholder ports are skipped', () => {
    assert.equal(only(task('awsvpc', '{ "containerPort": ${port} }, { "containerPort": ${port} }'), ID).length, 0);
  });
});
