import { replaceNodeEdit } from '../fixes/edits';
import { containerIndex, containerLabel, essentialOf } from '../documents/task-index';
import { anchorOf, child, items, str } from '../syntax/tree';
import { defineRule } from './rule';

export default defineRule({
  id: 'no-essential-container',
  severity: 'error',
  kinds: ['R', 'D', 'A'],
  launch: 'any',
  category: 'containers',
  summary: 'Every container is marked essential: false',
  docs: `Every container in this task sets \`"essential": false\`. ECS needs at least one essential container: the
task lives as long as its essential containers run, so a task without one has nothing that defines it and
registration is refused.

Leaving \`essential\` out means \`true\`, so the usual fix is to delete \`"essential": false\` from the main
container (the one that serves traffic or does the job) and keep it only on helpers such as log routers,
init or migration containers.

When the container list is partly templated (a whole container comes from a placeholder), the rule stays
silent: the missing container may be the essential one.`,
  fixDocs: "Make a container essential by setting its `essential` to true (preferred: the first container with port mappings, else the first container). Deleting the line has the same effect.",
  examples: {
    bad: '[ { "name": "app", "image": "app:1.0", "essential": false }, { "name": "log", "image": "fluent-bit:3.1", "essential": false } ]',
    good: '[ { "name": "app", "image": "app:1.0" }, { "name": "log", "image": "fluent-bit:3.1", "essential": false } ]',
  },
  sources: [
    'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html',
    'cfn-lint E3042 — https://github.com/aws-cloudformation/cfn-lint',
  ],
  check(ctx) {
    const idx = containerIndex(ctx.doc, ctx.parsed);
    if (!idx.complete || idx.entries.length === 0 || !ctx.doc.containersNode) return;
    if (!idx.entries.every((e) => essentialOf(e.node, ctx.parsed) === false)) return;
    const withPorts = idx.entries.find((e) => (child(e.node, 'portMappings')?.children?.length ?? 0) > 0);
    const first = withPorts ?? idx.entries[0];
    // A container others wait on with COMPLETE/SUCCESS must not become essential (depends-on-complete-essential).
    const waitedOn = new Set(
      idx.entries.flatMap((e) => items(child(e.node, 'dependsOn')))
        .filter((d) => ['COMPLETE', 'SUCCESS'].includes(str(child(d, 'condition')) ?? ''))
        .map((d) => str(child(d, 'containerName'))),
    );
    const ordered = [first, ...idx.entries.filter((e) => e !== first)].filter((e) => !waitedOn.has(e.name));
    ctx.report({
      range: anchorOf(ctx.doc.containersNode),
      dedupeKey: 'no-essential-container', // the anchor may be shared with generic reports on the list
      message: 'No container is essential, but ECS requires one; mark the main container essential.',
      related: idx.entries.map((e) => ({ node: child(e.node, 'essential'), message: `'${containerLabel(e)}' is not essential` })),
      fixes: ordered.map((e, i) => ({
        title: `Make '${containerLabel(e)}' essential`,
        preferred: i === 0,
        edits: [replaceNodeEdit(child(e.node, 'essential')!, true)],
      })),
    });
  },
});
