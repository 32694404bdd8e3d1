/**
 * Every snippet in snippets/task-definition.json, expanded with its default placeholder values, must lint
 * without errors or warnings: complete task definitions as they are, parts wrapped into a minimal valid task.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse, type ParseError } from 'jsonc-parser';
import { lint } from '../../server/src/core/lint';
import { expandSnippet } from './expand-snippet';

interface Snippet {
  prefix: string | string[];
  description?: string;
  body: string | string[];
  isFileTemplate?: boolean;
}

const ROOT = join(import.meta.dirname, '..', '..');
const SNIPPETS: Record<string, Snippet> = JSON.parse(readFileSync(join(ROOT, 'snippets', 'task-definition.json'), 'utf8'));
const EXEC_ROLE = '"executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole"';
const TASK_ROLE = '"taskRoleArn": "arn:aws:iam::123456789012:role/wrapper-task"';
const HEALTH = '"healthCheck": { "command": ["CMD-SHELL", "curl -fs http://localhost:8080/ || exit 1"] }';

/** A minimal valid Fargate task around `containers` (text of the containerDefinitions elements). */
function fargateTask(containers: string, extra = ''): string {
  return `{
  "family": "wrapper", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc", "cpu": "256", "memory": "512",
  ${EXEC_ROLE}, ${TASK_ROLE},${extra}
  "containerDefinitions": [${containers}]
}`;
}

function container(inner: string): string {
  return `{ "name": "wrapped", "image": "public.ecr.aws/nginx/nginx:1.27", "essential": true, ${inner} }`;
}

/** How each part snippet (by prefix) is placed into a task. A new part snippet must be added here. */
const WRAPPERS: Record<string, (body: string) => string> = {
  'ecs-container': (b) => fargateTask(b),
  'ecs-health-check': (b) => fargateTask(container(b)),
  'ecs-awslogs': (b) => fargateTask(container(`${HEALTH}, ${b}`)),
  'ecs-port-mapping': (b) => fargateTask(container(`${HEALTH}, "portMappings": [${b}]`)),
  'ecs-secret': (b) => fargateTask(container(`${HEALTH}, "secrets": [${b}]`)),
  'ecs-secret-ssm': (b) => fargateTask(container(`${HEALTH}, "secrets": [${b}]`)),
  'ecs-efs-volume': (b) => fargateTask(container(HEALTH), ` "volumes": [${b}],`),
  'ecs-mount-point': (b) =>
    fargateTask(
      container(`${HEALTH}, "mountPoints": [${b}]`),
      ' "volumes": [{ "name": "data", "efsVolumeConfiguration": { "fileSystemId": "fs-0123456789abcdef0", "transitEncryption": "ENABLED" } }],',
    ),
};

const prefixOf = (s: Snippet) => (Array.isArray(s.prefix) ? s.prefix[0] : s.prefix);

function assertValidJson(text: string, name: string): void {
  const errors: ParseError[] = [];
  parse(text, errors, { allowTrailingComma: false, disallowComments: true });
  assert.deepEqual(errors, [], `${name}: not valid JSON:\n${text}`);
}

function problems(text: string): string[] {
  return lint(text)
    .diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning')
    .map((d) => `${d.severity} ${d.code}: ${d.message} @${JSON.stringify(text.slice(d.range.offset, d.range.offset + d.range.length))}`);
}

describe('snippets/task-definition.json', () => {
  const entries = Object.entries(SNIPPETS);

  it('has complete task definitions and parts', () => {
    assert.ok(entries.filter(([, s]) => s.isFileTemplate).length >= 8);
    assert.ok(Object.keys(WRAPPERS).length >= 5);
  });

  it('every snippet has a unique ecs- prefix, a description and a body', () => {
    const seen = new Set<string>();
    for (const [name, s] of entries) {
      const prefixes = Array.isArray(s.prefix) ? s.prefix : [s.prefix];
      assert.ok(prefixes.length > 0, `${name}: no prefix`);
      for (const p of prefixes) {
        assert.match(p, /^ecs-[a-z0-9-]+$/, `${name}: prefix ${p}`);
        assert.ok(!seen.has(p), `${name}: prefix ${p} used twice`);
        seen.add(p);
      }
      assert.ok(typeof s.description === 'string' && s.description.length >= 20, `${name}: needs a description`);
      assert.ok(s.body.length > 0, `${name}: empty body`);
    }
  });

  it('every wrapper belongs to an existing part snippet', () => {
    const parts = new Set(entries.filter(([, s]) => !s.isFileTemplate).map(([, s]) => prefixOf(s)));
    assert.deepEqual(Object.keys(WRAPPERS).sort(), [...parts].sort());
  });

  for (const [name, snippet] of entries) {
    const prefix = prefixOf(snippet);
    it(`${prefix} expands to a definition with no errors or warnings`, () => {
      const expanded = expandSnippet(snippet.body);
      let text: string;
      if (snippet.isFileTemplate) {
        text = expanded;
      } else {
        const wrap = WRAPPERS[prefix];
        assert.ok(wrap, `${name}: part snippet without a wrapper in this test`);
        text = wrap(expanded);
      }
      assertValidJson(text, name);
      const result = lint(text);
      assert.equal(result.kind, 'register', `${name}: classified as ${result.kind}`);
      assert.deepEqual(problems(text), [], `${name}:\n${text}`);
    });
  }

  it('complete snippets use obvious placeholders and pinned images', () => {
    for (const [name, s] of entries.filter(([, x]) => x.isFileTemplate)) {
      const task = JSON.parse(expandSnippet(s.body));
      for (const role of [task.executionRoleArn, task.taskRoleArn].filter(Boolean)) {
        assert.match(role, /^arn:aws:iam::123456789012:role\//, `${name}: role ${role}`);
      }
      for (const c of task.containerDefinitions) {
        assert.match(c.image, /:[\w.-]+$/, `${name}: ${c.name} image has no tag`);
        assert.doesNotMatch(c.image, /:latest$/, `${name}: ${c.name} image uses latest`);
        const log = c.logConfiguration;
        if (log?.logDriver === 'awslogs') assert.ok(log.options['awslogs-stream-prefix'], `${name}: ${c.name} awslogs without prefix`);
      }
    }
  });

  it('a broken snippet would be caught (the check is not vacuous)', () => {
    const broken = expandSnippet(SNIPPETS['ECS: Fargate web service'].body).replace('"cpu": "256"', '"cpu": "300"');
    assert.ok(problems(broken).some((p) => p.includes('fargate-cpu-memory')));
  });
});
