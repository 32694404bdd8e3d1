import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, expectRanges, only } from '../helpers/rule-fix';

const ID = 'awslogs-options';
const task = (options: string) => `{
  "family": "web",
  "executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
  "containerDefinitions": [
    { "name": "web", "image": "123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1.0", "logConfiguration": { "logDriver": "awslogs"${options} } }
  ]
}`;

describe(ID, () => {
  it('both keys missing: one error per key on the options key, each with its own fix', () => {
    const text = task(', "options": { "awslogs-stream-prefix": "web" }');
    const got = only(text, ID);
    assert.deepEqual(got.map((d) => [d.text, d.message]), [
      ['"options"', "The awslogs driver needs 'awslogs-group'; the container cannot start without it."],
      ['"options"', "The awslogs driver needs 'awslogs-region'; the container cannot start without it."],
    ]);
    assert.deepEqual(got.map((d) => d.diagnostic.fixes?.map((f) => f.title)), [["Add awslogs-group '/ecs/web'"], ["Add awslogs-region 'eu-west-1'"]]);
    const step1 = applyFix(text, ID, 'awslogs-group');
    const step2 = applyFix(step1, ID, 'awslogs-region');
    assert.deepEqual(JSON.parse(step2).containerDefinitions[0].logConfiguration.options, { 'awslogs-stream-prefix': 'web', 'awslogs-group': '/ecs/web', 'awslogs-region': 'eu-west-1' });
  });

  it('no options at all: on the logConfiguration key; the fix creates options', () => {
    const text = task('');
    assert.deepEqual(only(text, ID).map((d) => d.text), ['"logConfiguration"', '"logConfiguration"']);
    const fixed = applyFix(text, ID, 'awslogs-group');
    assert.match(fixed, /"logDriver": "awslogs", "options": \{ "awslogs-group": "\/ecs\/web" \} \}/);
  });

  it('an empty value is reported on the value', () => {
    const [d] = expectRanges(task(', "options": { "awslogs-group": "/ecs/web", "awslogs-region": ⟦""⟧ }'), ID);
    assert.match(d.message, /needs 'awslogs-region' to be non-empty/);
  });

  it('bad mode: on the value, fix guesses the spelling', () => {
    const text = task(', "options": { "awslogs-group": "g", "awslogs-region": "eu-west-1", "mode": "nonblocking" }');
    const [d] = expectRanges(text.replace('"nonblocking"', '⟦"nonblocking"⟧'), ID);
    assert.equal(d.message, "mode must be 'blocking' or 'non-blocking'; got 'nonblocking'.");
    assert.match(applyFix(text, ID), /"mode": "non-blocking"/);
    assert.match(applyFix(text.replace('nonblocking', 'Blocking'), ID), /"mode": "blocking"/);
  });

  it('no region fix when the document names no region; placeholders count as set', () => {
    const text = '[ { "name": "a", "image": "a:1", "logConfiguration": { "logDriver": "awslogs", "options": { "awslogs-group": "g" } } } ]';
    assert.deepEqual(only(text, ID).map((d) => d.diagnostic.fixes), [undefined]);
    assert.equal(only('[ { "name": "a", "image": "a:1", "logConfiguration": { "logDriver": "awslogs", "options": { "awslogs-group": "${GROUP}", "awslogs-region": "{{region}}", "mode": "${MODE}" } } } ]', ID).length, 0);
    assert.equal(only('[ { "name": "a", "image": "a:1", "logConfiguration": { "logDriver": "fluentd" } } ]', ID).length, 0);
  });
});
