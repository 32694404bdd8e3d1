import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, expectRanges, only } from '../helpers/rule-fix';

const ID = 'fargate-task-size-required';

describe(ID, () => {
  it('both missing: reported at the root brace; the fix covers the container sums', () => {
    const text = `⟦{⟧
  "family": "web",
  "requiresCompatibilities": ["FARGATE"],
  "networkMode": "awsvpc",
  "containerDefinitions": [
    { "name": "web", "image": "nginx:1.27", "essential": true, "cpu": 300, "memory": 700 },
    { "name": "side", "image": "busybox:1.36", "essential": false, "memoryReservation": 600, "memory": 2000 }
  ]
}`;
    const [d] = expectRanges(text, ID);
    assert.equal(d.message, "Fargate needs task-level 'cpu' and 'memory'; add them (the smallest size is 256 CPU / 512 MiB).");
    assert.equal(d.diagnostic.fixes![0].title, 'Add cpu 512 / memory 2048 (the smallest size that fits the containers)');
    const fixed = applyFix(d.diagnostic && text.replace(/[⟦⟧]/g, ''), ID);
    assert.ok(fixed.includes('"cpu": "512"') && fixed.includes('"memory": "2048"'), fixed);
  });

  it('one value present: the other is added to fit it', () => {
    const base = (body: string) => `{ "family": "web", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc", ${body} "containerDefinitions": [{ "name": "web", "image": "nginx:1.27", "essential": true, "memory": 3000 }] }`;
    const cpuOnly = base('"cpu": "1 vCPU",');
    assert.equal(only(cpuOnly, ID)[0].message, "Fargate needs task-level 'memory'; add it (the smallest size is 256 CPU / 512 MiB).");
    assert.match(applyFix(cpuOnly, ID), /"memory": ?"3072"/);
    const memOnly = base('"memory": "8192",');
    assert.match(applyFix(memOnly, ID), /"cpu": ?"1024"/);
  });

  it('a null or empty value is reported on the value (and replaces null-value there)', () => {
    const text = '{ "family": "web", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc", "cpu": "256", "memory": ⟦null⟧, "containerDefinitions": [{ "name": "web", "image": "nginx:1.27", "essential": true }] }';
    const [d] = expectRanges(text, ID);
    assert.equal(d.diagnostic.fixes![0].title, 'Add memory 512 (the smallest size that fits the containers)');
    assert.deepEqual(only(text.replace(/[⟦⟧]/g, ''), 'null-value'), []);
    const fixed = applyFix(text.replace(/[⟦⟧]/g, ''), ID);
    assert.ok(fixed.includes('"memory": "512"'), fixed);
  });

  it('describe output: the fix writes inside taskDefinition', () => {
    const text = '{\n  "taskDefinition": {\n    "family": "web",\n    "requiresCompatibilities": ["FARGATE"],\n    "networkMode": "awsvpc",\n    "containerDefinitions": [{ "name": "web", "image": "nginx:1.27" }]\n  }\n}';
    assert.equal(only(text, ID)[0].text, '"taskDefinition"');
    const fixed = applyFix(text, ID);
    assert.match(fixed, /"taskDefinition": \{[\s\S]*"cpu": "256",[\s\S]*"memory": "512"[\s\S]*\}\n\}$/);
  });

  it('placeholders count as present; EC2 and unknown launch types need nothing', () => {
    const t = (extra: string, compat = '"FARGATE"') => `{ "family": "web", "requiresCompatibilities": [${compat}], "networkMode": "awsvpc", ${extra} "containerDefinitions": [{ "name": "web", "image": "nginx:1.27", "memory": 256 }] }`;
    assert.deepEqual(only(t('"cpu": "${cpu}", "memory": "$MEMORY",'), ID), []);
    assert.deepEqual(only(t('', '"EC2"'), ID), []);
    assert.deepEqual(only(t('', ''), ID), []);
  });

  it('sizes for Windows start at 1 vCPU', () => {
    const text = '{ "family": "iis", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc", "runtimePlatform": { "operatingSystemFamily": "WINDOWS_SERVER_2022_CORE" }, "containerDefinitions": [{ "name": "iis", "image": "mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022" }] }';
    assert.equal(only(text, ID)[0].diagnostic.fixes![0].title, 'Add cpu 1024 / memory 2048 (the smallest size that fits the containers)');
  });
});
