import { defineRule } from './rule';

/** Implemented by the schema validator (server/src/core/schema/translate.ts). */
export default defineRule({
  id: 'invalid-enum-value',
  severity: 'error',
  kinds: ['R', 'D', 'A'],
  launch: 'any',
  category: 'document',
  fromSchema: true,
  summary: "A value outside the allowed list of an API field",
  subCases: ["warning: a capability written with the CAP_ prefix"],
  docs: `The field only takes a fixed set of values and yours is not one of them. ECS compares these values
case-sensitively: \`"Fargate"\` is not \`"FARGATE"\` and \`"AWSVPC"\` is not \`"awsvpc"\`. The message lists the
values that are allowed.

A Linux capability written with the \`CAP_\` prefix (\`CAP_SYS_PTRACE\`) is a warning: ECS documents the names
without the prefix.`,
  fixDocs: "Change to the closest allowed value (same letters in another case first).",
  examples: {
    bad: "{ \"requiresCompatibilities\": [\"Fargate\"], \"networkMode\": \"AWSVPC\" }",
    good: "{ \"requiresCompatibilities\": [\"FARGATE\"], \"networkMode\": \"awsvpc\" }",
  },
});
