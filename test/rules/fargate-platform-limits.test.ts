import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, expectRanges, only } from '../helpers/rule-fix';

const ID = 'fargate-platform-limits';
const doc = (platform: string, cpu: string, memory: string, compat = '"FARGATE"') =>
  `{ "family": "iis", "requiresCompatibilities": [${compat}], "networkMode": "awsvpc", "runtimePlatform": ${platform}, "cpu": ${cpu}, "memory": ${memory}, "containerDefinitions": [{ "name": "iis", "image": "mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022", "essential": true }] }`;
const WIN = (arch: string) => `{ "operatingSystemFamily": "WINDOWS_SERVER_2022_CORE", "cpuArchitecture": ${arch} }`;

describe(ID, () => {
  it('(a) ARM64 with Windows, on every launch type, reported on the architecture', () => {
    const [d] = expectRanges(doc(WIN('⟦"ARM64"⟧'), '"1024"', '"2048"'), ID);
    assert.equal(d.message, 'ARM64 runs Linux tasks only; Windows tasks need cpuArchitecture X86_64.');
    assert.ok(applyFix(doc(WIN('"ARM64"'), '"1024"', '"2048"'), ID).includes('"cpuArchitecture": "X86_64"'));
    assert.equal(only(doc(WIN('"ARM64"'), '"1024"', '"2048"', '"EC2"'), ID).length, 1);
    assert.equal(only(doc(WIN('"ARM64"'), '"1024"', '"2048"', ''), ID).length, 1);
  });

  it('(b) 8/16/32 vCPU with Windows on Fargate; the fix clamps memory into the 4 vCPU range', () => {
    const [d] = expectRanges(doc(WIN('"X86_64"'), '⟦"8192"⟧', '"61440"'), ID);
    assert.equal(d.message, '8192 CPU units are available on Fargate for Linux only; Windows tasks go up to 4096.');
    assert.equal(d.diagnostic.fixes![0].title, 'Set cpu to 4096 and memory to 30720');
    const fixed = applyFix(doc(WIN('"X86_64"'), '"16 vCPU"', '"32 GB"'), ID);
    assert.ok(fixed.includes('"cpu": "4 vCPU", "memory": "30 GB"'), fixed);
    assert.deepEqual(only(fixed, 'fargate-cpu-memory'), []);
    const keep = applyFix(doc(WIN('"X86_64"'), '"8192"', '"16384"'), ID);
    assert.ok(keep.includes('"cpu": "4096", "memory": "16384"'), keep);
  });

  it('silent for Linux ARM64, large Linux sizes, Windows ≤ 4 vCPU, and (b) off Fargate', () => {
    assert.deepEqual(only(doc('{ "operatingSystemFamily": "LINUX", "cpuArchitecture": "ARM64" }', '"16384"', '"32768"'), ID), []);
    assert.deepEqual(only(doc('{ "cpuArchitecture": "ARM64" }', '"8192"', '"16384"'), ID), []);
    assert.deepEqual(only(doc(WIN('"X86_64"'), '"4096"', '"8192"'), ID), []);
    assert.deepEqual(only(doc(WIN('"X86_64"'), '"8192"', '"16384"', '"EC2"'), ID), []);
  });
});
