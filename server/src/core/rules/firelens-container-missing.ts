import { containerLabel, containerName, logDriverOf, objectChild } from '../documents/container-facts';
import { appendElementEdits } from '../fixes/layout-edits';
import { containerIndex, nextFreeName } from '../documents/task-index';
import { child, isEmptyValue, items, str } from '../syntax/tree';
import type { Fix } from '../types';
import { defineRule } from './rule';

const ROUTER_IMAGE = 'public.ecr.aws/aws-observability/aws-for-fluent-bit:stable';

export default defineRule({
  id: 'firelens-container-missing',
  severity: 'error',
  kinds: ['R', 'D', 'A'],
  launch: 'any',
  category: 'containers',
  summary: 'awsfirelens log driver without a log router container',
  docs: `The \`awsfirelens\` log driver does not ship logs itself: it hands them to a Fluent Bit or Fluentd
container in the same task, the one that has \`firelensConfiguration\`. When no container is marked as that log
router, ECS rejects the task definition (there is nowhere to send the logs).

Add a log router container — usually AWS for Fluent Bit with \`"firelensConfiguration": { "type": "fluentbit" }\`
— or switch the container to another log driver such as \`awslogs\`.`,
  fixDocs: `"Add a Fluent Bit log router" (preferred) appends a \`log_router\` container running \`${ROUTER_IMAGE}\`
with \`firelensConfiguration.type: "fluentbit"\`. Its \`:stable\` tag then gets \`image-mutable-tag\` on purpose:
pick a version.`,
  examples: {
    bad: '[ { "name": "app", "image": "app:1.0", "logConfiguration": { "logDriver": "awsfirelens", "options": { "Name": "cloudwatch" } } } ]',
    good: '[ { "name": "app", "image": "app:1.0", "logConfiguration": { "logDriver": "awsfirelens", "options": { "Name": "cloudwatch" } } },\n  { "name": "log_router", "image": "public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.4", "essential": true, "firelensConfiguration": { "type": "fluentbit" } } ]',
  },
  sources: [
    'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/firelens-taskdef.html',
    'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_firelens.html',
  ],
  check(ctx) {
    const { containers, containersNode } = ctx.doc;
    if (!containersNode || !containerIndex(ctx.doc, ctx.parsed).complete) return; // the router may be templated
    if (containers.some((c) => objectChild(c, 'firelensConfiguration'))) return;
    const users = containers.filter((c) => logDriverOf(c).driver === 'awsfirelens');
    if (users.length === 0) return;
    // One router serves every user: built once, when a fix is asked for.
    let fix: Fix | undefined;
    const addRouter = (): Fix => {
      if (fix) return fix;
      // Names other containers refer to count as taken: the router must not become the target of a stray reference.
      const referenced = containers.flatMap((c) => [
        ...items(child(c, 'dependsOn')).map((d) => str(child(d, 'containerName'))),
        ...items(child(c, 'volumesFrom')).map((d) => str(child(d, 'sourceContainer'))),
        ...items(child(c, 'links')).map((l) => str(l)?.split(':')[0]),
      ]);
      const taken = new Set([...containers.map(containerName), ...referenced].filter((n): n is string => !!n));
      const name = taken.has('log_router') ? nextFreeName('log_router', taken) : 'log_router';
      // Without a task memory every container needs its own (container-memory-required): 50 MiB, as AWS's examples give the router.
      const reservation = ctx.doc.task && isEmptyValue(child(ctx.doc.task, 'memory')) ? { memoryReservation: 50 } : {};
      const router = { name, image: ROUTER_IMAGE, essential: true, ...reservation, firelensConfiguration: { type: 'fluentbit' } };
      return (fix = { title: 'Add a Fluent Bit log router', preferred: true, edits: appendElementEdits(ctx.text, containersNode, router) });
    };
    for (const c of users) {
      ctx.report({
        node: logDriverOf(c).node,
        message: `'${containerLabel(c)}' sends logs to FireLens, but no container is a log router (firelensConfiguration).`,
        fixes: () => [addRouter()],
      });
    }
  },
});
