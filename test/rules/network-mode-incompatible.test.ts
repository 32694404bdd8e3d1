import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, expectRanges, only } from '../helpers/rule-fix';

const ID = 'network-mode-incompatible';
const task = (top: string, web: string) =>
  `{\n  "family": "web", "requiresCompatibilities": ["EC2"],${top}\n  "containerDefinitions": [\n    { "name": "web", "image": "nginx:1.27", "memory": 256${web} },\n    { "name": "app", "image": "app:1", "memory": 256 }\n  ]\n}`;

describe(ID, () => {
  it('links outside bridge, hostname and extraHosts with awsvpc: on the key', () => {
    const ds = expectRanges(task(' "networkMode": "awsvpc",', ', ⟦"links"⟧: ["app"], ⟦"hostname"⟧: "web", ⟦"extraHosts"⟧: [{ "hostname": "db", "ipAddress": "10.0.0.5" }]'), ID);
    assert.equal(ds[0].message, "'links' does not work with networkMode 'awsvpc': links are a bridge-only feature; in awsvpc and host mode containers reach each other on localhost.");
    assert.ok(ds.every((d) => d.severity === 'error'));
    assert.match(only(task(' "networkMode": "host",', ', "links": ["app"]'), ID)[0].message, /networkMode 'host'/);
  });

  it('portMappings with none, containerPortRange with host', () => {
    expectRanges(task(' "networkMode": "none",', ', ⟦"portMappings"⟧: [{ "containerPort": 80 }]'), ID);
    expectRanges(task(' "networkMode": "host",', ', "portMappings": [{ ⟦"containerPortRange"⟧: "8000-8010" }]'), ID);
  });

  it('Windows on EC2 with a Linux network mode', () => {
    const [d] = expectRanges(task(' "networkMode": ⟦"bridge"⟧, "runtimePlatform": { "operatingSystemFamily": "WINDOWS_SERVER_2019_FULL" },', ''), ID);
    assert.equal(d.message, "networkMode 'bridge' does not work for Windows containers on EC2: they use the default (NAT) mode or awsvpc.");
    const fixed = applyFix(task(' "networkMode": "bridge", "runtimePlatform": { "operatingSystemFamily": "WINDOWS_SERVER_2019_FULL" },', ''), ID, 'Remove networkMode');
    assert.equal(JSON.parse(fixed).networkMode, undefined);
  });

  it('fix removes the key and keeps the one-line layout', () => {
    const fixed = applyFix(task(' "networkMode": "awsvpc",', ', "links": ["app"]'), ID);
    assert.match(fixed, /\{ "name": "web", "image": "nginx:1.27", "memory": 256 \}/);
  });

  it('silent in bridge, for empty values, placeholders and on Fargate', () => {
    assert.equal(only(task('', ', "links": ["app"], "hostname": "web"'), ID).length, 0);
    assert.equal(only(task(' "networkMode": "awsvpc",', ', "links": [], "hostname": null, "extraHosts": null'), ID).length, 0);
    assert.equal(only(task(' "networkMode": "${MODE}",', ', "links": ["app"]'), ID).length, 0);
    const fargate = task(' "networkMode": "awsvpc",', ', "links": ["app"]').replace('["EC2"]', '["FARGATE"], "cpu": "256", "memory": "512"');
    assert.equal(only(fargate, ID).length, 0);
  });
});
