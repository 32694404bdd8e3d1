import { assumedRoleNote, roleArnTemplate } from '../documents/doc-identity';
import { containerTriggers, executionRoleMissing } from '../documents/execution-role-triggers';
import { EXECUTION_ROLE_MANAGED_POLICY, EXECUTION_ROLE_POLICY_ACTIONS, type ExecutionRoleTrigger } from '../facts/roles';
import { setPropertyEdits } from '../fixes/layout-edits';
import { child, str } from '../syntax/tree';
import type { Fix } from '../types';
import { defineRule } from './rule';

/** The role name the fix assumes: the one the console and the AWS docs create. */
const ROLE_NAME = 'ecsTaskExecutionRole';

export default defineRule({
  id: 'execution-role-required',
  severity: 'error',
  kinds: ['R', 'D'],
  launch: 'any',
  category: 'roles',
  summary: 'Secrets, private ECR images, awslogs or env files without a task execution role',
  docs: `Some settings are carried out by the ECS agent before your code runs: reading \`secrets\` and log-driver
\`secretOptions\`, fetching \`environmentFiles\` and registry credentials, and — on Fargate, EXTERNAL and Managed
Instances — pulling a private ECR image and sending \`awslogs\` output. The agent does this with the **task
execution role** (\`executionRoleArn\`), not with the task role your application uses.

Without it, ECS refuses to register a definition that uses secrets; the other cases register fine and the
task then stops while starting (image pull or log setup fails). On EC2, the container instance role pulls
images and writes awslogs, so those two settings do not need the execution role there.

Set \`executionRoleArn\` to a role trusted by \`ecs-tasks.amazonaws.com\` that has
\`${EXECUTION_ROLE_MANAGED_POLICY}\` attached, plus \`ssm:GetParameters\`, \`secretsmanager:GetSecretValue\`,
\`s3:GetObject\` / \`s3:GetBucketLocation\` or \`kms:Decrypt\` for what the containers read. It is a different
role from \`taskRoleArn\`.`,
  fixDocs: 'Add executionRoleArn (preferred): inserts a role ARN `arn:aws:iam::<account>:role/ecsTaskExecutionRole` beside `taskRoleArn` (or `family`), with the account taken from another ARN or ECR image in the file when there is one. The role name is an assumption, and the title says so; change it if your execution role has another name.',
  examples: {
    bad: '{ "family": "tomcat", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc", "cpu": "1024", "memory": "2048",\n  "containerDefinitions": [ { "name": "tomcat", "image": "tomcat:10.1", "logConfiguration": { "logDriver": "awslogs", "options": { "awslogs-group": "/ecs/tomcat", "awslogs-region": "us-east-1", "awslogs-stream-prefix": "ecs" } } } ] }',
    good: '{ "family": "tomcat", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc", "cpu": "1024", "memory": "2048",\n  "executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",\n  "containerDefinitions": [ { "name": "tomcat", "image": "tomcat:10.1", "logConfiguration": { "logDriver": "awslogs", "options": { "awslogs-group": "/ecs/tomcat", "awslogs-region": "us-east-1", "awslogs-stream-prefix": "ecs" } } } ] }',
  },
  sources: [
    'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html',
    'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html',
    'https://github.com/fabfuel/ecs-deploy/issues/87',
  ],
  check(ctx) {
    const task = ctx.doc.task;
    if (!task || !executionRoleMissing(task)) return;
    const taskRole = str(child(task, 'taskRoleArn'))?.trim();
    const looksLikeExecution = !!taskRole && /execution/i.test(taskRole.split('/').pop() ?? '');
    // The ARN template walks the whole tree for an account: built once, when a fix is asked for.
    let fix: Fix | undefined;
    const addRole = (): Fix => {
      if (fix) return fix;
      const arn = roleArnTemplate(ctx.parsed.root, ROLE_NAME);
      return (fix = { title: `Add executionRoleArn (${assumedRoleNote(arn, ROLE_NAME)})`, preferred: !looksLikeExecution, edits: setPropertyEdits(ctx.text, task, 'executionRoleArn', arn) });
    };
    for (const container of ctx.doc.containers) {
      const found = containerTriggers(container, ctx.doc, ctx.parsed.placeholders);
      if (found.length === 0) continue;
      const name = str(child(container, 'name'));
      ctx.report({
        node: found[0].key,
        message: message(name, found.map((f) => f.trigger)),
        related: found.map((f) => ({ node: f.key, message: needs(f.trigger) })),
        fixes: () => [addRole()],
      });
    }
  },
});

/** One sentence: who, what needs the role, what happens without it; the permissions go to related information. */
function message(container: string | undefined, triggers: ExecutionRoleTrigger[]): string {
  const who = container ? `Container '${container}'` : 'This container';
  const labels = [...new Set(triggers.map((t) => t.label))];
  const what = labels.length > 2 ? `${labels.slice(0, 2).join(', ')} and ${labels.length - 2} more` : list(labels);
  const when = triggers.some((t) => t.rejectedAtRegistration) ? 'ECS refuses to register it' : 'the task fails to start';
  return `${who} uses ${what} but executionRoleArn is not set, so ${when}; add a task execution role.`;
}

/** What the role needs for one trigger, for its related information. */
function needs(t: ExecutionRoleTrigger): string {
  const also = (t.conditionalActions ?? []).map((c) => `; also ${c.actions.join(', ')} if ${c.when}`).join('');
  if (t.id === 'credential-specs') return `${t.label}: the role needs read access to the spec in S3 or SSM`;
  if (t.inManagedPolicy) return `${t.label}: ${EXECUTION_ROLE_MANAGED_POLICY} covers it${also}`;
  const extra = t.actions.filter((a) => !EXECUTION_ROLE_POLICY_ACTIONS.includes(a));
  return `${t.label}: the role needs ${list(extra)}, not in the managed policy${also}`;
}

function list(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
