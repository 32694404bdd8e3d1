import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, expectRanges, only } from '../helpers/rule-fix';

const ID = 'task-role-required';
const doc = (top: string, volume: string) =>
  `{\n  "family": "orders",${top}\n  "volumes": [{ "name": "data", ${volume} }],\n  "containerDefinitions": [{ "name": "app", "image": "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1", "memory": 256 }]\n}`;
const EFS_IAM = (iam: string) => `"efsVolumeConfiguration": { "fileSystemId": "fs-0123456789abcdef0", "transitEncryption": "ENABLED", "authorizationConfig": { "iam": ${iam} } }`;

describe(ID, () => {
  it('EFS with IAM authorization: on the iam value', () => {
    const [d] = expectRanges(doc('', EFS_IAM('⟦"ENABLED"⟧')), ID);
    assert.equal(d.severity, 'warning');
    assert.equal(d.message, "Volume 'data' mounts EFS with IAM authorization, which uses the task role, but taskRoleArn is not set.");
  });

  it('S3 Files volume: on its key', () => {
    const [d] = expectRanges(doc('', '⟦"s3filesVolumeConfiguration"⟧: { "fileSystemArn": "arn:aws:s3files:eu-west-1:123456789012:file-system/fs-1" }'), ID);
    assert.match(d.message, /is an S3 Files volume, which uses the task role/);
  });

  it('silent with a task role (even a placeholder), with IAM disabled, or an empty S3 Files config', () => {
    assert.equal(only(doc('\n  "taskRoleArn": "orders-task",', EFS_IAM('"ENABLED"')), ID).length, 0);
    assert.equal(only(doc('\n  "taskRoleArn": "${TASK_ROLE}",', EFS_IAM('"ENABLED"')), ID).length, 0);
    assert.equal(only(doc('', EFS_IAM('"DISABLED"')), ID).length, 0);
    assert.equal(only(doc('', '"s3filesVolumeConfiguration": {}'), ID).length, 0);
  });

  it('an empty or null taskRoleArn counts as missing', () => {
    assert.equal(only(doc('\n  "taskRoleArn": "",', EFS_IAM('"ENABLED"')), ID).length, 1);
    assert.equal(only(doc('\n  "taskRoleArn": null,', EFS_IAM('"ENABLED"')), ID).length, 1);
  });

  it('fix adds <family>-task in the account found in the document', () => {
    const fixed = applyFix(doc('', EFS_IAM('"ENABLED"')), ID, 'Add taskRoleArn');
    assert.equal(JSON.parse(fixed).taskRoleArn, 'arn:aws:iam::123456789012:role/orders-task');
    assert.equal(JSON.parse(applyFix(doc('\n  "taskRoleArn": null,', EFS_IAM('"ENABLED"')), ID, 'Add taskRoleArn')).taskRoleArn, 'arn:aws:iam::123456789012:role/orders-task');
  });
});
