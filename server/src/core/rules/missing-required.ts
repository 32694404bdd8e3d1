import { defineRule } from './rule';

/** Implemented by the schema validator (server/src/core/schema/translate.ts). */
export default defineRule({
  id: 'missing-required',
  severity: 'error',
  kinds: ['R', 'D', 'A'],
  launch: 'any',
  category: 'document',
  fromSchema: true,
  summary: "A required key is absent",
  docs: `A key that ECS needs is missing (or null or empty): every task definition needs a \`family\` and at least
one container; every container needs a \`name\` and an \`image\`; secrets need \`name\` and \`valueFrom\`;
mount points need \`sourceVolume\` and \`containerPath\`, and so on. The problem is shown on the key of the
object that lacks it.

Requirements that depend on the launch type have their own rules (\`fargate-task-size-required\`,
\`container-memory-required\`).`,
  examples: {
    bad: "{ \"containerDefinitions\": [ { \"name\": \"web\", \"image\": \"nginx:1.27\" } ] }",
    good: "{ \"family\": \"web\", \"containerDefinitions\": [ { \"name\": \"web\", \"image\": \"nginx:1.27\" } ] }",
  },
});
