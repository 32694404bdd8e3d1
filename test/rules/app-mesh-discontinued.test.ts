import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expectRanges, only } from '../helpers/rule-fix';

const ID = 'app-mesh-discontinued';

describe(ID, () => {
  it('warns on the proxyConfiguration key, with no fix', () => {
    const [d] = expectRanges('{ "family": "m", ⟦"proxyConfiguration"⟧: { "type": "APPMESH", "containerName": "envoy" }, "containerDefinitions": [ { "name": "envoy", "image": "e:1" } ] }', ID);
    assert.equal(d.severity, 'warning');
    assert.match(d.message, /discontinued on 30 September 2026.*ECS Service Connect/);
    assert.equal(d.diagnostic.fixes, undefined);
  });

  it('null or empty proxyConfiguration (console dumps) is fine', () => {
    assert.equal(only('{ "family": "m", "proxyConfiguration": null, "containerDefinitions": [ { "name": "a", "image": "a:1" } ] }', ID).length, 0);
    assert.equal(only('{ "family": "m", "proxyConfiguration": {}, "containerDefinitions": [ { "name": "a", "image": "a:1" } ] }', ID).length, 0);
  });
});
