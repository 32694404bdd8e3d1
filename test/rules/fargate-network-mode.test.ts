import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, expectRanges, only } from '../helpers/rule-fix';

const ID = 'fargate-network-mode';
const t = (mode: string, compat = '"FARGATE"') =>
  `{\n  "family": "web",\n  "requiresCompatibilities": [${compat}],${mode}\n  "cpu": "256",\n  "memory": "512",\n  "containerDefinitions": [{ "name": "web", "image": "nginx:1.27", "essential": true }]\n}`;

describe(ID, () => {
  it('a wrong mode is reported on its value; the fix sets awsvpc', () => {
    const [d] = expectRanges(t('\n  "networkMode": ⟦"bridge"⟧,'), ID);
    assert.equal(d.message, "Fargate tasks must use networkMode 'awsvpc' (found 'bridge').");
    const fixed = applyFix(t('\n  "networkMode": "bridge",'), ID);
    assert.ok(fixed.includes('"networkMode": "awsvpc",'), fixed);
  });

  it('a missing mode is reported at the root brace; the fix inserts the key after requiresCompatibilities', () => {
    const [d] = expectRanges(`⟦{⟧${t('').slice(1)}`, ID);
    assert.equal(d.message, "Fargate tasks must use networkMode 'awsvpc' (found nothing).");
    const fixed = applyFix(t(''), ID);
    assert.match(fixed, /\n  "requiresCompatibilities": \["FARGATE"\],\n  "networkMode": "awsvpc",\n  "cpu"/);
  });

  it('a null mode or a wrong-case enum is reported once (the generic rules give way)', () => {
    const nulled = t('\n  "networkMode": null,');
    assert.equal(only(nulled, ID)[0].message, "Fargate tasks must use networkMode 'awsvpc' (found nothing).");
    assert.deepEqual(only(nulled, 'null-value'), []);
    const upper = t('\n  "networkMode": "AWSVPC",');
    assert.equal(only(upper, ID).length, 1);
    assert.deepEqual(only(upper, 'invalid-enum-value'), []);
    assert.ok(applyFix(upper, ID).includes('"awsvpc"'));
  });

  it('is silent for awsvpc, placeholders, EC2 and unknown launch type', () => {
    assert.deepEqual(only(t('\n  "networkMode": "awsvpc",'), ID), []);
    assert.deepEqual(only(t('\n  "networkMode": "${network_mode}",'), ID), []);
    assert.deepEqual(only(t('\n  "networkMode": "bridge",', '"EC2"'), ID), []);
    assert.deepEqual(only(t('\n  "networkMode": "bridge",', ''), ID), []);
  });

  it('applies when FARGATE is listed together with EC2', () => {
    assert.equal(only(t('\n  "networkMode": "host",', '"EC2", "FARGATE"'), ID).length, 1);
  });
});
