/**
 * Messages are one sentence that names the value and what to do; the explanation lives in docs, hover and
 * `explain`. Every rule's bad fixtures are linted and every message (and related message, and fix title) must
 * fit in 160 characters of the rule's own wording: a value the user wrote, quoted in the message ('…' or "…"),
 * counts as at most 24 characters, and is itself clipped by the rule to at most 64 (see core/clip-value.ts).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint } from '../../server/src/core/lint';
import { clipValue } from '../../server/src/core/clip-value';
import { loadFixtures } from '../helpers/fixtures';

export const MAX_MESSAGE = 160;
/** How much of a quoted value counts toward the limit. */
export const QUOTED_COUNTS = 24;
/** The longest quoted value a message may carry (rules clip longer ones with '…'). */
export const MAX_QUOTED = 64;

/**
 * A quote opens after the start, a space or an opening bracket and closes before the end, a space or punctuation,
 * so the apostrophe of "console's" or "name's" is never taken for one.
 */
const QUOTED = /(?<=^|[\s([{])(['"])(.*?)\1(?=$|[\s)\]},.;:!?])/g;

/** The quoted values of a message. */
export function quotedValues(message: string): string[] {
  return [...message.matchAll(QUOTED)].map((m) => m[2]);
}

/** The message's length with every quoted value counted as at most QUOTED_COUNTS characters. */
export function wordingLength(message: string): number {
  return quotedValues(message).reduce((n, v) => n - Math.max(0, v.length - QUOTED_COUNTS), message.length);
}

/** What is wrong with one message, or undefined. */
function problem(message: string): string | undefined {
  const n = wordingLength(message);
  if (n > MAX_MESSAGE) return `${n} characters of wording`;
  const long = quotedValues(message).find((v) => v.length > MAX_QUOTED);
  return long === undefined ? undefined : `quoted value of ${long.length} characters not clipped`;
}

describe('the message measure', () => {
  it('counts a long quoted value as 24 characters, single or double quotes', () => {
    const arn = 'arn:aws:ssm:eu-west-1:123456789012:parameter/prod/token';
    assert.equal(wordingLength(`'${arn}' is wrong.`), `'' is wrong.`.length + QUOTED_COUNTS);
    assert.equal(wordingLength(`Write "${arn}", not "x".`), `Write "", not "x".`.length + QUOTED_COUNTS);
    assert.equal(wordingLength(`'short' is fine`), `'short' is fine`.length);
  });
  it('does not take an apostrophe for a quote', () => {
    const text = `the console's form drops the name's leading part ${'x'.repeat(60)}`;
    assert.deepEqual(quotedValues(text), []);
    assert.equal(wordingLength(text), text.length);
    assert.deepEqual(quotedValues(`the container's image '${'y'.repeat(30)}' is not pinned.`), ['y'.repeat(30)]);
  });
  it('still fails long wording, and an unclipped value', () => {
    assert.match(problem(`'a' ${'word '.repeat(40)}`) ?? '', /wording/);
    assert.match(problem(`'${'z'.repeat(MAX_QUOTED + 1)}' is bad.`) ?? '', /not clipped/);
    assert.equal(problem(`'${clipValue('z'.repeat(500))}' is bad.`), undefined);
  });
  it('clipValue keeps both ends and at most 48 characters', () => {
    const arn = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-AbC123::';
    const clipped = clipValue(arn);
    assert.equal(clipped.length, 48);
    assert.ok(clipped.startsWith('arn:aws:secretsmanager') && clipped.endsWith('prod/db-AbC123::') && clipped.includes('…'));
    assert.equal(clipValue('a\n  b'), 'a b');
    assert.equal(clipValue(arn, 200), arn);
  });
});

describe('messages stay short (≤ 160 characters) on every bad fixture', () => {
  const bad = loadFixtures().filter((f) => f.kind === 'bad');
  it('covers every rule that has bad fixtures', () => assert.ok(new Set(bad.map((f) => f.ruleId)).size >= 60));
  for (const fx of bad) {
    it(fx.file, () => {
      const long: string[] = [];
      for (const d of lint(fx.text).diagnostics) {
        const check = (what: string, text: string) => {
          const p = problem(text);
          if (p) long.push(`${d.code}${what} (${p}): ${text}`);
        };
        check('', d.message);
        for (const r of d.related ?? []) check(' related', r.message);
        for (const f of d.fixes ?? []) check(' fix', f.title);
      }
      assert.deepEqual(long, []);
    });
  }
});
