import { roleValueProblem } from '../documents/arn';
import { replaceNodeEdit } from '../fixes/edits';
import { child, str } from '../syntax/tree';
import { defineRule } from './rule';

export default defineRule({
  id: 'role-arn-format',
  severity: 'error',
  kinds: ['R', 'D'],
  launch: 'any',
  category: 'roles',
  summary: 'executionRoleArn / taskRoleArn that is not a role ARN or role name',
  docs: `\`executionRoleArn\` and \`taskRoleArn\` take an IAM **role**: either its full ARN
(\`arn:aws:iam::123456789012:role/name\`, optionally with a path before the name) or just the role name, which
ECS completes with your own account. Anything else cannot be assumed by ECS tasks.

Common slips: an account id that is not 12 digits (often a shortened sample value), the ARN of a policy, user
or instance profile instead of the role, a Region in the ARN (IAM ARNs have none), a missing \`role/\`, or spaces.
Template placeholders in the account slot are fine.`,
  fixDocs: 'For an instance-profile ARN: "Use the role ARN (role/<name>)" — not preferred, because a profile and the role inside it may have different names.',
  examples: {
    bad: '{ "taskRoleArn": "arn:aws:iam::11111111111:role/app", "executionRoleArn": "arn:aws:iam::123456789012:policy/exec" }',
    good: '{ "taskRoleArn": "arn:aws:iam::111111111111:role/app", "executionRoleArn": "ecsTaskExecutionRole" }',
  },
  sources: [
    'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html',
    'https://github.com/aws-actions/amazon-ecs-render-task-definition/issues/19',
    'https://github.com/aws-cloudformation/cfn-lint (rule E3511)',
  ],
  check(ctx) {
    for (const field of ['executionRoleArn', 'taskRoleArn']) {
      const node = child(ctx.doc.task, field);
      const value = str(node);
      if (!node || value === undefined || value.trim() === '' || ctx.isPlaceholder(node)) continue;
      const problem = roleValueProblem(value, ctx.parsed.placeholders);
      if (!problem) continue;
      const guess = problem.roleArnGuess;
      ctx.report({
        node,
        message: `'${value}' is not an IAM role ARN or role name: ${problem.reason}.`,
        fixes: guess ? [{ title: `Use the role ARN (${guess.slice(guess.indexOf('role/'))})`, edits: [replaceNodeEdit(node, guess)] }] : undefined,
      });
    }
  },
});
