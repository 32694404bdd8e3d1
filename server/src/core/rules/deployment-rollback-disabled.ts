import { keyOf } from '../syntax/tree';
import { defineRule } from './rule';

export default defineRule({
  id: 'deployment-rollback-disabled',
  severity: 'hint',
  kinds: ['S'],
  launch: 'any',
  category: 'deployment',
  summary: 'A rolling-update service without the deployment circuit breaker set to roll back',
  docs: `Without \`deploymentConfiguration.deploymentCircuitBreaker\` (\`enable\` and \`rollback\` both true), a rolling
update whose new tasks keep failing (a crash on start, a failing health check, an image that cannot be pulled)
goes on starting replacements for hours, and the service is left half on the broken revision. With the circuit
breaker ECS marks the deployment failed after a bounded number of failed tasks and, with \`rollback\`, returns the
service to the last revision that reached a steady state. Deployment alarms with \`rollback\` count as well.

Only service definitions for create-service, ecspresso and CloudFormation with the rolling-update (\`ECS\`) deployment
controller and the replica scheduling strategy are judged (daemon services are left out); update-service input keeps the current setting when the block is left out.`,
  fixDocs: 'None: add the block by hand (it changes how failed deployments behave).',
  examples: {
    bad: '{ "serviceName": "web", "taskDefinition": "web", "desiredCount": 2 }',
    good: '{ "serviceName": "web", "taskDefinition": "web", "desiredCount": 2, "deploymentConfiguration": { "deploymentCircuitBreaker": { "enable": true, "rollback": true } } }',
  },
  sources: ['https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-circuit-breaker.html'],
  checkService(ctx) {
    const s = ctx.service;
    if (s.source === 'appspec' || s.source === 'update-service' || s.alarmRollback) return;
    if (s.deploymentController && s.deploymentController.value !== 'ECS') return;
    // Daemon services roll out one task per instance and have their own failure detection: not judged here.
    if (s.schedulingStrategy && s.schedulingStrategy.value !== 'REPLICA') return;
    if (s.deploymentConfiguration && s.isPlaceholder(s.deploymentConfiguration)) return;
    const cb = s.circuitBreaker;
    if ((cb?.enable && cb.enable.value === undefined) || (cb?.rollback && cb.rollback.value === undefined)) return; // known at deploy time
    if (cb?.enable?.value === true && cb.rollback?.value === true) return;
    const off = cb?.enable?.value === true ? cb.rollback : cb?.enable;
    ctx.report({
      node: off?.node ?? keyOf(cb?.node) ?? keyOf(s.deploymentConfiguration) ?? s.anchor,
      message: cb?.enable?.value === true
        ? 'The circuit breaker stops a failing deployment but does not roll it back; set rollback to true.'
        : 'A failing deployment keeps retrying instead of rolling back; enable deploymentCircuitBreaker with rollback.',
    });
  },
});
