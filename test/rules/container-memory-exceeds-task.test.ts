import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, expectRanges, only } from '../helpers/rule-fix';

const ID = 'container-memory-exceeds-task';
const fargate = (mem: string, containers: string, cpu = '"256"') =>
  `{ "family": "f", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc", "cpu": ${cpu}, "memory": ${mem}, "containerDefinitions": [ ${containers} ] }`;

describe(ID, () => {
  it('(a) reports the container memory above the task memory (Banbury case)', () => {
    const [d] = expectRanges(fargate('"512"', '{ "name": "backend", "image": "b:1", "memory": ⟦1024⟧ }'), ID);
    assert.equal(d.message, "Container 'backend' may use 1024 MiB but the whole task has 512 MiB.");
    assert.deepEqual(d.diagnostic.fixes?.map((f) => f.title), ['Lower memory to 512', 'Raise task memory to 1024']);
  });

  it('(b) reports the task memory when reservations add up above it, only without an (a) report', () => {
    const [d] = expectRanges(
      fargate('⟦"1 GB"⟧', '{ "name": "a", "image": "a:1", "memory": 1024, "memoryReservation": 768 }, { "name": "b", "image": "b:1", "memory": 512 }'),
      ID,
    );
    assert.equal(d.message, 'Containers reserve 1280 MiB in total; the task has 1024 MiB.');
    assert.equal(only(fargate('"512"', '{ "name": "a", "image": "a:1", "memory": 1024 }, { "name": "b", "image": "b:1", "memory": 512 }'), ID).length, 1);
  });

  it('equal is fine; silent without literal task memory or on Windows EC2', () => {
    assert.equal(only(fargate('"512"', '{ "name": "a", "image": "a:1", "memory": 512 }'), ID).length, 0);
    assert.equal(only(fargate('"${mem}"', '{ "name": "a", "image": "a:1", "memory": 4096 }'), ID).length, 0);
    const win = '{ "family": "w", "requiresCompatibilities": ["EC2"], "runtimePlatform": { "operatingSystemFamily": "WINDOWS_SERVER_2022_CORE" }, "memory": "1024", "containerDefinitions": [ { "name": "a", "image": "a:1", "memory": 2048 } ] }';
    assert.equal(only(win, ID).length, 0);
  });

  it('fixes: lower container memory; raise Fargate memory within the cpu, or raise cpu too, in the user notation', () => {
    assert.match(applyFix(fargate('"512"', '{ "name": "b", "image": "b:1", "memory": 1024 }'), ID), /"memory": 512 }/);
    assert.match(applyFix(fargate('"512"', '{ "name": "b", "image": "b:1", "memory": 1024 }'), ID, 'Raise'), /"cpu": "256", "memory": "1024"/);
    const bigger = applyFix(fargate('"0.5 GB"', '{ "name": "b", "image": "b:1", "memory": 3000 }', '".25 vCPU"'), ID, 'Raise');
    assert.match(bigger, /"cpu": ".5 vCPU", "memory": "3 GB"/);
    assert.equal(only(bigger, 'fargate-cpu-memory').length, 0);
    const ec2 = '{ "family": "f", "requiresCompatibilities": ["EC2"], "memory": "1GB", "containerDefinitions": [ { "name": "a", "image": "a:1", "memory": 1500 } ] }';
    assert.match(applyFix(ec2, ID, 'Raise'), /"memory": "2GB"/);
  });
});
