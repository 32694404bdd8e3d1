import { checkPortRanges, checkSystemControls, checkTaskCpuRange, checkUlimits } from './_range-checks';
import { defineRule } from './rule';

/** Single-value limits come from the schema validator (schema/translate.ts); cross-field limits from check(). */
export default defineRule({
  id: 'value-out-of-range',
  severity: 'error',
  kinds: ['R', 'D', 'A'],
  launch: 'any',
  category: 'document',
  fromSchema: true,
  summary: "Numbers or counts outside ECS limits",
  docs: `A number or a count is outside what ECS accepts: ports outside 1–65535, more than 10 environment files or
placement constraints, more than 50 tags, tag keys over 128 characters, a \`swappiness\` above 100, negative
sizes, a ulimit whose soft limit is above its hard limit, a port range that runs backwards, a task \`cpu\`
outside 128–196,608 units on EC2/EXTERNAL, a \`systemControls\` namespace that is not a namespaced kernel
parameter, and so on. The message gives the allowed range.`,
  fixDocs: "Clamp a number to the nearest allowed bound when that keeps the intent.",
  examples: {
    bad: "{ \"family\": \"web\", \"containerDefinitions\": [ { \"name\": \"web\", \"image\": \"nginx:1.27\", \"portMappings\": [ { \"containerPort\": 70000 } ] } ] }",
    good: "{ \"family\": \"web\", \"containerDefinitions\": [ { \"name\": \"web\", \"image\": \"nginx:1.27\", \"portMappings\": [ { \"containerPort\": 7000 } ] } ] }",
  },
  check(ctx) {
    checkTaskCpuRange(ctx);
    for (const c of ctx.doc.containers) {
      checkUlimits(ctx, c);
      checkPortRanges(ctx, c);
      checkSystemControls(ctx, c);
    }
  },
});
