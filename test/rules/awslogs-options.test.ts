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

  it('a misspelt option key: error on the key, nearest key suggested, rename fix; the missing key is not reported twice', () => {
    const text = task(', "options": { "awslogs-group": "/ecs/web", "awslogs-region": "eu-west-1", "awslogs-stream-prefx": "web" }').replace('"family"', '"requiresCompatibilities": ["FARGATE"], "cpu": "256", "memory": "512", "networkMode": "awsvpc",\n  "family"');
    const [d] = expectRanges(text.replace('"awslogs-stream-prefx"', '⟦"awslogs-stream-prefx"⟧'), ID);
    assert.equal(d.severity, 'error');
    assert.equal(d.message, "'awslogs-stream-prefx' is not an awslogs option (did you mean 'awslogs-stream-prefix'?); Docker refuses unknown options and the container does not start.");
    assert.equal(only(text, 'fargate-awslogs-stream-prefix').length, 0, 'the slip is reported once, here');
    const fixed = applyFix(text, ID, "Rename to 'awslogs-stream-prefix'");
    assert.match(fixed, /"awslogs-stream-prefix": "web"/);
    assert.equal(only(fixed, 'fargate-awslogs-stream-prefix').length, 0);
    // 'awslogs_group' stands for the missing group: one finding (the rename), not two.
    const group = task(', "options": { "awslogs_group": "/ecs/web", "awslogs-region": "eu-west-1" }');
    assert.deepEqual(only(group, ID).map((x) => x.text), ['"awslogs_group"']);
    assert.match(applyFix(group, ID), /"awslogs-group": "\/ecs\/web"/);
  });

  it('an unknown key like no awslogs option is a warning; no rename when the suggested key is already set', () => {
    const [w] = only(task(', "options": { "awslogs-group": "g", "awslogs-region": "eu-west-1", "labels": "app" }'), ID);
    assert.equal(w.severity, 'warning');
    assert.equal(w.message, "'labels' is not an option of the awslogs driver; Docker refuses unknown options and the container does not start.");
    const [dup] = only(task(', "options": { "awslogs-group": "g", "awslogs-region": "eu-west-1", "awslogs-regoin": "eu-west-1" }'), ID);
    assert.equal(dup.diagnostic.fixes, undefined);
    for (const k of ['awslogs-stream', 'awslogs-create-group', 'awslogs-create-stream', 'awslogs-endpoint', 'awslogs-datetime-format', 'awslogs-multiline-pattern', 'awslogs-force-flush-interval-seconds', 'awslogs-max-buffered-events', 'awslogs-format', 'tag', '${EXTRA_KEY}']) {
      assert.equal(only(task(`, "options": { "awslogs-group": "g", "awslogs-region": "eu-west-1", ${JSON.stringify(k)}: "x" }`), ID).length, 0, k);
    }
  });

  it('awslogs-group must be a log group name; an ARN gets its name back', () => {
    const arn = task(', "options": { "awslogs-group": "arn:aws:logs:eu-west-1:123456789012:log-group:/ecs/web:*", "awslogs-region": "eu-west-1" }');
    const [d] = only(arn, ID);
    assert.equal(d.message, "awslogs-group 'arn:aws:logs:eu-west-1:123456789012:log-group:/ecs/web:*' is not a log group name: use 1–512 letters, digits and . - _ / # (no ARN, no spaces).");
    assert.match(applyFix(arn, ID, 'Use the group name'), /"awslogs-group": "\/ecs\/web"/);
    const spaced = task(', "options": { "awslogs-group": "my app logs", "awslogs-region": "eu-west-1" }');
    assert.match(applyFix(spaced, ID, 'Replace the other characters'), /"awslogs-group": "my-app-logs"/);
    assert.equal(only(task(`, "options": { "awslogs-group": "${'a'.repeat(513)}", "awslogs-region": "eu-west-1" }`), ID).length, 1);
    for (const g of ['/ecs/web', 'ecs#web.prod_1', '/ecs/${var.env}/web', '{{ group }}']) {
      assert.equal(only(task(`, "options": { "awslogs-group": ${JSON.stringify(g)}, "awslogs-region": "eu-west-1" }`), ID).length, 0, g);
    }
  });

  it('max-buffer-size must be a size', () => {
    const bad = task(', "options": { "awslogs-group": "g", "awslogs-region": "eu-west-1", "mode": "non-blocking", "max-buffer-size": "25 megs" }');
    assert.equal(only(bad, ID)[0].message, "max-buffer-size '25 megs' is not a size; write a number with an optional unit, such as '25m' or '4MiB'.");
    for (const v of ['25m', '4MiB', '1048576', '10 MB', '1.5g', '${BUF}']) {
      assert.equal(only(task(`, "options": { "awslogs-group": "g", "awslogs-region": "eu-west-1", "max-buffer-size": ${JSON.stringify(v)} }`), ID).length, 0, v);
    }
  });
});
