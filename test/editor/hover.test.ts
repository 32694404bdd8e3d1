import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hoverAt } from '../../server/src/core/hover';
import { lintAtCursor } from './cursor';

/** Hover markdown at the `|` cursor, or undefined. */
function hover(marked: string): string | undefined {
  const { output, offset } = lintAtCursor(marked);
  return hoverAt(output, offset)?.markdown;
}

const task = (body: string, launch = '"FARGATE"') => `{
  "family": "web",
  "requiresCompatibilities": [${launch}],
  ${body}
}`;

describe('hover: property keys (from the schema)', () => {
  it('explains a task-level key: type, allowed values, launch note', () => {
    const md = hover(task('"network|Mode": "awsvpc"'))!;
    assert.match(md, /^\*\*`networkMode`\*\* \(task\) · string/);
    assert.match(md, /\*\*Allowed values:\*\* `awsvpc`, `bridge`, `host`, `none`/);
    assert.match(md, /\*\*Launch type:\*\* Fargate: must be awsvpc/);
  });

  it('explains nested keys with their range', () => {
    const md = hover(task('"containerDefinitions": [{ "name": "a", "healthCheck": { "command": ["CMD", "true"], "inter|val": 30 } }]'))!;
    assert.match(md, /\*\*`interval`\*\* \(healthCheck\) · integer/);
    assert.match(md, /5–300/);
  });

  it('readonlyRootFilesystem says which paths ECS Exec needs writable and how', () => {
    const md = hover(task('"containerDefinitions": [{ "name": "a", "readonlyRoot|Filesystem": true }]'))!;
    assert.match(md, /\*\*`readonlyRootFilesystem`\*\* \(container\)/);
    assert.match(md, /ECS Exec.*`\/var\/lib\/amazon` and `\/var\/log\/amazon`.*mountPoints.*linuxParameters\.tmpfs/s);
    assert.doesNotMatch(hover(task('"containerDefinitions": [{ "name": "a", "privi|leged": true }]'))!, /ECS Exec/);
  });

  it('covers the key node exactly', () => {
    const { output, offset, text } = lintAtCursor(task('"cp|u": "256"'));
    const r = hoverAt(output, offset)!;
    assert.equal(text.slice(r.range.offset, r.range.offset + r.range.length), '"cpu"');
  });

  it('marks describe-only keys as read-only', () => {
    assert.match(hover(task('"revi|sion": 3'))!, /Read-only.*ecs-taskdef strip/s);
  });

  it('explains log driver options for the container\'s driver', () => {
    const md = hover(task('"containerDefinitions": [{ "name": "a", "logConfiguration": { "logDriver": "awslogs", "options": { "awslogs-stream-|prefix": "ecs" } } }]'))!;
    assert.match(md, /\*\*`awslogs-stream-prefix`\*\* \(awslogs log option\)/);
    assert.match(md, /\*\*Required:\*\* on Fargate/);
  });

  it('works in describe output (inside taskDefinition) and in container arrays', () => {
    assert.match(hover('{ "taskDefinition": { "fam|ily": "web", "revision": 1 } }')!, /\*\*`family`\*\* \(task\)/);
    assert.match(hover('[ { "name": "a", "ima|ge": "nginx" } ]')!, /\*\*`image`\*\* \(container\)/);
  });

  it('says nothing on punctuation, unknown keys or non-task JSON', () => {
    assert.equal(hover(task('"cpu":| "256"')), undefined);
    assert.equal(hover(task('"no|Such": 1')), undefined);
    assert.equal(hover('{ "na|me": "x", "version": "1.0.0" }'), undefined);
  });
});

