import { roleArnTemplate } from '../doc-identity';
import { containerTriggers, executionRoleMissing } from '../execution-role-triggers';
import { EXECUTION_ROLE_MANAGED_POLICY, EXECUTION_ROLE_POLICY_ACTIONS, type ExecutionRoleTrigger } from '../facts/roles';
import { setPropertyEdits } from '../layout-edits';
import { child, str } from '../tree';
import type { TextEdit } from '../types';
import { defineRule } from './rule';

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
  fixDocs: 'Add executionRoleArn (preferred): inserts a role ARN `arn:aws:iam::<account>:role/ecsTaskExecutionRole`, with the account taken from another ARN or ECR image in the file when there is one.',
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
    let edits: TextEdit[] | undefined;
    const addRole = (): TextEdit[] => (edits ??= setPropertyEdits(ctx.text, task, 'executionRoleArn', roleArnTemplate(ctx.parsed.root, 'ecsTaskExecutionRole')));
    const title = taskRole
      ? 'Add executionRoleArn (a separate role from taskRoleArn: the ECS agent uses it, your app does not)'
      : 'Add executionRoleArn';
    for (const container of ctx.doc.containers) {
      const found = containerTriggers(container, ctx.doc);
      if (found.length === 0) continue;
      const name = str(child(container, 'name'));
      ctx.report({
        node: found[0].key,
        message: message(name, found.map((f) => f.trigger)),
        related: found.map((f) => ({ node: f.key, message: `${f.trigger.description}: ${actionsOf([f.trigger])}` })),
        fixes: () => [{ title, preferred: !looksLikeExecution, edits: addRole() }],
      });
    }
  },
});

function message(container: string | undefined, triggers: ExecutionRoleTrigger[]): string {
  const who = container ? `Container '${container}'` : 'This container';
  const what = list(triggers.map((t) => t.description));
  const uses = list([...new Set(triggers.map((t) => t.agentUse))]);
  const when = triggers.some((t) => t.rejectedAtRegistration) ? 'ECS refuses to register it' : 'the task fails while starting';
  return `${who} needs a task execution role for ${what} (the ECS agent uses it to ${uses}), but executionRoleArn is not set, so ${when}. The role needs ${actionsOf(triggers)}.`;
}

function actionsOf(triggers: ExecutionRoleTrigger[]): string {
  const actions = [...new Set(triggers.flatMap((t) => t.actions))];
  const managed = actions.filter((a) => EXECUTION_ROLE_POLICY_ACTIONS.includes(a));
  const extra = actions.filter((a) => !EXECUTION_ROLE_POLICY_ACTIONS.includes(a));
  const parts: string[] = [];
  if (managed.length > 0) parts.push(`${list(managed)} (in ${EXECUTION_ROLE_MANAGED_POLICY})`);
  if (extra.length > 0) parts.push(`${list(extra)} (not in ${EXECUTION_ROLE_MANAGED_POLICY}: add ${extra.length > 1 ? 'them' : 'it'} yourself)`);
  if (triggers.some((t) => t.id === 'credential-specs')) parts.push('read access to the credential spec in S3 or SSM');
  const extraWhen = [...new Set(triggers.flatMap((t) => t.conditionalActions ?? []).map((c) => `${c.actions.join(', ')} when ${c.when}`))];
  return parts.join(' and ') + (extraWhen.length > 0 ? `; also ${extraWhen.join('; ')}` : '');
}

function list(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
