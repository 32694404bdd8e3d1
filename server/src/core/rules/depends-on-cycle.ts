import type { Node } from 'jsonc-parser';
import { removeEdits } from '../fixes/edits';
import { containerIndex, hasPlaceholder, type NamedEntry } from '../documents/task-index';
import { child, items, str } from '../syntax/tree';
import { defineRule } from './rule';

interface Edge {
  from: NamedEntry;
  to: NamedEntry;
  ref: Node;
  dep: Node;
}

export default defineRule({
  id: 'depends-on-cycle',
  severity: 'error',
  kinds: ['R', 'D', 'A'],
  launch: 'any',
  category: 'containers',
  summary: 'Containers wait for each other in a loop',
  docs: `\`dependsOn\` makes a container wait until another one has started, finished or become healthy. When these
waits form a loop (A waits for B, B waits for A, possibly through more containers), none of the containers in
the loop ever starts and the task hangs until ECS gives up on it.

Decide which container really has to come first and remove the dependency that points back. The diagnostic
sits on the dependency that closes the loop in document order; the related locations list the whole loop.`,
  fixDocs: 'Remove the dependency that closes the loop (not preferred: you decide which edge is wrong).',
  examples: {
    bad: '[ { "name": "a", "image": "a:1", "dependsOn": [ { "containerName": "b", "condition": "START" } ] }, { "name": "b", "image": "b:1", "dependsOn": [ { "containerName": "a", "condition": "START" } ] } ]',
    good: '[ { "name": "a", "image": "a:1", "dependsOn": [ { "containerName": "b", "condition": "START" } ] }, { "name": "b", "image": "b:1" } ]',
  },
  sources: ['https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDependency.html'],
  check(ctx) {
    const idx = containerIndex(ctx.doc, ctx.parsed);
    const out = new Map<NamedEntry, Edge[]>();
    for (const from of idx.byName.values()) {
      const edges: Edge[] = [];
      for (const dep of items(child(from.node, 'dependsOn'))) {
        const ref = child(dep, 'containerName');
        const to = idx.byName.get(str(ref) ?? '');
        if (ref && to && to !== from && !hasPlaceholder(ref, ctx.parsed)) edges.push({ from, to, ref, dep });
      }
      out.set(from, edges);
    }
    const state = new Map<NamedEntry, 'open' | 'done'>();
    const path: Edge[] = [];
    const visit = (n: NamedEntry): void => {
      state.set(n, 'open');
      for (const e of out.get(n) ?? []) {
        if (state.get(e.to) === 'open') report([...path.slice(path.findIndex((p) => p.from === e.to)), e]);
        else if (!state.has(e.to)) {
          path.push(e);
          visit(e.to);
          path.pop();
        }
      }
      state.set(n, 'done');
    };
    const report = (loop: Edge[]): void => {
      const closing = loop[loop.length - 1];
      const names = [...loop.map((e) => e.from.name), closing.to.name].join(' → ');
      ctx.report({
        node: closing.ref,
        message: `Start-up dependencies form a loop: ${names}; none of these containers can start.`,
        related: loop.slice(0, -1).map((e) => ({ node: e.ref, message: `'${e.from.name}' waits for '${e.to.name}'` })),
        fixes: () => [{ title: 'Remove this dependency', edits: removeEdits(ctx.text, closing.dep) }],
      });
    };
    for (const n of idx.byName.values()) if (!state.has(n)) visit(n);
  },
});
