import { objectChild } from '../documents/container-facts';
import { replaceNodeEdit } from '../fixes/edits';
import { insertPropertyEdits } from '../fixes/layout-edits';
import { RESTART_POLICY_LIMITS, clampToRange, formatRange, inRange } from '../facts';
import { anchorOf, child, entries, items, keyOf, num } from '../syntax/tree';
import { defineRule } from './rule';

const PERIOD = RESTART_POLICY_LIMITS.restartAttemptPeriod;

export default defineRule({
  id: 'restart-policy-range',
  severity: 'error',
  kinds: ['R', 'D', 'A'],
  launch: 'any',
  category: 'containers',
  summary: 'Restart policy outside its limits, or without enabled',
  docs: `A container \`restartPolicy\` has three knobs and ECS checks them when you register:

- \`restartAttemptPeriod\` is how long (in seconds) the container must have run before ECS will restart it
  again; it must be between ${PERIOD.min} and ${PERIOD.max} (${PERIOD.default} when left out).
- \`ignoredExitCodes\` lists exit codes that do not trigger a restart: whole numbers, at most
  ${RESTART_POLICY_LIMITS.maxIgnoredExitCodes} of them.
- \`enabled\` is mandatory: a policy with only a period or exit codes is rejected, and restarts stay off until
  it says \`true\`.`,
  fixDocs: 'Clamp the period to the nearest bound ("Set to 60" / "Set to 1800"); add "enabled": true when it is missing.',
  examples: {
    bad: '{ "restartPolicy": { "enabled": true, "restartAttemptPeriod": 10 } }',
    good: '{ "restartPolicy": { "enabled": true, "restartAttemptPeriod": 60, "ignoredExitCodes": [0] } }',
  },
  sources: [
    'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerRestartPolicy.html',
    'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/container-restart-policy.html',
  ],
  check(ctx) {
    for (const container of ctx.doc.containers) {
      const policy = objectChild(container, 'restartPolicy');
      if (!policy) continue;
      const period = child(policy, 'restartAttemptPeriod');
      const p = num(period);
      if (p !== undefined && !inRange(p, PERIOD) && !ctx.isPlaceholder(period)) {
        const to = clampToRange(p, PERIOD);
        ctx.report({
          node: period,
          message: `restartAttemptPeriod must be ${formatRange(PERIOD)} (default ${PERIOD.default}); got ${p}.`,
          fixes: [{ title: `Set to ${to}`, preferred: true, edits: [replaceNodeEdit(period!, to)] }],
        });
      }
      const codes = child(policy, 'ignoredExitCodes');
      const list = items(codes);
      if (list.length > RESTART_POLICY_LIMITS.maxIgnoredExitCodes) {
        ctx.report({ node: keyOf(codes), message: `At most ${RESTART_POLICY_LIMITS.maxIgnoredExitCodes} ignoredExitCodes; got ${list.length}.` });
      }
      for (const code of list) {
        if (ctx.isPlaceholder(code)) continue;
        const v = num(code);
        if (v === undefined || !Number.isInteger(v)) {
          ctx.report({ node: code, message: `ignoredExitCodes holds whole exit codes; ${ctx.text.slice(code.offset, code.offset + code.length)} is not one.` });
        }
      }
      const others = entries(policy).filter(([k, , v]) => k !== 'enabled' && v && v.type !== 'null').map(([k]) => k);
      if (!child(policy, 'enabled') && others.length > 0) {
        ctx.report({
          range: anchorOf(policy),
          message: `restartPolicy sets ${others.join(' and ')} but not 'enabled', which ECS requires; restarts stay off without "enabled": true.`,
          fixes: () => [{ title: 'Add "enabled": true', preferred: true, edits: insertPropertyEdits(ctx.text, policy, 'enabled', true) }],
          dedupeKey: `missing:${policy.offset}:enabled`,
        });
      }
    }
  },
});
