import type { Node } from 'jsonc-parser';
import { replaceNodeEdit } from '../fixes/edits';
import { addExecutionRoleEdits, withRoleNote } from '../fixes/execution-role-fix';
import { FARGATE_LOG_DRIVERS } from '../facts';
import { child, str } from '../syntax/tree';
import type { TextEdit } from '../types';
import { defineRule, type RuleContext } from './rule';

// Any AWS region name, e.g. eu-west-1, us-gov-west-1, ap-southeast-4.
const REGION = /\b(?:us|eu|ap|sa|ca|me|af|il|mx|cn)(?:-gov|-iso[a-z]?)?-(?:north|south|east|west|central|northeast|southeast|northwest|southwest)-\d\b/;

export default defineRule({
  id: 'fargate-log-driver',
  severity: 'error',
  kinds: ['R', 'D', 'A'],
  launch: ['F'],
  category: 'fargate',
  summary: 'Log driver other than awslogs, splunk or awsfirelens on Fargate',
  docs: `Fargate ships container output through three log drivers only: \`awslogs\` (CloudWatch Logs), \`splunk\`,
and \`awsfirelens\` (a Fluent Bit or Fluentd sidecar that can forward anywhere). Drivers that write on the host
(\`json-file\`, \`journald\`, \`syslog\`, \`local\`) or need a host daemon (\`fluentd\`, \`gelf\`) do not exist there, and the
definition is refused.

Switch to \`awslogs\`, or route through FireLens if you need another destination.`,
  fixDocs:
    '"Switch to awslogs" (preferred): sets logDriver to awslogs and replaces options with awslogs-group "/ecs/{family}", awslogs-region (a region found elsewhere in the file, else the placeholder REPLACE_ME_REGION) and awslogs-stream-prefix "ecs".',
  examples: {
    bad: '{ "logConfiguration": { "logDriver": "json-file" } }',
    good: '{ "logConfiguration": { "logDriver": "awslogs", "options": { "awslogs-group": "/ecs/web", "awslogs-region": "eu-west-1", "awslogs-stream-prefix": "ecs" } } }',
  },
  sources: [
    'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LogConfiguration.html',
    'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html',
  ],
  check(ctx) {
    // awslogs needs the execution role; its ARN template walks the whole tree, so it waits for a fix request.
    let role: TextEdit[] | undefined;
    const addRole = (): TextEdit[] => (role ??= addExecutionRoleEdits(ctx.text, ctx.doc, ctx.parsed));
    for (const c of ctx.doc.containers) {
      const log = child(c, 'logConfiguration');
      const driver = child(log, 'logDriver');
      const name = str(driver);
      if (!log || !driver || name === undefined || name === '' || ctx.isPlaceholder(driver, { enumField: true })) continue;
      if (FARGATE_LOG_DRIVERS.includes(name)) continue;
      ctx.report({
        node: driver,
        message: `Fargate only offers the awslogs, splunk and awsfirelens log drivers; '${name}' is not available.`,
        fixes: () => [{ title: withRoleNote('Switch to awslogs', addRole().length > 0), preferred: true, edits: [...switchEdits(ctx, c, log, driver), ...addRole()] }],
      });
    }
  },
});

function switchEdits(ctx: RuleContext, container: Node, log: Node, driver: Node) {
  const family = str(child(ctx.doc.task, 'family')) || str(child(container, 'name')) || 'app';
  const region = REGION.exec(ctx.text)?.[0] ?? 'REPLACE_ME_REGION';
  const group = family.replace(/[^.\-_/#A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'app'; // a valid log group name, whatever the family
  const options = { 'awslogs-group': `/ecs/${group}`, 'awslogs-region': region, 'awslogs-stream-prefix': 'ecs' };
  const existing = child(log, 'options');
  const edits = [replaceNodeEdit(driver, 'awslogs')];
  const indent = indentOf(ctx.text, driver);
  const body = `{${indent.eol}${Object.entries(options)
    .map(([k, v]) => `${indent.inner}${JSON.stringify(k)}: ${JSON.stringify(v)}`)
    .join(`,${indent.eol}`)}${indent.eol}${indent.outer}}`;
  if (existing) edits.push({ offset: existing.offset, length: existing.length, content: body });
  else edits.push({ offset: driver.offset + driver.length, length: 0, content: `,${indent.eol}${indent.outer}"options": ${body}` });
  return edits;
}

/** Indentation of the logDriver line, and one level deeper, so the new options match the user's layout. */
function indentOf(text: string, driver: Node): { outer: string; inner: string; eol: string } {
  const key = driver.parent!.offset;
  const lineStart = text.lastIndexOf('\n', key - 1) + 1;
  const lead = text.slice(lineStart, key);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  if (!/^[ \t]*$/.test(lead)) return { outer: '', inner: '', eol: ' ' };
  const unit = lead.startsWith('\t') ? '\t' : (/\n( +)\S/.exec(text)?.[1] ?? '  ');
  return { outer: lead, inner: lead + unit, eol };
}
