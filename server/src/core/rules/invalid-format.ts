import { defineRule } from './rule';

/** Implemented by the schema validator (server/src/core/schema/translate.ts). */
export default defineRule({
  id: 'invalid-format',
  severity: 'error',
  kinds: ['R', 'D', 'A'],
  launch: 'any',
  category: 'document',
  fromSchema: true,
  summary: "Names, task sizes, ids and other strings with the wrong shape",
  subCases: ["warning: uppercase letters in an image repository (Docker refuses to pull it)"],
  docs: `A string does not have the shape ECS expects: family, container and volume names may only use letters,
digits, \`-\` and \`_\` (up to 255); port-mapping names are lowercase; task \`cpu\`/\`memory\` must be a number of
units/MiB or a "1 vCPU" / "2 GB" string; EFS ids look like \`fs-0123abcd\`, and so on.`,
  examples: {
    bad: "{ \"family\": \"my app\", \"containerDefinitions\": [ { \"name\": \"web\", \"image\": \"nginx:1.27\" } ] }",
    good: "{ \"family\": \"my-app\", \"containerDefinitions\": [ { \"name\": \"web\", \"image\": \"nginx:1.27\" } ] }",
  },
});
