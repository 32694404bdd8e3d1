import { defineRule } from './rule';

/** Implemented by the schema validator (server/src/core/schema/translate.ts). */
export default defineRule({
  id: 'wrong-type',
  severity: 'error',
  kinds: ['R', 'D', 'A'],
  launch: 'any',
  category: 'document',
  fromSchema: true,
  summary: "JSON type differs from the API type (e.g. task cpu as a number)",
  subCases: ["warning: a numeric string where an integer is expected"],
  docs: `The value has the wrong JSON type: a number where the API wants a string, a string where it wants a
boolean, an object where it wants a list. Task-level \`cpu\` and \`memory\` are strings in the API (\`"256"\`,
\`"1 vCPU"\`), while container-level \`cpu\` and \`memory\` are integers. Booleans must be \`true\` or \`false\`, not
\`"true"\`.

A number written as a string where an integer is expected (\`"containerPort": "3000"\`) is a warning: the AWS CLI
rejects it, but the JavaScript SDK used by the GitHub deploy action converts it, so it may work in your pipeline.`,
  fixDocs: "Convert the value when that loses nothing (\"3000\" to 3000, 256 to \"256\", \"true\" to true).",
  examples: {
    bad: "{ \"family\": \"web\", \"cpu\": 256, \"memory\": \"512\", \"containerDefinitions\": [ { \"name\": \"web\", \"image\": \"nginx:1.27\", \"essential\": \"true\" } ] }",
    good: "{ \"family\": \"web\", \"cpu\": \"256\", \"memory\": \"512\", \"containerDefinitions\": [ { \"name\": \"web\", \"image\": \"nginx:1.27\", \"essential\": true } ] }",
  },
});
