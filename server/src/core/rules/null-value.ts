import { defineRule } from './rule';

/** Implemented by the schema validator (server/src/core/schema/translate.ts). */
export default defineRule({
  id: 'null-value',
  severity: 'warning',
  kinds: ['R', 'D', 'A'],
  launch: 'any',
  category: 'document',
  fromSchema: true,
  summary: "null or meaningless empty values",
  subCases: ["information: an empty image that a render step fills in"],
  docs: `A key set to \`null\`, or to \`""\` where an empty string means nothing. Old console JSON views and
describe dumps are full of these. The AWS CLI rejects them ("Invalid type for parameter"); the GitHub deploy
action and ecspresso quietly drop them, which is why such files may still deploy there. Leave the key out to
get the default.

An empty \`image\` is information only: a render step is expected to fill it in. An object whose keys are all
empty (e.g. \`"repositoryCredentials": {"credentialsParameter": ""}\`) is reported once, as a whole.`,
  fixDocs: "Remove the key (preferred).",
  examples: {
    bad: "{ \"family\": \"web\", \"taskRoleArn\": \"\", \"ipcMode\": null, \"containerDefinitions\": [ { \"name\": \"web\", \"image\": \"nginx:1.27\" } ] }",
    good: "{ \"family\": \"web\", \"containerDefinitions\": [ { \"name\": \"web\", \"image\": \"nginx:1.27\" } ] }",
  },
});
