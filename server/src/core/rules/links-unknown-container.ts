import { containerRefs, retargetFixes, selfRelated, unresolvedRef } from '../documents/container-refs';
import { containerIndex } from '../documents/task-index';
import { str } from '../syntax/tree';
import { defineRule } from './rule';

export default defineRule({
  id: 'links-unknown-container',
  severity: 'error',
  kinds: ['R', 'D', 'A'],
  launch: 'any',
  category: 'containers',
  summary: 'A links entry names a container that is not in the task',
  docs: `Each \`links\` entry is \`name\` or \`name:alias\`, where \`name\` is another container of the same task; the
linked container becomes reachable under the alias (or its name). When the name part matches no container —
typically because the container was renamed, or the alias was written where the name belongs — the link
cannot be set up and the task fails. A container cannot link to itself.

Names are compared exactly. The alias is free text and is kept by the fix. Links only work in \`bridge\`
network mode; that is checked by \`network-mode-incompatible\` and \`fargate-unsupported-parameter\`.
When the container list is templated, unknown names are not reported.`,
  fixDocs: 'Change the name part to the closest existing container, keeping the alias (preferred), or remove the link.',
  examples: {
    bad: '[ { "name": "php-app-container", "image": "php:8.3-fpm" }, { "name": "nginx", "image": "nginx:1.27", "links": ["app-container:app-container"] } ]',
    good: '[ { "name": "php-app-container", "image": "php:8.3-fpm" }, { "name": "nginx", "image": "nginx:1.27", "links": ["php-app-container:app-container"] } ]',
  },
  sources: ['https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html'],
  check(ctx) {
    const idx = containerIndex(ctx.doc, ctx.parsed);
    for (const r of containerRefs(idx, ctx.parsed, 'links')) {
      const miss = unresolvedRef(idx, r);
      if (!miss) continue;
      const value = str(r.ref)!;
      const alias = value.slice(r.name.length); // ':alias', or ''
      const raw = ctx.text.slice(r.ref.offset, r.ref.offset + r.ref.length);
      const exact = raw === JSON.stringify(value); // no escapes: the name part can be pointed at precisely
      ctx.report({
        ...(exact ? { range: { offset: r.ref.offset + 1, length: r.name.length } } : { node: r.ref }),
        message: r.self
          ? `Link target '${r.name}' is this container itself; a container cannot link to itself.`
          : `Link target '${r.name}' is not a container in this task${miss.closest ? ` (did you mean '${miss.closest}'?)` : ''}.`,
        related: selfRelated(r),
        fixes: () => retargetFixes(ctx.text, r, miss.closest, 'Remove this link', miss.closest && miss.closest + alias),
      });
    }
  },
});
