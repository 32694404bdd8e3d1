import { clampToRange, FARGATE_STOP_TIMEOUT_DEFAULT, FARGATE_TIMEOUT_RANGE as RANGE } from '../facts';
import { child, num } from '../syntax/tree';
import { setFix } from './_task-size';
import { defineRule } from './rule';

export default defineRule({
  id: 'fargate-timeouts',
  severity: 'error',
  kinds: ['R', 'D', 'A'],
  launch: ['F'],
  category: 'fargate',
  summary: 'startTimeout or stopTimeout outside 2–120 s on Fargate',
  docs: `On Fargate a container's \`startTimeout\` (how long to wait for its dependencies to reach their condition)
and \`stopTimeout\` (how long after SIGTERM before the container is killed) must each be between 2 and 120
seconds. EC2 allows longer waits, so values copied from EC2 definitions — a 300-second drain period, say — are
refused on Fargate. Without \`stopTimeout\` Fargate waits ${FARGATE_STOP_TIMEOUT_DEFAULT} seconds.

If the application needs longer to shut down, make it react to SIGTERM faster (stop accepting work, then exit)
and keep the timeout at 120 at most.`,
  fixDocs: '"Set to 2" / "Set to 120": clamps the value into the range.',
  examples: {
    bad: '{ "name": "worker", "image": "worker:3.1", "stopTimeout": 300 }',
    good: '{ "name": "worker", "image": "worker:3.1", "stopTimeout": 120 }',
  },
  sources: ['https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html'],
  check(ctx) {
    for (const c of ctx.doc.containers) {
      for (const key of ['startTimeout', 'stopTimeout']) {
        const node = child(c, key);
        const value = num(node);
        if (!node || value === undefined || ctx.isPlaceholder(node)) continue;
        if (value >= RANGE.min && value <= RANGE.max) continue;
        const target = clampToRange(value, RANGE);
        ctx.report({
          node,
          message: `On Fargate ${key} must be ${RANGE.min}–${RANGE.max} s; got ${value}.`,
          fixes: [setFix(`Set to ${target}`, node, target, true)],
        });
      }
    }
  },
});
