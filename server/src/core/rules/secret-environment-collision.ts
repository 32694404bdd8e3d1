import { removeEdits } from '../fixes/edits';
import { child, items, type Node, str } from '../syntax/tree';
import { defineRule } from './rule';

export default defineRule({
  id: 'secret-environment-collision',
  severity: 'error',
  kinds: ['R', 'D', 'A'],
  launch: 'any',
  category: 'roles',
  summary: 'A variable set both in environment and in secrets',
  docs: `A container defines the same variable name in \`environment\` and in \`secrets\`. ECS refuses to register the
definition: a secret's name must not also be used by a plain environment variable of that container.

Usually the plain entry is a leftover from before the value moved to Secrets Manager or SSM; delete it.`,
  fixDocs: 'Remove the environment entry (preferred), or remove the secret.',
  examples: {
    bad: '{ "environment": [ { "name": "DB_PASSWORD", "value": "dev" } ], "secrets": [ { "name": "DB_PASSWORD", "valueFrom": "/prod/db/password" } ] }',
    good: '{ "secrets": [ { "name": "DB_PASSWORD", "valueFrom": "/prod/db/password" } ] }',
  },
  sources: ['https://github.com/dagster-io/dagster/issues/11622', 'https://github.com/compose-x/ecs_composex/issues/707'],
  check(ctx) {
    for (const c of ctx.doc.containers) {
      const secrets = new Map<string, Node>();
      for (const s of items(child(c, 'secrets'))) {
        const n = child(s, 'name');
        const name = str(n);
        if (n && name && !ctx.isPlaceholder(n, { nameField: true })) secrets.set(name, n);
      }
      if (secrets.size === 0) continue;
      for (const e of items(child(c, 'environment'))) {
        const n = child(e, 'name');
        const name = str(n);
        const secret = name !== undefined ? secrets.get(name) : undefined;
        if (!n || !secret) continue;
        ctx.report({
          node: n,
          message: `'${name}' is set both as a plain environment variable and as a secret; ECS refuses the definition.`,
          related: [{ node: secret, message: `the secret '${name}'` }],
          fixes: () => [
            { title: 'Remove the environment entry', preferred: true, edits: removeEdits(ctx.text, e) },
            { title: 'Remove the secret', edits: removeEdits(ctx.text, secret.parent!.parent!) },
          ],
        });
      }
    }
  },
});
