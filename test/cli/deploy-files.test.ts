/** `ecs-taskdef lint` on appspecs and service definitions: the three conventions that link them to a task definition. */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cli, workspace } from './cli-helpers';

const WORKSPACES = join(__dirname, '..', 'fixtures', 'workspaces');

interface JsonResult {
  file: string;
  kind: string;
  diagnostics: Array<{ code: string; severity: string; message: string; range: { start: { line: number; character: number } }; fixes?: Array<{ title: string }> }>;
}

function lintJson(...args: string[]): { status: number | undefined; results: JsonResult[] } {
  const r = cli('lint', '--format', 'json', ...args);
  return { status: r.status, results: JSON.parse(r.stdout) as JsonResult[] };
}

const errors = (r: JsonResult) => r.diagnostics.filter((d) => d.severity !== 'hint' && d.severity !== 'information').map((d) => [d.code, d.range.start.line + 1]);

describe('lint DIR: appspecs and service definitions', () => {
  it('CodePipeline blue/green: appspec.yaml is checked against taskdef.json beside it', () => {
    const dir = join(WORKSPACES, 'codepipeline-blue-green');
    const { status, results } = lintJson(dir);
    assert.equal(status, 1);
    assert.deepEqual(results.map((r) => [r.file.slice(dir.length + 1), r.kind]), [
      ['appspec.yaml', 'appspec'],
      ['taskdef.json', 'register'],
    ]);
    assert.deepEqual(errors(results[0]), [['unknown-container-port', 10]]);
    assert.equal(results[0].diagnostics[0].message, "Container 'orders' of taskdef.json does not map port 80 (it maps 8080).");
    assert.deepEqual(results[0].diagnostics[0].fixes?.map((f) => f.title), ['Change to 8080']);
  });

  it('ecspresso: ecspresso.yml links ecs-service-def.json to ecs-task-def.json', () => {
    const dir = join(WORKSPACES, 'ecspresso');
    const { results } = lintJson(dir);
    assert.deepEqual(results.map((r) => [r.file.slice(dir.length + 1), r.kind]), [
      ['ecs-service-def.json', 'service'],
      ['ecs-task-def.json', 'register'],
    ]);
    assert.deepEqual(errors(results[0]), [['service-connect-port-name', 21]]);
    assert.match(results[0].diagnostics[0].message, /did you mean 'api-http'/);
  });

  it('service JSON by family: a task definition elsewhere in the scanned folder answers the family of an ARN', () => {
    const dir = join(WORKSPACES, 'service-by-family');
    const { results } = lintJson(dir);
    const svc = results.find((r) => r.kind === 'service')!;
    assert.deepEqual(errors(svc), [
      ['launch-type-incompatible', 6],
      ['service-role-with-awsvpc', 7],
      ['unknown-container-reference', 11],
    ]);
    assert.match(svc.diagnostics[2].message, /^'webapp' is not a container of \.\.\/task-definitions\/web\.json \(did you mean 'web'\?\)\.$/);
  });

  it('a service file linted alone, without its task definition in reach, is checked alone and says nothing about links', () => {
    const file = join(WORKSPACES, 'service-by-family', 'services', 'web-service.json');
    const { results } = lintJson(file);
    assert.deepEqual(results.map((r) => r.kind), ['service']);
    // Only what the file proves by itself: a role beside awsvpcConfiguration. No container or launch-type findings.
    assert.deepEqual(errors(results[0]), [['service-role-with-awsvpc', 7]]);
    assert.match(results[0].diagnostics[0].message, /the service has an awsvpcConfiguration/);
  });

  it('SARIF and GitHub formats point at the referencing file and line', () => {
    const dir = join(WORKSPACES, 'codepipeline-blue-green');
    const gh = cli('lint', '--format', 'github', dir);
    assert.match(gh.stdout, /::error file=.*appspec\.yaml,line=10,.*unknown-container-port/);
    type Loc = { physicalLocation?: { artifactLocation: { uri: string }; region: { startLine: number } }; message?: { text: string } };
    const sarif = JSON.parse(cli('lint', '--format', 'sarif', dir).stdout) as { runs: Array<{ results: Array<{ ruleId: string; locations: Loc[]; relatedLocations?: Loc[] }> }> };
    const r = sarif.runs[0].results.find((x) => x.ruleId === 'unknown-container-port')!;
    assert.match(r.locations[0].physicalLocation!.artifactLocation.uri, /appspec\.yaml$/);
    assert.equal(r.locations[0].physicalLocation!.region.startLine, 10);
    // Related ranges in the task definition are not placed in the appspec's text: named, without a region.
    assert.deepEqual(r.relatedLocations?.map((l) => [l.message?.text, l.physicalLocation]), [['port mapping 8080 (taskdef.json)', undefined]]);
  });

  it('service definitions are schema-checked (typos, types, enums) with line-precise findings; fix renames a typo; ecspresso files as ecspresso reads them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecs-taskdef-service-schema-'));
    try {
      const service = join(dir, 'service.json');
      writeFileSync(service, [
        '{',
        '  "serviceName": "web",',
        '  "desiredCount": "{{ must_env `COUNT` }}",',
        '  "launchType": "FARGET",',
        '  "loadBalancer": [],',
        '  "enableExecuteCommand": "yes",',
        '  "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-0abc1234"] } },',
        '  "deploymentConfiguration": { "deploymentCircuitBreaker": { "enable": true, "rollback": true } }',
        '}',
        '',
      ].join('\n'));
      const { status, results } = lintJson(service);
      assert.equal(status, 1);
      assert.deepEqual(results.map((r) => r.kind), ['service']);
      assert.deepEqual(errors(results[0]), [['invalid-enum-value', 4], ['unknown-property', 5], ['wrong-type', 6]]);
      const typo = results[0].diagnostics.find((d) => d.code === 'unknown-property')!;
      assert.equal(typo.message, "Unknown property 'loadBalancer' in the service definition. Did you mean 'loadBalancers'?");
      assert.equal(typo.range.start.character, 2);
      cli('fix', service);
      const fixed = readFileSync(service, 'utf8');
      assert.match(fixed, /"loadBalancers": \[\],/);
      assert.match(fixed, /"launchType": "FARGATE",/);
      assert.deepEqual(errors(lintJson(service).results[0]), [['wrong-type', 6]]);

      // ecspresso's own file: platformFamily (ecspresso init writes it) and "" (a Go zero value) are fine there
      const ecspresso = join(dir, 'ecs-service-def.json');
      writeFileSync(ecspresso, '{\n  "launchType": "",\n  "platformFamily": "Linux",\n  "desiredCount": 1,\n  "schedulingStrategy": "REPLICAS"\n}\n');
      assert.deepEqual(errors(lintJson(ecspresso).results[0]), [['invalid-enum-value', 5]]);
      // the same keys given to the AWS CLI are rejected: named as describe output and as empty
      writeFileSync(service, '{\n  "serviceName": "web",\n  "launchType": "",\n  "platformFamily": "Linux",\n  "taskDefinition": "web:3",\n  "desiredCount": 1\n}\n');
      const cliInput = lintJson(service).results[0];
      assert.deepEqual(errors(cliInput), [['null-value', 3], ['unknown-property', 4]]);
      assert.match(cliInput.diagnostics.find((d) => d.code === 'unknown-property')!.message, /describe-services output/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fix repairs the service (container name, role) but leaves a port to the user; conflict markers are one error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecs-taskdef-deploy-'));
    try {
      cpSync(WORKSPACES, dir, { recursive: true });
      const service = join(dir, 'service-by-family', 'services', 'web-service.json');
      cli('fix', join(dir, 'service-by-family')); // a folder: its task definitions answer the service's family
      const fixed = readFileSync(service, 'utf8');
      assert.match(fixed, /"containerName": "web",/);
      assert.doesNotMatch(fixed, /"role"/);
      const after = lintJson(join(dir, 'service-by-family')).results.find((r) => r.kind === 'service')!;
      assert.deepEqual(errors(after), [['launch-type-incompatible', 6]]);
      // The port quick fix is offered, not applied: the task definition's mapping may be the wrong side.
      const appspec = join(dir, 'codepipeline-blue-green', 'appspec.yaml');
      const before = readFileSync(appspec, 'utf8');
      cli('fix', appspec);
      assert.equal(readFileSync(appspec, 'utf8'), before);
      writeFileSync(appspec, before.replace('          ContainerPort: 80\n', '<<<<<<< HEAD\n          ContainerPort: 80\n=======\n          ContainerPort: 8080\n>>>>>>> feature\n'));
      const { results } = lintJson(appspec);
      assert.deepEqual(results[0].diagnostics.map((d) => [d.code, d.severity, d.range.start.line + 1]), [['json-syntax', 'error', 10]]);
      assert.match(results[0].diagnostics[0].message, /merge conflict: 3 marker lines/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('.ecs-taskdef.json taskDefinitions maps a deploying file to a task definition the conventions miss; a bad entry is a config error', () => {
    const appspec = 'version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n        TaskDefinition: <TASK_DEFINITION>\n        LoadBalancerInfo:\n          ContainerName: worker\n          ContainerPort: 8080\n';
    const task = JSON.stringify({ family: 'api', containerDefinitions: [{ name: 'api', image: 'api:1', memory: 256, portMappings: [{ containerPort: 8080 }] }] }, null, 2);
    const dir = workspace({ 'deploy/appspec.yaml': appspec, 'ecs/taskdef.prod.json': task });
    try {
      assert.deepEqual(errors(lintJson(join(dir, 'deploy', 'appspec.yaml')).results[0]), []); // no taskdef.json beside it: checked alone
      writeFileSync(join(dir, '.ecs-taskdef.json'), JSON.stringify({ taskDefinitions: { 'deploy/appspec.yaml': 'ecs/taskdef.prod.json' } }));
      const { results } = lintJson(join(dir, 'deploy', 'appspec.yaml'));
      assert.deepEqual(errors(results[0]), [['unknown-container-reference', 8]]);
      assert.match(results[0].diagnostics[0].message, /'worker' is not a container of \.\.\/ecs\/taskdef\.prod\.json/);
      writeFileSync(join(dir, '.ecs-taskdef.json'), JSON.stringify({ taskDefinitions: { 'deploy/*.yaml': 42 } }));
      const bad = cli('lint', join(dir, 'deploy', 'appspec.yaml'));
      assert.equal(bad.status, 2);
      assert.match(bad.stderr, /must be a path relative to this config file/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
