/**
 * Hover and completion from the service schema in the editor: a service definition and an appspec opened without
 * a workspace (nothing linked), so every answer comes from the schema, not from a task definition.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useServer } from '../helpers/lsp-session';
import { LineIndex } from '../../server/src/core/syntax/positions';

const SERVICE_URI = 'file:///tmp/ecs-taskdef-schema-test/services/web-service.json';
const SERVICE = `{
  "serviceName": "web",
  "taskDefinition": "web:3",
  "launchType": "FARGATE",
  "deploymentConfiguration": {  }
}`;
const APPSPEC_URI = 'file:///tmp/ecs-taskdef-schema-test/appspec.yaml';
const APPSPEC = `version: 0.0
Resources:
  - TargetService:
      Type: AWS::ECS::Service
      Properties:
        TaskDefinition: "<TASK_DEFINITION>"
        LoadBalancerInfo:
          ContainerName: "web"
          ContainerPort: 8080
        PlatformVersion: "LATEST"
        
`;

describe('LSP: hover and completion in service definitions and appspecs (service schema)', () => {
  const session = useServer();
  const pos = (text: string, needle: string, shift: number) => new LineIndex(text).positionAt(text.indexOf(needle) + shift);
  const hover = async (uri: string, position: unknown) =>
    (await session.client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position }))?.contents.value;
  const labels = async (uri: string, position: unknown) =>
    (await session.client.request<Array<{ label: string; textEdit: { newText: string } }>>('textDocument/completion', { textDocument: { uri }, position })).map((i) => i.label);

  it('a service definition: field docs on hover, keys inside deploymentConfiguration, launchType values', async () => {
    await session.client.open(SERVICE_URI, SERVICE, 1);
    assert.match((await hover(SERVICE_URI, pos(SERVICE, '"launchType"', 3)))!, /^\*\*`launchType`\*\* \(service\) · string/);
    assert.match((await hover(SERVICE_URI, pos(SERVICE, '"FARGATE"', 3)))!, /^\*\*`FARGATE`\*\* — Serverless/);
    const keys = await labels(SERVICE_URI, pos(SERVICE, '{  }', 2));
    assert.ok(keys.includes('maximumPercent') && keys.includes('deploymentCircuitBreaker'), keys.join());
    assert.deepEqual(await labels(SERVICE_URI, pos(SERVICE, '"FARGATE"', 1)), ['EC2', 'EXTERNAL', 'FARGATE', 'MANAGED_INSTANCES']);
  });

  it('an appspec: the appspec keys and the service properties in PascalCase', async () => {
    await session.client.open(APPSPEC_URI, APPSPEC, 1, 'yaml');
    assert.match((await hover(APPSPEC_URI, pos(APPSPEC, 'PlatformVersion', 2)))!, /^\*\*`PlatformVersion`\*\* \(service\) · string/);
    assert.match((await hover(APPSPEC_URI, pos(APPSPEC, 'Resources', 2)))!, /^\*\*`Resources`\*\* \(appspec\)/);
    const keys = await labels(APPSPEC_URI, pos(APPSPEC, '        \n', 8));
    assert.deepEqual(keys.sort(), ['CapacityProviderStrategy', 'NetworkConfiguration']);
  });
});
