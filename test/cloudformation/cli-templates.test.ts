/** The CLI on CloudFormation templates: explicit YAML files, directory scans, `lint cdk.out`, `fix` on YAML. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cli, filesOf, lintJson, workspace } from '../cli/cli-helpers';

const TEMPLATE_YAML = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Web:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: [FARGATE]
      NetworkMode: awsvpc
      Cpu: "256"
      Memory: "4096"   # keep this comment
      ExecutionRoleArn: !GetAtt ExecRole.Arn
      ContainerDefinitions:
        - Name: web
          Image: nginx:1.27
          ReadonlyRootFilesystem: true
`;

const CDK_TEMPLATE = JSON.stringify(
  {
    Resources: {
      TaskDef54694570: {
        Type: 'AWS::ECS::TaskDefinition',
        Properties: {
          RequiresCompatibilities: ['FARGATE'],
          NetworkMode: 'awsvpc',
          Cpu: '256',
          Memory: '512',
          ExecutionRoleArn: { 'Fn::GetAtt': ['TaskDefExecutionRoleB4775C97', 'Arn'] },
          ContainerDefinitions: [{ Name: 'web', Image: 'nginx:latest', Essential: true, ReadonlyRootFilesystem: true }],
        },
        Metadata: { 'aws:cdk:path': 'WebStack/TaskDef/Resource' },
      },
    },
  },
  null,
  1,
);

describe('CLI on CloudFormation templates', () => {
  const dir = workspace({
    'infra/service.yaml': TEMPLATE_YAML,
    'infra/other.yml': 'name: ci\non: push\n',
    'infra/vpc.yaml': 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Vpc:\n    Type: AWS::EC2::VPC\n',
    'cdk.out/WebStack.template.json': CDK_TEMPLATE,
    'cdk.out/manifest.json': '{ "version": "36.0.0", "artifacts": {} }\n',
    'cdk.out/tree.json': '{ "version": "tree-0.1", "tree": { "id": "App", "path": "" } }\n',
  });

  it('lint template.yaml reads YAML (no JSON syntax errors) and reports on the template line', () => {
    const r = cli('lint', join(dir, 'infra/service.yaml'));
    assert.equal(r.status, 1);
    assert.match(r.stdout, /9:15\s+error\s+Web: Fargate has no 256 CPU \/ 4096 MiB size/);
    assert.doesNotMatch(r.stdout, /json|Unexpected/i);
  });

  it('a directory scan includes templates holding a task definition, skips other YAML and cdk.out', () => {
    assert.deepEqual(filesOf(lintJson(dir).results, dir), ['infra/service.yaml']);
  });

  it('lint cdk.out lints the synthesized templates and names the construct path', () => {
    const { results } = lintJson(join(dir, 'cdk.out'));
    assert.deepEqual(filesOf(results, dir), ['cdk.out/WebStack.template.json']);
    const d = results[0].diagnostics.find((x) => x.code === 'image-mutable-tag')!;
    assert.match(d.message, /^WebStack\/TaskDef\/Resource: 'nginx:latest' uses the moving tag 'latest'/);
  });

  it('fix on a YAML template rewrites only the scalar and keeps comments and layout', () => {
    const d = workspace({ 'service.yaml': TEMPLATE_YAML.replace('NetworkMode: awsvpc', 'NetworkMode: bridge  # was EC2') });
    const file = join(d, 'service.yaml');
    cli('fix', file);
    const fixed = readFileSync(file, 'utf8');
    assert.ok(fixed.includes('      NetworkMode: awsvpc  # was EC2\n'), fixed);
    assert.ok(fixed.includes('      Cpu: "512"\n      Memory: "4096"   # keep this comment\n'), fixed);
    // Only those two values changed: every other line is as it was.
    const before = TEMPLATE_YAML.split('\n');
    const changed = fixed.split('\n').filter((l, i) => l !== before[i]);
    assert.deepEqual(changed, ['      NetworkMode: awsvpc  # was EC2', '      Cpu: "512"']);
  });
});
