import { runsOnFargate } from '../documents/service-model';
import { defineRule } from './rule';

export default defineRule({
  id: 'daemon-scheduling-incompatible',
  severity: 'error',
  kinds: ['S'],
  launch: 'any',
  category: 'deployment',
  summary: 'schedulingStrategy DAEMON with Fargate or with a CODE_DEPLOY/EXTERNAL deployment controller',
  docs: `The \`DAEMON\` scheduling strategy places one task on every container instance of the cluster. Fargate has no
container instances, so a daemon service cannot run on Fargate (launch type or capacity provider), and the
blue/green (\`CODE_DEPLOY\`) and \`EXTERNAL\` deployment controllers only manage replica services. ECS refuses the
service in each case (cfn-lint E3044 reports the same for templates). Use \`REPLICA\` with a desired count, or run
the daemon on EC2 with the rolling-update (\`ECS\`) controller.`,
  examples: {
    bad: '{ "serviceName": "log-agent", "taskDefinition": "log-agent", "schedulingStrategy": "DAEMON", "launchType": "FARGATE" }',
    good: '{ "serviceName": "log-agent", "taskDefinition": "log-agent", "schedulingStrategy": "DAEMON", "launchType": "EC2" }',
  },
  sources: ['https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs_services.html', 'cfn-lint E3044'],
  checkService(ctx) {
    const s = ctx.service;
    if (s.schedulingStrategy?.value !== 'DAEMON') return;
    const fargate = runsOnFargate(s);
    const controller = s.deploymentController?.value;
    const why = fargate ? `${fargate.value} has no container instances to place a task on` : controller === 'CODE_DEPLOY' || controller === 'EXTERNAL' ? `the ${controller} controller runs replica services only` : undefined;
    if (!why) return;
    ctx.report({
      node: s.schedulingStrategy.node,
      message: `DAEMON scheduling cannot work here: ${why}; use REPLICA, or EC2 with the ECS controller.`,
      related: [{ range: { offset: (fargate ?? s.deploymentController)!.node.offset, length: (fargate ?? s.deploymentController)!.node.length }, message: fargate ? 'runs on Fargate here' : 'deployment controller' }],
    });
  },
});
