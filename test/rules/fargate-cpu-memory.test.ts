import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, expectRanges, only } from '../helpers/rule-fix';

const ID = 'fargate-cpu-memory';
const task = (cpu: string, memory: string, extra = '') =>
  `{ "family": "web", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc", "cpu": ${cpu}, "memory": ${memory},${extra} "containerDefinitions": [{ "name": "web", "image": "nginx:1.27", "essential": true }] }`;

describe(ID, () => {
  it('a bad memory for a valid cpu is reported on memory, naming both lists', () => {
    const [d] = expectRanges(task('"256"', '⟦"4096"⟧'), ID);
    assert.equal(d.message, 'Fargate has no 256 CPU / 4096 MiB size; with cpu 256 use memory 512, 1024 or 2048 MiB; memory 4096 fits cpu 512, 1024 or 2048.');
    assert.deepEqual(d.diagnostic.fixes!.map((f) => `${f.preferred ? '*' : ''}${f.title}`), ['*Set cpu to 512', 'Set memory to 512', 'Set memory to 1024', 'Set memory to 2048']);
  });

  it('a cpu Fargate does not offer is reported on cpu, with the nearest sizes as fixes', () => {
    const [d] = expectRanges(task('⟦"1000"⟧', '"2048"'), ID);
    assert.equal(d.message, 'Fargate has no 1000 CPU size (it has 256, 512, 1024, 2048, 4096, 8192, 16384, 32768); memory 2048 fits cpu 256, 512 or 1024.');
    assert.deepEqual(d.diagnostic.fixes!.map((f) => `${f.preferred ? '*' : ''}${f.title}`), ['*Set cpu to 512', 'Set cpu to 1024']);
  });

  it('large tiers offer the nearest memories below/above plus the tier bounds', () => {
    const [d] = only(task('"4096"', '"40000"'), ID);
    assert.match(d.message, /with cpu 4096 use memory 8192–30720 MiB in steps of 1024; no Fargate cpu offers 40000 MiB\./);
    // 40000 fits no tier, so the smallest cpu fix is absent and the nearest memory is preferred
    assert.deepEqual(d.diagnostic.fixes!.map((f) => `${f.preferred ? '*' : ''}${f.title}`), ['Set memory to 8192', '*Set memory to 30720']);
    const [e] = only(task('"2048"', '"4500"'), ID);
    assert.deepEqual(e.diagnostic.fixes!.map((f) => f.title), ['Set memory to 4096', 'Set memory to 5120', 'Set memory to 16384']);
    assert.match(e.message, /no Fargate cpu offers 4500 MiB/);
  });

  it('keeps the user notation in fixes (vCPU and GB stay, spacing and case kept)', () => {
    const text = task('".25 vcpu"', '"4 GB"');
    assert.deepEqual(only(text, ID)[0].diagnostic.fixes!.map((f) => f.title), ['Set cpu to .5 vcpu', 'Set memory to .5 GB', 'Set memory to 1 GB', 'Set memory to 2 GB']);
    const fixed = applyFix(text, ID);
    assert.ok(fixed.includes('"cpu": ".5 vcpu"'), fixed);
    const fixed2 = applyFix(text, ID, 'Set memory to 2 GB');
    assert.ok(fixed2.includes('"memory": "2 GB"'), fixed2);
  });

  it('each fix makes the diagnostic disappear, and a second pass has nothing to do', () => {
    for (const [cpu, mem] of [['"256"', '"4096"'], ['"1000"', '"2048"'], ['"4096"', '"40000"'], ['"32 vCPU"', '"100 GB"']]) {
      const text = task(cpu, mem);
      for (const f of only(text, ID)[0].diagnostic.fixes!) {
        const fixed = applyFix(text, ID, f.title);
        assert.deepEqual(only(fixed, ID), [], `${cpu}/${mem} after ${f.title}`);
      }
    }
  });

  it('accepts every table pair, including 32 vCPU with 244 GB, and a JSON number (wrong-type reports that)', () => {
    assert.deepEqual(only(task('"32768"', '"249856"'), ID), []);
    assert.deepEqual(only(task('"16 vCPU"', '"120 GB"'), ID), []);
    assert.deepEqual(only(task('1024', '3072'), ID), []);
    assert.equal(only(task('256', '4096'), ID).length, 1);
  });

  it('stays silent for placeholders, unparsable values, EC2 and unknown launch type', () => {
    assert.deepEqual(only(task('"${cpu}"', '"4096"'), ID), []);
    assert.deepEqual(only(task('"256"', '"{{ .memory }}"'), ID), []);
    assert.deepEqual(only(task('"256"', '"4 GiB"'), ID), []);
    assert.deepEqual(only(task('"256"', '"4096"').replace('"FARGATE"', '"EC2"'), ID), []);
    assert.deepEqual(only(task('"256"', '"4096"').replace('"requiresCompatibilities": ["FARGATE"], ', ''), ID), []);
  });

  it('suggests only Windows sizes for a Windows task', () => {
    const text = task('"1024"', '"12288"', ' "runtimePlatform": { "operatingSystemFamily": "WINDOWS_SERVER_2022_CORE" },');
    const [d] = only(text, ID);
    assert.match(d.message, /memory 12288 fits cpu 2048 or 4096\./);
    assert.equal(d.diagnostic.fixes!.find((f) => f.preferred)!.title, 'Set cpu to 2048');
  });
});
