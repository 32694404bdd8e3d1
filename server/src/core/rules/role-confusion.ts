import { roleIdentity, sameRole } from '../documents/arn';
import { renameKeyEdit, replaceNodeEdit } from '../fixes/edits';
import { containerTriggers, executionRoleMissing } from '../documents/execution-role-triggers';
import { nonTaskRoleKind } from '../facts/roles';
import { child, keyOf, type Node, str } from '../syntax/tree';
import type { TextEdit } from '../types';
import { defineRule } from './rule';

const KIND_TEXT = {
  'container-instance': 'a container instance role (trusted by ec2.amazonaws.com)',
  'service-linked': 'a service-linked role (trusted by an AWS service, not by tasks)',
  service: 'the legacy ECS service role (trusted by ecs.amazonaws.com)',
} as const;

export default defineRule({
  id: 'role-confusion',
  severity: 'warning',
  kinds: ['R', 'D'],
  launch: 'any',
  category: 'roles',
  summary: 'Same role for task and execution, a role in the wrong field, or a role tasks cannot assume',
  subCases: ['information: one role in both taskRoleArn and executionRoleArn (it works; least-privilege advice)'],
  docs: `ECS uses two different roles. The **execution role** (\`executionRoleArn\`) is for the ECS agent: pull
images, read secrets, ship logs. The **task role** (\`taskRoleArn\`) is what your application's AWS SDK calls run
as. This rule warns when:

- both fields name the same role — your code then holds the agent's rights to every secret and image, and the
  agent holds whatever your code needs; give each its own role;
- \`executionRoleArn\` is empty, the task needs it, and \`taskRoleArn\` holds a role whose name says
  "execution" — it was probably put in the wrong field;
- a field names a role that ECS tasks cannot assume: the EC2 container instance role (\`ecsInstanceRole\`),
  the old \`ecsServiceRole\`, or a service-linked role such as \`AWSServiceRoleForECS\`. Their trust policies
  name \`ec2.amazonaws.com\` or an AWS service, not \`ecs-tasks.amazonaws.com\`.

The shared role is information, not a warning: the task runs, and many tutorials and console-made task
definitions do it (a sixth of the real files we test against). It is still worth changing when the app calls AWS:
a separate task role keeps the agent's rights to every secret and image out of your code's reach.`,
  fixDocs: 'For a likely execution role in taskRoleArn: "Use it as executionRoleArn" (moves it; preferred). There is no "copy" fix, since one role in both fields is itself a warning.',
  examples: {
    bad: '{ "taskRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole", "executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole" }',
    good: '{ "taskRoleArn": "arn:aws:iam::123456789012:role/orders-api-task", "executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole" }',
  },
  sources: [
    'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/security-iam-roles.html',
    'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-iam-roles.html',
    'https://github.com/bridgecrewio/checkov (CKV_AWS_249)',
  ],
  check(ctx) {
    const task = ctx.doc.task;
    const taskNode = child(task, 'taskRoleArn');
    const execNode = child(task, 'executionRoleArn');
    const usable = (n: typeof taskNode) => (n && !ctx.isPlaceholder(n) && (str(n) ?? '').trim() !== '' ? str(n)!.trim() : undefined);
    const taskRole = usable(taskNode);
    const execRole = usable(execNode);
    for (const [node, value] of [[execNode, execRole], [taskNode, taskRole]] as const) {
      const kind = value ? nonTaskRoleKind(value) : undefined;
      if (node && value && kind) ctx.report({ node, message: `'${roleIdentity(value, ctx.parsed.placeholders)?.name ?? value}' is ${KIND_TEXT[kind]}; ECS tasks cannot assume it.` });
    }
    if (!taskNode || !taskRole) return;
    const t = roleIdentity(taskRole, ctx.parsed.placeholders);
    if (!t || nonTaskRoleKind(taskRole)) return;
    const e = execRole ? roleIdentity(execRole, ctx.parsed.placeholders) : undefined;
    if (execNode && e && sameRole(t, e)) {
      ctx.report({
        node: taskNode,
        message: `The task and the ECS agent share role '${t.name}'; give the task its own role so your app does not hold the agent's rights.`,
        severity: 'information',
        related: [{ node: execNode, message: 'the same role as executionRoleArn' }],
      });
      return;
    }
    if (!executionRoleMissing(task) || !/execution/i.test(t.name)) return;
    if (!ctx.doc.containers.some((c) => containerTriggers(c, ctx.doc, ctx.parsed.placeholders).length > 0)) return;
    // No "copy" fix: the same role in both fields is case (a) of this rule.
    ctx.report({
      node: taskNode,
      message: `'${t.name}' looks like an execution role but is set as taskRoleArn; executionRoleArn is empty.`,
      fixes: [{ title: 'Use it as executionRoleArn', preferred: true, edits: moveEdits(taskNode, execNode, taskRole) }],
    });
  },
});

/** Renames the key when executionRoleArn is absent; else fills the empty executionRoleArn and cuts taskRoleArn out. */
function moveEdits(taskNode: Node, execNode: Node | undefined, value: string): TextEdit[] {
  if (!execNode) return [renameKeyEdit(keyOf(taskNode)!, 'executionRoleArn')];
  return [replaceNodeEdit(execNode, value), cutProperty(taskNode.parent!)];
}

/**
 * Removes a property with its separating comma and nothing else (jsonc-parser's removal reformats the
 * neighbours, which would overlap the edit on executionRoleArn when the two are adjacent).
 */
function cutProperty(prop: Node): TextEdit {
  const siblings = prop.parent!.children!;
  const i = siblings.indexOf(prop);
  const next = siblings[i + 1];
  if (next) return { offset: prop.offset, length: next.offset - prop.offset, content: '' };
  const prev = siblings[i - 1];
  const start = prev ? prev.offset + prev.length : prop.offset;
  return { offset: start, length: prop.offset + prop.length - start, content: '' };
}
