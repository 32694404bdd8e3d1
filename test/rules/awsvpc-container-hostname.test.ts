import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { containerHostRefs } from '../../server/src/core/documents/container-hosts';
import { applyFix, expectRanges, only } from '../helpers/rule-fix';

const ID = 'awsvpc-container-hostname';
const task = (env: string, mode = '"networkMode": "awsvpc", ') =>
  `{ "family": "t", ${mode}"containerDefinitions": [ { "name": "app", "image": "app:1.2", "environment": [ ${env} ] }, { "name": "redis", "image": "redis:7.4" }, { "name": "datadog-agent", "image": "datadog/agent:7.57.2" } ] }`;

describe(ID, () => {
  it('points at the host inside a URL and replaces it with localhost', () => {
    const [d] = expectRanges(task('{ "name": "REDIS_URL", "value": "redis://⟦redis⟧:6379/0" }'), ID);
    assert.equal(d.severity, 'warning');
    assert.equal(d.message, "'redis' is a container of this task, but in awsvpc mode container names do not resolve; containers reach each other on localhost.");
    const fixed = applyFix(task('{ "name": "REDIS_URL", "value": "redis://redis:6379/0" }'), ID);
    assert.ok(fixed.includes('"redis://localhost:6379/0"'), fixed);
  });

  it('a host-like variable whose whole value is a sibling name (DD_AGENT_HOST)', () => {
    expectRanges(task('{ "name": "DD_AGENT_HOST", "value": "⟦datadog-agent⟧" }'), ID);
    assert.ok(applyFix(task('{ "name": "DD_AGENT_HOST", "value": "datadog-agent" }'), ID).includes('"value": "localhost"'));
  });

  it('Fargate without an explicit networkMode is awsvpc too', () => {
    const fargate = task('{ "name": "CACHE", "value": "redis:6379" }', '"requiresCompatibilities": ["FARGATE"], "cpu": "256", "memory": "512", ');
    assert.equal(only(fargate, ID).length, 1);
  });

  it('silent in bridge mode, for substrings, dotted names, non-host variables and templates', () => {
    assert.equal(only(task('{ "name": "REDIS_URL", "value": "redis://redis:6379/0" }', '"networkMode": "bridge", '), ID).length, 0);
    for (const env of [
      '{ "name": "A", "value": "redis://redis.example.com:6379" }',
      '{ "name": "B", "value": "http://my-redis:6379" }',
      '{ "name": "SERVICE_NAME", "value": "redis" }',
      '{ "name": "REDIS_IMAGE", "value": "redis:7" }',
      '{ "name": "C", "value": "http://${REDIS}:6379" }',
      '{ "name": "D", "value": "redis-${ENV}:6379" }',
    ]) assert.equal(only(task(env), ID).length, 0, env);
  });

  it('finds hosts in command arguments', () => {
    const t = `{ "networkMode": "awsvpc", "containerDefinitions": [ { "name": "app", "image": "app:1", "command": ["--broker", "⟦mosquitto⟧:1883"] }, { "name": "mosquitto", "image": "eclipse-mosquitto:2.0.20" } ] }`;
    expectRanges(t, ID);
  });

  it('containerHostRefs: whole hosts only', () => {
    assert.deepEqual(containerHostRefs('tcp://mosquitto:1883'), [{ host: 'mosquitto', start: 6 }]);
    assert.deepEqual(containerHostRefs('http://u:p@db:5432/x'), [{ host: 'db', start: 11 }]);
    assert.deepEqual(containerHostRefs('a.b.redis:6379'), []);
    assert.deepEqual(containerHostRefs('redis', 'SERVICE'), []);
    assert.deepEqual(containerHostRefs('redis', 'REDIS_HOST'), [{ host: 'redis', start: 0 }]);
  });
});
