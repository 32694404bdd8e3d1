/** The language server on a CloudFormation YAML template: pull diagnostics on template lines, hover, quick fix. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LspDiagnostic } from '../helpers/lsp-client';
import { useServer } from '../helpers/lsp-session';
import { applyLspEdits, type LspTextEdit } from './editor-protocol';

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
    const report = await client.request<{ items: LspDiagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
    const net = report.items.find((d) => d.code === 'fargate-network-mode');
    assert.ok(net, JSON.stringify(report.items));
    assert.deepEqual(net.range, { start: { line: 6, character: 19 }, end: { line: 6, character: 25 } });
    assert.match(net.message, /^Web: Fargate tasks must use NetworkMode 'awsvpc'/);
    assert.ok(!report.items.some((d) => d.severity === 1 && d.code !== 'fargate-network-mode'), JSON.stringify(report.items));
  });

  it('offers the YAML quick fix, which keeps the comment', async () => {
    const report = await client.request<{ items: LspDiagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
    const net = report.items.find((d) => d.code === 'fargate-network-mode')!;
    const actions = await client.request<Array<{ title: string; edit?: { changes: Record<string, LspTextEdit[]> } }>>('textDocument/codeAction', {
      textDocument: { uri },
      range: net.range,
      context: { diagnostics: [net] },
    });
    const fix = actions.find((a) => a.title === "Set NetworkMode to 'awsvpc'");
    assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(applyLspEdits(TEMPLATE, fix.edit!.changes[uri]), TEMPLATE.replace('NetworkMode: bridge # from', 'NetworkMode: awsvpc # from'));
  });

  it('hovers a template key with the property docs under its CloudFormation name', async () => {
    const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line: 8, character: 8 } });
    assert.ok(hover);
    assert.match(hover.contents.value, /^\*\*`Memory`\*\* \(task\)/);
  });

  it('leaves a YAML file that is not a template alone', async () => {
    const other = 'file:///work/app/.github/workflows/ci.yml';
    await client.open(other, 'name: ci\non: push\njobs: {}\n', 1, 'yaml');
    const report = await client.request<{ items: LspDiagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: other } });
    assert.deepEqual(report.items, []);
  });
});
