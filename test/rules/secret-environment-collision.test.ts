import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, expectRanges, only } from '../helpers/rule-fix';

const ID = 'secret-environment-collision';
const doc = (env: string, secrets: string) =>
  `{\n  "family": "api", "executionRoleArn": "ecsTaskExecutionRole",\n  "containerDefinitions": [{ "name": "api", "image": "api:1.0", "memory": 256,\n    "environment": [${env}],\n    "secrets": [${secrets}] }]\n}`;
const SECRET = '{ "name": "DB_PASSWORD", "valueFrom": "/prod/db" }';

describe(ID, () => {
  it('reports the environment name, related to the secret', () => {
    const [d] = expectRanges(doc('{ "name": ⟦"DB_PASSWORD"⟧, "value": "dev" }, { "name": "LOG", "value": "x" }', SECRET), ID);
    assert.equal(d.message, "'DB_PASSWORD' is set both as a plain environment variable and as a secret; ECS refuses the definition.");
    assert.equal(d.diagnostic.related?.[0].message, "the secret 'DB_PASSWORD'");
  });

  it('plaintext-secret stays quiet about the same entry (one diagnostic per mistake)', () => {
    assert.equal(only(doc('{ "name": "DB_PASSWORD", "value": "dev" }', SECRET), 'plaintext-secret').length, 0);
  });

  it('fixes: remove the environment entry (preferred) or the secret', () => {
    const text = doc('{ "name": "DB_PASSWORD", "value": "dev" }, { "name": "LOG", "value": "x" }', SECRET);
    const a = JSON.parse(applyFix(text, ID)).containerDefinitions[0];
    assert.deepEqual(a.environment, [{ name: 'LOG', value: 'x' }]);
    assert.equal(a.secrets.length, 1);
    const b = JSON.parse(applyFix(text, ID, 'Remove the secret')).containerDefinitions[0];
    assert.deepEqual(b.secrets, []);
    assert.equal(b.environment.length, 2);
  });

  it('names are case-sensitive; other containers and placeholder names do not collide', () => {
    assert.equal(only(doc('{ "name": "db_password", "value": "x" }', SECRET), ID).length, 0);
    assert.equal(only(doc('{ "name": "${NAME}", "value": "x" }', '{ "name": "${NAME}", "valueFrom": "/a" }'), ID).length, 0);
    const two = `[{ "name": "a", "image": "a:1", "environment": [{ "name": "X", "value": "1" }] }, { "name": "b", "image": "b:1", "secrets": [{ "name": "X", "valueFrom": "/x" }] }]`;
    assert.equal(only(two, ID).length, 0);
  });
});
