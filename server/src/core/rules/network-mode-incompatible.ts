import { removeEdits } from '../fixes/edits';
import { child, isEmptyValue, items, keyOf, type Node } from '../syntax/tree';
import { defineRule } from './rule';

const REASONS: Record<string, string> = {
  links: 'links are a bridge-only feature; in awsvpc and host mode containers reach each other on localhost',
  hostname: 'in awsvpc mode the task gets the hostname of its network interface',
  extraHosts: 'awsvpc tasks do not accept extra /etc/hosts entries; use DNS (Route 53, Cloud Map) instead',
  portMappings: 'a container without networking has no ports to map',
  containerPortRange: 'port ranges work only in bridge and awsvpc mode',
};

export default defineRule({
  id: 'network-mode-incompatible',
  severity: 'error',
  kinds: ['R', 'D'],
  launch: ['E', 'X', 'M', 'U'],
  category: 'networking',
  summary: 'links, hostname, extraHosts, port mappings or the mode itself not allowed with this networkMode',
  docs: `Some container settings only make sense in one network mode, and ECS rejects them in the others:

- \`links\` need \`bridge\` mode (in \`awsvpc\` and \`host\` mode containers share localhost);
- \`hostname\` and \`extraHosts\` are not allowed with \`awsvpc\`;
- \`portMappings\` are meaningless with \`none\`, and \`containerPortRange\` works only with \`bridge\` and \`awsvpc\`;
- Windows containers on EC2 use the default (NAT) mode or \`awsvpc\`; \`bridge\`, \`host\` and \`none\` are Linux modes.

On Fargate the same settings are reported by \`fargate-unsupported-parameter\`.`,
  fixDocs: "Remove the setting (preferred). For Windows on EC2: remove networkMode to use the default mode.",
  examples: {
    bad: '{ "networkMode": "awsvpc", "containerDefinitions": [ { "name": "web", "image": "nginx:1.27", "links": ["app"], "hostname": "web" }, { "name": "app", "image": "app:1.0" } ] }',
    good: '{ "networkMode": "awsvpc", "containerDefinitions": [ { "name": "web", "image": "nginx:1.27" }, { "name": "app", "image": "app:1.0" } ] }',
  },
  sources: [
    'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html',
    'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html',
  ],
  check(ctx) {
    const mode = ctx.doc.networkMode;
    if (!mode || !ctx.doc.task || !['bridge', 'host', 'awsvpc', 'none', 'default'].includes(mode)) return;
    const modeNode = child(ctx.doc.task, 'networkMode');
    if (ctx.doc.os === 'windows' && ctx.launchIs('E') && ['bridge', 'host', 'none'].includes(mode) && modeNode) {
      ctx.report({
        node: modeNode,
        message: `networkMode '${mode}' does not work for Windows containers on EC2: they use the default (NAT) mode or awsvpc.`,
        fixes: () => [{ title: 'Remove networkMode', preferred: true, edits: removeEdits(ctx.text, modeNode) }],
      });
    }
    const flag = (value: Node | undefined, key: string, whole?: Node) => {
      if (!value || isEmptyValue(value)) return;
      const keyNode = keyOf(value) ?? value;
      ctx.report({
        node: keyNode,
        message: `'${key}' does not work with networkMode '${mode}': ${REASONS[key]}.`,
        fixes: () => [
          whole
            ? { title: 'Remove this port mapping', preferred: true, edits: removeEdits(ctx.text, whole) }
            : { title: `Remove '${key}'`, preferred: true, edits: removeEdits(ctx.text, value) },
        ],
      });
    };
    for (const c of ctx.doc.containers) {
      if (mode !== 'bridge') flag(child(c, 'links'), 'links');
      if (mode === 'awsvpc') {
        flag(child(c, 'hostname'), 'hostname');
        flag(child(c, 'extraHosts'), 'extraHosts');
      }
      if (mode === 'none') flag(child(c, 'portMappings'), 'portMappings');
      // A mapping with only a range would be left with no port at all: remove the whole mapping then.
      if (mode === 'host') for (const pm of items(child(c, 'portMappings'))) flag(child(pm, 'containerPortRange'), 'containerPortRange', child(pm, 'containerPort') ? undefined : pm);
    }
  },
});
