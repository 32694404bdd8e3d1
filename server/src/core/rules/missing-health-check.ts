import { containerAnchor, containerLabel, hasValue, healthCheckOf, isEssential } from '../documents/container-facts';
import { insertPropertyEdits } from '../fixes/layout-edits';
import { child, items, num } from '../syntax/tree';
import { defineRule } from './rule';

export default defineRule({
  id: 'missing-health-check',
  severity: 'hint',
  kinds: ['R', 'D', 'A'],
  launch: 'any',
  category: 'health',
  summary: 'Essential serving container without a health check',
  docs: `Without a \`healthCheck\`, ECS judges an essential container only by whether its process is running. A
server that hangs, deadlocks or loses its database keeps "running", and ECS keeps it in service. A health check
lets ECS replace the task, lets \`dependsOn … HEALTHY\` work, and gives deployments a real signal.

ECS does not use a HEALTHCHECK baked into the image; only the one in the task definition counts. This hint is
shown for essential containers that publish ports, and for every essential container on Fargate.`,
  fixDocs: '"Add a health check" inserts a CMD-SHELL curl probe (interval 30, timeout 5, retries 3, startPeriod 60) to adapt: the image must contain curl, and the path must exist. Not applied automatically.',
  examples: {
    bad: '{ "name": "web", "image": "nginx:1.27", "essential": true, "portMappings": [ { "containerPort": 80 } ] }',
    good: '{ "name": "web", "image": "nginx:1.27", "essential": true, "portMappings": [ { "containerPort": 80 } ],\n  "healthCheck": { "command": ["CMD-SHELL", "curl -fs http://localhost/ || exit 1"], "interval": 30, "timeout": 5, "retries": 3, "startPeriod": 60 } }',
  },
  sources: ['https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_HealthCheck.html'],
  check(ctx) {
    for (const container of ctx.doc.containers) {
      if (!isEssential(container) || healthCheckOf(container) || hasValue(child(container, 'healthCheck'))) continue;
      const ports = items(child(container, 'portMappings'));
      if (!ctx.launchIs('F') && ports.length === 0) continue;
      const image = child(container, 'image');
      if (ctx.isPlaceholder(image)) continue;
      const port = num(child(ports[0], 'containerPort'));
      const probe = `curl -fs http://localhost${port && port !== 80 ? `:${port}` : ''}/ || exit 1`;
      ctx.report({
        range: containerAnchor(container),
        dedupeKey: `missing-health-check@${container.offset}`,
        message: `Essential container '${containerLabel(container)}' has no health check; ECS only notices it is broken when the process exits.`,
        fixes: () => [
          {
            title: 'Add a health check',
            edits: insertPropertyEdits(ctx.text, container, 'healthCheck', { command: ['CMD-SHELL', probe], interval: 30, timeout: 5, retries: 3, startPeriod: 60 }),
          },
        ],
      });
    }
  },
});
