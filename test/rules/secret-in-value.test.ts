import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findSecrets } from '../../server/src/core/facts/secret-shapes';
import { applyFix, expectRanges, only } from '../helpers/rule-fix';

const ID = 'secret-in-value';
// Made-up credentials, assembled here so that secret scanners do not flag this file.
const AKIA = 'AKIA' + 'Q3ZKW7RT2M5XLB4N';
const GHP = 'ghp_' + 'R8b2Kq0LmZx4Tn7Vw1Yc5Ps9Ud3Fh6Jg2Aef';
const SLACK = 'xoxb-' + '2817364501-4930218576-Qm7TzLw3Ka9VnXc2RbHd5Ye8';
const STRIPE = 'sk_live_' + '51Hq8ZtLmK2cXv9RbN4wYp7TdG';
const GOOGLE = 'AIza' + 'SyD8k2Lm9Qx4Rt7Vb1Nc5Zw3Hj6Fp0Ge_Tu';
const PEM = '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAx4f9Lk2Qm7Rt8Vb1Nc5Zw3Hj6Fp0GeTu2Ys9Kd4Xa7Wq1Lo\nc3Bv8Nm2Qz5Rw9Tx4Yk7Hj1Gf6Dp0Sa3Ue2Ir8Lo5Km9Jn4Bh7Vg1Cf6Xd0Ze3W\n-----END RSA PRIVATE KEY-----';

const doc = (env: string, extra = '') =>
  `{\n  "family": "shop",${extra}\n  "containerDefinitions": [{ "name": "shop", "image": "shop:1.0", "memory": 256,\n    "environment": [${env}] }]\n}`;
const container = (body: string) => `[{ "name": "shop", "image": "shop:1.0", ${body} }]`;
const kinds = (value: string) => findSecrets(value).map((h) => `${h.kind} ${h.masked}`);

