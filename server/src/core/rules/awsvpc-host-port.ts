import { removeEdits, replaceNodeEdit } from '../fixes/edits';
import { portMappings } from '../documents/port-mappings';
import { defineRule } from './rule';

export default defineRule({
  id: 'awsvpc-host-port',
  severity: 'error',
  kinds: ['R', 'D', 'A'],
  launch: 'any',
  category: 'networking',
  summary: 'hostPort different from containerPort in awsvpc or host mode',
  docs: `In \`awsvpc\` mode (always on Fargate) each task has its own network interface, and in \`host\` mode containers
use the instance's network directly. Either way there is no port translation: a container listening on 8080
is reachable on 8080. ECS therefore accepts \`hostPort\` only when it is left out or equal to \`containerPort\`,
and not at all together with \`containerPortRange\`.

Remapping such as \`80 → 8080\` is a \`bridge\`-mode habit; in awsvpc put a load balancer in front if clients
need another port.`,
  fixDocs: 'Remove hostPort (preferred), or set hostPort to the containerPort.',
  examples: {
    bad: '{ "networkMode": "awsvpc", "containerDefinitions": [ { "name": "kibana", "image": "kibana:8.15.0", "portMappings": [ { "hostPort": 80, "containerPort": 5601 } ] } ] }',
    good: '{ "networkMode": "awsvpc", "containerDefinitions": [ { "name": "kibana", "image": "kibana:8.15.0", "portMappings": [ { "containerPort": 5601 } ] } ] }',
  },
  sources: [
    'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PortMapping.html',
    'https://github.com/aws-cloudformation/cfn-lint (rule E3053)',
  ],
  check(ctx) {
    const mode = ctx.doc.networkMode;
    if (mode !== 'awsvpc' && mode !== 'host') return;
    for (const c of ctx.doc.containers) {
      for (const pm of portMappings(c, (n) => ctx.isPlaceholder(n))) {
        const hostNode = pm.hostPortNode;
        if (!hostNode || hostNode.type === 'null' || pm.hostPort === undefined) continue;
        const remove = () => ({ title: 'Remove hostPort', preferred: true, edits: removeEdits(ctx.text, hostNode) });
        if (pm.range) {
          ctx.report({
            node: hostNode,
            message: `In ${mode} mode a containerPortRange is exposed on the same host ports; hostPort ${pm.hostPort} cannot be combined with it; omit hostPort.`,
            fixes: () => [remove()],
          });
          continue;
        }
        const c = pm.containerPort;
        if (c === undefined || c === pm.hostPort) continue;
        // Copying a containerPort that is no port (value-out-of-range reports it) would only move that error.
        const copyable = Number.isInteger(c) && c >= 1 && c <= 65535;
        ctx.report({
          node: hostNode,
          message: `In ${mode} mode the host port is the container port: hostPort ${pm.hostPort} ≠ containerPort ${c}; omit hostPort${copyable ? ` or set it to ${c}` : ''}.`,
          fixes: () => (copyable ? [remove(), { title: `Set hostPort to ${c}`, edits: [replaceNodeEdit(hostNode, c)] }] : [remove()]),
        });
      }
    }
  },
});
