// The committed schemas are exactly what the generator produces, and every property is documented.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { buildSchemas } from '../../scripts/schema/build.ts';
import { generateSchemas, repoRoot, SCHEMA_FILES, serializeSchema } from '../../scripts/schema/generate.ts';
import { overlay } from '../../scripts/schema/overlay/index.ts';
import { readSdkModel, sdkModelsDir } from '../../scripts/schema/sdk-model.ts';

type Json = Record<string, unknown>;
const root = repoRoot();
const generated = generateSchemas(root);

test('committed schemas match the generator output', () => {
  for (const key of ['task', 'containers', 'service'] as const) {
    const committed = fs.readFileSync(path.join(root, SCHEMA_FILES[key]), 'utf8');
    assert.ok(
      committed === serializeSchema(generated[key]),
      `${SCHEMA_FILES[key]} is stale: run \`npm run schema\` and commit the result`,
    );
  }
});

test('generation is deterministic', () => {
  const again = generateSchemas(root);
  assert.equal(serializeSchema(again.task), serializeSchema(generated.task));
  assert.equal(serializeSchema(again.containers), serializeSchema(generated.containers));
  assert.equal(serializeSchema(again.service), serializeSchema(generated.service));
});

/** Every object schema that declares properties, with a readable location. */
function objectSchemas(schema: Json): Array<{ where: string; node: Json }> {
  const out: Array<{ where: string; node: Json }> = [{ where: '(root)', node: schema }];
  for (const [name, def] of Object.entries((schema.definitions ?? {}) as Record<string, Json>)) {
    out.push({ where: name, node: def });
  }
  return out.filter((o) => o.node.properties);
}