describe('hover: values', () => {
  it('explains enum values, then the field', () => {
    const md = hover(task('"networkMode": "aws|vpc"'))!;
    assert.match(md, /^\*\*`awsvpc`\*\* — Each task gets its own elastic network interface/);
    assert.match(md, /---\n\n\*\*`networkMode`\*\*/);
  });

  it('explains launch types, dependsOn conditions and health-check keywords', () => {
    assert.match(hover(task('"cpu": "256"', '"FAR|GATE"'))!, /^\*\*`FARGATE`\*\* — Serverless/);
    assert.match(hover(task('"containerDefinitions": [{ "name": "a", "dependsOn": [{ "containerName": "b", "condition": "HEAL|THY" }] }]'))!, /^\*\*`HEALTHY`\*\* — .*healthCheck/);
    assert.match(hover(task('"containerDefinitions": [{ "name": "a", "healthCheck": { "command": ["CMD-SH|ELL", "true"] } }]'))!, /^\*\*`CMD-SHELL`\*\* — .*shell/);
    // Only the first element is a keyword: a later "CMD" is just an argument.
    assert.match(hover(task('"containerDefinitions": [{ "name": "a", "healthCheck": { "command": ["CMD", "C|MD"] } }]'))!, /^\*\*`command`\*\*/);
  });

  it('gives task cpu in units and vCPU with the Fargate memory partners and the size table', () => {
    const md = hover(task('"cpu": "1 v|CPU", "memory": "2048"'))!;
    assert.match(md, /\*\*This task:\*\* `"1 vCPU"` = \*\*1024 CPU units = 1 vCPU\*\*/);
    assert.match(md, /Fargate memory for 1 vCPU: 2048–8192 MiB in steps of 1024 \(2 GB to 8 GB\)/);
    assert.match(md, /\| 32768 \| 32 \| 61440, 122880 or 249856 MiB \| Linux \|/);
  });

  it('gives task memory in GB with the Fargate cpu values that accept it', () => {
    const md = hover(task('"cpu": "512", "mem|ory": "2 GB"'))!;
    assert.match(md, /`"2 GB"` = \*\*2048 MiB = 2 GB\*\*/);
    assert.match(md, /Fargate cpu values that accept 2 GB: `256` \(0.25 vCPU\), `512` \(0.5 vCPU\), `1024` \(1 vCPU\)/);
  });

  it('says when the cpu is not a Fargate size', () => {
    assert.match(hover(task('"cpu": "30|0"'))!, /300 units is not a Fargate size/);
  });

  it('converts container cpu units and MiB', () => {
    assert.match(hover(task('"containerDefinitions": [{ "name": "a", "cpu": 5|12 }]'))!, /512 CPU units = 0\.5 vCPU/);
    assert.match(hover(task('"containerDefinitions": [{ "name": "a", "memoryReservation": 15|36 }]'))!, /1536 MiB = 1\.5 GB\*\*, the soft limit/);
  });
});

describe('hover: roles', () => {
  const containers = `"containerDefinitions": [{
    "name": "api",
    "image": "123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:1",
    "logConfiguration": { "logDriver": "awslogs", "options": {} },
    "secrets": [{ "name": "DB", "valueFrom": "arn:aws:ssm:eu-west-1:123456789012:parameter/db" }]
  }]`;

  it('shows the role table and what in this file needs the execution role', () => {
    const md = hover(task(`"executionRole|Arn": "exec", ${containers}`))!;
    assert.match(md, /\| \| task execution role \| task role \|/);
    assert.match(md, /container `api`: an image in a private Amazon ECR repository — to pull the image: `ecr:GetAuthorizationToken`/);
    assert.match(md, /container `api`: the awslogs log driver/);
    assert.match(md, /container `api`: a secret read from SSM Parameter Store — to read the secret: `ssm:GetParameters`/);
  });

  it('shows the same table on taskRoleArn, and only what the launch type needs (EC2: no ECR/awslogs)', () => {
    const md = hover(task(`"taskRole|Arn": "app", ${containers}`, '"EC2"'))!;
    assert.match(md, /The \*\*task role\*\*/);
    assert.match(md, /\| \| task execution role \| task role \|/);
    assert.doesNotMatch(md, /private Amazon ECR/);
    assert.match(md, /SSM Parameter Store/);
  });

  it('with an unknown launch type, says where the ECR pull needs the role', () => {
    const md = hover(`{ "family": "x", "executionRole|Arn": "e", ${containers} }`)!;
    assert.match(md, /private Amazon ECR repository — to pull the image — only on Fargate, EXTERNAL, Managed Instances/);
  });

  it('says when nothing needs the execution role', () => {
    assert.match(hover(task('"executionRole|Arn": "e", "containerDefinitions": [{ "name": "a", "image": "nginx" }]'))!, /Nothing in this task definition needs the execution role/);
  });
});
