import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, expectRanges, only } from '../helpers/rule-fix';

const ID = 'container-memory-required';
const task = (containers: string, extra = '"requiresCompatibilities": ["EC2"], ') =>
  `{\n  "family": "f",\n  ${extra}"containerDefinitions": [\n    ${containers}\n  ]\n}`;

describe(ID, () => {
  it('reports the opening brace of each container without memory (EC2 and unknown launch)', () => {
    const [d] = expectRanges(task('{ "name": "ok", "image": "a:1", "memory": 128 }, ⟦{⟧ "name": "web", "image": "a:1", "memoryReservation": 0 }'), ID);
    assert.equal(d.message, "Container 'web' needs memory or memoryReservation because the task sets no memory.");
    expectRanges(task('⟦{⟧ "name": "web", "image": "a:1" }', ''), ID);
  });

  it('is silent on Fargate, with task memory, and for placeholder values', () => {
    assert.equal(only(task('{ "name": "web", "image": "a:1" }', '"requiresCompatibilities": ["FARGATE"], '), ID).length, 0);
    assert.equal(only(task('{ "name": "web", "image": "a:1" }', '"memory": "1 GB", '), ID).length, 0);
    assert.equal(only(task('{ "name": "web", "image": "a:1", "memory": "${mem}" }'), ID).length, 0);
    assert.equal(only(task('{ "name": "web", "image": "a:1", "memory": ${mem} }'), ID).length, 0);
  });

  it('does not hide missing-required on the same container', () => {
    const text = task('{ "name": "web" }');
    const codes = only(text, ID).length + only(text, 'missing-required').length;
    assert.equal(codes, 2);
  });

  it('fixes: add memoryReservation 256 (preferred) or a task memory covering all containers', () => {
    const text = task('{ "name": "a", "image": "a:1", "memory": 512 },\n    { "name": "web", "image": "a:1" }');
    const fixed = applyFix(text, ID);
    assert.match(fixed, /"memoryReservation": 256/);
    const withTask = applyFix(text, ID, 'task-level memory');
    assert.match(withTask, /"memory": "768"/);
    assert.equal(only(withTask, 'container-memory-exceeds-task').length, 0);
  });
});
