import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, expectRanges, only } from '../helpers/rule-fix';
import { lintShown } from '../helpers/lint';

const ID = 'missing-health-check';
const web = `{
  "family": "web",
  "containerDefinitions": [
    {
      "name": "web",
      "image": "nginx:1.27",
      "portMappings": [{ "containerPort": 8080 }]
    }
  ]
}`;

describe(ID, () => {
  it('hint on the container name for an essential container with ports', () => {
    const [d] = expectRanges(web.replace('"name": "web"', '"name": ⟦"web"⟧'), ID);
    assert.equal(d.severity, 'hint');
    assert.equal(d.message, "Essential container 'web' has no health check; ECS only notices it is broken when the process exits.");
  });

  it('the fix inserts a CMD-SHELL probe on the first port, not preferred, in the container layout', () => {
    const [d] = only(web, ID);
    assert.equal(d.diagnostic.fixes?.[0].preferred, undefined);
    const fixed = applyFix(web, ID, 'Add a health check');
    assert.deepEqual(JSON.parse(fixed).containerDefinitions[0].healthCheck, {
      command: ['CMD-SHELL', 'curl -fs http://localhost:8080/ || exit 1'],
      interval: 30,
      timeout: 5,
      retries: 3,
      startPeriod: 60,
    });
    assert.match(fixed, /\n      "healthCheck": \{\n        "command": \["CMD-SHELL", /);
    assert.ok(!lintShown(fixed).some((x) => x.code.startsWith('health-check')), 'the inserted check is itself valid');
  });

  it('does not hide an error on the same name', () => {
    const text = '[ { "name": "bad name!", "image": "a:1", "portMappings": [{ "containerPort": 80 }] } ]';
    const codes = lintShown(text).map((x) => x.code);
    assert.ok(codes.includes('invalid-format') && codes.includes(ID), codes.join());
  });

  it('Fargate: every essential container; elsewhere only serving ones; placeholders and non-essential skipped', () => {
    assert.equal(only('{ "family": "w", "requiresCompatibilities": ["FARGATE"], "containerDefinitions": [ { "name": "w", "image": "w:1" } ] }', ID).length, 1);
    assert.equal(only('{ "family": "w", "requiresCompatibilities": ["EC2"], "containerDefinitions": [ { "name": "w", "image": "w:1", "memory": 128 } ] }', ID).length, 0);
    assert.equal(only(web.replace('"nginx:1.27"', '"${IMAGE}"'), ID).length, 0);
    assert.equal(only(web.replace('"name": "web",', '"name": "web", "essential": false,'), ID).length, 0);
  });
});
