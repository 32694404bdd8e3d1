import { containerPortsOf } from '../documents/port-mappings';
import { defineRule } from './rule';
import { clip, taskRelated } from './_service';

export default defineRule({
  id: 'unknown-container-port',
  severity: 'error',
  kinds: ['S'],
  launch: 'any',
  category: 'deployment',
  summary: 'A load balancer or service registry sends traffic to a port the container does not map',
  docs: `A service's load balancer (\`loadBalancers[].containerPort\`, an appspec's \`LoadBalancerInfo.ContainerPort\`) and
its service registry (\`serviceRegistries[].containerPort\`) name a port of one container. ECS registers the task
with the target group on that container's port mapping, so the port must be one of the container's
\`portMappings[].containerPort\` (or inside a \`containerPortRange\`). A port that the container does not map is
refused when the service is created or updated, or makes a CodeDeploy blue/green deployment fail; the usual cause
is the load balancer's listener port (80, 443) written where the application's port (8080, 3000) belongs.

Checked only when the task definition is found (see \`unknown-container-reference\`), the container exists, and
its port mappings are literal. When the container maps one port, a quick fix offers it; \`ecs-taskdef fix\` does not
apply it, because the mapping may be the side to change (an application listening on 8080 mapped as 80).`,
  examples: {
    bad: '{ "serviceName": "web", "taskDefinition": "web", "loadBalancers": [ { "targetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/web/abc", "containerName": "web", "containerPort": 80 } ] }  // web maps 8080',
    good: '{ "serviceName": "web", "taskDefinition": "web", "loadBalancers": [ { "targetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/web/abc", "containerName": "web", "containerPort": 8080 } ] }',
  },
  sources: ['https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LoadBalancer.html', 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceRegistry.html'],
  checkService(ctx) {
    const task = ctx.task;
    if (!task) return;
    for (const t of [...ctx.service.loadBalancers, ...ctx.service.serviceRegistries]) {
      const port = t.containerPort;
      const name = t.containerName?.value;
      if (!port || port.value === undefined || name === undefined) continue;
      const c = task.containers.byName.get(name);
      if (!c || c.opaque) continue;
      const { mappings, complete } = task.ports(c);
      if (!complete || mappings.some((m) => { const r = containerPortsOf(m); return r !== undefined && r[0] <= port.value! && port.value! <= r[1]; })) continue;
      const ports = mappings.flatMap((m) => (m.containerPort !== undefined ? [m.containerPort] : []));
      const only = ports.length === 1 ? ports[0] : undefined;
      const has = ports.length ? `it maps ${ports.join(', ')}` : 'it has no port mappings';
      ctx.report({
        node: port.node,
        message: `Container '${clip(name)}' of ${clip(task.label)} does not map port ${port.value} (${has}).`,
        related: mappings.flatMap((m) => taskRelated(task, m.containerPortNode, `port mapping ${m.containerPort ?? ''}`.trim())).concat(mappings.length ? [] : taskRelated(task, c.nameNode, `container '${name}'`)),
        // Offered, never applied by `fix`: the task definition may be the side that is wrong (an app on 8080 mapped as 80).
        fixes: only === undefined ? [] : [{ title: `Change to ${only}`, edits: [{ offset: port.node.offset, length: port.node.length, content: ctx.text[port.node.offset] === '"' ? `"${only}"` : ctx.text[port.node.offset] === "'" ? `'${only}'` : String(only) }] }],
      });
    }
  },
});
