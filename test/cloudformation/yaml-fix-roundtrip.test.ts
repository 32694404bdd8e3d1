/**
 * Fix round trips on CloudFormation YAML and JSON templates: keys inserted with CloudFormation's names at the
 * template's indentation and sequence style, properties and list elements removed with their lines, lists
 * rewritten in flow style, comments and anchors kept, and nothing written through an alias. `ecs-taskdef fix`
 * on the same files writes the same text.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { applyTextEdits } from '../../server/src/core/fixes/edits';
import { fixAll } from '../../server/src/core/fixes/fix-all';
import { lint } from '../../server/src/core/lint';
import { readYaml } from '../../server/src/core/syntax/yaml';
import { cli, workspace } from '../cli/cli-helpers';
import { changed } from '../helpers/task-texts';

/** A service stack as people write them: comments everywhere, anchors for shared blocks, unindented sequences. */
const STACK = `# Service stack: api + sidecar
AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Image:
    Type: String
Resources:
  Task:
    Type: 'AWS::ECS::TaskDefinition'
    Properties:
      Family: api # stable name
      RequiresCompatibilities:
      - FARGATE
      NetworkMode: awsvpc
      Cpu: '256'
      Memory: '512'
      ContainerDefinitions:
      # the app
      - Name: api
        Image: !Ref Image
        Essential: true
        LogConfiguration: &logs # shared with the sidecar
          LogDriver: awslogs
          Options: {awslogs-group: /ecs/api, awslogs-region: eu-west-1, awslogs-stream-prefix: ecs}
        Environment: &env
        - Name: API_TOKEN
          Value: abc123
        LinuxParameters: {Capabilities: {Add: [SYS_PTRACE, NET_ADMIN]}}
        HealthCheck:
          Command: [curl, -f, http://localhost/]
      - Name: sidecar
        Image: busybox:1.36
        LogConfiguration: *logs
        Environment: *env
        DependsOn:
        - ContainerName: ap # typo
          Condition: START
`;

/** STACK after fix-all: an execution role, Fargate's one capability, the health check in CMD form, the typo fixed. */
const FIXED = changed(STACK, [
  ['      Family: api # stable name\n', "      Family: api # stable name\n      ExecutionRoleArn: !Sub 'arn:aws:iam::${AWS::AccountId}:role/ecsTaskExecutionRole'\n"],
  ['{Add: [SYS_PTRACE, NET_ADMIN]}', '{Add: [SYS_PTRACE]}'],
  ['Command: [curl, -f, http://localhost/]', "Command: [CMD, curl, '-f', http://localhost/]"],
  ['ContainerName: ap # typo', 'ContainerName: api # typo'],
]);

const fixesOf = (text: string, code: string, fileName = 'stack.yaml') => lint(text, { fileName }).diagnostics.filter((d) => d.code === code);

