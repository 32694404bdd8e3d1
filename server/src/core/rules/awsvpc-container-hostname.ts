import type { Node } from 'jsonc-parser';
import { containerName } from '../documents/container-facts';
import { containerHostRefs } from '../documents/container-hosts';
import { replaceNodeEdit } from '../fixes/edits';
import { hasPlaceholder } from '../documents/task-index';
import { child, items, str } from '../syntax/tree';
import { defineRule } from './rule';

export default defineRule({
  id: 'awsvpc-container-hostname',
  severity: 'warning',
  kinds: ['R', 'D', 'A'],
  launch: 'any',
  category: 'networking',
  summary: 'A sibling container name used as a host name in awsvpc mode (use localhost)',
  docs: `In \`awsvpc\` mode (and so on every Fargate task) all containers of a task share one network namespace:
they reach each other on \`localhost\` and the other container's port. Container names are not host names
there: \`http://redis:6379\`, \`tcp://mosquitto:1883\` or \`"DD_AGENT_HOST": "datadog-agent"\` fail with an
unknown-host error at run time, although the file registers fine. Docker's name resolution between containers
exists only in \`bridge\` mode with \`links\`, and ECS Service Connect names come from the service's
configuration, not from container names.

Reported when a whole host (the host of a URL, the \`host\` of \`host:port\`, or the whole value of a variable whose
name says host, address, endpoint, server or URL) equals the name of another container of the same task, in an
environment value or a \`command\`/\`entryPoint\` argument. Names that are also port-mapping names (possible
Service Connect names) and templated values are left alone.`,
  fixDocs: 'Replace the host with localhost.',
  examples: {
    bad: '{ "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc", "containerDefinitions": [ { "name": "app", "image": "app:1.2", "environment": [ { "name": "REDIS_URL", "value": "redis://redis:6379/0" } ] }, { "name": "redis", "image": "redis:7.4" } ] }',
    good: '{ "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc", "containerDefinitions": [ { "name": "app", "image": "app:1.2", "environment": [ { "name": "REDIS_URL", "value": "redis://localhost:6379/0" } ] }, { "name": "redis", "image": "redis:7.4" } ] }',
  },
  sources: [
    'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/networking-networkmode-awsvpc.html',
    'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html (links)',
  ],
  check(ctx) {
    if (ctx.doc.networkMode !== 'awsvpc' || ctx.doc.containers.length < 2) return;
    const names = new Set<string>();
    const portNames = new Set<string>();
    for (const c of ctx.doc.containers) {
      const n = containerName(c);
      if (n) names.add(n);
      for (const pm of items(child(c, 'portMappings'))) {
        const pn = str(child(pm, 'name'));
        if (pn) portNames.add(pn);
      }
    }
    for (const container of ctx.doc.containers) {
      const own = containerName(container);
      const siblings = (host: string) => host !== own && names.has(host) && !portNames.has(host);
      const check = (node: Node, key?: string) => {
        if (node.type !== 'string' || hasPlaceholder(node, ctx.parsed) || ctx.isPlaceholder(node)) return;
        const value = node.value as string;
        const raw = ctx.text.slice(node.offset + 1, node.offset + node.length - 1);
        for (const ref of containerHostRefs(value, key)) {
          if (!siblings(ref.host)) continue;
          const fixed = value.slice(0, ref.start) + 'localhost' + value.slice(ref.start + ref.host.length);
          ctx.report({
            // Point at the host itself when the JSON text holds the value unescaped; else at the whole value.
            range: raw === value ? { offset: node.offset + 1 + ref.start, length: ref.host.length } : { offset: node.offset, length: node.length },
            message: `'${ref.host}' is a container of this task, but in awsvpc mode container names do not resolve; containers reach each other on localhost.`,
            fixes: [{ title: `Replace '${ref.host}' with localhost`, preferred: true, edits: [replaceNodeEdit(node, fixed)] }],
          });
          return; // one report per value: the fix rewrites the whole string
        }
      };
      for (const env of items(child(container, 'environment'))) {
        const v = child(env, 'value');
        if (v) check(v, str(child(env, 'name')));
      }
      for (const arg of [...items(child(container, 'command')), ...items(child(container, 'entryPoint'))]) check(arg);
    }
  },
});
