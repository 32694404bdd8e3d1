import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codesOf } from '../helpers/lint';
import { expectRanges, only } from '../helpers/rule-fix';

const ID = 'unrendered-template-reference';

describe(ID, () => {
  it('reports the value of each name/ARN/image field holding a literal expression', () => {
    const got = expectRanges(
      `{
  "family": "app",
  "executionRoleArn": ⟦"Role.Arn"⟧,
  "taskRoleArn": ⟦"!GetAtt TaskRole.Arn"⟧,
  "proxyConfiguration": { "type": "APPMESH", "containerName": ⟦"local.envoy_name"⟧ },
  "volumes": [{ "name": ⟦"var.volume"⟧, "efsVolumeConfiguration": { "fileSystemId": ⟦{ "Fn::ImportValue": "fs" }⟧, "authorizationConfig": { "accessPointId": ⟦"aws_efs_access_point.app.id"⟧ } } }],
  "containerDefinitions": [{
    "name": "app", "image": ⟦"module.ecr.repository_url"⟧,
    "repositoryCredentials": { "credentialsParameter": ⟦"aws_secretsmanager_secret.hub.arn"⟧ },
    "secrets": [{ "name": "A", "valueFrom": ⟦"Fn::Sub arn:aws:ssm:\${AWS::Region}"⟧ }],
    "logConfiguration": { "logDriver": "splunk", "secretOptions": [{ "name": "splunk-token", "valueFrom": ⟦"data.aws_ssm_parameter.token.arn"⟧ }] },
    "environmentFiles": [{ "type": "s3", "value": ⟦"aws_s3_object.env.arn"⟧ }],
    "volumesFrom": [{ "sourceContainer": ⟦"Sidecar.Name"⟧ }],
    "dependsOn": [{ "containerName": ⟦"var.sidecar"⟧, "condition": "START" }],
    "links": [⟦"var.db"⟧]
  }]
}`,
      ID,
    );
    assert.equal(got[0].message, "'Role.Arn' is an unevaluated CloudFormation expression, so ECS gets this text; resolve it with !GetAtt or !Ref in the template.");
    assert.match(got[2].message, /^'local\.envoy_name' is an unevaluated Terraform expression/);
    assert.match(got[4].message, /^This Fn::ImportValue object is an unevaluated CloudFormation expression/);
  });

  it('silences every other rule on the same value (format, type, cross-reference, hygiene)', () => {
    const text = `{
  "family": "app",
  "volumes": [{ "name": "data", "efsVolumeConfiguration": { "fileSystemId": { "Ref": "FileSystem" }, "transitEncryption": "ENABLED" } }],
  "containerDefinitions": [{ "name": "app", "image": "var.image", "essential": true, "memory": 256,
    "mountPoints": [{ "sourceVolume": "aws_efs_file_system.data.creation_token", "containerPath": "/data" }] }]
}`;
    const lines = (code: string) => only(text, code).map((d) => d.text);
    assert.deepEqual(lines(ID), ['{ "Ref": "FileSystem" }', '"var.image"', '"aws_efs_file_system.data.creation_token"']);
    assert.deepEqual(lines('wrong-type'), []);
    assert.deepEqual(lines('image-mutable-tag'), []);
    assert.deepEqual(lines('mount-point-unknown-volume'), []);
  });

  it('leaves interpolated references, real values and unrelated fields alone', () => {
    const text = `{
  "family": "app",
  "executionRoleArn": "\${aws_iam_role.exec.arn}",
  "taskRoleArn": "arn:aws:iam::123456789012:role/Role.Arn",
  "containerDefinitions": [{ "name": "app", "image": "data.example.com/app:1.4", "essential": true, "memory": 256,
    "environment": [{ "name": "ROLE", "value": "Role.Arn" }], "dockerLabels": { "tf": "aws_iam_role.exec.arn" },
    "links": ["db:database"] }, { "name": "db", "image": "postgres:16.3", "essential": true, "memory": 256 }]
}`;
    assert.deepEqual(only(text, ID), []);
  });

  it('works in container arrays (no task context) and stays an error', () => {
    const got = only('[{ "name": "app", "image": "var.app_image", "essential": true }]', ID);
    assert.equal(got.length, 1);
    assert.equal(got[0].severity, 'error');
    assert.ok(!codesOf('[{ "name": "app", "image": "var.app_image", "essential": true }]').includes('invalid-format'));
  });
});
