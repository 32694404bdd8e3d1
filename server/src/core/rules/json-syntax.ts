import { defineRule } from './rule';

export default defineRule({
  id: 'json-syntax',
  severity: 'error',
  kinds: ['R', 'D', 'A'],
  launch: 'any',
  category: 'document',
  summary: 'Text that is not JSON/JSONC (unquoted template placeholders are reported as information)',
  subCases: [
    'information: an unquoted template placeholder such as `${port}` or `<ENVIRONMENT>`',
    'information (once per file): Terraform template directives such as `%{ if … }` or `%{ for … }`',
  ],
  docs: `The file does not parse as JSON. Comments and trailing commas are fine (the editor treats task
definitions as JSONC), but a missing comma, an unclosed bracket or an unquoted word stops every other check
at that spot. Each syntax error is reported once where it happens, and the rest of the file is still checked.

CI templates are often not JSON until a template engine renders them: \`"containerPort": \${port}\`,
\`"environment": <ENVIRONMENT_VARIABLES>\`, \`{{ .Values | toJson }}\`. Such unquoted placeholders are shown as
information, not errors: the linter reads them as "some value we cannot know" and checks everything else.

Terraform \`templatefile()\` files may also hold directives: \`%{ if … }\`, \`%{ else }\`, \`%{ endif }\`,
\`%{ for … }\`, \`%{ endfor }\` (with or without \`~\` strip markers). They are not JSON either; one note per file
says the file is a template, the directives are read as if absent (only the first branch of an \`if\` is
checked, so a key set in both branches is not a duplicate), and quotes inside \`\${…}\` expressions
(\`"\${jsonencode("x")}"\`) do not end the JSON string. Render the template for a complete check.

In VS Code the built-in JSON support already underlines syntax errors (\`json.validate.enable\`), so the
extension leaves them to it and shows only its placeholder notes; the CLI and other editors report both.

In a CloudFormation template written in YAML, the first YAML syntax error is reported under this id, once; the
template's task definitions are checked when it parses again.`,
  examples: {
    bad: '{ "family": "web", "containerDefinitions": [ { "name": "web" "image": "nginx:1.27" } ] }',
    good: '{ "family": "web", "containerDefinitions": [ { "name": "web", "image": "nginx:1.27" } ] }',
  },
  check(ctx) {
    const directive = ctx.parsed.templateDirectives?.[0];
    if (directive) {
      ctx.report({
        range: { offset: directive.offset, length: directive.length },
        severity: 'information',
        message: 'This file is a Terraform template: %{…} directives are read as absent (first branch of each if) and ${…} as unknown values.',
        dedupeKey: 'json-syntax:template-directives',
      });
    }
    for (const t of ctx.parsed.templateTokens) {
      ctx.report({
        range: { offset: t.offset, length: t.length },
        severity: 'information',
        message: `Template placeholder ${shownToken(t.token)} is not JSON; it is checked as an unknown value until the template is rendered.`,
      });
    }
    for (const e of ctx.parsed.syntaxErrors) ctx.report({ range: { offset: e.offset, length: e.length }, message: e.message });
  },
});

/** A token as one short line (a `${jsonencode(…)}` may span several). */
function shownToken(token: string): string {
  const one = token.replace(/\s+/g, ' ');
  return one.length > 60 ? `${one.slice(0, 57)}…` : one;
}
