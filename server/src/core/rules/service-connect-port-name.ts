import { closestName } from '../documents/task-index';
import { yamlScalar } from '../fixes/yaml-writer';
import { defineRule } from './rule';
import { clip, taskRelated } from './_service';

export default defineRule({
  id: 'service-connect-port-name',
  severity: 'error',
  kinds: ['S'],
  launch: 'any',
  category: 'deployment',
  summary: 'Service Connect or VPC Lattice names a portName that no port mapping of the task definition has',
  docs: `Service Connect (\`serviceConnectConfiguration.services[].portName\`) and VPC Lattice
(\`vpcLatticeConfigurations[].portName\`) do not take a port number: they name a port mapping, by the \`name\` that
the task definition gives it in \`portMappings[].name\`. When no container of the task definition has a port
mapping with that name, ECS refuses the service. Port mapping names are easy to leave out (they are optional for
everything else) or to spell differently in the two files.

Checked only when the task definition is found and its port mappings are literal.`,
  fixDocs: 'Change the name to the closest port-mapping name of the task definition.',
  examples: {
    bad: '{ "serviceName": "api", "taskDefinition": "api", "serviceConnectConfiguration": { "enabled": true, "services": [ { "portName": "http" } ] } }  // the port mapping is named "api-http"',
    good: '{ "serviceName": "api", "taskDefinition": "api", "serviceConnectConfiguration": { "enabled": true, "services": [ { "portName": "api-http" } ] } }',
  },
  sources: ['https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceConnectService.html', 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_VpcLatticeConfiguration.html'],
  checkService(ctx) {
    const task = ctx.task;
    if (!task) return;
    const { names, complete } = task.portNames();
    if (!complete) return;
    for (const p of [...ctx.service.serviceConnectPortNames, ...ctx.service.vpcLatticePortNames]) {
      if (p.value === undefined || names.has(p.value)) continue;
      const closest = closestName(p.value, [...names.keys()]);
      const has = closest ? ` (did you mean '${closest}'?)` : names.size ? `; it names ${[...names.keys()].map((n) => `'${clip(n, 30)}'`).join(', ')}` : '; none of its port mappings has a name';
      const raw = ctx.text.slice(p.node.offset, p.node.offset + p.node.length);
      ctx.report({
        node: p.node,
        message: clip(`No port mapping of ${clip(task.label)} is named '${clip(p.value, 40)}'${has}.`, 160),
        related: [...names].flatMap(([n, node]) => taskRelated(task, node, `port mapping '${n}'`)),
        fixes: closest ? [{ title: `Change to '${closest}'`, preferred: true, edits: [{ offset: p.node.offset, length: p.node.length, content: yamlScalar(closest, raw) }] }] : [],
      });
    }
  },
});