test('every property has a description and a markdownDescription', () => {
  let count = 0;
  for (const { where, node } of [...objectSchemas(generated.task), ...objectSchemas(generated.service)]) {
    for (const [prop, s] of Object.entries(node.properties as Record<string, Json>)) {
      count++;
      assert.equal(typeof s.markdownDescription, 'string', `${where}.${prop} lacks markdownDescription`);
      assert.ok((s.markdownDescription as string).length > 10, `${where}.${prop}: markdownDescription too short`);
      assert.equal(typeof s.description, 'string', `${where}.${prop} lacks description`);
      assert.doesNotMatch(s.description as string, /`/, `${where}.${prop}: plain description keeps markdown`);
    }
  }
  assert.ok(count > 300, `only ${count} properties documented`);
});

test('every API object is closed and every pattern has a human name', () => {
  for (const { where, node } of [...objectSchemas(generated.task), ...objectSchemas(generated.service)]) {
    assert.equal(node.additionalProperties, false, `${where} must set additionalProperties: false`);
  }
  const walk = (s: unknown, where: string): void => {
    if (!s || typeof s !== 'object') return;
    const o = s as Json;
    if (typeof o.pattern === 'string') {
      assert.equal(typeof o['x-format-name'], 'string', `${where} has a pattern without x-format-name`);
      assert.doesNotThrow(() => new RegExp(o.pattern as string, 'u'), `${where}: pattern must compile`);
    }
    for (const [k, v] of Object.entries(o)) walk(v, `${where}/${k}`);
  };
  walk(generated.task, '#');
  walk(generated.service, 'service#');
});

test('the service schema takes create-service, update-service and ecspresso files: nothing required at the top', () => {
  const svc = generated.service;
  assert.equal(svc.required, undefined, 'ecspresso service definitions have no serviceName, cluster or taskDefinition');
  const props = Object.keys(svc.properties as Json);
  for (const key of ['serviceName', 'taskDefinition', 'cluster', 'loadBalancers', 'networkConfiguration', 'service', 'forceNewDeployment']) {
    assert.ok(props.includes(key), `${key} must be a service property`);
  }
  assert.equal(svc.additionalProperties, false);
  const defs = svc.definitions as Record<string, Json>;
  assert.deepEqual(defs.AwsVpcConfiguration.required, ['subnets']);
  assert.deepEqual(defs.DeploymentCircuitBreaker.required, ['enable', 'rollback']);
  assert.deepEqual(defs.CapacityProviderStrategyItem.required, ['capacityProvider']);
  assert.ok(JSON.stringify(svc).includes('"enum":["EC2","FARGATE"') || (svc.properties as Record<string, Json>).launchType.enum, 'launchType has the SDK enum');
  // self-contained: every $ref points into its own definitions
  for (const m of JSON.stringify(svc).matchAll(/"\$ref":"([^"]+)"/g)) {
    assert.match(m[1], /^#\/definitions\//);
    assert.ok(defs[m[1].slice('#/definitions/'.length)], `${m[1]} resolves`);
  }
});

test('required lists follow the missing-required table', () => {
  const defs = generated.task.definitions as Record<string, Json>;
  const req = (name: string) => (name === 'task' ? generated.task.required : defs[name].required) ?? [];
  const expected: Record<string, string[]> = {
    task: ['family', 'containerDefinitions'], ContainerDefinition: ['name', 'image'], KeyValuePair: ['name'],
    Secret: ['name', 'valueFrom'], EnvironmentFile: ['value', 'type'], MountPoint: ['sourceVolume', 'containerPath'],
    VolumeFrom: ['sourceContainer'], ContainerDependency: ['containerName', 'condition'], LogConfiguration: ['logDriver'],
    HealthCheck: ['command'], Ulimit: ['name', 'softLimit', 'hardLimit'], ContainerRestartPolicy: ['enabled'],
    FirelensConfiguration: ['type'], ProxyConfiguration: ['containerName'], RepositoryCredentials: ['credentialsParameter'],
    ResourceRequirement: ['type'], HostEntry: ['hostname', 'ipAddress'], Device: ['hostPath'],
    Tmpfs: ['containerPath', 'size'], EphemeralStorage: ['sizeInGiB'], EFSVolumeConfiguration: ['fileSystemId'],
    FSxWindowsFileServerVolumeConfiguration: ['fileSystemId', 'rootDirectory', 'authorizationConfig'],
    S3FilesVolumeConfiguration: ['fileSystemArn'], InferenceAccelerator: ['deviceName', 'deviceType'], Tag: ['key'],
    ProxyConfigurationProperty: [], PortMapping: [], Volume: [],
  };
  for (const [name, keys] of Object.entries(expected)) assert.deepEqual(req(name), keys, `required of ${name}`);
});

test('describe-only keys are not part of the register schema', () => {
  const props = Object.keys(generated.task.properties as Json);
  for (const key of ['taskDefinitionArn', 'revision', 'status', 'requiresAttributes', 'compatibilities',
    'registeredAt', 'registeredBy', 'deregisteredAt', 'deleteRequestedAt']) {
    assert.ok(!props.includes(key), `${key} must not be a register property`);
  }
});

test('the generator refuses an overlay that misses or invents a field', () => {
  const model = readSdkModel(sdkModelsDir(root));
  const { image: _image, ...rest } = overlay.ContainerDefinition.props;
  const missing = { ...overlay, ContainerDefinition: { ...overlay.ContainerDefinition, props: rest } };
  assert.throws(() => buildSchemas(model, missing), /ContainerDefinition\.image: missing from the overlay/);
  const invented = {
    ...overlay,
    Tag: { ...overlay.Tag, props: { ...overlay.Tag.props, colour: { md: 'not an ECS field at all' } } },
  };
  assert.throws(() => buildSchemas(model, invented), /Tag: overlay has fields the model lacks: colour/);
});

test('schema stays small', () => {
  const bytes = Buffer.byteLength(serializeSchema(generated.task));
  assert.ok(bytes < 120_000, `task schema is ${bytes} bytes`);
  const serviceBytes = Buffer.byteLength(serializeSchema(generated.service));
  assert.ok(serviceBytes < 90_000, `service schema is ${serviceBytes} bytes`);
});
