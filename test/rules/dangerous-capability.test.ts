import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, expectRanges, only } from '../helpers/rule-fix';

const ID = 'dangerous-capability';
const caps = (add: string, launch = '') =>
  `{ "family": "n", ${launch}"containerDefinitions": [ { "name": "vpn", "image": "vpn:2.0", "memory": 256, "linuxParameters": { "capabilities": { "add": [${add}] } } } ] }`;

describe(ID, () => {
  it('warns on each dangerous element with the reason', () => {
    const ds = expectRanges(caps('"NET_BIND_SERVICE", ⟦"NET_ADMIN"⟧, "SYS_PTRACE", ⟦"ALL"⟧'), ID);
    assert.ok(ds.every((d) => d.severity === 'warning'));
    assert.equal(ds[0].message, "Adding NET_ADMIN gives 'vpn' host-level power (reconfiguring interfaces, routes and firewall rules); add it only if the workload truly needs it.");
  });

  it('the fix removes the element', () => {
    const fixed = applyFix(caps('"NET_BIND_SERVICE", "SYS_ADMIN"'), ID);
    assert.deepEqual(JSON.parse(fixed).containerDefinitions[0].linuxParameters.capabilities.add, ['NET_BIND_SERVICE']);
  });

  it('silent for narrow capabilities, drop lists, prototype names and Fargate', () => {
    assert.equal(only(caps('"NET_BIND_SERVICE", "SYS_PTRACE", "CHOWN", "toString"'), ID).length, 0);
    assert.equal(only('[ { "name": "a", "image": "a:1", "linuxParameters": { "capabilities": { "drop": ["ALL", "SYS_ADMIN"] } } } ]', ID).length, 0);
    assert.equal(only(caps('"SYS_ADMIN"', '"requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc", "cpu": "256", "memory": "512", '), ID).length, 0);
  });
});
