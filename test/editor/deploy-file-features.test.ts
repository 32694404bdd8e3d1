/**
 * Hover and completion in service definitions and CodeDeploy appspecs, from the service schema (the SDK's
 * CreateService input) through the task definition's hover and completion machinery. Cursor written as `|`.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDocument } from '../../server/src/core/syntax/parse';
import { readYaml } from '../../server/src/core/syntax/yaml';
import { deployFileHoverAt } from '../../server/src/core/hover/deploy-file-hover';
import { completeInAppspec, completeInServiceFile } from '../../server/src/core/completion/deploy-file-completion';
import { yamlPlaceAt } from '../../server/src/core/completion/yaml-path';
import { cursor } from './cursor';

const serviceHover = (marked: string) => {
  const { text, offset } = cursor(marked);
  return deployFileHoverAt('service', parseDocument(text).root, offset)?.markdown;
};
const appspecHover = (marked: string) => {
  const { text, offset } = cursor(marked);
  return deployFileHoverAt('appspec', readYaml(text).root, offset)?.markdown;
};
const serviceLabels = (marked: string) => {
  const { text, offset } = cursor(marked);
  return completeInServiceFile(text, offset).map((e) => e.label);
};
const appspec = (marked: string, yaml = true) => {
  const { text, offset } = cursor(marked);
  return completeInAppspec(text, offset, yaml);
};

const APPSPEC = `version: 0.0
Resources:
  - TargetService:
      Type: AWS::ECS::Service
      Properties:
        TaskDefinition: "<TASK_DEFINITION>"
        LoadBalancerInfo:
          ContainerName: "web"
          ContainerPort: 8080
        NetworkConfiguration:
          AwsvpcConfiguration:
            Subnets: ["subnet-1"]
            AssignPublicIp: "DISABLED"
Hooks:
  - BeforeAllowTraffic: "CheckBeforeTraffic"
`;
const at = (needle: string, shift = 1) => APPSPEC.slice(0, APPSPEC.indexOf(needle) + shift) + '|' + APPSPEC.slice(APPSPEC.indexOf(needle) + shift);

describe('hover in a service definition', () => {
  it('a top-level key: the schema description, type and allowed values, as a service field', () => {
    const md = serviceHover('{ "serviceName": "web", "launc|hType": "FARGATE" }')!;
    assert.match(md, /^\*\*`launchType`\*\* \(service\) · string/);
    assert.match(md, /Allowed values:\*\* `EC2`, `EXTERNAL`, `FARGATE`, `MANAGED_INSTANCES`/);
  });

  it('a nested key through $refs of the service schema (loadBalancers[].containerPort, deploymentConfiguration)', () => {
    assert.match(serviceHover('{ "loadBalancers": [{ "containerName": "web", "container|Port": 80 }] }')!, /^\*\*`containerPort`\*\* \(loadBalancers\) · integer/);
    assert.match(serviceHover('{ "deploymentConfiguration": { "maximum|Percent": 200 } }')!, /^\*\*`maximumPercent`\*\* \(deploymentConfiguration\) · integer/);
    assert.match(serviceHover('{ "deploymentConfiguration": { "deploymentCircuitBreaker": { "roll|back": true } } }')!, /^\*\*`rollback`\*\* \(deploymentCircuitBreaker\) · boolean/);
  });

  it('an enum value: its meaning, then the key', () => {
    const md = serviceHover('{ "schedulingStrategy": "DAE|MON" }')!;
    assert.match(md, /^\*\*`DAEMON`\*\* — Run exactly one task on each active container instance/);
    assert.match(md, /\*\*`schedulingStrategy`\*\* \(service\)/);
    assert.match(serviceHover('{ "networkConfiguration": { "awsvpcConfiguration": { "assignPublicIp": "ENA|BLED" } } }')!, /^\*\*`ENABLED`\*\* — Each task gets a public IP/);
  });

  it('a describe-only key (copied from describe-services output): says create-service does not take it', () => {
    assert.match(serviceHover('{ "serviceName": "web", "running|Count": 2 }')!, /^\*\*`runningCount`\*\* \(service\)\n\nRead-only: `describe-services` reports it; `create-service` and `update-service` do not take it/);
  });

  it('says nothing of a key the schema does not know', () => {
    assert.equal(serviceHover('{ "notAServiceKey|": 1 }'), undefined);
  });
});

describe('hover in an appspec', () => {
  it("the appspec's own keys and the hook names", () => {
    assert.match(appspecHover(at('version'))!, /^\*\*`version`\*\* \(appspec\)\n\nThe appspec format version: `0\.0`/);
    assert.match(appspecHover(at('TargetService'))!, /^\*\*`TargetService`\*\* \(appspec\)/);
    assert.match(appspecHover(at('Properties'))!, /TaskDefinition/);
    assert.match(appspecHover(at('BeforeAllowTraffic'))!, /before production traffic moves/);
    assert.match(appspecHover(at('LoadBalancerInfo'))!, /\*\*`LoadBalancerInfo`\*\* \(appspec\)/);
  });

  it('service properties in PascalCase: the service schema, headings in the appspec spelling', () => {
    assert.match(appspecHover(at('ContainerPort'))!, /^\*\*`ContainerPort`\*\* \(LoadBalancerInfo\) · integer/);
    assert.match(appspecHover(at('TaskDefinition'))!, /^\*\*`TaskDefinition`\*\* \(service\) · string/);
    assert.match(appspecHover(at('AssignPublicIp'))!, /^\*\*`AssignPublicIp`\*\* \(AwsvpcConfiguration\) · string/);
    assert.match(appspecHover(at('"DISABLED"', 2))!, /^\*\*`DISABLED`\*\* — Tasks get only a private address/);
  });

  it('no schema hover for a service key an appspec does not take', () => {
    const text = APPSPEC.replace('ContainerPort: 8080', 'TargetGroupArn: x');
    const offset = text.indexOf('TargetGroupArn') + 2;
    assert.equal(deployFileHoverAt('appspec', readYaml(text).root, offset), undefined);
  });
});

describe('completion in a service definition', () => {
  it('top-level keys not yet present, and keys inside loadBalancers, networkConfiguration, deploymentConfiguration', () => {
    const top = serviceLabels('{ "serviceName": "web", | }');
    assert.ok(top.includes('launchType') && top.includes('schedulingStrategy') && top.includes('deploymentConfiguration'));
    assert.ok(!top.includes('serviceName'));
    assert.deepEqual(serviceLabels('{ "loadBalancers": [{ | }] }').sort(), ['containerName', 'containerPort', 'loadBalancerName', 'targetGroupArn', 'advancedConfiguration'].sort());
    assert.ok(serviceLabels('{ "networkConfiguration": { "awsvpcConfiguration": { | } } }').includes('assignPublicIp'));
    const dc = serviceLabels('{ "deploymentConfiguration": { | } }');
    assert.ok(dc.includes('maximumPercent') && dc.includes('minimumHealthyPercent') && dc.includes('deploymentCircuitBreaker'));
  });

  it('enum values: launchType, schedulingStrategy, deploymentController.type, assignPublicIp', () => {
    assert.deepEqual(serviceLabels('{ "launchType": "|" }'), ['EC2', 'EXTERNAL', 'FARGATE', 'MANAGED_INSTANCES']);
    assert.deepEqual(serviceLabels('{ "schedulingStrategy": | }'), ['DAEMON', 'REPLICA']);
    assert.deepEqual(serviceLabels('{ "deploymentController": { "type": "|" } }').sort(), ['CODE_DEPLOY', 'ECS', 'EXTERNAL']);
    assert.deepEqual(serviceLabels('{ "networkConfiguration": { "awsvpcConfiguration": { "assignPublicIp": "|" } } }').sort(), ['DISABLED', 'ENABLED']);
  });
});

describe('completion in an appspec', () => {
  it('Properties: the five keys CodeDeploy reads, in PascalCase, without the ones present', () => {
    const text = APPSPEC.replace('        NetworkConfiguration:', '        |\n        NetworkConfiguration:');
    const labels = appspec(text).map((e) => e.label).sort();
    assert.deepEqual(labels, ['CapacityProviderStrategy', 'PlatformVersion']);
    assert.equal(appspec(text).find((e) => e.label === 'PlatformVersion')!.insertText, 'PlatformVersion: ');
  });

  it('inside LoadBalancerInfo only ContainerName and ContainerPort; in AwsvpcConfiguration the schema keys', () => {
    const lb = APPSPEC.replace('          ContainerPort: 8080\n', '          Con|\n');
    assert.deepEqual(appspec(lb).map((e) => e.label), ['ContainerPort']);
    const vpc = APPSPEC.replace('            AssignPublicIp: "DISABLED"\n', '            |\n');
    assert.deepEqual(appspec(vpc).map((e) => e.label).sort(), ['AssignPublicIp', 'SecurityGroups']);
  });

  it('values: AssignPublicIp enum, Type and version, the hook names', () => {
    assert.deepEqual(appspec(APPSPEC.replace('AssignPublicIp: "DISABLED"', 'AssignPublicIp: |')).map((e) => e.insertText), ['DISABLED', 'ENABLED']);
    assert.deepEqual(appspec(APPSPEC.replace('Type: AWS::ECS::Service', 'Type:|')).map((e) => e.insertText), [' AWS::ECS::Service']);
    assert.deepEqual(appspec(APPSPEC.replace('version: 0.0', 'version: |')).map((e) => e.insertText), ['0.0']);
    const hooks = appspec(`${APPSPEC}  - |\n`).map((e) => e.label);
    assert.deepEqual(hooks, ['BeforeInstall', 'AfterInstall', 'AfterAllowTestTraffic', 'BeforeAllowTraffic', 'AfterAllowTraffic']);
    assert.deepEqual(appspec(`${APPSPEC}|`).map((e) => e.label), [], 'every top-level key is present');
  });

  it('appspec.json: the same keys, in JSON', () => {
    const items = appspec('{ "version": 0.0, "Resources": [{ "TargetService": { "Type": "AWS::ECS::Service", "Properties": { "TaskDefinition": "x", | } } }] }', false);
    assert.ok(items.some((e) => e.label === 'LoadBalancerInfo' && e.insertText === '"LoadBalancerInfo": '));
  });
});

describe('YAML place from indentation', () => {
  it('reads the path through list items and sibling keys, and the keys present', () => {
    const { text, offset } = cursor(APPSPEC.replace('        TaskDefinition:', '        |\n        TaskDefinition:'));
    const place = yamlPlaceAt(text, offset)!;
    assert.deepEqual(place.objPath, ['Resources', 0, 'TargetService', 'Properties']);
    assert.deepEqual([...place.present].sort(), ['LoadBalancerInfo', 'NetworkConfiguration', 'TaskDefinition']);
    const second = cursor(`${APPSPEC}  - AfterAllowTraffic: x\n  - |`);
    assert.deepEqual(yamlPlaceAt(second.text, second.offset)!.objPath, ['Hooks', 2]);
  });

  it('gives up inside a comment or under a flow collection', () => {
    const c = cursor('a:\n  # b|');
    assert.equal(yamlPlaceAt(c.text, c.offset), undefined);
    const f = cursor('a: {\n  |');
    assert.equal(yamlPlaceAt(f.text, f.offset), undefined);
  });
});
