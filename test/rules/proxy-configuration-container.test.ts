import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, expectRanges, only } from '../helpers/rule-fix';

const ID = 'proxy-configuration-container';
const task = (name: string, containers: string) =>
  `{ "family": "mesh", "proxyConfiguration": { "type": "APPMESH", "containerName": ${name} }, "containerDefinitions": [ ${containers} ] }`;

describe(ID, () => {
  it('kayac td.json shape: no envoy at all, no suggestion', () => {
    const [d] = expectRanges(`{ "taskDefinition": ${task('⟦"envoy"⟧', '{ "name": "katsubushi", "image": "k:1" }')} }`, ID);
    assert.equal(d.severity, 'error');
    assert.equal(d.message, "proxyConfiguration points at container 'envoy', which does not exist. Containers: 'katsubushi'.");
    assert.equal(d.diagnostic.fixes, undefined);
  });

  it('suggests the closest name and the fix resolves it', () => {
    const text = task('"envoy-proxy"', '{ "name": "app", "image": "a:1" }, { "name": "envoy", "image": "envoy:1" }');
    const [d] = only(text, ID);
    assert.match(d.message, /did you mean 'envoy'\?/);
    assert.match(applyFix(text, ID), /"containerName": "envoy"/);
  });

  it('silent when present, templated, or in a container array', () => {
    assert.equal(only(task('"envoy"', '{ "name": "envoy", "image": "e:1" }'), ID).length, 0);
    assert.equal(only(task('"${PROXY}"', '{ "name": "app", "image": "a:1" }'), ID).length, 0);
    assert.equal(only(task('"envoy"', '{ "name": "app", "image": "a:1" }, { "name": "${envoy_name}", "image": "e:1" }'), ID).length, 0);
    assert.equal(only(task('"envoy"', '{ "name": "app", "image": "a:1" }, $ENVOY_CONTAINER_JSON'), ID).length, 0);
  });
});
