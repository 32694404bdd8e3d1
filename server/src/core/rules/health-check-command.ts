import { containerLabel, healthCheckOf } from '../documents/container-facts';
import { removeEdits, replaceElementsEdits, replaceNodeEdit } from '../fixes/edits';
import { looksShell, mergeEdits, repairFirstElement } from '../documents/health-command';
import { findPlaceholders } from '../syntax/placeholders';
import { child, items, str } from '../syntax/tree';
import type { Node } from 'jsonc-parser';
import { defineRule } from './rule';

export default defineRule({
  id: 'health-check-command',
  severity: 'error',
  kinds: ['R', 'D', 'A'],
  launch: 'any',
  category: 'health',
  summary: 'Health check command not starting with CMD or CMD-SHELL',
  docs: `\`healthCheck.command\` is a list whose first element says how to run the rest: \`"CMD"\` runs the next
element as a program with the following ones as its arguments, \`"CMD-SHELL"\` hands the next element to the
container's \`sh -c\`. Docker knows no other first element (apart from \`NONE\`): with anything else — a path such
as \`"/healthcheck"\`, a whole command line, \`"cmd-shell"\` in lower case — it logs an unknown health check type
and never runs a probe. The health status stays UNKNOWN and the task runs on (so this is a warning), but a
container that waits for it with \`dependsOn … HEALTHY\` never starts: that case is an error.

Related slips that register but misbehave (warnings):
- \`CMD-SHELL\` followed by several elements: only the first one is the shell script; the others become \`$0\`,
  \`$1\`, … of that script and are silently ignored by most commands.
- \`CMD\` followed by one element with spaces or shell operators (\`|\`, \`&&\`, \`>\`, \`$\`): the whole string is taken
  as one program name, which does not exist.
- \`NONE\` switches off the image's own HEALTHCHECK as well, so ECS never sees a health status.`,
  subCases: [
    'warning: the first element is not CMD, CMD-SHELL or NONE (error when another container waits for this one with dependsOn HEALTHY)',
    'warning: CMD-SHELL followed by more than one element',
    'warning: CMD followed by a single shell command line',
    'warning: NONE',
  ],
  fixDocs: 'Missing keyword: "Prefix with CMD" or "Convert to CMD-SHELL" (preferred when the command is a shell line). Wrong case: "Use \'CMD-SHELL\'". Console-style "CMD-SHELL, …": split it in two. Several shell elements: "Join into one string". Shell line under CMD: "Switch to CMD-SHELL". NONE: "Remove healthCheck".',
  examples: {
    bad: '{ "healthCheck": { "command": ["curl -f http://localhost:8080/health || exit 1"] } }',
    good: '{ "healthCheck": { "command": ["CMD-SHELL", "curl -f http://localhost:8080/health || exit 1"] } }',
  },
  sources: [
    'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_HealthCheck.html',
    'moby daemon/health.go (probe types CMD, CMD-SHELL, NONE)',
  ],
  check(ctx) {
    for (const container of ctx.doc.containers) {
      const hc = healthCheckOf(container);
      const els = items(child(hc, 'command'));
      const first = els[0];
      if (!first || first.type !== 'string') continue;
      const f = first.value as string;
      if (ctx.isPlaceholder(first, { enumField: true }) || findPlaceholders(f, ctx.parsed.placeholders).length > 0) continue;
      const rest = els.slice(1);
      const strings = els.every((e) => e.type === 'string') ? els.map((e) => e.value as string) : undefined;
      const label = containerLabel(container);
      if (f === 'CMD' || f === 'CMD-SHELL') {
        if (rest.length === 0) {
          ctx.report({ node: first, message: `healthCheck.command of '${label}' has nothing to run after "${f}".` });
        } else if (f === 'CMD-SHELL' && rest.length > 1) {
          ctx.report({
            range: { offset: rest[1].offset, length: rest[rest.length - 1].offset + rest[rest.length - 1].length - rest[1].offset },
            severity: 'warning',
            message: `Only ${ctx.text.slice(rest[0].offset, rest[0].offset + rest[0].length)} runs under CMD-SHELL; the later elements become $0, $1… of that shell. Join the command into one string.`,
            fixes: strings ? [{ title: 'Join into one string', preferred: true, edits: replaceElementsEdits(first.parent!, ['CMD-SHELL', strings.slice(1).join(' ')], () => mergeEdits(ctx.text, rest, JSON.stringify(strings.slice(1).join(' ')))) }] : undefined,
          });
        } else if (f === 'CMD' && rest.length === 1 && rest[0].type === 'string' && looksShell(rest[0].value) && !ctx.isPlaceholder(rest[0])) {
          ctx.report({
            node: rest[0],
            severity: 'warning',
            message: `"${rest[0].value}" will be executed as a single program name; use CMD-SHELL for a shell command line.`,
            fixes: [{ title: 'Switch to CMD-SHELL', preferred: true, edits: [replaceNodeEdit(first, 'CMD-SHELL')] }],
          });
        }
        continue;
      }
      if (f === 'NONE') {
        ctx.report({
          node: first,
          severity: 'warning',
          message: `"NONE" turns off the image's own health check too, so ECS never gets a health status for '${label}'. Remove healthCheck if no check is wanted.`,
          fixes: () => [{ title: 'Remove healthCheck', edits: removeEdits(ctx.text, hc!) }],
        });
        continue;
      }
      // Docker runs no probe: the status stays UNKNOWN. Only a container waiting for HEALTHY is then stuck.
      const waiter = healthyWaiter(ctx.doc.containers, container);
      const consequence = waiter
        ? `Docker runs no probe, so '${waiter}' (dependsOn HEALTHY) never starts.`
        : 'Docker runs no probe: health stays UNKNOWN.';
      const { message, fixes } = repairFirstElement(ctx.text, els, consequence);
      ctx.report({ node: first, severity: waiter ? 'error' : 'warning', message, fixes: fixes.length ? fixes : undefined });
    }
  },
});

/** Name of another container that waits for `container` with dependsOn condition HEALTHY, if any. */
function healthyWaiter(containers: readonly Node[], container: Node): string | undefined {
  const name = str(child(container, 'name'));
  if (!name) return undefined;
  for (const other of containers) {
    if (other === container) continue;
    const waits = items(child(other, 'dependsOn')).some((d) => str(child(d, 'containerName')) === name && str(child(d, 'condition')) === 'HEALTHY');
    if (waits) return str(child(other, 'name')) ?? 'another container';
  }
  return undefined;
}
