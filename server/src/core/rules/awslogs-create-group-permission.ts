import { child, str } from '../syntax/tree';
import { defineRule } from './rule';

// Docker parses the option with Go's strconv.ParseBool.
const TRUE_VALUES = new Set(['1', 't', 'T', 'true', 'TRUE', 'True']);

export default defineRule({
  id: 'awslogs-create-group-permission',
  severity: 'hint',
  kinds: ['R', 'D', 'A'],
  launch: 'any',
  category: 'roles',
  summary: 'awslogs-create-group needs logs:CreateLogGroup, which the managed execution policy lacks',
  docs: `With \`"awslogs-create-group": "true"\` the awslogs driver creates the log group when the container starts.
That call needs \`logs:CreateLogGroup\`, and \`AmazonECSTaskExecutionRolePolicy\` does not grant it: add it to the
role that ships the logs — the task execution role on Fargate, EXTERNAL and Managed Instances, the container
instance role on EC2. Otherwise the container fails to start with an access-denied error.

We cannot see IAM policies, so this is a reminder. To silence it, create the log group ahead of time
(Terraform, CloudFormation, the CLI) and drop the option — which also lets you set a retention period.`,
  examples: {
    bad: '{ "logDriver": "awslogs", "options": { "awslogs-group": "/ecs/app", "awslogs-region": "eu-west-1", "awslogs-stream-prefix": "ecs", "awslogs-create-group": "true" } }',
    good: '{ "logDriver": "awslogs", "options": { "awslogs-group": "/ecs/app", "awslogs-region": "eu-west-1", "awslogs-stream-prefix": "ecs" } }',
  },
  sources: [
    'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LogConfiguration.html',
    'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html',
  ],
  check(ctx) {
    const l = ctx.doc.launch;
    const agent = l.has('F') || l.has('X') || l.has('M');
    const who =
      l.size === 0
        ? 'the execution role (on EC2: the container instance role)'
        : [agent ? 'the execution role' : '', l.has('E') ? 'the container instance role' : ''].filter(Boolean).join(' or ');
    for (const c of ctx.doc.containers) {
      const log = child(c, 'logConfiguration');
      if (str(child(log, 'logDriver')) !== 'awslogs') continue;
      const opt = child(child(log, 'options'), 'awslogs-create-group');
      if (!opt || !TRUE_VALUES.has(str(opt) ?? '')) continue;
      ctx.report({
        node: opt,
        message: `awslogs-create-group needs logs:CreateLogGroup, which the managed policy lacks; grant it to ${who}.`,
      });
    }
  },
});
