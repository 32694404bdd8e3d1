import { moveToSecretsFix, secretEntryKey } from '../fixes/move-to-secrets';
import { findSecrets, type SecretHit } from '../facts/secret-shapes';
import { child, entries, items, type Node, str } from '../syntax/tree';
import type { OffsetRange } from '../types';
import { defineRule, type Report, type RuleContext } from './rule';

export default defineRule({
  id: 'secret-in-value',
  severity: 'error',
  kinds: ['R', 'D', 'A'],
  launch: 'any',
  category: 'roles',
  summary: 'A credential (access key, token, private key, URL password) written into a value',
  docs: `A value holds a real credential in plain text: an AWS access key id (\`AKIA…\`/\`ASIA…\`), a private key block
(\`-----BEGIN … PRIVATE KEY-----\` with its body), a token with a well-known prefix (GitHub \`ghp_\`/\`gho_\`/\`ghu_\`/\`ghs_\`/\`ghr_\`/\`github_pat_\`,
GitLab \`glpat-\`, Slack \`xoxb-\`/\`xoxp-\`… and Slack webhook URLs, Stripe \`sk_live_\`/\`rk_live_\`, Google \`AIza…\`, OpenAI,
Anthropic, npm, SendGrid, Hugging Face), or a password inside a URL (\`postgres://app:s3cret@db:5432\`). Anyone allowed to
describe task definitions, and every log or tool that prints them, can read it, and it stays in every old revision
even after you remove it: **rotate the credential**, then store it in Secrets Manager or SSM Parameter Store.

Checked: \`environment\` values, \`command\`, \`entryPoint\`, \`healthCheck.command\`, \`dockerLabels\`, and the options of
\`logConfiguration\` and \`firelensConfiguration\` (a log driver reads secret options from \`logConfiguration.secretOptions\`).
The message names the kind and a masked form (first and last four characters), never the secret.

Only shapes that cannot be anything else are reported. Not reported, on purpose:
- placeholders (\`\${DB_PASSWORD}\`, \`<TOKEN>\`, \`$(cat /run/pw)\`, \`{{ token }}\`, \`%{…}\`, \`$VAR\` in a shell command);
- documentation examples: AWS's \`AKIAIOSFODNN7EXAMPLE\`, tokens containing EXAMPLE/SAMPLE/YOUR/REPLACE or made of few
  distinct characters (\`ghp_xxxx…\`), passwords such as \`password\`, \`changeme\`, \`xxx\`, \`secret\`, hosts \`example.com\`;
- a URL whose password equals its user (\`guest:guest@\`, \`postgres:postgres@\`): a product's published default;
- a Google API key in a URL query string (\`?key=AIza…\`): a browser key, public by design;
- other tokens in query strings, hex hashes (SHA-1, SHA-256, image digests), UUIDs, base64 configuration blobs,
  JWTs (often public keys, such as anonymous client keys), and Sentry DSNs without a password.

A secret-looking variable *name* with an ordinary value is \`plaintext-secret\` (a warning); when the value itself
is a credential, only this error is shown.`,
  fixDocs: 'Environment entries: "Move to secrets" (not preferred), the same fix as `plaintext-secret`: the entry becomes a `secrets` entry pointing at an SSM parameter named after the family and variable; create that parameter (with a rotated value) first. Other places have no automatic fix.',
  examples: {
    bad: '{ "environment": [ { "name": "REDIS_URL", "value": "redis://cache:Qv7-Lm2x-Rt9w@redis.internal:6379/0" } ],\n  "command": [ "sh", "-c", "migrate --db postgres://app:Tr0ub4dor-3@db.internal:5432/app" ] }',
    good: '{ "secrets": [ { "name": "REDIS_URL", "valueFrom": "/app/redis-url" }, { "name": "DB_PASSWORD", "valueFrom": "/app/db-password" } ],\n  "command": [ "sh", "-c", "migrate --db postgres://app:$DB_PASSWORD@db.internal:5432/app" ] }',
  },
  sources: [
    'https://github.com/gitleaks/gitleaks (config/gitleaks.toml: token shapes)',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html (access key id prefixes)',
    'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html',
    'Trivy AVD-AWS-0036',
  ],
  check(ctx) {
    for (const c of ctx.doc.containers) {
      for (const entry of items(child(c, 'environment'))) {
        const name = str(child(entry, 'name'));
        scan(ctx, child(entry, 'value'), `Environment variable '${name ?? '?'}'`, 'secrets', {
          fixes: moveToSecretsFix(ctx, c, entry),
          dedupeKey: secretEntryKey(entry.offset),
        });
      }
      for (const key of ['command', 'entryPoint'] as const) items(child(c, key)).forEach((n, i) => scan(ctx, n, `${key}[${i}]`, 'secrets'));
      items(child(child(c, 'healthCheck'), 'command')).forEach((n, i) => scan(ctx, n, `healthCheck.command[${i}]`, 'secrets'));
      for (const [k, , v] of entries(child(c, 'dockerLabels'))) scan(ctx, v, `Docker label '${k}'`, 'secrets');
      for (const [k, , v] of entries(child(child(c, 'logConfiguration'), 'options'))) scan(ctx, v, `Log option '${k}'`, 'secretOptions');
      for (const [k, , v] of entries(child(child(c, 'firelensConfiguration'), 'options'))) scan(ctx, v, `FireLens option '${k}'`, 'secrets');
    }
  },
});

/** Reports the first credential in one string value (one finding per value). */
function scan(ctx: RuleContext, node: Node | undefined, where: string, remedy: string, extra: Pick<Report, 'fixes' | 'dedupeKey'> = {}): void {
  const value = str(node);
  if (!node || value === undefined || ctx.isPlaceholder(node)) return;
  const [hit] = findSecrets(value);
  if (!hit) return;
  ctx.report({
    range: hitRange(ctx.text, node, hit),
    message: `${where} holds ${hit.kind} (${hit.masked}) in plain text; rotate it and move it to ${remedy}.`,
    ...extra,
  });
}

/** The secret's own span when the string has no escapes (offsets then match the text), else the whole string. */
function hitRange(text: string, node: Node, hit: SecretHit): OffsetRange {
  const raw = text.slice(node.offset + 1, node.offset + node.length - 1);
  return raw.includes('\\') ? { offset: node.offset, length: node.length } : { offset: node.offset + 1 + hit.start, length: hit.end - hit.start };
}
