/** The language server on a CloudFormation YAML template: pull diagnostics on template lines, hover, quick fix. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useServer } from '../helpers/lsp-session';
import { applyLspEdits, codeActionsFor, completionItems, hoverMarkdown, pullDiagnostics } from './editor-protocol';

const TEMPLATE = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Web:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: [FARGATE]
      NetworkMode: bridge # from the EC2 days
      Cpu: "256"
      Memory: "512"
      ExecutionRoleArn: !GetAtt ExecRole.Arn
      ContainerDefinitions:
        - Name: web
          Image: !Sub "\${AWS::AccountId}.dkr.ecr.\${AWS::Region}.amazonaws.com/web:1.0"
          ReadonlyRootFilesystem: true
`;

describe('language server on a CloudFormation YAML template', () => {
  const server = useServer();
  const { client } = server;
  const uri = 'file:///work/app/infra/service.yaml';

  it('reports diagnostics with the rule id on the template key and value', async () => {
    await client.open(uri, TEMPLATE, 1, 'yaml');
    const items = await pullDiagnostics(client, uri);
    const net = items.find((d) => d.code === 'fargate-network-mode');
    assert.ok(net, JSON.stringify(items));
    assert.deepEqual(net.range, { start: { line: 6, character: 19 }, end: { line: 6, character: 25 } });
    assert.match(net.message, /^Web: Fargate tasks must use NetworkMode 'awsvpc'/);
    assert.ok(!items.some((d) => d.severity === 1 && d.code !== 'fargate-network-mode'), JSON.stringify(items));
  });

  it('offers the YAML quick fix, which keeps the comment', async () => {
    const net = (await pullDiagnostics(client, uri)).find((d) => d.code === 'fargate-network-mode')!;
    const actions = await codeActionsFor(client, uri, net);
    const fix = actions.find((a) => a.title === "Set NetworkMode to 'awsvpc'");
    assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(applyLspEdits(TEMPLATE, fix.edit!.changes[uri]), TEMPLATE.replace('NetworkMode: bridge # from', 'NetworkMode: awsvpc # from'));
  });

  it('hovers a template key with the property docs under its CloudFormation name', async () => {
    const hover = await hoverMarkdown(client, uri, { line: 8, character: 8 });
    assert.ok(hover);
    assert.match(hover, /^\*\*`Memory`\*\* \(task\)/);
  });

  it('offers an inserting fix written as YAML (a container key in CloudFormation spelling)', async () => {
    const text = TEMPLATE.replace('          ReadonlyRootFilesystem: true\n', '          Privileged: true\n          ReadonlyRootFilesystem: true\n');
    const u = 'file:///work/app/infra/insert.yaml';
    await client.open(u, text, 1, 'yaml');
    const items = await pullDiagnostics(client, u);
    const health = items.find((d) => d.code === 'log-configuration-missing');
    const priv = items.find((d) => d.code === 'fargate-unsupported-parameter');
    assert.ok(health && priv, JSON.stringify(items.map((d) => d.code)));
    const add = (await codeActionsFor(client, u, health)).find((a) => a.title.startsWith('Add awslogs'))!;
    assert.ok(add, 'no awslogs fix');
    assert.ok(applyLspEdits(text, add.edit!.changes[u]).endsWith("          ReadonlyRootFilesystem: true\n          LogConfiguration:\n            LogDriver: awslogs\n            Options:\n              awslogs-group: /ecs/web\n              awslogs-region: !Ref AWS::Region\n              awslogs-stream-prefix: ecs\n"), applyLspEdits(text, add.edit!.changes[u]));
    const remove = (await codeActionsFor(client, u, priv)).find((a) => a.title === "Remove 'Privileged'")!;
    assert.equal(applyLspEdits(text, remove.edit!.changes[u]), TEMPLATE);
  });

  it('completes CloudFormation property names and Fargate sizes', async () => {
    const text = TEMPLATE.replace('      Memory: "512"\n', '      Memory: \n');
    const u = 'file:///work/app/infra/complete.yaml';
    await client.open(u, text, 1, 'yaml');
    const items = await completionItems(client, u, { line: 8, character: 14 });
    assert.deepEqual(items.map((i) => i.label), ['512', '1024', '2048']);
    const keyItems = await completionItems(client, uri, { line: 5, character: 6 });
    assert.ok(keyItems.some((i) => i.label === 'TaskRoleArn'), JSON.stringify(keyItems.map((i) => i.label)));
    assert.ok(!keyItems.some((i) => /^[a-z]/.test(i.label)));
  });

  it('outlines the task definition resource and its containers', async () => {
    type Sym = { name: string; detail?: string; children?: Sym[] };
    const symbols = await client.request<Sym[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(symbols.map((s) => s.name), ['Web']);
    const containers = symbols[0].children!.find((c) => c.name === 'ContainerDefinitions')!;
    assert.deepEqual(containers.children!.map((c) => c.name), ['web']);
  });

  it('leaves a YAML file that is not a template alone', async () => {
    const other = 'file:///work/app/.github/workflows/ci.yml';
    await client.open(other, 'name: ci\non: push\njobs: {}\n', 1, 'yaml');
    assert.deepEqual(await pullDiagnostics(client, other), []);
  });
});
