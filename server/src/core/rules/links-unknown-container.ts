import { removeEdits, replaceNodeEdit } from '../edits';
import { closestName, containerIndex, hasPlaceholder } from '../task-index';
import { child, items, str } from '../tree';
import type { Fix } from '../types';
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
    for (const c of idx.entries) {
      for (const link of items(child(c.node, 'links'))) {
        const value = str(link);
        if (value === undefined || value === '' || hasPlaceholder(link, ctx.parsed)) continue;
        const colon = value.indexOf(':');
        const name = colon < 0 ? value : value.slice(0, colon);
        const alias = colon < 0 ? '' : value.slice(colon);
        const self = name === c.name && !c.templatedName;
        if (name === '' || (!self && (idx.byName.has(name) || !idx.complete))) continue;
        const closest = closestName(name, [...idx.byName.keys()].filter((n) => n !== c.name));
        const fixes: Fix[] = [];
        if (closest) fixes.push({ title: `Change to '${closest}'`, preferred: true, edits: [replaceNodeEdit(link, closest + alias)] });
        fixes.push({ title: 'Remove this link', edits: removeEdits(ctx.text, link) });
        const raw = ctx.text.slice(link.offset, link.offset + link.length);
        const exact = raw === JSON.stringify(value); // no escapes: the name part can be pointed at precisely
        ctx.report({
          ...(exact ? { range: { offset: link.offset + 1, length: name.length } } : { node: link }),
          message: self
            ? `Link target '${name}' is this container itself; a container cannot link to itself.`
            : `Link target '${name}' is not a container in this task${closest ? ` (did you mean '${closest}'?)` : ''}.`,
          related: self && c.nameNode ? [{ node: c.nameNode, message: `this container is '${name}'` }] : undefined,
          fixes,
        });
      }
    }
  },
});
