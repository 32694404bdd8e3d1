import { defineRule } from './rule';

export default defineRule({
  id: 'deployment-cannot-progress',
  severity: 'warning',
  kinds: ['S'],
  launch: 'any',
  category: 'deployment',
  summary: 'maximumPercent and minimumHealthyPercent leave a rolling update no room to start or stop a task',
  docs: `A rolling update (the \`ECS\` deployment controller) replaces tasks within two limits: \`maximumPercent\` caps
the tasks running or pending during the deployment (a percentage of the desired count, rounded down) and
\`minimumHealthyPercent\` sets how many must stay running (rounded up). When the cap allows no task beyond the
desired count and the floor allows none to stop, ECS can neither start a new task nor stop an old one, and the
deployment waits until it times out or someone changes the settings. A common case is \`desiredCount: 1\` with
\`maximumPercent: 150\`: one and a half rounds down to one.

The defaults are 200 and 100. With a literal \`desiredCount\` the rounding is checked for that count; without one,
the warning needs \`maximumPercent\` ≤ 100 and \`minimumHealthyPercent\` ≥ 100, which stalls every count. Daemon
services and the CodeDeploy and external controllers are not judged.`,
  examples: {
    bad: '{ "serviceName": "web", "taskDefinition": "web", "desiredCount": 2, "deploymentConfiguration": { "maximumPercent": 100, "minimumHealthyPercent": 100 } }',
    good: '{ "serviceName": "web", "taskDefinition": "web", "desiredCount": 2, "deploymentConfiguration": { "maximumPercent": 200, "minimumHealthyPercent": 100 } }',
  },
  sources: ['https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentConfiguration.html'],
  checkService(ctx) {
    const s = ctx.service;
    const controller = s.deploymentController;
    if ((controller && controller.value !== 'ECS') || (s.schedulingStrategy && s.schedulingStrategy.value !== 'REPLICA')) return;
    const maxF = s.maximumPercent;
    const minF = s.minimumHealthyPercent;
    if ((!maxF && !minF) || (maxF && maxF.value === undefined) || (minF && minF.value === undefined)) return;
    const max = maxF?.value ?? 200;
    const min = minF?.value ?? 100;
    const n = s.desiredCount?.value;
    if (s.desiredCount && n === undefined) return;
    let stuck: boolean;
    let detail: string;
    if (n !== undefined) {
      if (n <= 0) return;
      const most = Math.floor((n * max) / 100);
      const least = Math.ceil((n * min) / 100);
      stuck = most <= n && least >= n;
      detail = `desiredCount ${n} with maximumPercent ${max} allows ${most} task${most === 1 ? '' : 's'}, minimumHealthyPercent ${min} keeps ${least}`;
    } else {
      stuck = max <= 100 && min >= 100;
      detail = `maximumPercent ${max} allows no extra task and minimumHealthyPercent ${min} lets none stop`;
    }
    if (!stuck) return;
    ctx.report({
      node: (maxF ?? minF)!.node,
      message: `Rolling updates stall: ${detail}; raise maximumPercent.`,
    });
  },
});
