import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, expectRanges, only } from '../helpers/rule-fix';

const ID = 'depends-on-unknown-container';

describe(ID, () => {
  it('reports the containerName value with did-you-mean, and a self-dependency', () => {
    const ds = expectRanges(
      `[ { "name": "app", "image": "a:1", "dependsOn": [ { "containerName": ⟦"envoy-proxy"⟧, "condition": "START" }, { "containerName": ⟦"app"⟧, "condition": "START" } ] },
         { "name": "envoy", "image": "e:1" } ]`,
      ID,
    );
    assert.equal(ds[0].message, "dependsOn refers to 'envoy-proxy', which is not a container in this task (did you mean 'envoy'?).");
    assert.equal(ds[1].message, "dependsOn refers to 'app', which is not another container in this task (a container cannot depend on itself).");
    assert.equal(ds[1].diagnostic.related?.length, 1);
  });

  it('is case-sensitive', () => {
    const [d] = only('[ { "name": "app", "image": "a:1", "dependsOn": [ { "containerName": "DB", "condition": "START" } ] }, { "name": "db", "image": "d:1" } ]', ID);
    assert.match(d.message, /did you mean 'db'/);
  });

  it('fixes: rename to the closest container, or remove the dependency', () => {
    const text = '[\n  { "name": "app", "image": "a:1", "dependsOn": [ { "containerName": "envoy-proxy", "condition": "START" } ] },\n  { "name": "envoy", "image": "e:1" }\n]';
    assert.match(applyFix(text, ID), /"containerName": "envoy"/);
    assert.doesNotMatch(applyFix(text, ID, 'Remove'), /envoy-proxy/);
  });

  it('stays silent for templated lists, templated names and placeholder references', () => {
    const envoy = '{ "family": "f", "containerDefinitions": [ { "name": "app", "image": "a:1", "dependsOn": [ { "containerName": "envoy", "condition": "HEALTHY" } ] }, $ENVOY_CONTAINER_JSON ] }';
    assert.equal(only(envoy, ID).length, 0);
    assert.equal(only('[ { "name": "${name}", "image": "a:1" }, { "name": "x", "image": "a:1", "dependsOn": [ { "containerName": "web", "condition": "START" } ] } ]', ID).length, 0);
    assert.equal(only('[ { "name": "x", "image": "a:1", "dependsOn": [ { "containerName": "${dep}", "condition": "START" } ] } ]', ID).length, 0);
  });
});
