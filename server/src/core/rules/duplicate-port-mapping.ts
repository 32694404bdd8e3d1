import { removeEdits } from '../fixes/edits';
import { containerPortsOf, overlaps, portMappings, type PortMapping } from '../documents/port-mappings';
import { child, str } from '../syntax/tree';
import { defineRule } from './rule';

interface Seen {
  pm: PortMapping;
  container: string;
  index: number;
}

export default defineRule({
  id: 'duplicate-port-mapping',
  severity: 'error',
  kinds: ['R', 'D', 'A'],
  launch: 'any',
  category: 'networking',
  summary: 'A port bound twice (in a container, in a shared network namespace, or on the host)',
  docs: `Only one listener can own a port. This rule reports a mapping that repeats an earlier one:

- the same container maps one \`containerPort\`/protocol twice, or two of its \`containerPortRange\`s overlap (in
  \`bridge\` mode one container port may be published on several host ports, so there only an exact repeat counts);
- in \`awsvpc\` or \`host\` mode all containers of a task share one network namespace, so two containers cannot
  both expose the same port;
- in \`bridge\` mode, two mappings of the task ask for the same fixed \`hostPort\` on the instance.

One of the two bindings cannot work: pick another port for one of them or delete the duplicate.`,
  fixDocs: 'Remove this mapping (preferred only when the same container repeats a mapping).',
  examples: {
    bad: '{ "networkMode": "awsvpc", "containerDefinitions": [ { "name": "app", "image": "app:1.0", "portMappings": [ { "containerPort": 8080 } ] },\n  { "name": "sidecar", "image": "proxy:2.3", "portMappings": [ { "containerPort": 8080 } ] } ] }',
    good: '{ "networkMode": "awsvpc", "containerDefinitions": [ { "name": "app", "image": "app:1.0", "portMappings": [ { "containerPort": 8080 } ] },\n  { "name": "sidecar", "image": "proxy:2.3", "portMappings": [ { "containerPort": 9901 } ] } ] }',
  },
  sources: ['https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PortMapping.html'],
  check(ctx) {
    const mode = ctx.doc.networkMode;
    const shared = mode === 'awsvpc' || mode === 'host';
    const hostMapped = mode === 'bridge' || mode === 'default';
    const all: Seen[] = [];
    ctx.doc.containers.forEach((c, index) => {
      const container = str(child(c, 'name')) ?? `#${index + 1}`;
      for (const pm of portMappings(c, (n) => ctx.isPlaceholder(n))) {
        const ports = containerPortsOf(pm);
        // In bridge mode one container port may be published on several host ports; only an exact repeat clashes.
        const same = ports && all.find((s) => s.index === index && s.pm.protocol === pm.protocol && sameOrOverlap(s.pm, ports) && (!hostMapped || pm.range || (s.pm.hostPort ?? 0) === (pm.hostPort ?? 0)));
        const other = !same && shared && ports && all.find((s) => s.index !== index && s.pm.protocol === pm.protocol && sameOrOverlap(s.pm, ports));
        const onHost = !same && !other && hostMapped && pm.hostPort ? all.find((s) => s.pm.protocol === pm.protocol && s.pm.hostPort === pm.hostPort) : undefined;
        const earlier = same || other || onHost;
        if (earlier) {
          const port = onHost ? pm.hostPort : ports![0] === ports![1] ? ports![0] : `${ports![0]}-${ports![1]}`;
          const where = same
            ? 'mapped in this container'
            : other
              ? `used by container '${earlier.container}' in the task's shared network namespace`
              : `bound on the host by '${earlier.container}'`;
          const node = onHost ? pm.hostPortNode! : (pm.rangeNode ?? pm.containerPortNode ?? pm.node);
          const earlierNode = onHost ? earlier.pm.hostPortNode! : (earlier.pm.rangeNode ?? earlier.pm.containerPortNode ?? earlier.pm.node);
          ctx.report({
            node,
            message: `Port ${port}/${pm.protocol} is already ${where}.`,
            related: [{ node: earlierNode, message: `first mapping of port ${port}/${pm.protocol}` }],
            fixes: () => [{ title: 'Remove this mapping', preferred: !!same, edits: removeEdits(ctx.text, pm.node) }],
          });
        }
        all.push({ pm, container, index });
      }
    });
  },
});

function sameOrOverlap(a: PortMapping, ports: [number, number]): boolean {
  const p = containerPortsOf(a);
  return !!p && overlaps(p, ports);
}
