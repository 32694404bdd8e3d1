import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, expectRanges, only } from '../helpers/rule-fix';

const ID = 'depends-on-healthy-without-health-check';
const text = '[\n  { "name": "app", "image": "a:1", "dependsOn": [ { "containerName": "db", "condition": "HEALTHY" } ] },\n  { "name": "db", "image": "postgres:16.4" }\n]';

describe(ID, () => {
  it('reports the containerName with the target as related', () => {
    const [d] = expectRanges(text.replace('"containerName": "db"', '"containerName": ⟦"db"⟧'), ID);
    assert.equal(d.message, "'app' waits for 'db' to be HEALTHY, but 'db' has no healthCheck, so it never becomes healthy.");
    assert.equal(d.diagnostic.related?.length, 1);
  });

  it('silent with a health check, other conditions, unknown or templated targets', () => {
    assert.equal(only(text.replace('"image": "postgres:16.4"', '"image": "postgres:16.4", "healthCheck": { "command": ["CMD-SHELL", "pg_isready"] }'), ID).length, 0);
    assert.equal(only(text.replace('HEALTHY', 'START'), ID).length, 0);
    assert.equal(only(text.replace('"containerName": "db"', '"containerName": "cache"'), ID).length, 0);
    assert.equal(only('{ "family": "f", "containerDefinitions": [ { "name": "app", "image": "a:1", "dependsOn": [ { "containerName": "envoy", "condition": "HEALTHY" } ] }, $ENVOY_CONTAINER_JSON ] }', ID).length, 0);
  });

  it('fixes: condition START (preferred) or a health check skeleton on the target', () => {
    assert.match(applyFix(text, ID), /"condition": "START"/);
    assert.equal(
      applyFix(text, ID, 'healthCheck'),
      text.replace('"postgres:16.4" }', '"postgres:16.4", "healthCheck": { "command": ["CMD-SHELL", ""], "interval": 30, "timeout": 5, "retries": 3 } }'),
    );
    const withCheck = applyFix(text, ID, 'Add a healthCheck');
    assert.match(withCheck, /"healthCheck": \{/);
    assert.match(withCheck, /"CMD-SHELL"/);
  });
});
