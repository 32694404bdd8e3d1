/**
 * Fixes that scan or re-parse the text are built on first use, not while linting (core/lint.ts toDiagnostic).
 * Built late, they must be exactly what they would have been at once, even after another lint changed the
 * placeholder patterns (each lint's travel with its document), and an empty lazy list must read as "no fixes".
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { lint } from '../../server/src/core/lint';
import type { LintOptions } from '../../server/src/core/types';

const CORPUS = join(__dirname, '..', 'corpus', 'files');

/** A Fargate task without a size whose container memory is a placeholder only under the custom pattern. */
const SIZE_DEPENDS_ON_PATTERN = JSON.stringify(
  { family: 'web', requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', containerDefinitions: [{ name: 'web', image: 'nginx:1.27', memory: '4096', essential: true }] },
  null,
  2,
);

function texts(): Array<[string, string]> {
  const corpus = readdirSync(CORPUS)
    .filter((n) => n.endsWith('.json'))
    .map((n): [string, string] => [n, readFileSync(join(CORPUS, n), 'utf8')]);
  return [['size-depends-on-pattern', SIZE_DEPENDS_ON_PATTERN], ...corpus];
}

describe('lazy fixes', () => {
  it('are left as getters by the lint, not built', () => {
    const out = lint(SIZE_DEPENDS_ON_PATTERN);
    const lazy = out.diagnostics.filter((d) => typeof Object.getOwnPropertyDescriptor(d, 'fixes')?.get === 'function').map((d) => d.code);
    assert.deepEqual(lazy.sort(), ['fargate-task-size-required', 'log-configuration-missing', 'missing-health-check', 'readonly-root-filesystem']);
  });

  it('built after another lint with other placeholder patterns, equal those built at once', () => {
    const patterns: LintOptions[] = [{ placeholderPatterns: ['\\b4096\\b'] }, {}, { placeholderPatterns: ['.+'] }];
    let compared = 0;
    for (const [name, text] of texts()) {
      for (const options of patterns) {
        const atOnce = JSON.stringify(lint(text, options).diagnostics);
        for (const other of patterns) {
          if (other === options) continue;
          const late = lint(text, options);
          lint(text, other);
          assert.equal(JSON.stringify(late.diagnostics), atOnce, `${name} with ${JSON.stringify(options)}, read after a lint with ${JSON.stringify(other)}`);
          compared++;
        }
      }
    }
    assert.ok(compared > 100);
    // The sample document's fix does depend on the patterns, so the comparison above can tell.
    const titles = (o: LintOptions) => lint(SIZE_DEPENDS_ON_PATTERN, o).diagnostics.find((d) => d.code === 'fargate-task-size-required')?.fixes?.[0].title;
    assert.notEqual(titles(patterns[0]), titles(patterns[1]));
  });

  it('read as no fixes when the builder finds none', () => {
    // No Region anywhere in the file: the lazy awslogs-region fix has nothing to add.
    const text = JSON.stringify({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx:1.27', logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/web' } } }] });
    const d = lint(text).diagnostics.find((x) => x.code === 'awslogs-options');
    assert.ok(d);
    assert.equal(typeof Object.getOwnPropertyDescriptor(d, 'fixes')?.get, 'function');
    assert.equal(d.fixes, undefined);
    assert.ok(!JSON.stringify(d).includes('"fixes"'));
  });
});
