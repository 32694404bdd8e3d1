import { containerLabel, healthCheckOf } from '../documents/container-facts';
import { replaceNodeEdit } from '../fixes/edits';
import { setPropertyEdits } from '../fixes/layout-edits';
import { HEALTH_CHECK_LIMITS, type HealthCheckField, clampToRange, formatRange, inRange } from '../facts';
import { child, num } from '../syntax/tree';
import type { Node } from '../syntax/tree';
import type { Fix } from '../types';
import { defineRule } from './rule';

const FIELDS = Object.keys(HEALTH_CHECK_LIMITS) as HealthCheckField[];
const { interval: INTERVAL, timeout: TIMEOUT } = HEALTH_CHECK_LIMITS;

export default defineRule({
  id: 'health-check-range',
  severity: 'error',
  kinds: ['R', 'D', 'A'],
  launch: 'any',
  category: 'health',
  summary: 'Health check timing outside its limits; timeout not shorter than interval',
  docs: `ECS accepts container health check timings only within fixed bounds: \`interval\`
${formatRange(INTERVAL)} (default ${INTERVAL.default}), \`timeout\` ${formatRange(TIMEOUT)} (default ${TIMEOUT.default}),
\`retries\` ${formatRange(HEALTH_CHECK_LIMITS.retries)} (default ${HEALTH_CHECK_LIMITS.retries.default}) and
\`startPeriod\` ${formatRange(HEALTH_CHECK_LIMITS.startPeriod)} (no grace period when left out). A value outside them
makes registration fail.

A \`timeout\` equal to or longer than the \`interval\` is accepted, but it means one probe may still be running
when the next is due; that is nearly always a slip (seconds typed into the wrong field, or a copied value).
Keep the timeout below the interval.`,
  subCases: ['warning: timeout ≥ interval (defaults 5 and 30 fill in a missing one)'],
  fixDocs: 'Clamp an out-of-range value ("Set to {min}" / "Set to {max}"); for timeout ≥ interval, "Set timeout to {interval − 1}" or "Set interval to {timeout + 1}".',
  examples: {
    bad: '{ "healthCheck": { "command": ["CMD", "/healthcheck"], "interval": 5, "timeout": 6, "retries": 15 } }',
    good: '{ "healthCheck": { "command": ["CMD", "/healthcheck"], "interval": 10, "timeout": 5, "retries": 5 } }',
  },
  sources: ['https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_HealthCheck.html'],
  check(ctx) {
    for (const container of ctx.doc.containers) {
      const hc = healthCheckOf(container);
      if (!hc) continue;
      const value: Partial<Record<HealthCheckField, { node: Node; v: number }>> = {};
      for (const field of FIELDS) {
        const node = child(hc, field);
        const v = num(node);
        if (v !== undefined && !ctx.isPlaceholder(node)) value[field] = { node: node!, v };
      }
      // What the other side of the timeout/interval pair will be, so a clamp does not create the sub-case.
      const usable = (f: 'interval' | 'timeout') => (value[f] && inRange(value[f]!.v, HEALTH_CHECK_LIMITS[f]) ? value[f]!.v : HEALTH_CHECK_LIMITS[f].default!);
      let broken = false;
      for (const field of FIELDS) {
        const found = value[field];
        if (!found) continue;
        const { node, v } = found;
        const range = HEALTH_CHECK_LIMITS[field];
        if (inRange(v, range)) continue;
        broken = true;
        let to = clampToRange(Math.round(v), range);
        if (field === 'interval' && to <= usable('timeout')) to = clampToRange(usable('timeout') + 1, range);
        if (field === 'timeout' && to >= usable('interval')) to = clampToRange(usable('interval') - 1, range);
        ctx.report({
          node,
          message: `healthCheck.${field} must be ${formatRange(range)}; got ${v}.`,
          fixes: [{ title: `Set to ${to}`, preferred: true, edits: [replaceNodeEdit(node, to)] }],
        });
      }
      const hasTimeout = child(hc, 'timeout') !== undefined;
      const hasInterval = child(hc, 'interval') !== undefined;
      if (broken || (!hasTimeout && !hasInterval)) continue;
      if ((hasTimeout && !value.timeout) || (hasInterval && !value.interval)) continue; // placeholder or wrong type
      const t = value.timeout?.v ?? TIMEOUT.default!;
      const i = value.interval?.v ?? INTERVAL.default!;
      if (t < i) continue;
      const fixes = (): Fix[] => {
        const out: Fix[] = [];
        if (i - 1 >= TIMEOUT.min) out.push({ title: `Set timeout to ${Math.min(i - 1, TIMEOUT.max)}`, edits: setPropertyEdits(ctx.text, hc, 'timeout', Math.min(i - 1, TIMEOUT.max)) });
        if (t + 1 <= INTERVAL.max) out.push({ title: `Set interval to ${t + 1}`, edits: setPropertyEdits(ctx.text, hc, 'interval', t + 1) });
        return out;
      };
      ctx.report({
        node: value.timeout?.node ?? value.interval!.node,
        severity: 'warning',
        message: `healthCheck.timeout (${t} s${value.timeout ? '' : ', default'}) is not shorter than interval (${i} s${value.interval ? '' : ', default'}) in '${containerLabel(container)}'; shorten the timeout or lengthen the interval.`,
        fixes,
      });
    }
  },
});
