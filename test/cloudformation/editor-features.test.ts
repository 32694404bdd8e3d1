/**
 * Completion, outline and hover inside CloudFormation templates (YAML and JSON): property names in CloudFormation
 * spelling at the cursor's level of Properties (also while the key is half typed and the YAML does not parse),
 * values (enums, Fargate sizes as strings, container names in DependsOn), log options; the outline lists each
 * task definition resource with its containers; hover headings use CloudFormation names. Cursor: `|`.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { completeAt } from '../../server/src/core/completion';
import { hoverAt } from '../../server/src/core/hover';
import { lint } from '../../server/src/core/lint';
import { outline } from '../../server/src/lsp/symbols';

function complete(marked: string, fileName = 'stack.yaml') {
  const at = marked.indexOf('|');
  const text = marked.slice(0, at) + marked.slice(at + 1);
  const entries = completeAt(lint(text, { fileName }), at);
  return { labels: entries.map((e) => e.label), entries, text, at };
}

const HEAD = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n';

describe('completion in a YAML template', () => {
  it('task-level keys in CloudFormation names, while the key is typed without its colon', () => {
    const { labels, entries, text, at } = complete(`${HEAD}      RequiresCompatibilities: [FARGATE]\n      Cpu: "256"\n      Netw|\n      ContainerDefinitions:\n        - Name: web\n          Image: nginx:1.27\n`);
    assert.ok(labels.includes('NetworkMode') && labels.includes('Family') && labels.includes('ExecutionRoleArn'), labels.join());
    assert.ok(!labels.includes('Cpu') && !labels.includes('networkMode'));
    const e = entries.find((x) => x.label === 'NetworkMode')!;
    assert.equal(e.insertText, 'NetworkMode: ');
    assert.equal(text.slice(e.range.offset, e.range.offset + e.range.length), 'Netw');
    assert.equal(e.range.offset + e.range.length, at);
  });

  it('container keys inside a list item, and the keys of a new item', () => {
    const inItem = complete(`${HEAD}      ContainerDefinitions:\n        - Name: web\n          Image: nginx:1.27\n          Ess|\n`).labels;
    assert.ok(inItem.includes('Essential') && inItem.includes('PortMappings') && !inItem.includes('Image'), inItem.join());
    const newItem = complete(`${HEAD}      ContainerDefinitions:\n        - Name: web\n          Image: nginx:1.27\n        - |\n`).labels;
    assert.ok(newItem.includes('Name') && newItem.includes('Image'), newItem.join());
  });

  it('Fargate memory sizes that fit the cpu, as quoted strings', () => {
    const { entries } = complete(`${HEAD}      RequiresCompatibilities: [FARGATE]\n      Cpu: "256"\n      Memory: |\n      ContainerDefinitions:\n        - Name: web\n          Image: nginx:1.27\n`);
    assert.deepEqual(entries.map((e) => e.insertText), ['"512"', '"1024"', '"2048"']);
  });

  it('enum values, in a flow list too', () => {
    assert.deepEqual(complete(`${HEAD}      NetworkMode: a|\n      ContainerDefinitions:\n        - Name: web\n          Image: nginx:1.27\n`).labels, ['awsvpc', 'bridge', 'host', 'none']);
    assert.ok(complete(`${HEAD}      RequiresCompatibilities: [|]\n      ContainerDefinitions:\n        - Name: web\n          Image: nginx:1.27\n`).labels.includes('FARGATE'));
  });

  it('container names in DependsOn, and awslogs option keys as written', () => {
    assert.deepEqual(complete(`${HEAD}      ContainerDefinitions:\n        - Name: web\n          Image: nginx:1.27\n          DependsOn:\n            - ContainerName: |\n        - Name: db\n          Image: postgres:16\n`).labels, ['db']);
    const options = complete(`${HEAD}      ContainerDefinitions:\n        - Name: web\n          Image: nginx:1.27\n          LogConfiguration:\n            LogDriver: awslogs\n            Options:\n              awslogs-group: x\n              |\n`).labels;
    assert.ok(options.includes('awslogs-region') && options.includes('awslogs-stream-prefix') && !options.includes('awslogs-group'), options.join());
  });

  it('inside flow mappings: keys of the mapping (present ones left out), values of the key before the cursor', () => {
    const keys = complete(`${HEAD}      ContainerDefinitions:\n        - { Name: web, Image: nginx:1.27, Ess| }\n`);
    assert.ok(keys.labels.includes('Essential') && keys.labels.includes('PortMappings') && !keys.labels.includes('Image') && !keys.labels.includes('Name'), keys.labels.join());
    const e = keys.entries.find((x) => x.label === 'Essential')!;
    assert.equal(e.insertText, 'Essential: ');
    assert.equal(keys.text.slice(e.range.offset, e.range.offset + e.range.length), 'Ess');
    assert.ok(complete(`${HEAD}      ContainerDefinitions:\n        - { Name: web, | }\n`).labels.includes('Image'));
    assert.deepEqual(complete(`${HEAD}      ContainerDefinitions:\n        - Name: web\n          PortMappings: [{ ContainerPort: 80, Protocol: | }]\n`).labels, ['tcp', 'udp']);
    assert.deepEqual(complete(`${HEAD}      ContainerDefinitions:\n        - { Name: web, DependsOn: [{ ContainerName: |, Condition: START }] }\n        - { Name: db, Image: postgres:16 }\n`).labels, ['db']);
    assert.deepEqual(complete(`${HEAD}      ContainerDefinitions:\n        - { Name: web, Essential:| }\n`).entries.map((x) => x.insertText), [' true', ' false']);
  });

  it('flow mappings over several lines, nested ones, and one whose brace is not closed yet', () => {
    assert.ok(complete(`${HEAD}      ContainerDefinitions:\n        - { Name: web,\n            Ess| }\n`).labels.includes('Essential'));
    const options = complete(`${HEAD}      ContainerDefinitions: [{ Name: web, Image: x, LogConfiguration: { LogDriver: awslogs, Options: { awslogs-group: g, | } } }]\n`).labels;
    assert.ok(options.includes('awslogs-region') && !options.includes('awslogs-group'), options.join());
    assert.ok(complete(`${HEAD}      ContainerDefinitions:\n        - { Name: web, Ess|\n`).labels.includes('Essential'));
  });

  it('nothing outside the task definitions', () => {
    assert.deepEqual(complete(`AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      Buck|\n`).labels, []);
  });
});

describe('completion in a JSON template', () => {
  it('keys in CloudFormation names, quoted', () => {
    const { entries } = complete('{"Resources": {"Task": {"Type": "AWS::ECS::TaskDefinition", "Properties": {"Cpu": "256", "|": 1, "ContainerDefinitions": [{"Name": "web", "Image": "nginx:1.27"}]}}}}', 'stack.template.json');
    const e = entries.find((x) => x.label === 'NetworkMode')!;
    assert.equal(e.insertText, '"NetworkMode": ');
    assert.ok(!entries.some((x) => x.label === 'Cpu'));
  });
});

describe('outline of a template', () => {
  it('one entry per task definition resource, its containers and keys as the template spells them', () => {
    const text = `${HEAD}      Family: web\n      ContainerDefinitions:\n        - Name: web\n          Image: nginx:1.27\n        - Name: proxy\n          Image: envoy:v1\n  Other:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions:\n        - Name: w\n          Image: busybox:1.36\n`;
    const symbols = outline(TextDocument.create('file:///s.yaml', 'yaml', 1, text), lint(text, { fileName: 's.yaml' }).doc, lint(text, { fileName: 's.yaml' }).subjects);
    assert.deepEqual(symbols.map((s) => [s.name, s.detail]), [['Task', 'AWS::ECS::TaskDefinition'], ['Other', 'AWS::ECS::TaskDefinition']]);
    assert.deepEqual(symbols[0].children!.map((c) => c.name), ['Family', 'ContainerDefinitions']);
    const containers = symbols[0].children![1].children!;
    assert.deepEqual(containers.map((c) => [c.name, c.detail]), [['web', 'nginx:1.27'], ['proxy', 'envoy:v1']]);
    assert.deepEqual(containers[0].children!.map((c) => c.name), ['Name', 'Image']);
    assert.equal(symbols[0].selectionRange.start.line, 2);
  });
});

describe('hover in a template', () => {
  it('headings in CloudFormation names, with the Fargate size table on Cpu and the role table on ExecutionRoleArn', () => {
    const text = `${HEAD}      RequiresCompatibilities: [FARGATE]\n      Cpu: "256"\n      Memory: "512"\n      ExecutionRoleArn: arn:aws:iam::123456789012:role/exec\n      ContainerDefinitions:\n        - Name: web\n          Image: nginx:1.27\n          PortMappings:\n            - ContainerPort: 80\n`;
    const out = lint(text, { fileName: 's.yaml' });
    const cpu = hoverAt(out, text.indexOf('Cpu') + 1)!.markdown;
    assert.match(cpu, /^\*\*`Cpu`\*\* \(task\)/);
    assert.match(cpu, /512/);
    assert.match(hoverAt(out, text.indexOf('ContainerPort') + 1)!.markdown, /^\*\*`ContainerPort`\*\* \(PortMappings\)/);
    const role = hoverAt(out, text.indexOf('ExecutionRoleArn') + 1)!.markdown;
    assert.match(role, /^\*\*`ExecutionRoleArn`\*\*/);
    assert.match(role, /\|/); // the role table
  });
});
