/**
 * lintInterruptible: the same result as lint() when left alone, and no result (no further work) once told to
 * stop. Slices of 0 ms make it pause at every step, so these tests do not depend on the machine's speed.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { lint, lintInterruptible } from '../../server/src/core/lint';
import { generateTaskDefinition } from '../../scripts/bench/generate';

const CORPUS = join(__dirname, '..', 'corpus', 'files');
const same = (a: unknown, b: unknown) => assert.equal(JSON.stringify(a), JSON.stringify(b));

describe('lintInterruptible', () => {
  it('gives exactly what lint() gives on every corpus file, pausing at every step', async () => {
    for (const name of readdirSync(CORPUS).filter((n) => n.endsWith('.json'))) {
      const text = readFileSync(join(CORPUS, name), 'utf8');
      const out = await lintInterruptible(text, {}, () => false, 0);
      assert.ok(out, name);
      same(out.diagnostics, lint(text).diagnostics);
    }
  });

  it('pauses between the stages and rules of a big document, and stops at the first pause after being told', async () => {
    const text = generateTaskDefinition(400_000);
    let pauses = 0;
    const full = await lintInterruptible(text, {}, () => (pauses++, false), 0);
    assert.ok(full);
    assert.ok(pauses > 20, `only ${pauses} pauses`);
    for (const stopAt of [1, 2, Math.floor(pauses / 2)]) {
      let asked = 0;
      const out = await lintInterruptible(text, {}, () => ++asked >= stopAt, 0);
      assert.equal(out, undefined);
      assert.equal(asked, stopAt, 'no work after the stop');
    }
  });

  it('lets other work run during the pauses', async () => {
    const text = generateTaskDefinition(400_000);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    let observed = 0;
    await lintInterruptible(text, {}, () => ((observed = Math.max(observed, ticks)), false), 0);
    clearInterval(timer);
    assert.ok(observed > 0, 'a timer ran while the lint was paused');
  });

  it('a YAML template pauses after its parse, its conversion and each task definition, and gives what lint() gives', async () => {
    const task = (i: number) => `  Task${i}:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions:\n        - Name: web\n          Image: nginx\n`;
    const text = `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n${[1, 2, 3].map(task).join('')}`;
    const options = { fileName: 'template.yaml' };
    let pauses = 0;
    const out = await lintInterruptible(text, options, () => (pauses++, false), 0);
    same(out!.diagnostics, lint(text, options).diagnostics);
    for (const stopAt of [1, 2, 3]) {
      let asked = 0;
      assert.equal(await lintInterruptible(text, options, () => ++asked >= stopAt, 0), undefined);
      assert.equal(asked, stopAt, 'no work after the stop');
    }
    assert.ok(pauses > 5, `only ${pauses} pauses`);
  });

  it('does not start when the result is unwanted from the start', async () => {
    assert.equal(await lintInterruptible('{ "family": "x" }', {}, () => true), undefined);
  });

  it('keeps the placeholder patterns of its own options when another lint runs in a pause', async () => {
    const text = '{ "family": "x", "containerDefinitions": [ { "name": "web", "image": "@@IMAGE@@", "memory": "@@MEM@@" } ] }';
    const withPatterns = { placeholderPatterns: ['@@[A-Z]+@@'] };
    const expected = lint(text, withPatterns).diagnostics;
    let asked = 0;
    const out = await lintInterruptible(
      text,
      withPatterns,
      () => {
        if (++asked === 2) lint(text); // after the parse, another document without the pattern is linted
        return false;
      },
      0,
    );
    same(out?.diagnostics, expected);
  });
});
