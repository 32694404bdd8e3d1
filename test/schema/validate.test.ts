// ajv compiles both schemas; real task definitions validate without unknown-key errors; spot checks.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { repoRoot, SCHEMA_FILES } from '../../scripts/schema/generate.ts';

const root = repoRoot();
const load = (file: string) => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as { $id: string };
const taskSchema = load(SCHEMA_FILES.task);
const containersSchema = load(SCHEMA_FILES.containers);

const ajv = new Ajv({ allErrors: true, strict: false });
ajv.addSchema(taskSchema);
ajv.addSchema(containersSchema);
const validateTask = ajv.getSchema(taskSchema.$id) as ValidateFunction;
const validateContainers = ajv.getSchema(containersSchema.$id) as ValidateFunction;

test('ajv compiles both schemas, the container array through the task schema\'s $id', () => {
  assert.equal(typeof validateTask, 'function');
  assert.equal(typeof validateContainers, 'function');
  assert.equal(validateContainers([{ name: 'web', image: 'nginx:1.27' }]), true);
  assert.equal(validateContainers([{ name: 'web', image: 'nginx:1.27', HealthCheck: {} }]), false);
});

const CORPUS = '/work/shared/corpus';
const DESCRIBE_ONLY = ['taskDefinitionArn', 'revision', 'status', 'requiresAttributes', 'compatibilities',
  'registeredAt', 'registeredBy', 'deregisteredAt', 'deleteRequestedAt'];
/** Unknown or misplaced keys that RULES.md §5 lists as real mistakes in the corpus. */
const KNOWN_MISTAKES: Record<string, string[]> = {
  'slacgismo__OpenADR_demo__terraform__templates__ecs__worker__devices_worker_task_definition.json.tpl':
    ['/0 HealthCheck', '/0 runtimePlatform'],
};

function unknownKeys(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? [])
    .filter((e) => e.keyword === 'additionalProperties')
    .map((e) => `${e.instancePath} ${(e.params as { additionalProperty: string }).additionalProperty}`)
    .filter((k) => !DESCRIBE_ONLY.some((d) => k === ` ${d}`))
    .sort();
}

test('corpus: strict-JSON task definitions have no unknown keys except the known mistakes', () => {
  assert.ok(fs.existsSync(path.join(CORPUS, 'INDEX.tsv')), `regression corpus missing at ${CORPUS}`);
  const rows = fs.readFileSync(path.join(CORPUS, 'INDEX.tsv'), 'utf8').trim().split('\n').slice(1)
    .map((line) => line.split('\t'));
  const checked: Record<string, number> = {};
  for (const [file, , , , kind] of rows) {
    if (!['register-input', 'describe-output', 'container-array'].includes(kind)) continue;
    let doc: unknown;
    try {
      doc = JSON.parse(fs.readFileSync(path.join(CORPUS, 'files', file), 'utf8'));
    } catch {
      continue; // not strict JSON: the linter's JSONC path handles it
    }
    const isArray = Array.isArray(doc);
    const body = !isArray && (doc as { taskDefinition?: unknown }).taskDefinition
      ? (doc as { taskDefinition: unknown }).taskDefinition : doc;
    const validate = isArray ? validateContainers : validateTask;
    validate(body);
    assert.deepEqual(unknownKeys(validate.errors), KNOWN_MISTAKES[file] ?? [], file);
    checked[kind] = (checked[kind] ?? 0) + 1;
  }
  assert.ok((checked['register-input'] ?? 0) >= 15, `register-input files checked: ${checked['register-input']}`);
  assert.ok((checked['container-array'] ?? 0) >= 5 && (checked['describe-output'] ?? 0) >= 5, JSON.stringify(checked));
});

const container = (extra: object = {}) => ({ name: 'web', image: 'nginx:1.27', ...extra });
const task = (extra: object = {}, c: object = {}) => ({ family: 'web', containerDefinitions: [container(c)], ...extra });

function errorsOf(doc: unknown): string[] {
  validateTask(doc);
  return (validateTask.errors ?? []).map((e) => `${e.instancePath} ${e.keyword}`);
}

test('a minimal task and a rich one are valid', () => {
  assert.deepEqual(errorsOf(task()), []);
  assert.deepEqual(errorsOf(task({
    cpu: '.25 vcpu', memory: '0.5 GB', networkMode: 'awsvpc', requiresCompatibilities: ['FARGATE'],
    tags: [{ key: 'team', value: 'core' }],
    volumes: [{ name: 'data', efsVolumeConfiguration: { fileSystemId: 'fs-0abc', authorizationConfig: { accessPointId: 'fsap-01' } } }],
  }, {
    portMappings: [{ containerPort: 80, name: 'http', appProtocol: 'http' }, { containerPortRange: '8000-8099' }],
    environment: [{ name: 'EMPTY', value: '' }], dockerLabels: { a: '' },
    linuxParameters: { capabilities: { add: ['SYS_PTRACE'], drop: ['ALL'] }, tmpfs: [{ containerPath: '/tmp', size: 64, mountOptions: ['noexec'] }] },
    resourceRequirements: [{ type: 'GPU', sharingStrategy: { nvidiaMps: { memory: 2048 } } }],
    logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/web', mode: '' } },
  })), []);
  for (const cpu of ['256', '1 vCPU', '1vcpu', '0.25 vCPU', ' 512 ']) assert.deepEqual(errorsOf(task({ cpu })), [], cpu);
  for (const memory of ['512', '1GB', '1 GB', '.5 gb', '244 GB']) assert.deepEqual(errorsOf(task({ memory })), [], memory);
});

