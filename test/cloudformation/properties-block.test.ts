/**
 * A task-definition resource without `Properties` (only `Type`, as a stack starts): a fix that adds a property
 * writes the `Properties` block itself, in the template's syntax and layout (YAML block or flow, JSON), and fix-all
 * fills it. Plus the chained insertion at the end of a `Properties` block followed by the next resource.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyTextEdits } from '../../server/src/core/fixes/edits';
import { fixAll } from '../../server/src/core/fixes/fix-all';
import { lint } from '../../server/src/core/lint';
import type { LintOptions } from '../../server/src/core/types';

// Fargate from the settings (`--launch-type FARGATE`): the resource says nothing, so the Fargate rules apply.
const options = (fileName: string): LintOptions => ({ fileName, defaultLaunchType: 'FARGATE' });

function fixed(text: string, fileName: string, code: string): string {
  const d = lint(text, options(fileName)).diagnostics.find((x) => x.code === code);
  assert.ok(d?.fixes?.length, `no ${code} fix: ${JSON.stringify(lint(text, options(fileName)).diagnostics.map((x) => [x.code, x.fixes?.length]))}`);
  const after = applyTextEdits(text, d.fixes[0].edits);
  const next = lint(after, options(fileName)).diagnostics;
  assert.ok(!next.some((x) => x.code === 'json-syntax' || x.code === code), `${code} fix left:\n${after}\n${JSON.stringify(next.map((x) => x.code))}`);
  return after;
}

const YAML = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  TaskDef:
    # the task
    Type: AWS::ECS::TaskDefinition # no properties yet

  Logs:
    Type: AWS::Logs::LogGroup
`;

describe('a resource without Properties gets the block from its fixes', () => {
  it('YAML: Properties goes after the last key of the resource, at its indentation, comments kept', () => {
    assert.equal(fixed(YAML, 'stack.yaml', 'fargate-network-mode'), YAML.replace('yet\n', 'yet\n    Properties:\n      NetworkMode: awsvpc\n'));
  });

  it('YAML: a fix of two chained steps writes both keys into the one new block', () => {
    assert.equal(fixed(YAML, 'stack.yaml', 'fargate-task-size-required'), YAML.replace('yet\n', 'yet\n    Properties:\n      Cpu: "256"\n      Memory: "512"\n'));
    assert.equal(lint(YAML, options('stack.yaml')).diagnostics.find((d) => d.code === 'fargate-task-size-required')!.fixes![0].title, 'Add Cpu 256 / Memory 512 (the smallest size that fits the containers)');
  });

  it('YAML flow mapping: Properties as a flow mapping inside the braces', () => {
    const text = 'Resources:\n  TaskDef: { Type: AWS::ECS::TaskDefinition }\n  Logs: {Type: AWS::Logs::LogGroup}\n';
    assert.equal(fixed(text, 'stack.yaml', 'fargate-network-mode'), text.replace('TaskDefinition }', 'TaskDefinition, Properties: { NetworkMode: awsvpc } }'));
  });

  it('JSON: a Properties object in the resource, at the template’s indentation', () => {
    const text = '{\n  "AWSTemplateFormatVersion": "2010-09-09",\n  "Resources": {\n    "TaskDef": {\n      "Type": "AWS::ECS::TaskDefinition"\n    },\n    "Topic": { "Type": "AWS::SNS::Topic" }\n  }\n}\n';
    const after = fixed(text, 'stack.template.json', 'fargate-task-size-required');
    assert.equal(after, text.replace('"AWS::ECS::TaskDefinition"\n', '"AWS::ECS::TaskDefinition",\n      "Properties": {\n        "Cpu": "256",\n        "Memory": "512"\n      }\n'));
  });

  it('fix-all fills the new block with every fix, one Properties key only', () => {
    const r = fixAll(YAML, { lint: options('stack.yaml') });
    assert.equal(r.text.match(/Properties:/g)?.length, 1, r.text);
    assert.match(r.text, /    Properties:\n(      [A-Z][A-Za-z]+: .+\n)+/);
    assert.ok(!r.remaining.some((d) => d.code === 'fargate-network-mode' || d.code === 'fargate-task-size-required'), JSON.stringify(r.remaining.map((d) => d.code)));
  });
});

describe('chained insertions at the end of a Properties block', () => {
  it('the next resource’s indentation shared with the new text does not make the fix be refused', () => {
    const text = 'Resources:\n  TaskDef:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      NetworkMode: awsvpc\n  Logs:\n    Type: AWS::Logs::LogGroup\n';
    assert.equal(fixed(text, 'stack.yaml', 'fargate-task-size-required'), text.replace('awsvpc\n', 'awsvpc\n      Cpu: "256"\n      Memory: "512"\n'));
  });
});
