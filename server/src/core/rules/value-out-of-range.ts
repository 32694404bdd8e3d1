import { defineRule } from './rule';

/** Implemented by the schema validator (server/src/core/schema/translate.ts). */
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
sizes, and so on. The message gives the allowed range.`,
  fixDocs: "Clamp a number to the nearest allowed bound when that keeps the intent.",
  examples: {
    bad: "{ \"family\": \"web\", \"containerDefinitions\": [ { \"name\": \"web\", \"image\": \"nginx:1.27\", \"portMappings\": [ { \"containerPort\": 70000 } ] } ] }",
    good: "{ \"family\": \"web\", \"containerDefinitions\": [ { \"name\": \"web\", \"image\": \"nginx:1.27\", \"portMappings\": [ { \"containerPort\": 7000 } ] } ] }",
  },
});
