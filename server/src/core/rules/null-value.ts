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
  subCases: [
    "information: an empty image that a render step fills in",
    "hint: the other null or empty keys of the same object, shown faded (the first one carries the finding)",
  ],
  docs: `A key set to \`null\`, or to \`""\` where an empty string means nothing. Old console JSON views and
describe dumps are full of these. The AWS CLI rejects them ("Invalid type for parameter"); the GitHub deploy
action and ecspresso quietly drop them, which is why such files may still deploy there. Leave the key out to
get the default.

An empty \`image\` is information only: a render step is expected to fill it in. An object whose keys are all
empty (e.g. \`"repositoryCredentials": {"credentialsParameter": ""}\`) counts as one empty key.

Console dumps hold dozens of these, so each object gets one finding: the first null key carries it and lists
the others, which the editor shows faded (hints with the "unnecessary" tag).`,
  fixDocs: "On the finding: \"Remove the N null or empty keys of this object\" (preferred) removes them all at once, keeping comments. On each key: \"Remove '{key}'\".",
  examples: {
    bad: "{ \"family\": \"web\", \"taskRoleArn\": \"\", \"ipcMode\": null, \"containerDefinitions\": [ { \"name\": \"web\", \"image\": \"nginx:1.27\" } ] }",
    good: "{ \"family\": \"web\", \"containerDefinitions\": [ { \"name\": \"web\", \"image\": \"nginx:1.27\" } ] }",
  },
});
