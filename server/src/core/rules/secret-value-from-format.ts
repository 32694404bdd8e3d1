import { replaceNodeEdit } from '../fixes/edits';
import { secretRefProblem, type SecretField } from '../documents/secret-ref';
import { child, items, type Node, str } from '../syntax/tree';
import { defineRule } from './rule';

export default defineRule({
  id: 'secret-value-from-format',
  severity: 'error',
  kinds: ['R', 'D', 'A'],
  launch: 'any',
  category: 'roles',
  summary: 'Secret references (valueFrom, credentialsParameter) that ECS cannot resolve',
  docs: `A secret reference tells the ECS agent where to read a value when the container starts:

- an SSM parameter by name (\`/prod/db/password\`, same Region) or ARN (\`arn:aws:ssm:<region>:<account>:parameter/prod/db/password\`, without the name's leading \`/\`).
  A name with a path must be written fully qualified, with its leading \`/\`: \`prod/db/password\` finds nothing and
  the task stops at start. A plain name without any \`/\` (\`db-password\`) is fine as it is;
- a Secrets Manager secret by ARN: \`arn:aws:secretsmanager:<region>:<account>:secret:<secret-id>\` for the whole
  secret, or that ARN followed by **exactly three more fields** \`:<json-key>:<version-stage>:<version-id>\` to pick
  one JSON key or version. Empty fields keep their colons: \`…:secret:prod/db-AbC123:password::\`.

The agent splits the ARN on \`:\` and accepts only those two lengths, so \`…:secret:db::\` (two empty fields
instead of three) fails when the task starts. Naming both a version stage and a version id is also rejected.
\`repositoryCredentials.credentialsParameter\` must be a Secrets Manager secret. An ARN of any other service (a KMS
key, an S3 object) is not a secret store.

Placeholders are fine in the Region and account slots, and \`\${SECRET_ARN}:password::\` counts only the literal
suffix, which must still have three fields.`,
  fixDocs: `When the extra fields are all empty: "Use the whole secret (drop the empty suffix)" (preferred). When
there are too few fields: "Complete the suffix to json-key:version-stage:version-id" (adds colons). Both a stage
and an id: "Drop version-stage" / "Drop version-id". An SSM path without its leading \`/\`: "Add the leading '/'".`,
  examples: {
    bad: '{ "secrets": [ { "name": "DB_URL", "valueFrom": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-AbC123::" } ] }',
    good: '{ "secrets": [ { "name": "DB_URL", "valueFrom": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-AbC123" },\n               { "name": "DB_PASS", "valueFrom": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-AbC123:password::" } ] }',
  },
  sources: [
    'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/secrets-envvar-secrets-manager.html',
    'https://github.com/aws/amazon-ecs-agent (agent/taskresource/asmsecret/asmsecret.go)',
  ],
  check(ctx) {
    const checkOne = (node: Node | undefined, field: SecretField) => {
      const value = str(node);
      if (!node || value === undefined || value.trim() === '' || ctx.isPlaceholder(node)) return;
      const problem = secretRefProblem(value, field, ctx.parsed.placeholders);
      if (!problem) return;
      ctx.report({
        node,
        message: problem.message,
        fixes: problem.fixes.map((f) => ({ title: f.title, preferred: f.preferred, edits: [replaceNodeEdit(node, f.value)] })),
      });
    };
    for (const c of ctx.doc.containers) {
      for (const s of items(child(c, 'secrets'))) checkOne(child(s, 'valueFrom'), 'secret');
      for (const s of items(child(child(c, 'logConfiguration'), 'secretOptions'))) checkOne(child(s, 'valueFrom'), 'secret');
      checkOne(child(child(c, 'repositoryCredentials'), 'credentialsParameter'), 'registry');
    }
  },
});
