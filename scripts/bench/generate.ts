/**
 * Generated task definitions for the benchmark: a realistic Fargate task whose size comes from many containers
 * with hundreds of environment variables, port mappings, secrets, health checks and log settings. Deterministic
 * (no randomness), so every run measures the same text.
 */

const LOG_REGION = 'us-east-1';

function container(index: number, envCount: number): Record<string, unknown> {
  const name = `svc-${index}`;
  const environment = [];
  for (let e = 0; e < envCount; e++) {
    environment.push({ name: `SETTING_${index}_${e}`, value: e % 7 === 0 ? `https://api-${e}.example.com/v1/path?x=${e}` : `value-${e}-of-${name}` });
  }
  return {
    name,
    image: `123456789012.dkr.ecr.${LOG_REGION}.amazonaws.com/team/${name}:1.${index}.${envCount}`,
    essential: index === 0,
    cpu: 64,
    memory: 256,
    memoryReservation: 128,
    portMappings: [{ containerPort: 8000 + index, hostPort: 8000 + index, protocol: 'tcp', name: `${name}-http`, appProtocol: 'http' }],
    environment,
    secrets: [
      { name: `DB_PASSWORD_${index}`, valueFrom: `arn:aws:secretsmanager:${LOG_REGION}:123456789012:secret:db-${index}-AbCdEf` },
      { name: `API_TOKEN_${index}`, valueFrom: `arn:aws:ssm:${LOG_REGION}:123456789012:parameter/app/${name}/token` },
    ],
    healthCheck: { command: ['CMD-SHELL', `curl -f http://localhost:${8000 + index}/health || exit 1`], interval: 30, timeout: 5, retries: 3, startPeriod: 10 },
    logConfiguration: {
      logDriver: 'awslogs',
      options: { 'awslogs-group': `/ecs/${name}`, 'awslogs-region': LOG_REGION, 'awslogs-stream-prefix': name },
    },
    mountPoints: [{ sourceVolume: 'data', containerPath: `/data/${name}`, readOnly: true }],
    ulimits: [{ name: 'nofile', softLimit: 65536, hardLimit: 65536 }],
    readonlyRootFilesystem: true,
    user: '1000:1000',
    dependsOn: index > 0 ? [{ containerName: 'svc-0', condition: 'HEALTHY' }] : undefined,
    dockerLabels: { team: 'platform', service: name },
  };
}

/** A task definition of about `targetBytes` characters (pretty-printed with 2 spaces, like most repos). */
export function generateTaskDefinition(targetBytes: number): string {
  const containers: unknown[] = [];
  const envCount = targetBytes < 50_000 ? 60 : 300;
  let text = '';
  for (let i = 0; ; i++) {
    containers.push(container(i, envCount));
    const task = {
      family: 'bench-generated',
      taskRoleArn: 'arn:aws:iam::123456789012:role/bench-task',
      executionRoleArn: 'arn:aws:iam::123456789012:role/bench-execution',
      networkMode: 'awsvpc',
      requiresCompatibilities: ['FARGATE'],
      cpu: '4096',
      memory: '8192',
      runtimePlatform: { operatingSystemFamily: 'LINUX', cpuArchitecture: 'X86_64' },
      volumes: [{ name: 'data' }],
      containerDefinitions: containers,
    };
    text = JSON.stringify(task, null, 2) + '\n';
    if (text.length >= targetBytes) return text;
  }
}
