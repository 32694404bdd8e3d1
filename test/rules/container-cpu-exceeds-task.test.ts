import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, expectRanges, only } from '../helpers/rule-fix';

const ID = 'container-cpu-exceeds-task';
const fargate = (cpu: string, mem: string, containers: string) =>
  `{ "family": "f", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc", "cpu": ${cpu}, "memory": ${mem}, "containerDefinitions": [ ${containers} ] }`;
const AB = '{ "name": "a", "image": "a:1", "cpu": 512 }, { "name": "b", "image": "b:1", "cpu": 256 }';

describe(ID, () => {
  it('sum above the task cpu: reported on the task cpu', () => {
    const [d] = expectRanges(fargate('⟦"512"⟧', '"1024"', AB), ID);
    assert.equal(d.message, 'Containers reserve 768 CPU units; the task has 512.');
    assert.deepEqual(d.diagnostic.fixes?.map((f) => [f.title, !!f.preferred]), [["Lower 'a' cpu to 256", true], ['Raise task cpu to 1024 (and memory to 2048)', false]]);
  });

  it('one container above the task cpu: reported on that container', () => {
    const [d] = expectRanges(fargate('"256"', '"512"', '{ "name": "a", "image": "a:1", "cpu": ⟦1024⟧ }'), ID);
    assert.equal(d.message, "Container 'a' reserves 1024 CPU units; the task has 256.");
  });

  it('equal is fine (tomcat_fargate), placeholders are skipped, Windows EC2 is silent', () => {
    assert.equal(only(fargate('"1024"', '"2048"', '{ "name": "a", "image": "a:1", "cpu": 1024 }'), ID).length, 0);
    assert.equal(only(fargate('"${cpu}"', '"2048"', '{ "name": "a", "image": "a:1", "cpu": 4096 }'), ID).length, 0);
    assert.equal(only(fargate('"256"', '"512"', '{ "name": "a", "image": "a:1", "cpu": ${cpu} }'), ID).length, 0);
    const win = '{ "family": "w", "requiresCompatibilities": ["EC2"], "runtimePlatform": { "operatingSystemFamily": "WINDOWS_SERVER_2022_CORE" }, "cpu": "1024", "containerDefinitions": [ { "name": "a", "image": "a:1", "cpu": 2048, "memory": 512 } ] }';
    assert.equal(only(win, ID).length, 0);
    assert.equal(only(win.replace('WINDOWS_SERVER_2022_CORE', 'LINUX'), ID).length, 1);
  });

  it('fixes clear the diagnostic and keep the task size valid', () => {
    const text = fargate('"512"', '"1024"', AB);
    assert.match(applyFix(text, ID), /"cpu": 256 \}, \{ "name": "b"/);
    const raised = applyFix(text, ID, 'Raise');
    assert.match(raised, /"cpu": "1024", "memory": "2048"/);
    assert.equal(only(raised, 'fargate-cpu-memory').length, 0);
    const ec2 = '{ "family": "f", "requiresCompatibilities": ["EC2"], "cpu": "1 vCPU", "containerDefinitions": [ { "name": "a", "image": "a:1", "cpu": 1300, "memory": 128 } ] }';
    assert.match(applyFix(ec2, ID, 'Raise'), /"cpu": "1.5 vCPU"/);
  });
});
