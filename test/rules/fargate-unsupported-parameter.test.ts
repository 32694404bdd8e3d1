import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, expectRanges, only } from '../helpers/rule-fix';

const ID = 'fargate-unsupported-parameter';
const fargate = (task: string, container: string, compat = '"FARGATE"') =>
  `{\n  "family": "app",\n  "requiresCompatibilities": [${compat}],\n  "networkMode": "awsvpc",\n  "cpu": "256",\n  "memory": "512",${task}\n  "containerDefinitions": [\n    {\n      "name": "app",\n      "image": "app:1.0",\n      "essential": true${container}\n    }\n  ]\n}`;

describe(ID, () => {
  it('reports the offending key once per occurrence, with an explanation', () => {
    const got = expectRanges(
      fargate('\n  ⟦"ipcMode"⟧: "none",\n  ⟦"inferenceAccelerators"⟧: [{ "deviceName": "d1", "deviceType": "eia2.medium" }],', ',\n      ⟦"privileged"⟧: true,\n      ⟦"extraHosts"⟧: [{ "hostname": "db", "ipAddress": "10.0.0.5" }],\n      ⟦"dnsSearchDomains"⟧: ["corp"]'),
      ID,
    );
    assert.equal(got[0].message, "'ipcMode' is not supported on Fargate; remove it.");
    assert.equal(got[0].diagnostic.related?.[0].message, 'Fargate does not let tasks choose an IPC namespace.', 'the why goes to related information');
    assert.equal(got[2].message, "'privileged' is not supported on Fargate; remove it.");
    assert.ok(got.every((d) => d.severity === 'error'));
  });

  it('empty values count as absent; false flags and tmpfs/initProcessEnabled/capabilities.drop are fine', () => {
    const text = fargate('\n  "ipcMode": "",\n  "placementConstraints": [],\n  "inferenceAccelerators": null,', ',\n      "privileged": false,\n      "disableNetworking": false,\n      "links": [],\n      "dnsServers": null,\n      "linuxParameters": { "tmpfs": [{ "containerPath": "/tmp", "size": 64 }], "initProcessEnabled": true, "capabilities": { "add": ["SYS_PTRACE", "CAP_SYS_PTRACE"], "drop": ["ALL"] } }');
    assert.deepEqual(only(text, ID), []);
  });

  it('volumes: host.sourcePath (fix keeps a task-scoped bind mount), Docker volumes, FSx', () => {
    const text = fargate('\n  "volumes": [\n    { "name": "logs", "host": { "sourcePath": "/var/log" } },\n    { "name": "d", "dockerVolumeConfiguration": { "scope": "task" } },\n    { "name": "f", "fsxWindowsFileServerVolumeConfiguration": { "fileSystemId": "fs-0123456789abcdef0", "rootDirectory": "x", "authorizationConfig": { "credentialsParameter": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:fsx", "domain": "corp" } } }\n  ],', '');
    const got = only(text, ID);
    assert.deepEqual(got.map((d) => d.text), ['"sourcePath"', '"dockerVolumeConfiguration"', '"fsxWindowsFileServerVolumeConfiguration"']);
    const fixed = applyFix(text, ID, 'Remove sourcePath');
    assert.ok(fixed.includes('{ "name": "logs", "host": { } }') || fixed.includes('{ "name": "logs", "host": {} }'), fixed);
    applyFix(text, ID, "Remove 'dockerVolumeConfiguration'", 1);
  });

  it("pidMode host → \"Set pidMode to 'task'\"; pidMode task is fine", () => {
    const text = fargate('\n  "pidMode": "host",', '');
    const [d] = expectRanges(fargate('\n  ⟦"pidMode"⟧: "host",', ''), ID);
    assert.equal(d.diagnostic.fixes![0].title, "Set pidMode to 'task'");
    assert.ok(applyFix(text, ID).includes('"pidMode": "task"'));
    assert.deepEqual(only(fargate('\n  "pidMode": "task",', ''), ID), []);
  });

  it('capabilities.add: only SYS_PTRACE may stay', () => {
    const text = fargate('', ',\n      "linuxParameters": { "capabilities": { "add": ["NET_ADMIN", "SYS_PTRACE", "SYS_ADMIN"] } }');
    const [d] = only(text, ID);
    assert.equal(d.text, '"add"');
    assert.equal(d.message, "Adding 'NET_ADMIN', 'SYS_ADMIN' in 'capabilities.add' is not supported on Fargate: only SYS_PTRACE can be added there.");
    assert.ok(applyFix(text, ID, 'Keep only SYS_PTRACE').includes('"add": ["SYS_PTRACE"]'));
    const none = fargate('', ',\n      "linuxParameters": { "capabilities": { "add": ["NET_RAW"], "drop": ["ALL"] } }');
    const fixed = applyFix(none, ID);
    assert.ok(!fixed.includes('"add"') && fixed.includes('"drop": ["ALL"]'), fixed);
  });

  it('GPU requirements, devices, shared memory, swap, FireLens S3 config', () => {
    const text = fargate('', ',\n      "resourceRequirements": [{ "type": "GPU", "value": "1" }],\n      "linuxParameters": { "devices": [{ "hostPath": "/dev/fuse" }], "maxSwap": 0, "swappiness": 10 },\n      "firelensConfiguration": { "type": "fluentbit", "options": { "config-file-type": "s3", "config-file-value": "arn:aws:s3:::b/x.conf" } }');
    assert.deepEqual(only(text, ID).map((d) => d.text), ['"GPU"', '"devices"', '"maxSwap"', '"swappiness"', '"config-file-type"']);
    const fixed = applyFix(text, ID, 'Remove this resource requirement');
    assert.ok(fixed.includes('"resourceRequirements": []'), fixed);
  });

  it('remove fixes keep the rest of the line layout and comments', () => {
    const text = fargate('\n  // no IPC on Fargate\n  "ipcMode": "host",', '');
    const fixed = applyFix(text, ID);
    assert.ok(fixed.includes('"memory": "512",\n  // no IPC on Fargate\n  "containerDefinitions"'), fixed);
  });

  it('silent on EC2, on unknown launch, and a placeholder value reports at most a warning', () => {
    assert.deepEqual(only(fargate('\n  "ipcMode": "host",', ',\n      "privileged": true', '"EC2"'), ID), []);
    assert.deepEqual(only(fargate('\n  "ipcMode": "host",', ',\n      "privileged": true', ''), ID), []);
    const [d] = only(fargate('', ',\n      "hostname": "${hostname}"'), ID);
    assert.equal(d.severity, 'warning');
    assert.deepEqual(only(fargate('', ',\n      "privileged": "${privileged}"'), ID), []);
  });

  it('container arrays only with a configured launch type', () => {
    const arr = '[{ "name": "app", "image": "app:1.0", "essential": true, "privileged": true }]';
    assert.deepEqual(only(arr, ID), []);
    assert.equal(only(`// ecs-taskdef: launchType=FARGATE\n${arr}`, ID).length, 1);
    assert.equal(only(arr, ID, { defaultLaunchType: 'FARGATE' }).length, 1);
  });
});