describe('YAML template fixes: round trips', () => {
  it('fix-all writes YAML in the template style, keeps comments and anchors, and the result reads back clean of those findings', () => {
    const r = fixAll(STACK, { lint: { fileName: 'stack.yaml' } });
    assert.equal(r.text, FIXED);
    assert.equal(readYaml(r.text).syntaxErrors.length, 0);
    const left = r.remaining.map((d) => d.code);
    for (const code of ['execution-role-required', 'fargate-unsupported-parameter', 'health-check-command', 'depends-on-unknown-container']) assert.ok(!left.includes(code), code);
  });

  it('refuses to edit a value shared through an anchor (moving API_TOKEN would change the sidecar too)', () => {
    const secret = fixesOf(STACK, 'plaintext-secret');
    assert.ok(secret.length >= 1);
    for (const d of secret) assert.equal(d.fixes, undefined);
  });

  it('inserts a key after the last member of a block mapping, at its indentation, in CloudFormation spelling', () => {
    const d = fixesOf(STACK, 'readonly-root-filesystem')[0];
    const fixed = applyTextEdits(STACK, d.fixes![0].edits);
    assert.ok(fixed.includes('          Command: [curl, -f, http://localhost/]\n        ReadonlyRootFilesystem: true\n      - Name: sidecar'), fixed);
  });

  it('adds a block value (a health check) under a container, nested one level deeper', () => {
    const d = fixesOf(STACK, 'missing-health-check').find((x) => x.message.includes('sidecar'))!;
    const fixed = applyTextEdits(STACK, d.fixes![0].edits);
    assert.ok(fixed.endsWith("          Condition: START\n        HealthCheck:\n          Command: [CMD-SHELL, 'curl -fs http://localhost/ || exit 1']\n          Interval: 30\n          Timeout: 5\n          Retries: 3\n          StartPeriod: 60\n"), fixed);
  });

  it('removes a whole list element with its lines, and a last element leaves an empty flow list', () => {
    const text = STACK.replace('        DependsOn:\n        - ContainerName: ap # typo\n          Condition: START\n', '        DependsOn:\n        - ContainerName: api\n          Condition: START\n        - ContainerName: nope\n          Condition: START # gone too\n');
    const d = fixesOf(text, 'depends-on-unknown-container')[0];
    const remove = d.fixes!.find((f) => f.title.startsWith('Remove'))!;
    assert.equal(applyTextEdits(text, remove.edits), text.replace('        - ContainerName: nope\n          Condition: START # gone too\n', ''));
    const only = fixesOf(STACK, 'depends-on-unknown-container')[0].fixes!.find((f) => f.title.startsWith('Remove'))!;
    assert.ok(applyTextEdits(STACK, only.edits).includes('        DependsOn: []\n'));
  });

  it('removes a mapping key that shares its line with the list dash', () => {
    const text = STACK.replace('      - Name: sidecar\n        Image: busybox:1.36\n', '      - Privileged: true\n        Name: sidecar\n        Image: busybox:1.36\n');
    const d = fixesOf(text, 'fargate-unsupported-parameter').find((x) => x.message.includes('Privileged'))!;
    assert.equal(applyTextEdits(text, d.fixes![0].edits), STACK);
  });

  it('keeps CRLF line endings and tab-free indentation of four spaces', () => {
    const four = 'AWSTemplateFormatVersion: "2010-09-09"\r\nResources:\r\n    Task:\r\n        Type: AWS::ECS::TaskDefinition\r\n        Properties:\r\n            RequiresCompatibilities: [FARGATE]\r\n            NetworkMode: awsvpc\r\n            Cpu: "256"\r\n            ExecutionRoleArn: !GetAtt Role.Arn\r\n            ContainerDefinitions:\r\n                -   Name: web\r\n                    Image: nginx:1.27\r\n                    ReadonlyRootFilesystem: true\r\n';
    const d = fixesOf(four, 'fargate-task-size-required')[0];
    const fixed = applyTextEdits(four, d.fixes![0].edits);
    assert.equal(fixed, four.replace('            Cpu: "256"\r\n', '            Cpu: "256"\r\n            Memory: "512"\r\n'));
  });

  it('declares a missing volume as a new Volumes list in the template’s sequence style', () => {
    const text = STACK.replace('          Condition: START\n', '          Condition: START\n        MountPoints:\n        - SourceVolume: data\n          ContainerPath: /data\n');
    const d = fixesOf(text, 'mount-point-unknown-volume')[0];
    const fixed = applyTextEdits(text, d.fixes![0].edits);
    assert.ok(fixed.endsWith('          ContainerPath: /data\n      Volumes:\n      - Name: data\n'), fixed);
  });
});

describe('JSON template fixes: CloudFormation names, intrinsics for made-up values', () => {
  const json = `{
  "Resources": {
    "Task": {
      "Type": "AWS::ECS::TaskDefinition",
      "Properties": {
        "RequiresCompatibilities": ["FARGATE"],
        "NetworkMode": "awsvpc",
        "Cpu": "256",
        "Memory": "512",
        "ContainerDefinitions": [
          {
            "Name": "api",
            "Image": "nginx:1.25",
            "ReadonlyRootFilesystem": true,
            "Environment": [{ "Name": "DB_PASSWORD", "Value": "x" }]
          }
        ]
      }
    }
  }
}
`;
  it('moves a secret: ExecutionRoleArn as Fn::Sub, Secrets with Name/ValueFrom, nothing in camelCase', () => {
    const d = fixesOf(json, 'plaintext-secret', 'stack.template.json')[0];
    const fixed = applyTextEdits(json, d.fixes![0].edits);
    assert.ok(fixed.includes('"ExecutionRoleArn": {\n          "Fn::Sub": "arn:aws:iam::${AWS::AccountId}:role/ecsTaskExecutionRole"\n        },'), fixed);
    assert.ok(fixed.includes('"Secrets": [\n              {\n                "Name": "DB_PASSWORD",\n                "ValueFrom": {\n                  "Fn::Sub": "arn:aws:ssm:${AWS::Region}:${AWS::AccountId}:parameter/DB_PASSWORD"'), fixed);
    assert.doesNotMatch(fixed, /"[a-z][A-Za-z]*":/);
    assert.ok(!lint(fixed, { fileName: 'stack.template.json' }).diagnostics.some((x) => x.code === 'plaintext-secret' || x.code === 'json-syntax'));
  });
});

describe('ecs-taskdef fix on templates', () => {
  it('writes the same YAML as fix-all, comments and anchors kept', () => {
    const d = workspace({ 'stack.yaml': STACK });
    const file = join(d, 'stack.yaml');
    cli('fix', file);
    assert.equal(readFileSync(file, 'utf8'), FIXED);
  });
});
