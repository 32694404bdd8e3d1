/**
 * User placeholder patterns run on RE2JS, a linear-time engine (placeholders.ts): patterns that make JavaScript's
 * backtracking RegExp take exponential time answer at once, and what RE2 cannot do (lookaround, backreferences)
 * is refused with a message naming the pattern. No timing is asserted: the inputs are sizes at which a
 * backtracking engine would not finish (2^50,000 ways to try), so a regression hangs the test instead of passing.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint, lintInterruptible, type LintOutput } from '../../server/src/core/lint';
import type { LintOptions } from '../../server/src/core/types';
import { checkWorkflow } from '../../server/src/core/workspace/check-workflow';
import {
  compilePlaceholderPatterns,
  findPlaceholders,
  isWholePlaceholder,
  MAX_PATTERN_LENGTH,
  placeholderPatternProblem,
  NO_PLACEHOLDER_PATTERNS,
} from '../../server/src/core/syntax/placeholders';
import { WARNING_ONLY_TASK } from '../cli/cli-helpers';

const using = compilePlaceholderPatterns;

// Each takes exponential or high polynomial time in a backtracking engine on a string that almost matches,
// paired with such a string (50,000 characters) and what RE2 finds in it.
const CATASTROPHIC: Array<[string, string, Array<{ start: number; end: number }>]> = [
  ['(a+)+$', `${'a'.repeat(50_000)}!`, []],
  ['(a*)*b', `${'a'.repeat(50_000)}!`, []],
  ['(a|a)*$', `${'a'.repeat(50_000)}!`, []],
  ['(a|aa)+$', `${'a'.repeat(50_000)}!`, []],
  ['(?:a+){2,}$', `${'a'.repeat(50_000)}!`, []],
  ['(\\w+\\s?)+$', `${'ab '.repeat(16_000)}!`, []],
  ['^(([a-z])+.)+[A-Z]([a-z])+$', `${'aa'.repeat(25_000)}!`, []],
  ['(x+x+)+y', 'x'.repeat(50_000), []],
  ['(.*a){12}', 'a'.repeat(11) + 'b'.repeat(50_000), []],
  ['.*x.*y', 'x'.repeat(50_000), []],
  ['\\d+\\.?\\d+$', `${'1'.repeat(50_000)}!`, []],
  ['[a-z]*[a-z0-9]*!', 'a'.repeat(50_000), []],
  ['(?:a|b?)+c', 'ab'.repeat(25_000), []],
  [`${'(?:ab)?'.repeat(30)}$`, `${'ab'.repeat(25_000)}!`, [{ start: 50_001, end: 50_001 }].filter(() => false)],
];

// Placeholder syntaxes people write.
const SUPPORTED = [
  '^@@[A-Z_]+@@$',
  '@@\\w+@@',
  '__[A-Z0-9_]+__',
  '\\$\\{[a-z]+(?:\\.[a-z]+)*\\}',
  '\\{\\{\\s*\\w+\\s*\\}\\}',
  '<%=?\\s*[\\w.]+\\s*%>',
  '\\[\\[[^\\]]+\\]\\]',
  '#\\{[^}]+\\}',
  '%%[A-Z]+%%',
  '^(?:CHANGE|REPLACE)_ME_[A-Z]+$',
  '\\d{1,3}\\.\\d{1,3}',
  '(?:ab)+b+',
  '[\\w-]+:[\\w-]+',
  '(?<name>@@[A-Z]+@@)', // JavaScript's named group, translated to RE2's (?P<name>…)
  '\\u0040\\u0040[A-Z]+\\u0040\\u0040', // JavaScript's \u escapes
];

const UNSUPPORTED: Array<[string, RegExp]> = [
  ['(a+)\\1*$', /backreferences/],
  ['(?<q>[\'"]).*\\k<q>', /backreferences/],
  ['@@(?=[A-Z])\\w+', /lookahead and lookbehind/],
  ['@@(?![a-z])\\w+', /lookahead and lookbehind/],
  ['(?<=x)a+', /lookahead and lookbehind/],
  ['(?<!x)a+', /lookahead and lookbehind/],
];

describe('user placeholder patterns on a linear-time engine', () => {
  for (const [source, input, expected] of CATASTROPHIC) {
    it(`accepts ${source.length > 40 ? `${source.slice(0, 40)}…` : source} and answers on a 50,000-character near miss`, () => {
      assert.equal(placeholderPatternProblem(source), undefined);
      assert.deepEqual(
        findPlaceholders(input, using([source])),
        expected,
      );
    });
  }

  it('still finds what those patterns match', () => {
    assert.deepEqual(findPlaceholders('xx aaa', using(['(a+)+$'])), [{ start: 3, end: 6 }]);
    assert.deepEqual(findPlaceholders(`${'x'.repeat(1000)}y`, using(['(x+x+)+y'])), [{ start: 0, end: 1001 }]);
  });

  it('accepts the placeholder syntaxes people write, JavaScript spellings included', () => {
    for (const source of SUPPORTED) assert.equal(placeholderPatternProblem(source), undefined, source);
    assert.equal(isWholePlaceholder('@@CPU@@', using(['(?<name>@@[A-Z]+@@)'])), true);
    assert.equal(isWholePlaceholder('@@CPU@@', using(['\\u0040\\u0040[A-Z]+\\u0040\\u0040'])), true);
  });

  for (const [source, reason] of UNSUPPORTED) {
    it(`refuses ${source}, naming the pattern and what RE2 lacks`, () => {
      new RegExp(source); // valid JavaScript: refused for the engine, not the syntax
      const problem = placeholderPatternProblem(source);
      assert.ok(problem, source);
      assert.ok(problem.startsWith(`Unsupported regular expression in placeholderPatterns: '${source}': `), problem);
      assert.match(problem, reason);
      assert.match(problem, /linear-time engine/);
      assert.ok(problem.length <= 240, problem);
    });
  }

  it('invalid syntax is named as such, with JavaScript\'s own message', () => {
    assert.match(placeholderPatternProblem('(unclosed')!, /^Invalid regular expression in placeholderPatterns: .*\(unclosed/);
  });

  it('refuses patterns longer than the limit', () => {
    assert.match(placeholderPatternProblem(`a${'b'.repeat(MAX_PATTERN_LENGTH)}`)!, /longer than 1,000 characters/);
  });

  it('an unsupported pattern is left out; the others next to it still apply', () => {
    assert.deepEqual(compilePlaceholderPatterns(['(a)\\1']).patterns, []);
    assert.equal(isWholePlaceholder('@@CPU@@', using(['(a)\\1', '^@@[A-Z]+@@$'])), true);
  });

  it('user patterns apply to strings of any length (no input limit is needed any more)', () => {
    const long = `@@X@@${'-'.repeat(100_000)}`;
    assert.deepEqual(findPlaceholders(long, using(['@@[A-Z]+@@'])), [{ start: 0, end: 5 }]);
  });

  it('spans are UTF-16 offsets, as in the text, also after characters outside the BMP', () => {
    assert.deepEqual(findPlaceholders('😀é @@X@@', using(['@@[A-Z]+@@'])), [{ start: 4, end: 9 }]);
  });

  it('empty matches add no span', () => {
    assert.deepEqual(findPlaceholders('abc', using(['x*'])), []);
  });
});

describe('the patterns travel with the lint, not in module state', () => {
  it('a lint with (a+)+$ on a name of 50,000 a and a "!" is linted as usual', () => {
    const evil = `${'a'.repeat(50_000)}!`;
    const text = WARNING_ONLY_TASK.replace('"name": "web"', `"name": "${evil}"`);
    const out = lint(text, { fileName: 'task-def.json', placeholderPatterns: ['(a+)+$'] });
    assert.ok(out.diagnostics.length > 0);
  });

  it('patterns apply only to the lint whose options carry them', () => {
    const text = '{ "family": "x", "containerDefinitions": [ { "name": "web", "image": "nginx:1", "memory": "@@MEM@@" } ] }';
    const codes = (o = {}) => lint(text, o).diagnostics.map((d) => d.code);
    assert.ok(codes().includes('wrong-type'));
    assert.ok(!codes({ placeholderPatterns: ['@@[A-Z]+@@'] }).includes('wrong-type'));
    assert.deepEqual(findPlaceholders('@@MEM@@', NO_PLACEHOLDER_PATTERNS), []);
    assert.ok(codes().includes('wrong-type'), 'the next lint without patterns does not inherit them');
  });

  it('two interruptible lints paused in turn keep their own patterns', async () => {
    const text = '{ "family": "x", "containerDefinitions": [ { "name": "web", "image": "nginx:1", "memory": "@@MEM@@" } ] }';
    const a = lintInterruptible(text, { placeholderPatterns: ['@@[A-Z]+@@'] }, () => false, 0);
    const b = lintInterruptible(text, {}, () => false, 0);
    const [outA, outB] = await Promise.all([a, b]);
    assert.ok(!outA!.diagnostics.some((d) => d.code === 'wrong-type'));
    assert.ok(outB!.diagnostics.some((d) => d.code === 'wrong-type'));
  });

  it('interleaved lints of a template and a task file, each with other patterns, give what each gives alone', async () => {
    // Memory is a placeholder only under @@…@@ (template) or __…__ (task file); without it, wrong-type.
    const template = [
      "AWSTemplateFormatVersion: '2010-09-09'",
      'Resources:',
      '  Task:',
      '    Type: AWS::ECS::TaskDefinition',
      '    Properties:',
      '      Family: web',
      '      ContainerDefinitions:',
      '        - Name: web',
      '          Image: nginx:1.27',
      "          Memory: '@@MEM@@'",
      '',
    ].join('\n');
    const task = '{ "family": "x", "containerDefinitions": [ { "name": "web", "image": "nginx:1", "memory": "__MEM__" } ] }';
    const runs: Array<[string, LintOptions]> = [
      [template, { fileName: 'stack.yaml', placeholderPatterns: ['@@[A-Z]+@@'] }],
      [template, { fileName: 'stack.yaml' }],
      [task, { fileName: 'task.json', placeholderPatterns: ['__[A-Z]+__'] }],
      [task, { fileName: 'task.json', placeholderPatterns: ['@@[A-Z]+@@'] }],
    ];
    const shown = (o: LintOutput | undefined) => JSON.stringify(o?.diagnostics.map((d) => [d.code, d.message, d.range, d.fixes]));
    const alone = runs.map(([text, options]) => shown(lint(text, options)));
    let pauses = 0;
    // A slice of 0 ms pauses at every stage and rule, so the four take turns; each pause also runs a fifth lint.
    const together = await Promise.all(runs.map(([text, options]) => lintInterruptible(text, options, () => (pauses++, lint(task, { placeholderPatterns: ['.+'] }), false), 0)));
    assert.ok(pauses > 20, `the lints took turns (${pauses} pauses)`);
    assert.deepEqual(together.map(shown), alone);
    const wrongType = together.map((o) => o!.diagnostics.some((d) => d.code === 'wrong-type'));
    assert.deepEqual(wrongType, [false, true, false, true], 'the patterns made a difference, so the comparison can tell');
  });

  it('a lazy fix built after other lints still reads its own lint\'s patterns', () => {
    // Container b gets awslogs copied from a only when a's Region, @@REGION@@, counts as a placeholder.
    const text = JSON.stringify(
      {
        family: 'web',
        containerDefinitions: [
          { name: 'a', image: 'nginx:1.27', logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/web', 'awslogs-region': '@@REGION@@', 'awslogs-stream-prefix': 'ecs' } } },
          { name: 'b', image: 'nginx:1.27' },
        ],
      },
      null,
      2,
    );
    const fixOf = (o: LintOutput) => o.diagnostics.find((d) => d.code === 'log-configuration-missing')?.fixes?.[0];
    const late = lint(text, { placeholderPatterns: ['@@[A-Z]+@@'] });
    const plain = lint(text);
    assert.match(fixOf(late)!.title, /^Add awslogs like 'a'/);
    assert.ok(fixOf(late)!.edits[0].content.includes('@@REGION@@'));
    assert.doesNotMatch(fixOf(plain)!.title, /like 'a'/);
  });

  it('workflow checks take the patterns from their options', () => {
    const workflow = [
      'on: push',
      'jobs:',
      '  deploy:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - id: td',
      '        uses: aws-actions/amazon-ecs-render-task-definition@v1',
      '        with:',
      '          task-definition: task.json',
      '          container-name: "@@NAME@@"',
      '          image: x',
      '',
    ].join('\n');
    const linked = { files: new Map([['task.json', '{ "family": "x", "containerDefinitions": [ { "name": "web", "image": "nginx:1" } ] }']]) };
    const codes = (options: LintOptions) => checkWorkflow(workflow, linked, options).map((d) => d.code);
    assert.deepEqual(codes({}), ['unknown-container-reference']);
    assert.deepEqual(codes({ placeholderPatterns: ['@@[A-Z]+@@'] }), []);
  });
});