test('enum, range, format, size and required errors', () => {
  const cases: Array<[unknown, string]> = [
    [task({ networkMode: 'AWSVPC' }), '/networkMode enum'],
    [task({ requiresCompatibilities: ['Fargate'] }), '/requiresCompatibilities/0 enum'],
    [task({}, { linuxParameters: { capabilities: { add: ['CAP_SYS_PTRACE'] } } }), '/containerDefinitions/0/linuxParameters/capabilities/add/0 enum'],
    [task({}, { linuxParameters: { tmpfs: [{ containerPath: '/t', size: 1, mountOptions: ['noexec', 'bogus'] }] } }), '/containerDefinitions/0/linuxParameters/tmpfs/0/mountOptions/1 enum'],
    [task({}, { portMappings: [{ containerPort: 70000 }] }), '/containerDefinitions/0/portMappings/0/containerPort maximum'],
    [task({}, { portMappings: [{ containerPort: 80, hostPort: -1 }] }), '/containerDefinitions/0/portMappings/0/hostPort minimum'],
    [task({}, { linuxParameters: { swappiness: 101 } }), '/containerDefinitions/0/linuxParameters/swappiness maximum'],
    [task({}, { linuxParameters: { tmpfs: [{ containerPath: '/t', size: 0 }] } }), '/containerDefinitions/0/linuxParameters/tmpfs/0/size minimum'],
    [task({}, { memory: -1 }), '/containerDefinitions/0/memory minimum'],
    [task({ family: 'my app' }), '/family pattern'],
    [task({ cpu: '1 core' }), '/cpu pattern'],
    [task({ memory: '2 GiB' }), '/memory pattern'],
    [task({}, { portMappings: [{ containerPort: 80, name: '-web' }] }), '/containerDefinitions/0/portMappings/0/name pattern'],
    [task({ volumes: [{ name: 'd', efsVolumeConfiguration: { fileSystemId: 'efs-1' } }] }), '/volumes/0/efsVolumeConfiguration/fileSystemId pattern'],
    [task({}, { links: ['db:d:x'] }), '/containerDefinitions/0/links/0 pattern'],
    [task({ taskRoleArn: '' }), '/taskRoleArn minLength'],
    [task({ tags: [{ key: 'k'.repeat(129) }] }), '/tags/0/key maxLength'],
    [task({ tags: Array.from({ length: 51 }, (_, i) => ({ key: `k${i}` })) }), '/tags maxItems'],
    [task({}, { environmentFiles: Array.from({ length: 11 }, () => ({ type: 's3', value: 'arn:aws:s3:::b/a.env' })) }), '/containerDefinitions/0/environmentFiles maxItems'],
    [task({}, { credentialSpecs: ['credentialspec:a', 'credentialspec:b'] }), '/containerDefinitions/0/credentialSpecs maxItems'],
    [{ family: 'web', containerDefinitions: [] }, '/containerDefinitions minItems'],
    [{ containerDefinitions: [container()] }, ' required'],
    [task({}, { environment: [{ value: 'x' }] }), '/containerDefinitions/0/environment/0 required'],
    [task({}, { portMappings: [{ protocol: 'tcp' }] }), '/containerDefinitions/0/portMappings/0 anyOf'],
    [task({}, { resourceRequirements: [{ type: 'GPU', value: '1', sharingStrategy: { nvidiaMps: { memory: 1 } } }] }), '/containerDefinitions/0/resourceRequirements/0 oneOf'],
    [task({}, { dockerLabels: { a: 1 } }), '/containerDefinitions/0/dockerLabels/a type'],
    [task({ cpu: 256 }), '/cpu type'],
    [task({ revision: 3 }), ' additionalProperties'],
  ];
  for (const [doc, expected] of cases) assert.ok(errorsOf(doc).includes(expected), `${expected}: got ${errorsOf(doc).join(', ')}`);
});

test('limits owned by dedicated rules are not in the schema', () => {
  assert.deepEqual(errorsOf(task({ ephemeralStorage: { sizeInGiB: 500 } }, {
    healthCheck: { command: ['CMD', 'true'], interval: 1, timeout: 100, retries: 50, startPeriod: 999 },
    restartPolicy: { enabled: true, restartAttemptPeriod: 5 }, startTimeout: 600, stopTimeout: 600,
  })), []);
  const eleven = { family: 'big', containerDefinitions: Array.from({ length: 11 }, (_, i) => container({ name: `c${i}` })) };
  assert.deepEqual(errorsOf(eleven), []);
});
