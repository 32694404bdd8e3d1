/** CloudFormation templates: reading (YAML and JSON), subjects, ranges, intrinsics, fixes, hostile input. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyTextEdits } from '../../server/src/core/fixes/edits';
import { lint } from '../../server/src/core/lint';
import { shouldLint } from '../../server/src/core/documents/file-detection';
import { fixAll } from '../../server/src/core/fixes/fix-all';
import { lintShown } from '../helpers/lint';
import { hoverAt } from '../../server/src/core/hover';
import { completeAt } from '../../server/src/core/completion';

const YAML = `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Mem:
    Type: String
    Default: "512"
Resources:
  ExecRole:
    Type: AWS::IAM::Role
  # the web task
  WebTask:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: !Sub "\${AWS::StackName}-web"
      RequiresCompatibilities: [FARGATE]
      NetworkMode: bridge   # wrong for Fargate
      Cpu: 256
      Memory: 4096 # too much for 256
      ExecutionRoleArn: !GetAtt ExecRole.Arn
      TaskRoleArn: !Ref AWS::NoValue
      ContainerDefinitions:
        - Name: web
          Image: !Sub "\${AWS::AccountId}.dkr.ecr.\${AWS::Region}.amazonaws.com/web:1.0"
          Essential: true
          ReadonlyRootFilesystem: true
          Privileged: true
          PortMappings:
            - ContainerPort: "80"
          LogConfiguration:
            LogDriver: awslogs
            Options:
              awslogs-group: !Ref LogGroup
              awslogs-region: !Ref AWS::Region
              awslogs-stream-prefix: web
          Environment:
            - Name: PORT
              Value: 80
  Worker:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: w
          Image: busybox:latest
          Memory: !If [Big, 1024, 512]
          ReadonlyRootFilesystem: true
`;

const at = (text: string, needle: string, nth = 0): number => {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = text.indexOf(needle, i + 1);
  assert.ok(i >= 0, needle);
  return i;
};

describe('CloudFormation YAML template', () => {
  const shown = lintShown(YAML, { fileName: 'stack.yaml' });
  const codes = shown.map((d) => `${d.code}@${d.text}`);

  it('lints every task definition with all rules, each report on the template key or value', () => {
    assert.deepEqual(codes, ['fargate-network-mode@bridge', 'fargate-cpu-memory@4096', 'fargate-unsupported-parameter@Privileged', 'log-configuration-missing@w', 'image-mutable-tag@busybox:latest']);
    const net = shown[0];
    assert.equal(net.diagnostic.range.offset, at(YAML, 'bridge'));
    assert.equal(net.line, 14);
  });

  it('names the resource and uses CloudFormation spelling', () => {
    assert.equal(shown[0].message, "WebTask: Fargate tasks must use NetworkMode 'awsvpc' (found 'bridge').");
    assert.match(shown[3].message, /^Worker: /);
    assert.deepEqual(shown[0].diagnostic.related?.at(-1), { range: { offset: at(YAML, 'WebTask'), length: 7 }, message: 'In resource WebTask (AWS::ECS::TaskDefinition).' });
  });

  it('treats intrinsics as opaque: !GetAtt sets the execution role, !Sub images and !If sizes are not judged, AWS::NoValue is absent', () => {
    for (const code of ['execution-role-required', 'invalid-format', 'wrong-type', 'container-memory-required', 'missing-required', 'unrendered-template-reference']) {
      assert.ok(!codes.some((c) => c.startsWith(code)), code);
    }
  });

  it('accepts numbers where CloudFormation converts them (Cpu: 256, Value: 80, ContainerPort: "80")', () => {
    assert.ok(!codes.some((c) => c.startsWith('wrong-type')));
  });

  it('writes YAML fixes as YAML, keeping comments: a scalar replaced, a property removed', () => {
    const cpu = shown[1].diagnostic;
    assert.deepEqual(cpu.fixes?.map((f) => f.title), ['Set Cpu to 512', 'Set Memory to 512', 'Set Memory to 1024', 'Set Memory to 2048']);
    const fixed = applyTextEdits(YAML, cpu.fixes![1].edits);
    assert.ok(fixed.includes('      Memory: 512 # too much for 256\n'), fixed);
    const net = applyTextEdits(YAML, shown[0].diagnostic.fixes![0].edits);
    assert.ok(net.includes('      NetworkMode: awsvpc   # wrong for Fargate\n'));
    // Removing Privileged takes its whole line, nothing else.
    const removed = applyTextEdits(YAML, shown[2].diagnostic.fixes![0].edits);
    assert.equal(removed, YAML.replace('          Privileged: true\n', ''));
  });

  it('fix-all on a YAML template ends clean for the rules it fixes, comments kept', () => {
    const r = fixAll(YAML, { lint: { fileName: 'stack.yaml' } });
    assert.ok(r.applied >= 2, String(r.applied));
    assert.ok(r.text.includes('NetworkMode: awsvpc   # wrong for Fargate'));
    assert.ok(r.text.includes('  # the web task\n'));
    const after = lint(r.text, { fileName: 'stack.yaml' }).diagnostics.map((d) => d.code);
    assert.ok(!after.includes('fargate-network-mode') && !after.includes('fargate-cpu-memory'), after.join());
  });

  it('hover on a template key explains the property under its CloudFormation name; completion offers CloudFormation names', () => {
    const out = lint(YAML, { fileName: 'stack.yaml' });
    const h = hoverAt(out, at(YAML, 'NetworkMode') + 2)!;
    assert.match(h.markdown, /^\*\*`NetworkMode`\*\* \(task\)/);
    assert.deepEqual(h.range, { offset: at(YAML, 'NetworkMode'), length: 'NetworkMode'.length });
    assert.match(hoverAt(out, at(YAML, 'busybox'))!.markdown, /^\*\*`Image`\*\* \(container\)/);
    assert.equal(hoverAt(out, at(YAML, 'Type: AWS::IAM::Role')), undefined); // outside every task definition
    assert.ok(completeAt(out, at(YAML, 'NetworkMode')).some((e) => e.label === 'NetworkMode'));
  });

  it('CloudFormation makes up a family when Family is absent: no missing-required', () => {
    assert.ok(!shown.some((d) => d.code === 'missing-required'));
  });
});

describe('YAML fixes with anchors and aliases', () => {
  const text = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Api:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: [FARGATE]
      NetworkMode: host # wrong on Fargate
      Cpu: &cpu "256"
      Memory: "4096"
      ContainerDefinitions:
        - &app
          Name: api
          Image: api:1.0
          ReadonlyRootFilesystem: true
  Worker:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: [FARGATE]
      NetworkMode: awsvpc
      Cpu: *cpu
      Memory: "4096"
      ContainerDefinitions:
        - *app
`;
  const shown = lintShown(text, { fileName: 'stack.yaml' });

  it('reads aliases as their anchored values, reporting on the anchor', () => {
    const sizes = shown.filter((d) => d.code === 'fargate-cpu-memory');
    assert.deepEqual(sizes.map((d) => d.text), ['"4096"', '"4096"']);
    assert.ok(!shown.some((d) => d.code === 'missing-required'), 'the aliased container has its Name and Image');
  });

  it('never edits an anchored value (its aliases would change too); other scalars keep anchors and comments', () => {
    const size = shown.find((d) => d.code === 'fargate-cpu-memory')!;
    assert.deepEqual(size.diagnostic.fixes?.map((f) => f.title), ['Set Memory to 512', 'Set Memory to 1024', 'Set Memory to 2048']);
    const net = shown.find((d) => d.code === 'fargate-network-mode')!;
    const fixed = applyTextEdits(text, net.diagnostic.fixes![0].edits);
    assert.equal(fixed, text.replace('NetworkMode: host # wrong', 'NetworkMode: awsvpc # wrong'));
  });
});

describe('CloudFormation JSON template (as CDK writes it)', () => {
  const json = JSON.stringify(
    {
      Resources: {
        TaskDef54694570: {
          Type: 'AWS::ECS::TaskDefinition',
          Properties: {
            Family: 'web',
            RequiresCompatibilities: ['FARGATE'],
            NetworkMode: 'awsvpc',
            Cpu: '256',
            Memory: '4096',
            ExecutionRoleArn: { 'Fn::GetAtt': ['TaskDefExecutionRoleB4775C97', 'Arn'] },
            TaskRoleArn: { 'Fn::If': ['HasRole', { Ref: 'Role' }, { Ref: 'AWS::NoValue' }] },
            ContainerDefinitions: [{ Name: 'web', Image: { 'Fn::Sub': '${AWS::AccountId}.dkr.ecr.us-east-1.amazonaws.com/web:1' }, Essential: true, Privileged: false, ReadonlyRootFilesystem: true, PidMode: 'x' }],
          },
          Metadata: { 'aws:cdk:path': 'MyStack/TaskDef/Resource' },
        },
      },
    },
    null,
    2,
  );
  const shown = lintShown(json, { fileName: 'cdk.out/MyStack.template.json' });

  it('is detected by content and names the CDK construct path', () => {
    assert.equal(shouldLint('cdk.out/MyStack.template.json', json), true);
    const d = shown.find((x) => x.code === 'fargate-cpu-memory')!;
    assert.equal(d.text, '"4096"');
    assert.match(d.message, /^MyStack\/TaskDef\/Resource: Fargate has no 256 CPU \/ 4096 MiB size/);
  });

  it('applies JSON fixes at the right spans (a value replaced, a property removed)', () => {
    const fixed = applyTextEdits(json, shown.find((x) => x.code === 'fargate-cpu-memory')!.diagnostic.fixes![0].edits);
    assert.ok(fixed.includes('"Cpu": "512"'), fixed);
    assert.ok(!lint(fixed, { fileName: 'x.template.json' }).diagnostics.some((d) => d.code === 'fargate-cpu-memory'));
    const unknown = shown.find((x) => x.code === 'unknown-property' && x.text === '"PidMode"');
    assert.ok(unknown, JSON.stringify(shown.map((s) => [s.code, s.text])));
    const remove = unknown.diagnostic.fixes?.find((f) => f.title.startsWith('Remove'));
    assert.ok(remove, JSON.stringify(unknown.diagnostic.fixes));
    const removed = applyTextEdits(json, remove.edits);
    assert.doesNotThrow(() => JSON.parse(removed));
    assert.ok(!removed.includes('PidMode') && removed.includes('"ReadonlyRootFilesystem": true'));
  });

  it('never offers an edit that would write an API (camelCase) key into the template', () => {
    for (const d of shown) for (const f of d.diagnostic.fixes ?? []) for (const e of f.edits) assert.ok(!/"[a-z][A-Za-z]*"\s*:/.test(e.content), `${d.code}: ${f.title}`);
  });
});

describe('YAML that is broken, hostile or not a template', () => {
  it('broken YAML gives exactly one syntax diagnostic', () => {
    const text = 'Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Properties: [\n  Family: "x\n';
    const d = lint(text, { fileName: 't.yaml' }).diagnostics;
    assert.equal(d.length, 1, JSON.stringify(d));
    assert.equal(d[0].code, 'json-syntax');
    assert.match(d[0].message, /^YAML syntax error: /);
  });

  it('a YAML file is never read as JSON: a non-template gets one note', () => {
    const d = lint('name: build\non: push\n', { fileName: '.github/workflows/ci.yml' }).diagnostics;
    assert.deepEqual(d.map((x) => `${x.code} ${x.severity}`), ['not-linted information']);
  });

  it('an alias bomb ("billion laughs") is answered quickly, with the alias cap noted', () => {
    let text = 'Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      DockerLabels: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    for (let i = 1; i < 10; i++) text += `      L${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(',')}]\n`;
    const t0 = performance.now();
    const d = lint(text, { fileName: 'bomb.yaml' }).diagnostics;
    assert.ok(performance.now() - t0 < 5000);
    assert.ok(d.some((x) => x.code === 'not-linted' && /aliases/.test(x.message)), JSON.stringify(d.map((x) => x.message)));
  });

  it('10,000-deep nesting is answered without a crash', () => {
    for (const text of [`Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      Tags: ${'['.repeat(10000)}${']'.repeat(10000)}\n`, `Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n${Array.from({ length: 10000 }, (_, i) => `${' '.repeat(6 + i)}- \n`).join('')}`]) {
      const t0 = performance.now();
      const d = lint(text, { fileName: 'deep.yaml' }).diagnostics;
      assert.ok(performance.now() - t0 < 10_000);
      assert.deepEqual(d.map((x) => x.code), ['not-linted'], JSON.stringify(d.map((x) => x.message)));
      assert.match(d[0].message, /nests too deeply/);
    }
  });
});
