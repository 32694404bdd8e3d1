import { defineRule } from './rule';

export default defineRule({
  id: 'json-syntax',
  severity: 'error',
  kinds: ['R', 'D', 'A'],
  launch: 'any',
  category: 'document',
  summary: 'Text that is not JSON/JSONC (unquoted template placeholders are reported as information)',
  subCases: ['information: an unquoted template placeholder such as `${port}` or `<ENVIRONMENT>`'],
  docs: `The file does not parse as JSON. Comments and trailing commas are fine (the editor treats task
definitions as JSONC), but a missing comma, an unclosed bracket or an unquoted word stops every other check
at that spot. Each syntax error is reported once where it happens, and the rest of the file is still checked.

CI templates are often not JSON until a template engine renders them: \`"containerPort": \${port}\`,
\`"environment": <ENVIRONMENT_VARIABLES>\`, \`{{ .Values | toJson }}\`. Such unquoted placeholders are shown as
information, not errors: the linter reads them as "some value we cannot know" and checks everything else.

In VS Code the built-in JSON support already underlines syntax errors (\`json.validate.enable\`), so the
extension leaves them to it and shows only its placeholder notes; the CLI and other editors report both.

In a CloudFormation template written in YAML, the first YAML syntax error is reported under this id, once; the
template's task definitions are checked when it parses again.`,
  examples: {
    bad: '{ "family": "web", "containerDefinitions": [ { "name": "web" "image": "nginx:1.27" } ] }',
    good: '{ "family": "web", "containerDefinitions": [ { "name": "web", "image": "nginx:1.27" } ] }',
  },
  check(ctx) {
    for (const t of ctx.parsed.templateTokens) {
      ctx.report({
        range: { offset: t.offset, length: t.length },
        severity: 'information',
        message: `Template placeholder ${t.token.length > 60 ? t.token.slice(0, 57) + '…' : t.token} is not JSON; it is checked as an unknown value until the template is rendered.`,
      });
    }
    for (const e of ctx.parsed.syntaxErrors) ctx.report({ range: { offset: e.offset, length: e.length }, message: e.message });
  },
});
