import { moveToSecretsFix, secretEntryKey } from '../fixes/move-to-secrets';
import { isHarmlessValue, isSecretLookingName } from '../documents/secret-names';
import { child, items, str } from '../syntax/tree';
import { defineRule } from './rule';

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
      for (const entry of items(child(c, 'environment'))) {
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
          fixes: moveToSecretsFix(ctx, c, entry),
          dedupeKey: secretEntryKey(entry.offset), // a credential-shaped value is secret-in-value's finding instead
        });
      }
    }
  },
});
