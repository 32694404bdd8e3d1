import { containerLabel } from '../documents/container-facts';
import { removeEdits } from '../fixes/edits';
import { child, items, str } from '../syntax/tree';
import type { Node } from '../syntax/tree';
import { defineRule } from './rule';

export default defineRule({
  id: 'duplicate-environment-variable',
  severity: 'warning',
  kinds: ['R', 'D', 'A'],
  launch: 'any',
  category: 'containers',
  summary: 'The same environment variable set twice in one container',
  docs: `Two entries of a container's \`environment\` list have the same \`name\`. ECS registers the definition,
but the container can only see one value, and which one wins is not documented — so a later edit to "the"
variable may change nothing. It is usually a merge or copy-and-paste leftover.

Keep one entry per name. (Entries in \`environment\` also override the same name in \`environmentFiles\`; that
is documented and not reported here.)`,
  fixDocs: '"Remove this earlier entry" (preferred) deletes the reported, earlier entry and keeps the last one.',
  examples: {
    bad: '{ "environment": [ { "name": "LOG_LEVEL", "value": "info" }, { "name": "LOG_LEVEL", "value": "debug" } ] }',
    good: '{ "environment": [ { "name": "LOG_LEVEL", "value": "debug" } ] }',
  },
  sources: ['https://docs.aws.amazon.com/AmazonECS/latest/developerguide/taskdef-envfiles.html'],
  check(ctx) {
    for (const container of ctx.doc.containers) {
      // Lists only for repeated names: hundreds of variables, nearly all distinct, are the usual case.
      const first = new Map<string, Node>();
      const byName = new Map<string, Node[]>();
      for (const entry of items(child(container, 'environment'))) {
        const nameNode = child(entry, 'name');
        const name = str(nameNode);
        if (!name || ctx.isPlaceholder(nameNode, { nameField: true })) continue;
        const earlier = first.get(name);
        if (!earlier) first.set(name, nameNode!);
        else if (byName.has(name)) byName.get(name)!.push(nameNode!); // not a spread copy: n copies of one name were n²
        else byName.set(name, [earlier, nameNode!]);
      }
      for (const [name, nodes] of byName) {
        const last = nodes[nodes.length - 1];
        for (const earlier of nodes.slice(0, -1)) {
          ctx.report({
            node: earlier,
            message: `'${name}' is set twice in the environment of '${containerLabel(container)}'; one value silently wins.`,
            related: [{ node: last, message: `the other '${name}'` }],
            fixes: () => [{ title: 'Remove this earlier entry', preferred: true, edits: removeEdits(ctx.text, earlier.parent!.parent!) }],
          });
        }
      }
    }
  },
});
