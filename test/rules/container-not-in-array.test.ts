import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { looksLikeTaskDefinition } from '../../server/src/core/documents/file-detection';
import { lint } from '../../server/src/core/lint';
import { applyFix, expectRanges } from '../helpers/rule-fix';
import { lintShown } from '../helpers/lint';

const ID = 'container-not-in-array';
const lone = `{
  // the web container
  "name": "web",
  "image": "nginx:1.27.2",
  "cpu": 256,
  "memory": 512,
  "essentail": true,
  "portMappings": [{ "containerPort": 80 }]
}`;

describe(ID, () => {
  it('says it once, on the opening brace', () => {
    const [d] = expectRanges(`⟦{⟧ "name": "web", "image": "nginx:1.27.2", "essential": true }`, ID);
    assert.equal(d.severity, 'error');
    assert.equal(d.message, 'This file holds one container object, but container definitions are a list (also for one container). Wrap it in [ ].');
  });

  it('checks the object as a container: container rules and schema apply, no task-level string advice', () => {
    const shown = lintShown(lone);
    const codes = shown.map((d) => d.code);
    assert.ok(codes.includes('unknown-property'), codes.join());
    assert.match(shown.find((d) => d.code === 'unknown-property')!.message, /in container 'web'\. Did you mean 'essential'\?/);
    assert.ok(!shown.some((d) => d.code === 'wrong-type'), 'cpu/memory are integers in a container');
    assert.equal(lint(lone).kind, 'container-array');
  });

  it('"Wrap in [ ]" keeps the text and the comment and makes a container array', () => {
    const fixed = applyFix(lone, ID);
    assert.equal(fixed, `[${lone}]`);
    assert.equal(lintShown(fixed).filter((d) => d.code === ID).length, 0);
  });

  it('is conservative: a task definition without family, or an object without image, is not a lone container', () => {
    assert.equal(lint('{ "name": "web", "image": "nginx:1.27.2", "networkMode": "awsvpc" }').kind, 'register');
    assert.equal(lint('{ "name": "web", "containerDefinitions": [] }').kind, 'register');
    assert.equal(lintShown('{ "name": "web", "version": "1.0.0" }').filter((d) => d.code === ID).length, 0);
  });

  it('file detection: a lone container file is linted by content only when container-only keys are at the top', () => {
    assert.ok(looksLikeTaskDefinition(lone));
    assert.ok(!looksLikeTaskDefinition('{ "name": "x", "image": "y" }'), 'name and image alone are too common');
    assert.ok(!looksLikeTaskDefinition('{ "name": "app", "services": { "web": { "image": "nginx", "healthCheck": {} } } }'));
  });
});
