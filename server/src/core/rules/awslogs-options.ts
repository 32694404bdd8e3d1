import { containerName, logDriverOf, objectChild } from '../documents/container-facts';
import { replaceNodeEdit } from '../fixes/edits';
import { setPropertyEdits } from '../fixes/layout-edits';
import { anchorOf, child, str } from '../syntax/tree';
import type { Node } from '../syntax/tree';
import { checkAwslogsValues, misspeltKeys } from './_awslogs-values';
import { defineRule } from './rule';

const REQUIRED = ['awslogs-group', 'awslogs-region'] as const;
const MODES = ['blocking', 'non-blocking'];
const REGION_IN_TEXT = /arn:aws[a-z-]*:[a-z0-9-]+:([a-z]{2}(?:-[a-z]+)+-\d{1,2}):|\.dkr\.ecr\.([a-z]{2}(?:-[a-z]+)+-\d{1,2})\./;
const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;

/** A real region the document already uses (another awslogs-region, an ARN, an ECR host), for the fix. */
function regionFromDocument(containers: readonly Node[], text: string): string | undefined {
  for (const c of containers) {
    const r = str(child(objectChild(logDriverOf(c).config, 'options'), 'awslogs-region'));
    if (r && REGION.test(r)) return r;
  }
  const m = REGION_IN_TEXT.exec(text);
  return m ? (m[1] ?? m[2]) : undefined;
}

export default defineRule({
  id: 'awslogs-options',
  severity: 'error',
  kinds: ['R', 'D', 'A'],
  launch: 'any',
  category: 'containers',
  summary: 'awslogs driver without group or region, with an unknown option, a bad group name, mode or buffer size',
  docs: `The \`awslogs\` log driver writes a container's output to CloudWatch Logs and needs to know where:
\`awslogs-group\` (the log group) and \`awslogs-region\` (the Region of that group) are both required, and the
container fails to start without them. \`mode\`, when set, is either \`blocking\` or \`non-blocking\`; any other
spelling is rejected. (Since mid-2025 ECS uses non-blocking delivery unless the account setting or \`mode\` says
otherwise; \`max-buffer-size\` only matters in non-blocking mode.)

The driver accepts a fixed set of option keys: \`awslogs-group\`, \`awslogs-region\`, \`awslogs-stream-prefix\`,
\`awslogs-stream\`, \`awslogs-create-group\`, \`awslogs-create-stream\`, \`awslogs-endpoint\`, \`awslogs-datetime-format\`,
\`awslogs-multiline-pattern\`, \`awslogs-force-flush-interval-seconds\`, \`awslogs-max-buffered-events\`, \`awslogs-format\`,
\`tag\`, \`mode\` and \`max-buffer-size\` (\`awslogs-credentials-endpoint\` is set by the agent). Docker refuses any other
key, so a slip such as \`awslogs-stream-prefx\` stops the container from starting: that is an error, with the
intended key suggested; a key that resembles none of them is a warning.

\`awslogs-group\` is a CloudWatch Logs group *name*: 1 to 512 letters, digits and \`. - _ / #\`. A log group ARN
(\`arn:aws:logs:…:log-group:/ecs/web:*\`) or a name with spaces or colons is refused. \`max-buffer-size\` is a size such
as \`25m\`, \`4MiB\` or a number of bytes.

On Fargate the driver also needs \`awslogs-stream-prefix\` — that is \`fargate-awslogs-stream-prefix\`.`,
  subCases: ['error: missing group/region, a misspelt option key, invalid group name, mode or max-buffer-size', 'warning: an option key that resembles no awslogs option'],
  fixDocs: '"Add awslogs-group \'/ecs/{family}\'" · "Add awslogs-region \'{a Region the file already uses}\'" · "Set mode to \'non-blocking\'" · "Rename to \'{nearest key}\'" (when that key is not already set) · "Use the group name \'{name}\'" (from a log group ARN) · "Replace the other characters with \'-\'".',
  examples: {
    bad: '{ "logDriver": "awslogs", "options": { "awslogs-group": "/ecs/app", "mode": "nonblocking" } }',
    good: '{ "logDriver": "awslogs", "options": { "awslogs-group": "/ecs/app", "awslogs-region": "eu-west-1", "mode": "non-blocking", "max-buffer-size": "25m" } }',
  },
  sources: [
    'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LogConfiguration.html',
    'cfn-lint E3046',
    'https://github.com/moby/moby (daemon/logger/awslogs/cloudwatchlogs.go, ValidateLogOpt)',
    'https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_CreateLogGroup.html',
    'https://aws-samples.github.io/sample-apex-skills/docs/skills/ecs/ecs-observability/references/log-delivery',
  ],
  check(ctx) {
    let region: string | null | undefined = null;
    for (const container of ctx.doc.containers) {
      const { driver, config } = logDriverOf(container);
      if (driver !== 'awslogs' || !config) continue;
      const optionsNode = child(config, 'options');
      if (optionsNode && optionsNode.type !== 'object' && optionsNode.type !== 'null') continue; // wrong-type
      const options = objectChild(config, 'options');
      const misspelt = misspeltKeys(options); // 'awslogs-grup': the rename below, not a missing key
      const missing = REQUIRED.filter((k) => {
        if (misspelt.has(k)) return false;
        const v = child(options, k);
        return !v || v.type === 'null' || (v.type === 'string' && v.value.trim() === '');
      });
      for (const key of missing) {
        const value = child(options, key);
        const empty = value && value.type !== 'null' ? value : undefined;
        const family = child(ctx.doc.task, 'family');
        const group = key === 'awslogs-group' ? `/ecs/${str(family) && !ctx.isPlaceholder(family) ? str(family) : (containerName(container) ?? 'app')}` : undefined;
        ctx.report({
          ...(empty ? { node: empty } : { range: anchorOf(options ?? config) }),
          message: `The awslogs driver needs '${key}'${empty ? ' to be non-empty' : ''}; the container cannot start without it.`,
          fixes: () => {
            // The region search scans the whole text: once per lint, and only when a fix is asked for.
            if (group === undefined && region === null) region = regionFromDocument(ctx.doc.containers, ctx.text);
            const add = group ?? region;
            if (!add) return [];
            return [{ title: `Add ${key} '${add}'`, edits: options ? setPropertyEdits(ctx.text, options, key, add) : setPropertyEdits(ctx.text, config, 'options', { [key]: add }) }];
          },
          dedupeKey: `awslogs-options:${config.offset}:${key}`,
        });
      }
      if (options) checkAwslogsValues(ctx, options);
      const mode = child(options, 'mode');
      const m = str(mode);
      if (m !== undefined && !MODES.includes(m) && !ctx.isPlaceholder(mode, { enumField: true })) {
        const guess = m.trim().toLowerCase().replace(/[\s_]+/g, '-').replace(/^non-?blocking$/, 'non-blocking');
        const to = MODES.includes(guess) ? guess : 'non-blocking';
        ctx.report({
          node: mode,
          message: `mode must be 'blocking' or 'non-blocking'; got '${m}'.`,
          fixes: [{ title: `Set mode to '${to}'`, preferred: MODES.includes(guess), edits: [replaceNodeEdit(mode!, to)] }],
        });
      }
    }
  },
});
