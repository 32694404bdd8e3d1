import { setPropertyEdits } from '../fixes/layout-edits';
import { anchorOf, child, isEmptyValue, str } from '../syntax/tree';
import type { Fix } from '../types';
import { misspeltKeys } from './_awslogs-values';
import { defineRule } from './rule';

export default defineRule({
  id: 'fargate-awslogs-stream-prefix',
  severity: 'error',
  kinds: ['R', 'D', 'A'],
  launch: ['F'],
  category: 'fargate',
  summary: 'awslogs driver without awslogs-stream-prefix on Fargate',
  docs: `With the \`awslogs\` driver on Fargate, \`awslogs-stream-prefix\` is mandatory. Fargate names each log
stream \`prefix/container-name/task-id\`, so every task's output lands in its own stream and you can find it
from the task id; without a prefix the task is refused. On EC2 the option is optional, which is why
definitions copied from EC2 examples often lack it.

Add \`"awslogs-stream-prefix": "ecs"\` (or the service or container name) to the log options.`,
  fixDocs: "\"Add awslogs-stream-prefix 'ecs'\" (preferred), or use the container's name as the prefix.",
  examples: {
    bad: '{ "logDriver": "awslogs", "options": { "awslogs-group": "/ecs/tiny", "awslogs-region": "eu-west-1" } }',
    good: '{ "logDriver": "awslogs", "options": { "awslogs-group": "/ecs/tiny", "awslogs-region": "eu-west-1", "awslogs-stream-prefix": "ecs" } }',
  },
  sources: [
    'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LogConfiguration.html',
    'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_awslogs.html',
  ],
  check(ctx) {
    for (const c of ctx.doc.containers) {
      const log = child(c, 'logConfiguration');
      if (!log || str(child(log, 'logDriver')) !== 'awslogs') continue;
      const options = child(log, 'options');
      if (options && options.type !== 'object' && options.type !== 'null') continue; // a templated options value
      const prefix = child(options, 'awslogs-stream-prefix');
      if ((prefix && !isEmptyValue(prefix)) || misspeltKeys(options).has('awslogs-stream-prefix')) continue; // a slip is awslogs-options' rename
      const name = str(child(c, 'name'));
      const shown = name && !ctx.isPlaceholder(child(c, 'name'), { nameField: true }) ? name : '{container}';
      const fixes = (): Fix[] =>
        ['ecs', ...(name && name !== 'ecs' ? [name] : [])].map((value) => ({
          title: `Add awslogs-stream-prefix '${value}'`,
          preferred: value === 'ecs' || undefined,
          edits:
            options?.type === 'object'
              ? setPropertyEdits(ctx.text, options, 'awslogs-stream-prefix', value)
              : setPropertyEdits(ctx.text, log, 'options', { 'awslogs-stream-prefix': value }), // absent or null
        }));
      ctx.report({
        ...(prefix ? { node: prefix } : { range: anchorOf(options?.type === 'object' ? options : log) }),
        message: `On Fargate the awslogs driver needs 'awslogs-stream-prefix'; streams are then named <prefix>/${shown}/<task-id>.`,
        fixes,
      });
    }
  },
});
