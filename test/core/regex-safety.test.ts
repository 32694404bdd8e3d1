/**
 * User placeholder patterns are checked for catastrophic backtracking before they are used (regex-safety.ts),
 * and run only on strings up to MAX_USER_PATTERN_INPUT characters (placeholders.ts).
 */
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { lint } from '../../server/src/core/lint';
import {
  findPlaceholders,
  hasExtraPlaceholderPatterns,
  isWholePlaceholder,
  MAX_USER_PATTERN_INPUT,
  placeholderPatternProblem,
  setExtraPlaceholderPatterns,
} from '../../server/src/core/syntax/placeholders';
import { MAX_PATTERN_LENGTH, unsafeRegexReason } from '../../server/src/core/syntax/regex-safety';
import { WARNING_ONLY_TASK } from '../cli/cli-helpers';

// Each takes exponential or high polynomial time on some string that almost matches.
const CATASTROPHIC = [
  '(a+)+$',
  '(a*)*b',
  '(a|a)*$',
  '(a|aa)+$',
  '(a?)*$',
  '(?:a+){2,}$',
  '(\\w+\\s?)+$',
  '^(([a-z])+.)+[A-Z]([a-z])+$',
  '(x+x+)+y',
  '(.*a){12}',
  '.*x.*y',
  '\\d+\\.?\\d+$',
  'a+a+$',
  '[a-z]*[a-z0-9]*!',
  '(?:a|b?)+c',
  '(a+)\\1*$',
  `${'(?:ab)?'.repeat(30)}$`,
];

// Placeholder syntaxes people write: each character has one way to be matched.
const SAFE = [
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
  '(?<=x)a+',
  '[\\w-]+:[\\w-]+',
];

describe('core/regex-safety: catastrophic backtracking check', () => {
  afterEach(() => setExtraPlaceholderPatterns([]));

  for (const source of CATASTROPHIC) {
    it(`refuses ${source}`, () => {
      new RegExp(source); // valid: the check is about speed, not syntax
      const reason = unsafeRegexReason(source);
      assert.ok(reason, `${source} passed the check`);
      assert.match(reason, /can match the same characters.*catastrophic backtracking/);
    });
  }

  it('accepts common placeholder syntaxes', () => {
    for (const source of SAFE) assert.equal(unsafeRegexReason(source), undefined, source);
  });

  it('names the parts of the pattern involved', () => {
    assert.match(unsafeRegexReason('(a+)+$')!, /^'a\+' can match the same characters in consecutive rounds of '\(a\+\)\+'/);
    assert.match(unsafeRegexReason('x\\d+\\.?\\d+')!, /^'\\d\+' and the '\\d\+' after it can match the same characters/);
  });

  it('refuses patterns too long to check', () => {
    assert.match(unsafeRegexReason(`a${'b'.repeat(MAX_PATTERN_LENGTH)}`)!, /longer than 1,000 characters/);
  });

  it('placeholderPatternProblem: invalid and unsafe patterns, each named with the reason', () => {
    assert.match(placeholderPatternProblem('(unclosed')!, /^Invalid regular expression in placeholderPatterns: .*\(unclosed/);
    assert.match(placeholderPatternProblem('(a+)+$')!, /^Unsafe regular expression in placeholderPatterns: '\(a\+\)\+\$': /);
    assert.equal(placeholderPatternProblem('^@@[A-Z]+@@$'), undefined);
  });

  it('an unsafe pattern is never run: (a+)+$ against "a…ab" (2^30 ways to try) returns at once', () => {
    // If the pattern were compiled and run on this string, this test would not finish.
    const evil = `${'a'.repeat(30)}b`;
    setExtraPlaceholderPatterns(['(a+)+$']);
    assert.equal(hasExtraPlaceholderPatterns(), false);
    assert.deepEqual(findPlaceholders(evil), []);
    const text = WARNING_ONLY_TASK.replace('"name": "web"', `"name": "${evil}"`);
    const out = lint(text, { fileName: 'task-def.json', placeholderPatterns: ['(a+)+$'] });
    assert.ok(out.diagnostics.length > 0, 'the document is linted without the pattern');
  });

  it('safe patterns next to an unsafe one still apply', () => {
    setExtraPlaceholderPatterns(['(a|a)*$', '^@@[A-Z]+@@$']);
    assert.equal(isWholePlaceholder('@@CPU@@'), true);
    assert.deepEqual(findPlaceholders(`${'a'.repeat(30)}b`), []);
  });

  it(`user patterns apply to strings of up to ${MAX_USER_PATTERN_INPUT} characters`, () => {
    setExtraPlaceholderPatterns(['@@[A-Z]+@@']);
    const at = (len: number) => `@@X@@${'-'.repeat(len - 5)}`;
    assert.deepEqual(findPlaceholders(at(MAX_USER_PATTERN_INPUT)), [{ start: 0, end: 5 }]);
    assert.deepEqual(findPlaceholders(at(MAX_USER_PATTERN_INPUT + 1)), []);
    // The built-in syntaxes have no such limit.
    assert.deepEqual(findPlaceholders(`\${X}${'-'.repeat(MAX_USER_PATTERN_INPUT)}`), [{ start: 0, end: 4 }]);
  });
});