describe(ID, () => {
  it('reports the secret itself in an environment value, as an error, with a masked form only', () => {
    const [d] = expectRanges(doc(`{ "name": "GIT_AUTH", "value": "⟦${GHP}⟧" }`), ID);
    assert.equal(d.severity, 'error');
    assert.equal(d.message, "Environment variable 'GIT_AUTH' holds a GitHub token (ghp_…2Aef) in plain text; rotate it and move it to secrets.");
    assert.ok(!d.message.includes(GHP.slice(4, -4)));
    assert.ok(d.message.length <= 160, `${d.message.length}`);
  });

  it('one finding per value: plaintext-secret gives way on the same entry, and stays for ordinary values', () => {
    const text = doc(`{ "name": "AWS_ACCESS_KEY_ID", "value": "${AKIA}" }, { "name": "DB_PASSWORD", "value": "hunter2" }`);
    assert.deepEqual(only(text, ID).map((d) => d.text), [AKIA]);
    assert.deepEqual(only(text, 'plaintext-secret').map((d) => d.text), ['"DB_PASSWORD"']);
    // With secret-in-value turned off, the name-based warning comes back.
    assert.equal(only(text, 'plaintext-secret', { rules: { [ID]: 'off' } }).length, 2);
  });

  it('fix: Move to secrets, as plaintext-secret does; none when the name is already a secret or repeated', () => {
    const text = doc(`{ "name": "STRIPE_KEY", "value": "${STRIPE}" }, { "name": "LOG", "value": "x" }`, '\n  "executionRoleArn": "arn:aws:iam::123456789012:role/exec",');
    const c = JSON.parse(applyFix(text, ID, 'Move to secrets')).containerDefinitions[0];
    assert.deepEqual(c.environment, [{ name: 'LOG', value: 'x' }]);
    assert.deepEqual(c.secrets, [{ name: 'STRIPE_KEY', valueFrom: 'arn:aws:ssm:${AWS_REGION}:123456789012:parameter/shop/STRIPE_KEY' }]);
    const twice = doc(`{ "name": "K", "value": "${STRIPE}" }, { "name": "K", "value": "y" }`);
    assert.equal(only(twice, ID)[0].diagnostic.fixes, undefined);
  });

  it('looks in command, entryPoint, healthCheck.command, dockerLabels, log and FireLens options', () => {
    const text = container(`"command": ["sh", "-c", "migrate --url postgres://app:Tr0ub4dor-3@db.internal:5432/app"],
  "entryPoint": ["run", "--token=${SLACK}"],
  "healthCheck": { "command": ["CMD-SHELL", "curl -H 'Authorization: token ${GHP}' http://localhost/"] },
  "dockerLabels": { "ci.key": "${AKIA}" },
  "logConfiguration": { "logDriver": "splunk", "options": { "splunk-url": "https://admin:Zq8-vL2m@splunk.internal:8088" } },
  "firelensConfiguration": { "type": "fluentbit", "options": { "config": "${GOOGLE}" } }`);
    const ds = only(text, ID);
    assert.deepEqual(ds.map((d) => d.message.split(' holds ')[0]), ["command[2]", 'entryPoint[1]', 'healthCheck.command[1]', "Docker label 'ci.key'", "Log option 'splunk-url'", "FireLens option 'config'"]);
    assert.match(ds[0].message, /a password in a URL \(postgres:\/\/app:…@db\.internal\)/);
    assert.match(ds[4].message, /move it to secretOptions\.$/);
    assert.ok(ds.every((d) => d.diagnostic.fixes === undefined));
  });

  it('recognises each published shape, masked', () => {
    assert.deepEqual(kinds(`key ${AKIA} end`), ['an AWS access key id AKIA…LB4N']);
    assert.deepEqual(kinds('ASIA' + 'Y7RT2M5XLB4NQ3ZK'), ['an AWS access key id ASIA…Q3ZK']);
    assert.deepEqual(kinds(PEM), ['a private key -----BEGIN RSA PRIVATE KEY-----']);
    assert.deepEqual(kinds('github_pat_' + 'u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8dKLzd_' + 'ocJ2isAjIhKtJ0RlgLKOmxgJTeKdNnFRIBXuDL7Dx'), ['a GitHub token gith…L7Dx']);
    assert.deepEqual(kinds('glpat-' + 'Xk2L9mQ4rT7vB1nC5zW3'), ['a GitLab token glpa…5zW3']);
    assert.deepEqual(kinds(SLACK), ['a Slack token xoxb…5Ye8']);
    assert.deepEqual(kinds('https://hooks.slack.com/services/' + 'T02K8L9MQ/B04R7TV2X1Z/' + 'Hq8Zt3LmK2cXv9RbN4wYp7Td'), ['a Slack webhook URL hooks.slack.com/…p7Td']);
    assert.deepEqual(kinds(STRIPE), ['a Stripe live key sk_l…7TdG']);
    assert.deepEqual(kinds(GOOGLE), ['a Google API key AIza…e_Tu']);
    assert.deepEqual(kinds('npm_' + 'Zq8vL2mK4xT7rB1nC5wY3hJ6fP0gE9sU2aD4'), ['an npm token npm_…2aD4']);
    assert.deepEqual(kinds('mongodb+srv://svc:Qm7TzLw3Ka9V@cluster0.ab1cd.mongodb.net/app'), ['a password in a URL mongodb+srv://svc:…@cluster0.ab1cd.mongodb.net']);
    assert.deepEqual(kinds('redis://:Qm7TzLw3Ka9V@cache:6379'), ['a password in a URL redis://:…@cache']);
  });

  it('rejected look-alikes (docs/rules/secret-in-value.md lists them)', () => {
    const notSecrets: Record<string, string> = {
      'AWS documentation key': 'AKIAIOSFODNN7EXAMPLE',
      'AWS documentation key 2': 'AKIAI44QH8DHBEXAMPLE',
      'few distinct characters': 'ghp_' + 'x'.repeat(36),
      'AKIA zero run': 'AKIA' + 'A'.repeat(16),
      'Stripe test key': 'sk_test_' + '51Hq8ZtLmK2cXv9RbN4wYp7TdG',
      'Stripe publishable key': 'pk_live_' + '51Hq8ZtLmK2cXv9RbN4wYp7TdG',
      'Slack doc token': 'xoxb-your-bot-token-here',
      'private key header only': '-----BEGIN PRIVATE KEY-----',
      'private key elided body': '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC...\n-----END PRIVATE KEY-----',
      'public key': '-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAx4f9Lk2Qm7Rt8Vb1Nc5Zw3Hj6Fp0GeTu2Ys9Kd4Xa7Wq1Lo\n-----END PUBLIC KEY-----',
      'password placeholder ${}': 'postgres://app:${DB_PASSWORD}@db:5432/app',
      'password shell variable': 'postgres://app:$DB_PASSWORD@db:5432/app',
      'password command substitution': 'postgres://app:$(cat /run/secrets/pw)@db/app',
      'password template {{}}': 'postgres://app:{{ db_password }}@db/app',
      'password <angle>': 'postgres://app:<password>@db/app',
      'password printf %s': 'postgres://app:%s@db/app',
      'password word': 'postgres://user:password@db:5432/app',
      'password changeme': 'amqp://app:changeme@mq:5672',
      'password xxx': 'mysql://root:xxx@db/app',
      'password masked ***': 'mysql://root:****@db/app',
      'default credential user = password': 'amqp://guest:guest@rabbitmq:5672',
      'documentation host': 'postgres://app:Tr0ub4dor-3@db.example.com/app',
      'user without password (Sentry DSN)': 'https://f3a1b2c4d5e6f708@o123456.ingest.sentry.io/4504',
      'Google key in a query string (browser key)': 'https://maps.googleapis.com/maps/api/js?key=' + GOOGLE.slice(0, -1) + 'u',
      'token in a query string': 'https://feeds.example.org/rss?token=9f8e7d6c5b4a39281706f5e4d3c2b1a0',
      'sha1 hex': 'da39a3ee5e6b4b0d3255bfef95601890afd80709',
      'sha256 image digest': 'nginx@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31',
      'UUID': '3f2504e0-4f89-11d3-9a0c-0305e82c3301',
      'base64 config blob': 'W0lOUFVUXQogICAgTmFtZSBjcHUKICAgIFRhZyAgY3B1LmxvY2FsCiAgICBJbnRlcnZhbF9TZWMgMQo=',
      'JWT (public anon key)': 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJyb2xlIjoiYW5vbiIsImlzcyI6InN1cGFiYXNlIn0.Zq8vL2mK4xT7rB1nC5wY3hJ6fP0gE9sU2aD4',
      'ARN': 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-AbC123',
      'git SSH URL': 'git@github.com:org/repo.git',
      'short value': 'AKIA',
    };
    for (const [what, v] of Object.entries(notSecrets)) assert.deepEqual(kinds(v), [], what);
  });

  it('placeholders as the whole value are skipped; a broken string never crashes', () => {
    assert.equal(only(doc('{ "name": "T", "value": "${GITHUB_TOKEN}" }, { "name": "U", "value": "<TOKEN>" }, { "name": "V", "value": 42 }'), ID).length, 0);
    assert.equal(only(container(`"command": [null, 3, {"a": "${GHP}"}]`), ID).length, 0);
  });

  it('a string with escapes is reported as a whole (offsets inside it would be off)', () => {
    const [d] = only(container(`"command": ["echo \\"x\\" ${GHP}"]`), ID);
    assert.ok(d.text.startsWith('"echo'));
  });
});
