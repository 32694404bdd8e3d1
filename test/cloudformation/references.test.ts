/**
 * Following references inside a template: `!Ref Param` read as the parameter's Default (said in related info,
 * at most a warning, never rewritten by a fix), AllowedValues of Fargate sizes checked value by value, and
 * roles or secrets defined in the template counting as set. Unresolved intrinsics are never errors.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint } from '../../server/src/core/lint';

const template = (params: string, props: string) => `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
${params}
Resources:
  ExecRole:
    Type: AWS::IAM::Role
  DbSecret:
    Type: AWS::SecretsManager::Secret
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: [FARGATE]
${props}
      ContainerDefinitions:
        - Name: web
          Image: nginx:1.27
          ReadonlyRootFilesystem: true
          LogConfiguration:
            LogDriver: awslogs
            Options: { awslogs-group: /ecs/web, awslogs-region: !Ref AWS::Region, awslogs-stream-prefix: web }
`;
const run = (text: string) => lint(text, { fileName: 'stack.yaml' }).diagnostics;
const textOf = (text: string, r: { offset: number; length: number }) => text.slice(r.offset, r.offset + r.length);

describe('!Ref to a parameter with a Default', () => {
  const text = template(
    '  Mode:\n    Type: String\n    Default: bridge\n  Mem:\n    Type: String\n    Default: "4096"',
    '      NetworkMode: !Ref Mode\n      Cpu: "256"\n      Memory: !Ref Mem\n      ExecutionRoleArn: !GetAtt ExecRole.Arn',
  );
  const ds = run(text);

  it('checks the Default, names the value and the parameter, and caps the finding at a warning', () => {
    const net = ds.find((d) => d.code === 'fargate-network-mode')!;
    assert.equal(textOf(text, net.range), '!Ref Mode');
    assert.equal(net.severity, 'warning');
    assert.match(net.message, /found 'bridge'/);
    const rel = net.related!.find((r) => r.message.includes('Default of parameter Mode'))!;
    assert.equal(textOf(text, rel.range), 'bridge');
    const size = ds.find((d) => d.code === 'fargate-cpu-memory')!;
    assert.equal(textOf(text, size.range), '!Ref Mem');
    assert.equal(size.severity, 'warning');
  });

  it('offers no fix that would replace the !Ref with a literal', () => {
    for (const d of ds.filter((x) => x.code === 'fargate-network-mode' || x.code === 'fargate-cpu-memory')) {
      for (const f of d.fixes ?? []) for (const e of f.edits) assert.ok(!textOf(text, e).includes('!Ref'), f.title);
    }
  });

  it('a parameter without a Default stays an opaque value', () => {
    const open = template('  Mode:\n    Type: String', '      NetworkMode: !Ref Mode\n      Cpu: "256"\n      Memory: "512"\n      ExecutionRoleArn: !GetAtt ExecRole.Arn');
    assert.deepEqual(run(open).filter((d) => d.severity === 'error' || d.severity === 'warning').map((d) => d.code), []);
  });
});

describe('AllowedValues of Fargate sizes', () => {
  it('reports each allowed Cpu that fits no Memory the task can have, on that value', () => {
    const text = template('  Cpu:\n    Type: Number\n    AllowedValues: [256, 512, 4096]', '      NetworkMode: awsvpc\n      Cpu: !Ref Cpu\n      Memory: "1024"\n      ExecutionRoleArn: !GetAtt ExecRole.Arn');
    const found = run(text).filter((d) => d.code === 'fargate-cpu-memory');
    assert.deepEqual(found.map((d) => [textOf(text, d.range), d.severity]), [['4096', 'warning']]);
    assert.match(found[0].message, /^Task: parameter Cpu allows Cpu 4096, which is no Fargate size with Memory 1024/);
  });

  it('two parameter lists only need a partner each (the stack picks matching pairs)', () => {
    const text = template(
      '  Cpu:\n    Type: Number\n    AllowedValues: [256, 1024]\n  Mem:\n    Type: Number\n    AllowedValues: [512, 2048, 30720]',
      '      NetworkMode: awsvpc\n      Cpu: !Ref Cpu\n      Memory: !Ref Mem\n      ExecutionRoleArn: !GetAtt ExecRole.Arn',
    );
    const found = run(text).filter((d) => d.code === 'fargate-cpu-memory');
    assert.deepEqual(found.map((d) => textOf(text, d.range)), ['30720']);
  });

  it('says nothing when every allowed value has a partner', () => {
    const text = template('  Mem:\n    Type: String\n    AllowedValues: ["512", "1024", "2048"]', '      NetworkMode: awsvpc\n      Cpu: "256"\n      Memory: !Ref Mem\n      ExecutionRoleArn: !GetAtt ExecRole.Arn');
    assert.deepEqual(run(text).filter((d) => d.code === 'fargate-cpu-memory'), []);
  });
});

describe('roles and secrets defined in the template', () => {
  it('!GetAtt Role.Arn and !Ref Role set ExecutionRoleArn; !Ref to a Secrets Manager secret is a valid secret', () => {
    for (const role of ['!GetAtt ExecRole.Arn', '!Ref ExecRole', '{ "Fn::GetAtt": [ExecRole, Arn] }']) {
      const text = template('  Unused:\n    Type: String', `      NetworkMode: awsvpc\n      Cpu: "256"\n      Memory: "512"\n      ExecutionRoleArn: ${role}`).replace(
        '          ReadonlyRootFilesystem: true\n',
        '          ReadonlyRootFilesystem: true\n          Secrets:\n            - Name: DB\n              ValueFrom: !Ref DbSecret\n',
      );
      const codes = run(text).map((d) => d.code);
      for (const code of ['execution-role-required', 'invalid-format', 'secret-value-from', 'wrong-type']) assert.ok(!codes.includes(code), `${role}: ${code}`);
    }
  });
});
