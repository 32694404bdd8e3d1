/** AWS::ECS::Service ↔ AWS::ECS::TaskDefinition in one template: the service rules, in YAML and JSON. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint } from '../../server/src/core/lint';
import { LineIndex } from '../../server/src/core/syntax/positions';

const SERVICE_RULES = new Set(['unknown-container-reference', 'unknown-container-port', 'service-connect-port-name', 'launch-type-incompatible', 'network-configuration-required', 'daemon-scheduling-incompatible', 'deployment-cannot-progress', 'service-role-with-awsvpc', 'dynamic-port-health-check']);

function found(text: string, fileName: string): Array<[string, number, string]> {
  const idx = new LineIndex(text);
  return lint(text, { fileName })
    .diagnostics.filter((d) => SERVICE_RULES.has(d.code))
    .map((d) => [d.code, idx.positionAt(d.range.offset).line + 1, d.message]);
}

const TASK = `  TaskDef:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: api
      NetworkMode: awsvpc
      RequiresCompatibilities: [FARGATE]
      Cpu: 256
      Memory: 512
      ContainerDefinitions:
        - Name: api
          Image: public.ecr.aws/docker/library/node:22
          PortMappings:
            - ContainerPort: 3000
              Name: api-http
`;

describe('CloudFormation: services checked against the task definition of the same template', () => {
  it('follows !Ref to the task definition and reports on the service properties (YAML)', () => {
    const text = `Resources:
${TASK}  Service:
    Type: AWS::ECS::Service
    Properties:
      TaskDefinition: !Ref TaskDef
      LaunchType: FARGATE
      Role: !GetAtt TaskRole.Arn
      NetworkConfiguration:
        AwsvpcConfiguration:
          Subnets: [subnet-0abc1234]
      LoadBalancers:
        - TargetGroupArn: arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/api/0123456789abcdef
          ContainerName: api
          ContainerPort: 80
      ServiceConnectConfiguration:
        Enabled: true
        Services:
          - PortName: http
`;
    assert.deepEqual(found(text, 'stack.yaml'), [
      ['service-role-with-awsvpc', 21, 'Service: ECS refuses a service role here: resource TaskDef uses the awsvpc network mode, so it uses its service-linked role; remove Role.'],
      ['unknown-container-port', 28, "Service: Container 'api' of resource TaskDef does not map port 80 (it maps 3000)."],
      ['service-connect-port-name', 32, "Service: No port mapping of resource TaskDef is named 'http' (did you mean 'api-http'?)."],
    ]);
  });

  it('follows { "Ref": … } and a literal family in JSON; intrinsics and unresolved references are never judged', () => {
    const template = (td: unknown, lt: unknown) =>
      JSON.stringify(
        {
          AWSTemplateFormatVersion: '2010-09-09',
          Parameters: { Family: { Type: 'String' } },
          Resources: {
            TaskDef: { Type: 'AWS::ECS::TaskDefinition', Properties: { Family: 'api', NetworkMode: 'awsvpc', RequiresCompatibilities: ['EC2'], ContainerDefinitions: [{ Name: 'api', Image: 'node:22', Memory: 256 }] } },
            Service: { Type: 'AWS::ECS::Service', Properties: { TaskDefinition: td, LaunchType: lt } },
          },
        },
        null,
        2,
      );
    const codes = (td: unknown, lt: unknown) => found(template(td, lt), 'stack.json').map(([c]) => c);
    assert.deepEqual(codes({ Ref: 'TaskDef' }, 'FARGATE'), ['network-configuration-required', 'launch-type-incompatible']);
    assert.deepEqual(codes('api', 'EC2'), ['network-configuration-required']);
    assert.deepEqual(codes('api:3', 'FARGATE').sort(), ['network-configuration-required']); // a revision is not a family match here: no guess
    assert.deepEqual(codes({ Ref: 'Family' }, 'EC2'), []);
    assert.deepEqual(codes({ Ref: 'TaskDef' }, { Ref: 'LaunchType' }), ['network-configuration-required']);
  });
});
