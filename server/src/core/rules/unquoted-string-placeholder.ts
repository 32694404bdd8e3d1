import type { Node } from 'jsonc-parser';
import { relativePath, schemaAt } from '../hover/schema-nav';
import { pathOf } from '../syntax/tree';
import { defineRule } from './rule';

/** Expressions that render their own JSON quotes: Terraform jsonencode, Helm/Jinja toJson/tojson/quote, printf %q. */
const QUOTING = /jsonencode|to_?json|to_nice_json|toPrettyJson|toRawJson|\bs?quote\b|%q/i;
/**
 * Placeholder syntaxes that render raw text (${…}, {{ … }}, #{…}). Not `$NAME`: in a jq program (`jq --arg NAME`)
 * it is a JSON string value and renders with quotes; `<X>` and bare words are left to sed.
 */
const RAW_TEXT = /^(?:\$\{|\{\{|#\{)/;

export default defineRule({
  id: 'unquoted-string-placeholder',
  severity: 'warning',
  kinds: ['R', 'D', 'A'],
  launch: 'any',
  category: 'document',
  summary: 'An unquoted template placeholder where the field is a string (the rendered file is not JSON)',
  docs: `A template placeholder without quotes, such as \`"workingDirectory": \${var.dir}\`, is replaced by the bare
text of the value: \`"workingDirectory": /app\`, which is not JSON, so Terraform, the AWS CLI or the deploy
action fails on the rendered file. Numbers and booleans (\`cpu\`, \`memory\`, \`essential\`, \`containerPort\`) are
fine unquoted; strings are not.

Put the placeholder in quotes (\`"\${var.dir}"\`), or let the template produce the quotes itself: Terraform's
\`\${jsonencode(var.dir)}\`, Helm's \`{{ .Values.dir | quote }}\` or \`toJson\`, Jinja's \`tojson\` — those are not
reported, and neither is \`$NAME\`, which in a jq program (\`jq --arg NAME …\`) is a string value that jq writes
with its quotes. Placeholders inside an array (\`"command": [\${args}]\`) are not reported either: they often render
several quoted elements at once.`,
  fixDocs: 'Wrap in quotes: puts the placeholder inside a JSON string.',
  examples: {
    bad: '[ { "name": "web", "image": "nginx:1.27", "workingDirectory": ${dir} } ]',
    good: '[ { "name": "web", "image": "nginx:1.27", "workingDirectory": "${dir}", "memory": ${memory} } ]',
  },
  sources: ['https://developer.hashicorp.com/terraform/language/functions/templatefile (jsonencode for JSON)'],
  check(ctx) {
    const root = ctx.parsed.root;
    if (!root || ctx.parsed.placeholderOffsets.size === 0) return;
    const byOffset = placeholderValues(root, ctx.parsed.placeholderOffsets);
    for (const t of ctx.parsed.templateTokens) {
      if (!RAW_TEXT.test(t.token) || QUOTING.test(t.token)) continue;
      const node = byOffset.get(t.offset);
      if (!node) continue;
      const rel = relativePath(ctx.doc, pathOf(node));
      const schema = rel && schemaAt(rel);
      if (!schema || schema.type !== 'string' || isTaskSize(rel.base, rel.path)) continue;
      const key = String(node.parent?.children?.[0]?.value);
      const shown = t.token.length > 40 ? `${t.token.slice(0, 39).replace(/\s+/g, ' ')}…` : t.token.replace(/\s+/g, ' ');
      ctx.report({
        range: { offset: t.offset, length: t.length },
        message: `'${key}' is a string, but ${shown} is not in quotes: the rendered file is not JSON unless the value brings its own quotes.`,
        fixes: t.token.includes('\n') ? [] : [{ title: 'Wrap in quotes', preferred: true, edits: [{ offset: t.offset, length: t.length, content: `"${t.token}"` }] }],
      });
    }
  },
});

/** Task cpu and memory are strings of digits: rendered bare they are numbers (wrong-type's business), still JSON. */
function isTaskSize(base: string, path: ReadonlyArray<string | number>): boolean {
  return base === 'task' && path.length === 1 && (path[0] === 'cpu' || path[0] === 'memory');
}

/** Property values that stand for an unquoted token, by offset: one walk, not a tree search per token. */
function placeholderValues(root: Node, offsets: ReadonlySet<number>): Map<number, Node> {
  const out = new Map<number, Node>();
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.type === 'property') {
      const v = n.children?.[1];
      if (v && offsets.has(v.offset) && (v.type === 'string' || v.type === 'number')) out.set(v.offset, v);
    }
    if (n.children) for (const c of n.children) stack.push(c);
  }
  return out;
}
