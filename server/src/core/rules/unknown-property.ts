import { defineRule } from './rule';

/** Implemented by the schema validator (server/src/core/schema/translate.ts). */
export default defineRule({
  id: 'unknown-property',
  severity: 'error',
  kinds: ['R', 'D', 'A'],
  launch: 'any',
  category: 'document',
  fromSchema: true,
  summary: "Key not in the ECS API at that level, with did-you-mean",
  subCases: ["warning: a key that differs from a valid one only by case, in a container-definitions array"],
  docs: `A key that the RegisterTaskDefinition API does not define at this level. The AWS CLI refuses the whole
file before sending anything ("Unknown parameter"), and Terraform silently drops unknown keys from
container JSON, so the setting you wrote never takes effect. Typical causes are typos, wrong case
(\`HealthCheck\`, \`readOnlyRootFilesystem\`), CloudFormation PascalCase (\`Image\`), snake_case copied from
Terraform (\`execution_role_arn\`) and singular/plural slips (\`portMapping\`).

The message suggests the closest valid key. In a container-definitions array (Terraform), a key that is only
wrong in case is a warning: Terraform's decoder ignores case, but the AWS CLI would reject it.

Free-form maps (\`dockerLabels\`, log driver \`options\`, FireLens \`options\`, Docker volume \`driverOpts\` and
\`labels\`) accept any key.`,
  fixDocs: "Rename to each suggestion (the best one preferred), or remove the key.",
  examples: {
    bad: "{ \"name\": \"api\", \"image\": \"api:1.4.2\", \"HealthCheck\": { \"command\": [\"CMD-SHELL\", \"curl -f localhost/ || exit 1\"] } }",
    good: "{ \"name\": \"api\", \"image\": \"api:1.4.2\", \"healthCheck\": { \"command\": [\"CMD-SHELL\", \"curl -f localhost/ || exit 1\"] } }",
  },
});
