import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isSecretLookingName } from '../../server/src/core/documents/secret-names';
import { applyFix, expectRanges, only } from '../helpers/rule-fix';

const ID = 'plaintext-secret';
const doc = (env: string, extra = '') =>
  `{\n  "family": "shop",${extra}\n  "containerDefinitions": [{ "name": "shop", "image": "shop:1.0", "memory": 256,\n    "environment": [${env}] }]\n}`;

describe(ID, () => {
  it('reports the name of a secret-looking variable, as a warning', () => {
    const [d] = expectRanges(doc('{ "name": ⟦"DB_PASSWORD"⟧, "value": "hunter2" }'), ID);
    assert.equal(d.severity, 'warning');
    assert.equal(d.message, "'DB_PASSWORD' looks like a secret in a plain environment variable, readable by anyone who can describe the task; move it to secrets.");
  });

  it('a template placeholder still ends up in plain text, and says so', () => {
    const [d] = only(doc('{ "name": "API_TOKEN", "value": "{{API_TOKEN}}" }'), ID);
    assert.match(d.message, /will hold a rendered secret in plain sight/);
    assert.equal(d.severity, 'warning');
  });

  it('name heuristics', () => {
    for (const n of ['PASSWORD', 'db-passwd', 'MYSQL_PWD', 'client.secret', 'apiKey', 'X_APIKEY', 'PRIVATE_KEY', 'AWS_ACCESS_KEY_ID', 'AWS_SESSION_TOKEN', 'ECS_ENGINE_AUTH_DATA', 'BASIC_AUTH', 'DB_CREDENTIALS', 'SENTRY_DSN', 'DB_CONNECTION_STRING', 'OAuthToken']) {
      assert.ok(isSecretLookingName(n), n);
    }
    for (const n of ['PASSWORD_FILE', 'SECRET_ARN', 'TOKEN_URL', 'API_KEY_ID', 'AUTH_ENABLED', 'AUTHOR', 'KEYBOARD', 'TOKENIZER_MODEL', 'SECRETARY', 'ACCESS_LOG', 'DB_HOST']) {
      assert.ok(!isSecretLookingName(n), n);
    }
  });

  it('harmless values are skipped', () => {
    for (const v of ['', 'true', 'FALSE', '42', '3.5', 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:x', '/run/secrets/db']) {
      assert.equal(only(doc(`{ "name": "DB_PASSWORD", "value": ${JSON.stringify(v)} }`), ID).length, 0, v);
    }
    assert.equal(only(doc('{ "name": "DB_PASSWORD" }'), ID).length, 0);
  });

  it('fix moves the entry into secrets with an SSM ARN built from the document', () => {
    const text = doc('{ "name": "DB_PASSWORD", "value": "hunter2" }, { "name": "LOG", "value": "x" }', '\n  "executionRoleArn": "arn:aws:iam::123456789012:role/exec", "taskRoleArn": "arn:aws:iam::123456789012:role/shop-task",');
    const c = JSON.parse(applyFix(text, ID, 'Move to secrets')).containerDefinitions[0];
    assert.deepEqual(c.environment, [{ name: 'LOG', value: 'x' }]);
    assert.deepEqual(c.secrets, [{ name: 'DB_PASSWORD', valueFrom: 'arn:aws:ssm:${AWS_REGION}:123456789012:parameter/shop/DB_PASSWORD' }]);
    assert.equal(only(applyFix(text, ID, 'Move to secrets'), 'secret-value-from-format').length, 0);
  });

  it('fix appends to an existing secrets list and takes the Region from awslogs', () => {
    const text = `[{ "name": "a", "image": "a:1", "logConfiguration": { "logDriver": "awslogs", "options": { "awslogs-region": "eu-west-3" } },\n  "secrets": [{ "name": "X", "valueFrom": "/x" }],\n  "environment": [{ "name": "API_KEY", "value": "k" }] }]`;
    const c = JSON.parse(applyFix(text, ID, 'Move to secrets'))[0];
    assert.deepEqual(c.secrets.map((s: { name: string }) => s.name), ['X', 'API_KEY']);
    assert.equal(c.secrets[1].valueFrom, 'arn:aws:ssm:eu-west-3:${AWS_ACCOUNT_ID}:parameter/API_KEY');
    assert.deepEqual(c.environment, []);
  });
});
