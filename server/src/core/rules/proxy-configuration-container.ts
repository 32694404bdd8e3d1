import { replaceNodeEdit } from '../fixes/edits';
import { closestName, containerIndex, hasPlaceholder } from '../documents/task-index';
import { child, isObject, str } from '../syntax/tree';
import { defineRule } from './rule';

export default defineRule({
  id: 'proxy-configuration-container',
  severity: 'error',
  kinds: ['R', 'D'],
  launch: 'any',
  category: 'containers',
  summary: 'proxyConfiguration names a container that is not in the task',
  docs: `\`proxyConfiguration.containerName\` tells ECS which container is the service-mesh proxy (the Envoy
sidecar for App Mesh): the task's traffic is redirected through it. ECS rejects a name that matches no container
of the same task definition, so a renamed or forgotten proxy container breaks registration.

Add the proxy container, or point \`containerName\` at the container that runs the proxy. Names are compared
exactly, including letter case.`,
  fixDocs: '"Change to \'{closest}\'" (preferred) when a container has a similar name.',
  examples: {
    bad: '{ "proxyConfiguration": { "type": "APPMESH", "containerName": "envoy" }, "containerDefinitions": [ { "name": "app", "image": "app:1.0" } ] }',
    good: '{ "proxyConfiguration": { "type": "APPMESH", "containerName": "envoy" }, "containerDefinitions": [ { "name": "app", "image": "app:1.0" }, { "name": "envoy", "image": "envoyproxy/envoy:v1.31.2", "user": "1337" } ] }',
  },
  sources: ['https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ProxyConfiguration.html'],
  check(ctx) {
    const proxy = child(ctx.doc.task, 'proxyConfiguration');
    if (!isObject(proxy)) return;
    const ref = child(proxy, 'containerName');
    const name = str(ref);
    if (!name || hasPlaceholder(ref, ctx.parsed) || ctx.isPlaceholder(ref)) return;
    const idx = containerIndex(ctx.doc, ctx.parsed);
    if (idx.byName.has(name) || !idx.complete) return; // a templated container may be the proxy
    const names = [...idx.byName.keys()];
    const closest = closestName(name, names);
    ctx.report({
      node: ref,
      message: `proxyConfiguration points at container '${name}', which does not exist${closest ? ` (did you mean '${closest}'?)` : ''}. Containers: ${names.map((n) => `'${n}'`).join(', ') || 'none'}.`,
      fixes: closest ? [{ title: `Change to '${closest}'`, preferred: true, edits: [replaceNodeEdit(ref!, closest)] }] : undefined,
    });
  },
});
