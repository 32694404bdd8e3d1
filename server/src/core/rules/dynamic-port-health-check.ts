import { defineRule } from './rule';
import { clip, taskRelated } from './_service';

export default defineRule({
  id: 'dynamic-port-health-check',
  severity: 'warning',
  kinds: ['S'],
  launch: 'any',
  category: 'deployment',
  summary: 'A dynamic host port behind a target group whose health check uses a fixed port',
  docs: `In \`bridge\` network mode a port mapping without \`hostPort\` (or with \`hostPort: 0\`) gets a random host port
from the ephemeral range when the task starts, and ECS registers that port with the target group. A target group
whose \`HealthCheckPort\` is a fixed number then checks a port where nothing listens, marks every task unhealthy,
and ECS keeps replacing them. Leave \`HealthCheckPort\` out or set it to \`traffic-port\` so the health check follows
the registered port.

Checked in CloudFormation templates, where the service, its task definition and the
\`AWS::ElasticLoadBalancingV2::TargetGroup\` it references (\`Ref\` or \`Fn::GetAtt\`) are in the same file. cfn-lint
(E3049) also reports a target group without \`HealthCheckPort\`; the default is \`traffic-port\`, so that case is fine
and not reported here.`,
  examples: {
    bad: '{ "Resources": { "TargetGroup": { "Type": "AWS::ElasticLoadBalancingV2::TargetGroup", "Properties": { "Port": 80, "Protocol": "HTTP", "HealthCheckPort": "8080" } }, "Service": { "Type": "AWS::ECS::Service", "Properties": { "TaskDefinition": { "Ref": "TaskDef" }, "LoadBalancers": [ { "TargetGroupArn": { "Ref": "TargetGroup" }, "ContainerName": "web", "ContainerPort": 8080 } ] } } } }  // TaskDef: bridge, hostPort 0',
    good: '{ "Resources": { "TargetGroup": { "Type": "AWS::ElasticLoadBalancingV2::TargetGroup", "Properties": { "Port": 80, "Protocol": "HTTP", "HealthCheckPort": "traffic-port" } }, "Service": { "Type": "AWS::ECS::Service", "Properties": { "TaskDefinition": { "Ref": "TaskDef" }, "LoadBalancers": [ { "TargetGroupArn": { "Ref": "TargetGroup" }, "ContainerName": "web", "ContainerPort": 8080 } ] } } } }',
  },
  sources: ['https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PortMapping.html', 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html', 'cfn-lint E3049'],
  checkService(ctx) {
    const task = ctx.task;
    if (!task || !ctx.targetGroup) return;
    const bridge = task.networkMode === 'bridge' || (task.networkMode === undefined && task.requiresKnown && !task.requires?.includes('FARGATE'));
    if (!bridge) return;
    for (const lb of ctx.service.loadBalancers) {
      const name = lb.containerName?.value;
      const port = lb.containerPort?.value;
      const tg = lb.targetGroup && ctx.targetGroup(lb.targetGroup);
      const hc = tg?.healthCheckPort;
      if (!tg || name === undefined || port === undefined || !hc?.value || hc.value.trim() === 'traffic-port') continue;
      const c = task.containers.byName.get(name);
      if (!c) continue;
      const mapping = task.ports(c).mappings.find((m) => m.containerPort === port);
      if (!mapping || (mapping.hostPortNode && mapping.hostPort !== 0)) continue;
      ctx.report({
        node: hc.node,
        message: `${tg.logicalId} checks health on port ${clip(hc.value, 20)}, but '${clip(name)}' gets a dynamic host port for ${port}; use traffic-port.`,
        related: taskRelated(task, mapping.hostPortNode ?? mapping.node, 'dynamic host port (bridge network mode)'),
      });
    }
  },
});
