import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, expectRanges, only } from '../helpers/rule-fix';

const ID = 'windows-unsupported-parameter';
const doc = (task: string, container: string, compat = '"EC2"', family = 'WINDOWS_SERVER_2022_FULL') =>
  `{\n  "family": "iis",\n  "requiresCompatibilities": [${compat}],\n  "networkMode": "awsvpc",\n  "cpu": "1024",\n  "memory": "2048",\n  "runtimePlatform": { "operatingSystemFamily": "${family}" },${task}\n  "containerDefinitions": [\n    {\n      "name": "iis",\n      "image": "mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022",\n      "essential": true${container}\n    }\n  ]\n}`;

describe(ID, () => {
  it('reports each Linux-only key on Windows as a warning, on the key', () => {
    const got = expectRanges(doc('\n  ⟦"ipcMode"⟧: "task",', ',\n      ⟦"user"⟧: "ContainerAdministrator",\n      ⟦"dnsServers"⟧: ["10.0.0.2"],\n      ⟦"systemControls"⟧: [{ "namespace": "net.ipv4.tcp_keepalive_time", "value": "60" }]'), ID);
    assert.equal(got[0].message, "'ipcMode' is not supported for Windows tasks; ECS ignores or rejects it.");
    assert.equal(got[1].message, "'user' is not supported for Windows containers; ECS ignores or rejects it.");
    assert.ok(got.every((d) => d.severity === 'warning'));
  });

  it('"Remove" deletes the key and its line', () => {
    const text = doc('', ',\n      "readonlyRootFilesystem": true');
    const fixed = applyFix(text, ID);
    assert.ok(fixed.includes('"essential": true\n    }'), fixed);
  });

  it('false booleans and empty values are not reported; Linux and unknown OS are silent', () => {
    assert.deepEqual(only(doc('\n  "pidMode": null,', ',\n      "privileged": false,\n      "readonlyRootFilesystem": false,\n      "links": []'), ID), []);
    assert.deepEqual(only(doc('\n  "ipcMode": "task",', ',\n      "user": "1000"', '"EC2"', 'LINUX'), ID), []);
    assert.deepEqual(only(doc('', ',\n      "user": "1000"').replace(/ *"runtimePlatform".*\n/, ''), ID), []);
  });

  it('on Fargate, keys that fargate-unsupported-parameter already reports are not repeated', () => {
    const text = doc('\n  "ipcMode": "host",', ',\n      "privileged": true,\n      "links": ["x"],\n      "ulimits": [{ "name": "nofile", "softLimit": 1024, "hardLimit": 4096 }]', '"FARGATE"', 'WINDOWS_SERVER_2019_CORE');
    assert.deepEqual(only(text, ID).map((d) => d.text), ['"ulimits"']);
    assert.deepEqual(only(text, 'fargate-unsupported-parameter').map((d) => d.text), ['"ipcMode"', '"privileged"', '"links"']);
  });

  it('on EXTERNAL, proxyConfiguration is left to external-unsupported-parameter', () => {
    const text = doc('\n  "proxyConfiguration": { "type": "APPMESH", "containerName": "iis" },', '', '"EXTERNAL"');
    assert.deepEqual(only(text, ID), []);
    assert.equal(only(text, 'external-unsupported-parameter').filter((d) => d.text === '"proxyConfiguration"').length, 1);
  });
});
