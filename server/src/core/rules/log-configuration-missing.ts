import { containerAnchor, containerName, logDriverOf, objectChild } from '../documents/container-facts';
import { documentRegion } from '../documents/doc-identity';
import { addExecutionRoleStep, withRoleNote } from '../fixes/execution-role-fix';
import { LOG_GROUP_NAME } from '../facts/awslogs';
import { executionRoleTrigger, triggerAppliesTo } from '../facts/roles';
import { launchCodes } from '../documents/execution-role-triggers';
import { chainEdits, setStep } from '../fixes/layout-edits';
import { containsPlaceholder, type PlaceholderPatterns } from '../syntax/placeholders';
import { maskPlaceholders } from '../syntax/template-mask';
import { regionCodeProblem } from '../documents/value-formats';
import { child, type Node, pathOf, str } from '../syntax/tree';
import type { Fix } from '../types';
import { defineRule, type RuleContext } from './rule';

export default defineRule({
  id: 'log-configuration-missing',
  severity: 'information',
  kinds: ['R', 'D', 'A'],
  launch: 'any',
  category: 'containers',
  summary: 'A container without logConfiguration: its output is not kept anywhere',
  docs: `A container without \`logConfiguration\` writes its stdout and stderr to the default driver of the host: on
Fargate that output is not kept at all, and on EC2 it stays in local json files that disappear with the instance.
When the task fails to start or crashes, there is nothing to read. AWS Security Hub control ECS.9 and the AWS Config
rule \`ecs-task-definition-log-configuration\` flag such task definitions.

Give each container a log driver — usually \`awslogs\` (CloudWatch Logs), or \`awsfirelens\` to send it through a
FireLens log router. A container that already routes its output (\`awsfirelens\`, \`splunk\`, any driver) is fine, as is
a \`logConfiguration\` given by a template placeholder. The FireLens log router container itself is checked too: its
own output is where FireLens problems show up. Information by default: turn it up to \`warning\` in \`.ecs-taskdef.json\`
if your organisation requires logging.`,
  fixDocs: `"Add awslogs like '{other container}'": copies the awslogs group, Region and stream prefix of another container
of the task. Otherwise "Add awslogs to '/ecs/{family}' (assumed group; it must exist)", with the Region the document
already uses (or \`\${AWS_REGION}\`) and stream prefix \`ecs\`. Where awslogs needs the execution role (Fargate, EXTERNAL, …) both also add \`executionRoleArn\` when it is missing.`,
  examples: {
    bad: '{ "family": "shop", "containerDefinitions": [ { "name": "shop", "image": "shop:1.0" } ] }',
    good: '{ "family": "shop", "containerDefinitions": [ { "name": "shop", "image": "shop:1.0",\n  "logConfiguration": { "logDriver": "awslogs", "options": { "awslogs-group": "/ecs/shop", "awslogs-region": "eu-west-1", "awslogs-stream-prefix": "ecs" } } } ] }',
  },
  sources: [
    'https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html (ECS.9)',
    'https://docs.aws.amazon.com/config/latest/developerguide/ecs-task-definition-log-configuration.html',
    'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_awslogs.html',
  ],
  check(ctx) {
    const model = ctx.doc.containers.find((c) => awslogsOptions(c, ctx.parsed.placeholders) !== undefined);
    const family = str(child(ctx.doc.task, 'family'));
    const familyKnown = !!family && !ctx.isPlaceholder(child(ctx.doc.task, 'family'));
    for (const c of ctx.doc.containers) {
      if (child(c, 'logConfiguration')) continue; // any value, null and placeholders included (null-value says the rest)
      const name = containerName(c) ?? 'container';
      ctx.report({
        range: containerAnchor(c),
        message: `'${name}' has no logConfiguration, so its output is lost; add a log driver such as awslogs (Security Hub ECS.9).`,
        fixes: () => [fixFor(ctx, c, model, familyKnown ? family! : name)],
        dedupeKey: `log-configuration-missing@${c.offset}`, // advice: never hides a finding on the container name
      });
    }
  },
});

/** The awslogs options of a container, when it logs with awslogs. */
function awslogsOptions(c: Node, patterns: PlaceholderPatterns): Record<string, string> | undefined {
  const { driver, config } = logDriverOf(c);
  if (driver !== 'awslogs') return undefined;
  const out: Record<string, string> = {};
  for (const k of ['awslogs-group', 'awslogs-region', 'awslogs-stream-prefix']) {
    const v = str(child(objectChild(config, 'options'), k));
    if (v) out[k] = v;
  }
  // Only settings worth copying: a copy must not spread another rule's error to this container.
  const group = out['awslogs-group'];
  const region = out['awslogs-region'];
  if (!group || !region || !LOG_GROUP_NAME.test(maskPlaceholders(group, patterns).masked)) return undefined;
  return regionCodeProblem(region) === undefined || containsPlaceholder(region, patterns) ? out : undefined;
}

function fixFor(ctx: RuleContext, c: Node, model: Node | undefined, name: string): Fix {
  const groupName = name.replace(/[^.\-_/#A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'app'; // a valid log group name
  const found = model && model !== c ? awslogsOptions(model, ctx.parsed.placeholders) : undefined;
  const copied: Record<string, string> | undefined = found && { 'awslogs-stream-prefix': 'ecs', ...found }; // Fargate needs a prefix
  const options = copied ?? { 'awslogs-group': `/ecs/${groupName}`, 'awslogs-region': documentRegion(ctx.parsed.root), 'awslogs-stream-prefix': 'ecs' };
  const title = copied
    ? `Add awslogs like '${containerName(model!) ?? 'the other container'}' (group ${copied['awslogs-group']})`
    : `Add awslogs to '/ecs/${groupName}' (assumed group; it must exist)`;
  // The agent writes awslogs output with the execution role where the launch type says so (Fargate, EXTERNAL…).
  const needsRole = triggerAppliesTo(executionRoleTrigger('awslogs'), launchCodes(ctx.doc));
  const role = needsRole ? addExecutionRoleStep(ctx.doc, ctx.parsed) : undefined;
  return {
    title: withRoleNote(title, !!role),
    preferred: !!copied || undefined, // the template's group is a guess
    edits: chainEdits(ctx.text, [...(role ? [role] : []), setStep(pathOf(c), 'logConfiguration', { logDriver: 'awslogs', options })], c),
  };
}
