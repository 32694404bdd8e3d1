import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, expectRanges, only } from '../helpers/rule-fix';

const ID = 'fargate-windows';
const doc = (family: string, cpu: string, memory: string, extra = '', compat = '"FARGATE"') =>
  `{ "family": "iis", "requiresCompatibilities": [${compat}], "networkMode": "awsvpc", "runtimePlatform": { "operatingSystemFamily": ${family} }, "cpu": ${cpu}, "memory": ${memory},${extra} "containerDefinitions": [{ "name": "iis", "image": "mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022", "essential": true }] }`;

describe(ID, () => {
  it('(a) cpu below 1 vCPU: on cpu; the fix moves to 1024 and a fitting memory, in the user notation', () => {
    const [d] = expectRanges(doc('"WINDOWS_SERVER_2019_CORE"', '⟦"512"⟧', '"1024"'), ID);
    assert.equal(d.message, 'Windows on Fargate needs at least 1 vCPU (1024); got 512.');
    assert.equal(d.diagnostic.fixes![0].title, 'Set cpu to 1024 and memory to 2048');
    const fixed = applyFix(doc('"WINDOWS_SERVER_2019_CORE"', '".5 vCPU"', '"3 GB"'), ID);
    assert.ok(fixed.includes('"cpu": "1 vCPU", "memory": "3 GB"'), fixed);
    assert.deepEqual(only(fixed, 'fargate-cpu-memory'), []);
  });

  it('(a) leaves cpu values Fargate has no size for to fargate-cpu-memory', () => {
    const text = doc('"WINDOWS_SERVER_2019_CORE"', '"300"', '"1024"');
    assert.deepEqual(only(text, ID), []);
    assert.equal(only(text, 'fargate-cpu-memory').length, 1);
  });

  it('(b) EC2-only families are errors; 2025 is a warning; the fix keeps Core/Full', () => {
    const [d] = only(doc('"WINDOWS_SERVER_2016_FULL"', '"1024"', '"2048"'), ID);
    assert.equal(d.severity, 'error');
    assert.equal(d.message, 'Windows on Fargate does not offer WINDOWS_SERVER_2016_FULL; use WINDOWS_SERVER_2019_* or WINDOWS_SERVER_2022_*.');
    assert.ok(applyFix(doc('"WINDOWS_SERVER_20H2_CORE"', '"1024"', '"2048"'), ID).includes('"WINDOWS_SERVER_2022_CORE"'));
    const [w] = only(doc('"WINDOWS_SERVER_2025_FULL"', '"1024"', '"2048"'), ID);
    assert.equal(w.severity, 'warning');
    assert.ok(applyFix(doc('"WINDOWS_SERVER_2025_FULL"', '"1024"', '"2048"'), ID, 'Use WINDOWS_SERVER_2022_FULL').includes('"WINDOWS_SERVER_2022_FULL"'));
  });

  it('(c) EFS and FSx volumes are reported on their key, without a fix', () => {
    const vols = ' "volumes": [{ "name": "a", "efsVolumeConfiguration": { "fileSystemId": "fs-0123456789abcdef0", "transitEncryption": "ENABLED" } }, { "name": "b", "fsxWindowsFileServerVolumeConfiguration": { "fileSystemId": "fs-0123456789abcdef1", "rootDirectory": "s", "authorizationConfig": { "credentialsParameter": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:x", "domain": "corp" } } }],';
    const got = only(doc('"WINDOWS_SERVER_2022_FULL"', '"1024"', '"2048"', vols), ID);
    assert.deepEqual(got.map((d) => [d.text, d.message, d.diagnostic.fixes]), [
      ['"efsVolumeConfiguration"', 'Windows on Fargate cannot mount EFS volumes.', undefined],
      ['"fsxWindowsFileServerVolumeConfiguration"', 'Windows on Fargate cannot mount FSx for Windows File Server volumes.', undefined],
    ]);
    // FSx is not reported twice (fargate-unsupported-parameter leaves Windows FSx to this rule)
    assert.deepEqual(only(doc('"WINDOWS_SERVER_2022_FULL"', '"1024"', '"2048"', vols), 'fargate-unsupported-parameter'), []);
  });

  it('silent for Linux, for supported Windows sizes, for EC2 and unknown launch types', () => {
    assert.deepEqual(only(doc('"LINUX"', '"256"', '"512"'), ID), []);
    assert.deepEqual(only(doc('"WINDOWS_SERVER_2022_CORE"', '"4 vCPU"', '"8 GB"'), ID), []);
    assert.deepEqual(only(doc('"WINDOWS_SERVER_2016_FULL"', '"512"', '"1024"', '', '"EC2"'), ID), []);
    assert.deepEqual(only(doc('"WINDOWS_SERVER_2016_FULL"', '"512"', '"1024"', '', ''), ID), []);
  });
});
