import { documentAccount, documentRegion } from '../doc-identity';
import { addExecutionRoleStep, withRoleNote } from '../execution-role-fix';
import { findNodeAtLocation } from 'jsonc-parser';
import { appendElementEdits, chainEdits, removeStep, setPropertyEdits } from '../layout-edits';
import { isHarmlessValue, isSecretLookingName } from '../secret-names';
import { child, items, type Node, pathOf, str } from '../tree';
import { RESOURCE_NAME_REGEX } from '../facts/limits';
import type { TextEdit } from '../types';
import { defineRule, type RuleContext } from './rule';

export default defineRule({
  id: 'plaintext-secret',
  severity: 'warning',
  kinds: ['R', 'D', 'A'],
  launch: 'any',
  category: 'roles',
  summary: 'A secret-looking environment variable stored in plain text',
  docs: `An \`environment\` entry whose name looks like a credential (\`…PASSWORD\`, \`…TOKEN\`, \`…SECRET\`, \`API_KEY\`,
\`AWS_SECRET_ACCESS_KEY\`, …) has its value written into the task definition. Anyone allowed to describe task
definitions — and every tool that logs them — can read it, and it stays in every old revision.

Store the value in Secrets Manager or SSM Parameter Store and reference it from \`secrets\`; the ECS agent then
injects it as the same environment variable when the container starts. A template placeholder does not help:
the rendered definition still contains the real value. Names ending in \`_ARN\`, \`_NAME\`, \`_ID\`, \`_PATH\`,
\`_FILE\`, \`_URL\` and similar, and values that are empty, booleans, numbers, ARNs or absolute paths, are ignored.`,
  fixDocs: 'Move to secrets (not preferred): replaces the entry with a `secrets` entry pointing at an SSM parameter named after the family and variable. Create the parameter first; a secret also needs executionRoleArn.',
  examples: {
    bad: '{ "environment": [ { "name": "DATABASE_PASSWORD", "value": "hunter2" } ] }',
    good: '{ "secrets": [ { "name": "DATABASE_PASSWORD", "valueFrom": "arn:aws:ssm:eu-west-1:123456789012:parameter/app/DATABASE_PASSWORD" } ] }',
  },
  sources: [
    'https://github.com/aquasecurity/defsec/tree/master/avd_docs/aws/ecs (AVD-AWS-0036)',
    'https://hub.steampipe.io/mods/turbot/aws_compliance/controls/control.foundational_security_ecs_8',
    'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/secrets-envvar-secrets-manager.html',
  ],
  check(ctx) {
    for (const c of ctx.doc.containers) {
      // A name that is also a secret is secret-environment-collision's mistake.
      const secretNames = new Set(items(child(c, 'secrets')).map((s) => str(child(s, 'name'))));
      const envEntries = items(child(c, 'environment'));
      const envCount = new Map<string, number>();
      for (const e of envEntries) {
        const n = str(child(e, 'name'));
        if (n !== undefined) envCount.set(n, (envCount.get(n) ?? 0) + 1);
      }
      for (const entry of envEntries) {
        const nameNode = child(entry, 'name');
        const name = str(nameNode);
        const valueNode = child(entry, 'value');
        if (!nameNode || !name || ctx.isPlaceholder(nameNode, { nameField: true }) || !isSecretLookingName(name) || secretNames.has(name)) continue;
        const templated = !!valueNode && (ctx.isPlaceholder(valueNode) || ctx.parsed.placeholderOffsets.has(valueNode.offset));
        const value = str(valueNode);
        if (!templated && (value === undefined || isHarmlessValue(value))) continue;
        ctx.report({
          node: nameNode,
          placeholder: templated,
          message: templated
            ? `'${name}' will hold a rendered secret in plain sight of anyone who can describe the task; move it to secrets.`
            : `'${name}' looks like a secret in a plain environment variable, readable by anyone who can describe the task; move it to secrets.`,
          // With the name set twice in environment, moving one entry leaves the other colliding with the secret
          // (secret-environment-collision): duplicate-environment-variable's fix comes first.
          fixes: (envCount.get(name) ?? 0) > 1 ? undefined : () => [{ title: withRoleNote('Move to secrets', !!addExecutionRoleStep(ctx.doc, ctx.parsed)), edits: moveEdits(ctx, c, entry, name) }],
        });
      }
    }
  },
});

function moveEdits(ctx: RuleContext, container: Node, entry: Node, name: string): TextEdit[] {
  const family = str(child(ctx.doc.task, 'family'));
  const { account, partition } = documentAccount(ctx.parsed.root);
  const prefix = family && RESOURCE_NAME_REGEX.test(family) ? `${family}/` : '';
  const secret = { name, valueFrom: `arn:${partition}:ssm:${documentRegion(ctx.parsed.root)}:${account}:parameter/${prefix}${name}` };
  const containerPath = pathOf(container);
  // Removing the entry first keeps the container's path valid for the second step.
  const role = addExecutionRoleStep(ctx.doc, ctx.parsed); // reading an SSM parameter needs the execution role
  return chainEdits(ctx.text, [
    ...(role ? [role] : []),
    removeStep(pathOf(entry)),
    (text, root) => {
      const obj = root && findNodeAtLocation(root, containerPath);
      if (obj?.type !== 'object') return [];
      const secrets = child(obj, 'secrets');
      return secrets?.type === 'array' ? appendElementEdits(text, secrets, secret) : setPropertyEdits(text, obj, 'secrets', [secret]);
    },
  ]);
}
