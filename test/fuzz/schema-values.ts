/**
 * Random task definitions generated from the JSON Schema (schemas/task-definition.schema.json): mostly valid
 * shapes with values from small shared pools (so names, volumes and sizes refer to each other and the
 * cross-field rules fire), plus occasional wrong types, nulls, unknown and misplaced keys.
 */
import taskSchema from '../../schemas/task-definition.schema.json';

type Schema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  minimum?: number;
  maximum?: number;
  additionalProperties?: boolean | Schema;
};

/** Deterministic PRNG (mulberry32) so a fast-check integer seed reproduces the same document. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rng = () => number;
export const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)];

const NAMES = ['web', 'app', 'sidecar', 'log_router', 'envoy', 'worker', 'web'];
const VOLUMES = ['data', 'logs', 'efs', 'data'];
const BY_KEY: Record<string, readonly unknown[]> = {
  name: NAMES,
  containerName: NAMES,
  sourceContainer: NAMES,
  sourceVolume: VOLUMES,
  image: ['nginx:1.27', 'nginx', 'nginx:latest', '123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1.0', '${IMAGE}', '<IMAGE>', '', 'public.ecr.aws/aws-observability/aws-for-fluent-bit:stable'],
  cpu: ['256', '512', '1024', '4096', '1 vCPU', '300', 256, '${CPU}'],
  memory: ['512', '1024', '2048', '3 GB', '30720', 512, '100', '${MEMORY}'],
  family: ['web', 'my-app_1', 'bad family!', ''],
  taskRoleArn: ['arn:aws:iam::123456789012:role/task', 'task-role', 'arn:aws:iam::123456789012:role/${ROLE}'],
  executionRoleArn: ['arn:aws:iam::123456789012:role/ecsTaskExecutionRole', 'ecsTaskExecutionRole', ''],
  valueFrom: ['arn:aws:ssm:us-east-1:123456789012:parameter/db/password', 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf:password::', '/db/password', 'plain'],
  value: ['x', 'hunter2', 'true', '', '${VALUE}', 'postgres://user:pass@db:5432/app'],
  hostPort: [80, 8080, 0, 65535, 70000],
  containerPort: [80, 8080, 443, 0],
  user: ['root', '0', '1000:1000', 'nobody'],
  fileSystemId: ['fs-12345678', 'fs-bad'],
  'awslogs-group': ['/ecs/web', '${LOG_GROUP}'],
  'awslogs-region': ['us-east-1', 'eu-west-1'],
  'awslogs-stream-prefix': ['ecs', ''],
};
const STRINGS = ['x', '', 'web', '${VAR}', '{{ .Values.x }}', '#{Octopus}', '<PLACEHOLDER>', 'a b', 'ü€😀', '\\', 'CAP_SYS_ADMIN', 'SYS_ADMIN', '/data', 'arn:aws:s3:::bucket/key.env'];
const NUMBERS = [0, 1, -1, 2, 10, 128, 256, 512, 1024, 2048, 4096, 65535, 1e9, 3.5];
const ODD_KEYS = ['Image', 'memoryreservation', 'cpu', 'portMapping', 'environmentVariables', 'healthcheck', 'taskDefinitionArn', 'revision', 'status', 'sizeInGiB', 'awslogs-group', 'valueFrom', 'containerPort', 'totally-unknown'];

function deref(s: Schema | undefined): Schema | undefined {
  let cur = s;
  for (let guard = 0; cur?.$ref && guard < 10; guard++) {
    const path = cur.$ref.split('#')[1] ?? '';
    let target: unknown = taskSchema;
    for (const part of path.split('/').filter(Boolean)) target = (target as Record<string, unknown>)?.[part];
    cur = target as Schema;
  }
  return cur;
}

function oddValue(rng: Rng): unknown {
  return pick(rng, [null, '', 0, true, [], {}, 'x', -1, '${X}']);
}

function valueFor(schema: Schema | undefined, key: string, rng: Rng, depth: number): unknown {
  const s = deref(schema);
  if (!s || depth > 6) return oddValue(rng);
  if (rng() < 0.03) return oddValue(rng); // wrong type, null, empty
  if (s.enum) return rng() < 0.9 ? pick(rng, s.enum) : pick(rng, ['fargate', 'awsvpc ', 'NONE', 'CAP_NET_ADMIN', '']);
  if (BY_KEY[key] && rng() < 0.85) return pick(rng, BY_KEY[key]);
  const type = Array.isArray(s.type) ? pick(rng, s.type) : s.type;
  switch (type) {
    case 'object':
      return objectFor(s, rng, depth + 1);
    case 'array': {
      const n = Math.floor(rng() * rng() * 5);
      return Array.from({ length: n }, () => valueFor(s.items, key, rng, depth + 1));
    }
    case 'string':
      return pick(rng, STRINGS);
    case 'integer':
    case 'number': {
      const v = pick(rng, NUMBERS);
      return type === 'integer' ? Math.trunc(v) : v;
    }
    case 'boolean':
      return rng() < 0.5;
    default:
      return oddValue(rng);
  }
}

function objectFor(s: Schema, rng: Rng, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const required = new Set(s.required ?? []);
  const keep = depth <= 1 ? 0.5 : 0.3;
  for (const [k, sub] of Object.entries(s.properties ?? {})) {
    if (rng() < (required.has(k) ? 0.93 : keep)) out[k] = valueFor(sub, k, rng, depth);
  }
  if (!s.properties && s.additionalProperties && rng() < 0.7) {
    const sub = typeof s.additionalProperties === 'object' ? s.additionalProperties : {};
    for (let i = Math.floor(rng() * 3); i > 0; i--) out[pick(rng, ['awslogs-group', 'awslogs-region', 'awslogs-stream-prefix', 'mode', 'key', 'Name'])] = valueFor(sub, 'awslogs-group', rng, depth);
  }
  if (rng() < 0.08) out[pick(rng, ODD_KEYS)] = pick(rng, [...STRINGS, ...NUMBERS, null]);
  return out;
}

/** A random task definition (register input) from the schema. */
export function schemaTask(seed: number): Record<string, unknown> {
  const rng = prng(seed);
  const task = objectFor(taskSchema as Schema, rng, 0);
  if (rng() < 0.8) {
    const container = (taskSchema as { definitions: Record<string, Schema> }).definitions.ContainerDefinition;
    task.containerDefinitions = Array.from({ length: 1 + Math.floor(rng() * 3) }, () => objectFor(container, rng, 1));
  }
  if (rng() < 0.1) return { taskDefinition: { ...task, taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:3', revision: 3, status: 'ACTIVE' } };
  return task;
}
