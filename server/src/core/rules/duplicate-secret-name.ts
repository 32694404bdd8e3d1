import { removeEdits } from '../fixes/edits';
import { child, items, type Node, str } from '../syntax/tree';
import { defineRule } from './rule';

export default defineRule({
  id: 'duplicate-secret-name',
  severity: 'error',
  kinds: ['R', 'D', 'A'],
  launch: 'any',
  category: 'roles',
  summary: 'The same secret name twice in one container or log configuration',
  docs: `Two entries of a container's \`secrets\` (or of one log configuration's \`secretOptions\`) have the same
\`name\`. ECS rejects the registration because each secret name must be unique. Keep the entry with the right
\`valueFrom\` and delete the other.`,
  fixDocs: 'Remove this earlier entry (preferred).',
  examples: {
    bad: '{ "secrets": [ { "name": "API_KEY", "valueFrom": "/a/key" }, { "name": "API_KEY", "valueFrom": "/b/key" } ] }',
    good: '{ "secrets": [ { "name": "API_KEY", "valueFrom": "/b/key" } ] }',
  },
  sources: ['https://github.com/CircleCI-Public/aws-ecs-orb/issues/190'],
  check(ctx) {
    const checkList = (list: Node | undefined, where: string) => {
      const entries = items(list)
        .map((el) => ({ el, name: child(el, 'name') }))
        .filter((x) => str(x.name) !== undefined && str(x.name) !== '' && !ctx.isPlaceholder(x.name, { nameField: true }));
      entries.forEach((x, i) => {
        const last = [...entries].reverse().find((y) => str(y.name) === str(x.name));
        if (!last || entries.indexOf(last) === i) return;
        ctx.report({
          node: x.name,
          message: `Secret '${str(x.name)}' is defined twice in ${where}; ECS requires unique secret names.`,
          related: [{ node: last.name, message: `the later '${str(x.name)}'` }],
          fixes: () => [{ title: 'Remove this earlier entry', preferred: true, edits: removeEdits(ctx.text, x.el) }],
        });
      });
    };
    for (const c of ctx.doc.containers) {
      checkList(child(c, 'secrets'), 'this container');
      checkList(child(child(c, 'logConfiguration'), 'secretOptions'), "this log configuration's secretOptions");
    }
  },
});
