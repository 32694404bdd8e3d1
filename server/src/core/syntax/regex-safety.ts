/**
 * A static check of user-supplied regular expressions (`placeholderPatterns`) for catastrophic backtracking.
 *
 * JavaScript's RegExp engine backtracks: when a pattern can match the same characters in more than one way,
 * a string that almost matches makes it try every way, which takes exponential (`(a+)+$`) or high polynomial
 * (`.*x.*x.*y`) time and hangs whoever runs it. Patterns come from settings and from a repository's
 * `.ecs-taskdef.json`, so they are checked before use and refused when this check finds such an ambiguity.
 *
 * The check is a conservative heuristic, not a proof: it looks for a "choice point" (a repetition of variable
 * count such as `a+`, `x?`, `\d{1,3}`, or an alternation whose alternatives can start alike such as `(a|ab)`)
 * where text that the choice point could take or leave could also be taken by a later choice point: directly,
 * through required characters that both accept, or on the next round of an enclosing repetition. Some patterns
 * that are in fact fast are refused too (`(?:foo|food)+`); they can always be written so that each character
 * has one way to be matched.
 * Placeholders additionally run user patterns only on strings up to a length limit (placeholders.ts).
 */

/** Longer patterns are refused outright. */
export const MAX_PATTERN_LENGTH = 1000;
/** Steps the ambiguity search may take per pattern before giving up (and refusing the pattern). */
const STEP_BUDGET = 50_000;

// ---------------------------------------------------------------------------------------------------------
// Character sets: the 128 ASCII characters as bits, plus one flag for "some character above ASCII".

interface CharSet {
  ascii: bigint;
  other: boolean;
}

const ASCII_ALL = (1n << 128n) - 1n;
const NONE: CharSet = { ascii: 0n, other: false };
const ANY: CharSet = { ascii: ASCII_ALL, other: true };

function range(lo: number, hi: number): CharSet {
  let ascii = 0n;
  for (let c = lo; c <= Math.min(hi, 127); c++) ascii |= 1n << BigInt(c);
  return { ascii, other: hi > 127 };
}
const ch = (c: number): CharSet => range(c, c);
const union = (...sets: CharSet[]): CharSet => ({ ascii: sets.reduce((a, s) => a | s.ascii, 0n), other: sets.some((s) => s.other) });
const intersect = (a: CharSet, b: CharSet): CharSet => ({ ascii: a.ascii & b.ascii, other: a.other && b.other });
const isEmpty = (s: CharSet): boolean => s.ascii === 0n && !s.other;
// The complement of a set may always contain characters above ASCII (we do not track which ones).
const complement = (s: CharSet): CharSet => ({ ascii: ASCII_ALL & ~s.ascii, other: true });

const DIGIT = range(48, 57);
const WORD = union(DIGIT, range(65, 90), range(97, 122), ch(95));
const SPACE = { ...union(range(9, 13), ch(32)), other: true };
const DOT = complement(union(ch(10), ch(13)));

function caseFold(s: CharSet): CharSet {
  const upper = (s.ascii >> 65n) & ((1n << 26n) - 1n);
  const lower = (s.ascii >> 97n) & ((1n << 26n) - 1n);
  return { ascii: s.ascii | (lower << 65n) | (upper << 97n), other: s.other };
}

// ---------------------------------------------------------------------------------------------------------
// The pattern as a tree (JavaScript syntax without the u flag, as placeholders.ts compiles it).

type Node = CharNode | GroupNode | RepeatNode | AssertNode | BackrefNode;
interface Base {
  start: number;
  end: number;
  parent?: Node;
}
interface CharNode extends Base {
  t: 'char';
  set: CharSet;
}
interface GroupNode extends Base {
  t: 'group';
  alts: Node[][];
  /** Lookahead or lookbehind: consumes nothing, and is never backtracked into once it matched. */
  zeroWidth: boolean;
}
interface RepeatNode extends Base {
  t: 'repeat';
  body: Node;
  min: number;
  max: number;
}
interface AssertNode extends Base {
  t: 'assert';
}
interface BackrefNode extends Base {
  t: 'backref';
}

class Unparsable extends Error {}

function parse(src: string): Node[][] {
  let i = 0;
  const namedGroups = /\(\?<(?![=!])/.test(src);
  const fold = /\(\?[a-z]*i[a-z-]*:|\(\?-[a-z]*i/.test(src);
  const set = (s: CharSet): CharSet => (fold ? caseFold(s) : s);

  function alternatives(): Node[][] {
    const alts = [sequence()];
    while (src[i] === '|') {
      i++;
      alts.push(sequence());
    }
    return alts;
  }

  function sequence(): Node[] {
    const items: Node[] = [];
    while (i < src.length && src[i] !== '|' && src[i] !== ')') {
      const atomNode = atom();
      const q = quantifier();
      if (!q) items.push(atomNode);
      else {
        const rep: RepeatNode = { t: 'repeat', body: atomNode, min: q.min, max: q.max, start: atomNode.start, end: i };
        atomNode.parent = rep;
        items.push(rep);
      }
    }
    return items;
  }

  function quantifier(): { min: number; max: number } | undefined {
    const c = src[i];
    let q: { min: number; max: number } | undefined;
    if (c === '*') q = { min: 0, max: Infinity };
    else if (c === '+') q = { min: 1, max: Infinity };
    else if (c === '?') q = { min: 0, max: 1 };
    if (q) i++;
    else if (c === '{') {
      const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(src.slice(i));
      if (!m) return undefined;
      const min = Number(m[1]);
      q = { min, max: m[2] ? (m[3] ? Number(m[3]) : Infinity) : min };
      i += m[0].length;
    } else return undefined;
    if (src[i] === '?') i++; // lazy: the same ways to match, tried in another order
    return q;
  }

  function atom(): Node {
    const start = i;
    const c = src[i++];
    const node = (n: Omit<CharNode, 'start' | 'end'> | Omit<AssertNode, 'start' | 'end'> | Omit<BackrefNode, 'start' | 'end'>): Node =>
      ({ ...n, start, end: i }) as Node;
    if (c === '(') return group(start);
    if (c === '[') return node({ t: 'char', set: set(charClass()) });
    if (c === '.') return node({ t: 'char', set: DOT });
    if (c === '^' || c === '$') return node({ t: 'assert' });
    if (c === '\\') {
      const e = src[i++];
      if (e === undefined) throw new Unparsable();
      if (e === 'b' || e === 'B') return node({ t: 'assert' });
      if (/[1-9]/.test(e)) {
        while (/[0-9]/.test(src[i] ?? '')) i++;
        return node({ t: 'backref' });
      }
      if (e === 'k' && namedGroups && src[i] === '<') {
        const close = src.indexOf('>', i);
        if (close < 0) throw new Unparsable();
        i = close + 1;
        return node({ t: 'backref' });
      }
      return node({ t: 'char', set: set(escape(e)) });
    }
    if (c === '*' || c === '+' || c === '?') throw new Unparsable(); // invalid; new RegExp() would have refused it
    return node({ t: 'char', set: set(ch(c.charCodeAt(0))) });
  }

  function group(start: number): GroupNode {
    let zeroWidth = false;
    if (src[i] === '?') {
      const rest = src.slice(i + 1);
      const m = /^(?::|=|!|<=|<!|<[^>]*>|[a-z]*(?:-[a-z]*)?:)/.exec(rest);
      if (!m) throw new Unparsable();
      zeroWidth = m[0] === '=' || m[0] === '!' || m[0] === '<=' || m[0] === '<!';
      i += 1 + m[0].length;
    }
    const alts = alternatives();
    if (src[i] !== ')') throw new Unparsable();
    i++;
    const g: GroupNode = { t: 'group', alts, zeroWidth, start, end: i };
    for (const alt of alts) for (const n of alt) n.parent = g;
    return g;
  }

  /** After `\`: the set of one character escape (a class like `\d`, or one character). */
  function escape(e: string): CharSet {
    switch (e) {
      case 'd':
        return DIGIT;
      case 'D':
        return complement(DIGIT);
      case 'w':
        return WORD;
      case 'W':
        return complement(WORD);
      case 's':
        return SPACE;
      case 'S':
        return complement(SPACE);
      case 'n':
        return ch(10);
      case 'r':
        return ch(13);
      case 't':
        return ch(9);
      case 'f':
        return ch(12);
      case 'v':
        return ch(11);
      case '0':
        return ch(0);
      case 'x':
      case 'u': {
        const m = (e === 'x' ? /^[0-9a-fA-F]{2}/ : /^[0-9a-fA-F]{4}/).exec(src.slice(i));
        if (!m) return ch(e.charCodeAt(0));
        i += m[0].length;
        return ch(parseInt(m[0], 16));
      }
      case 'c':
        return ANY; // \cX control characters: not worth the detail
      default:
        return ch(e.charCodeAt(0));
    }
  }

  function charClass(): CharSet {
    const negate = src[i] === '^';
    if (negate) i++;
    let acc: CharSet = NONE;
    // `[]` matches nothing and `[^]` anything: a `]` right after `[` closes the class in JavaScript.
    while (i < src.length && src[i] !== ']') {
      const lo = classAtom();
      if (src[i] === '-' && src[i + 1] !== ']' && i + 1 < src.length && lo.code !== undefined) {
        const save = i;
        i++;
        const hi = classAtom();
        if (hi.code !== undefined && hi.code >= lo.code) {
          acc = union(acc, range(lo.code, hi.code));
          continue;
        }
        i = save; // `[\w-x]`: the `-` is a character
      }
      acc = union(acc, lo.set);
    }
    if (src[i] !== ']') throw new Unparsable();
    i++;
    return negate ? complement(acc) : acc;
  }

  function classAtom(): { set: CharSet; code?: number } {
    const c = src[i++];
    if (c !== '\\') return { set: ch(c.charCodeAt(0)), code: c.charCodeAt(0) };
    const e = src[i++];
    if (e === undefined) throw new Unparsable();
    if (e === 'b') return { set: ch(8), code: 8 };
    if ('dDwWsS'.includes(e)) return { set: escape(e) };
    const before = i;
    const s = escape(e);
    if (s === ANY) return { set: s };
    // One character: find its code for ranges.
    const code = e === 'x' || e === 'u' ? (i > before ? parseInt(src.slice(before, i), 16) : e.charCodeAt(0)) : codeOf(e);
    return { set: s, code };
  }

  const result = alternatives();
  if (i !== src.length) throw new Unparsable();
  return result;
}

function codeOf(e: string): number {
  const simple: Record<string, number> = { n: 10, r: 13, t: 9, f: 12, v: 11, '0': 0 };
  return simple[e] ?? e.charCodeAt(0);
}

// ---------------------------------------------------------------------------------------------------------
// Facts about nodes.

function nullable(n: Node): boolean {
  switch (n.t) {
    case 'char':
      return false;
    case 'assert':
    case 'backref':
      return true;
    case 'group':
      return n.zeroWidth || n.alts.some((alt) => alt.every(nullable));
    case 'repeat':
      return n.min === 0 || nullable(n.body);
  }
}

/** Characters a match of `n` can start with. */
function first(n: Node): CharSet {
  switch (n.t) {
    case 'char':
      return n.set;
    case 'assert':
      return NONE;
    case 'backref':
      return ANY;
    case 'group':
      return n.zeroWidth ? NONE : union(...n.alts.map((alt) => firstOfSeq(alt)));
    case 'repeat':
      return first(n.body);
  }
}

function firstOfSeq(items: Node[]): CharSet {
  const sets: CharSet[] = [];
  for (const n of items) {
    sets.push(first(n));
    if (!nullable(n)) break;
  }
  return union(...sets);
}

/** Every character a match of `n` can contain. */
function allChars(n: Node): CharSet {
  switch (n.t) {
    case 'char':
      return n.set;
    case 'assert':
      return NONE;
    case 'backref':
      return ANY;
    case 'group':
      return n.zeroWidth ? NONE : union(...n.alts.flatMap((alt) => alt.map(allChars)));
    case 'repeat':
      return allChars(n.body);
  }
}

/** A point where the engine chooses between ways to go on: a repetition of variable count, or alternatives that can start alike. */
function isChoicePoint(n: Node): boolean {
  if (n.t === 'repeat') return n.min !== n.max && !isEmpty(first(n.body));
  if (n.t !== 'group' || n.zeroWidth || n.alts.length < 2) return false;
  const firsts = n.alts.map((alt) => firstOfSeq(alt));
  if (n.alts.filter((alt) => alt.every(nullable)).length > 1) return true;
  for (let a = 0; a < firsts.length; a++) for (let b = a + 1; b < firsts.length; b++) if (!isEmpty(intersect(firsts[a], firsts[b]))) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------------------
// The search: from each choice point P, walk forward through what can follow it, keeping the characters that
// P could have taken instead; meeting another choice point that can start with one of them means the same
// text can be split two ways.

interface Found {
  p: Node;
  x: Node;
  /** The enclosing repetition whose next round was reached. */
  loop?: RepeatNode;
}

class Budget extends Error {}

type Cont = (c: CharSet, loop: RepeatNode | undefined) => void;

function findAmbiguity(roots: Node[][]): Found | undefined {
  let steps = 0;
  let found: Found | undefined;
  let p: Node;

  const tick = (): void => {
    if (++steps > STEP_BUDGET) throw new Budget();
  };

  function visit(x: Node, c: CharSet, loop: RepeatNode | undefined, rest: Cont): void {
    if (found) return;
    tick();
    if (isChoicePoint(x) && !isEmpty(intersect(c, first(x)))) {
      found = { p, x, loop };
      return;
    }
    switch (x.t) {
      case 'assert':
        return rest(c, loop);
      case 'backref':
        return rest(c, loop);
      case 'char': {
        const narrowed = intersect(c, x.set);
        if (!isEmpty(narrowed)) rest(narrowed, loop);
        return;
      }
      case 'group':
        if (x.zeroWidth) return rest(c, loop);
        for (const alt of x.alts) seq(alt, 0, c, loop, rest);
        return;
      case 'repeat':
        if (x.min === 0) rest(c, loop);
        visit(x.body, c, loop, rest);
        return;
    }
  }

  function seq(items: Node[], i: number, c: CharSet, loop: RepeatNode | undefined, rest: Cont): void {
    if (i === items.length) return rest(c, loop);
    visit(items[i], c, loop, (c2, l2) => seq(items, i + 1, c2, l2, rest));
  }

  /** What follows `n` in the pattern: the rest of its sequence, then of its parents; for a parent repetition, also its next round. */
  function after(n: Node): Cont {
    const parent = n.parent;
    if (!parent) {
      const alt = roots.find((a) => a.includes(n))!;
      return (c, loop) => seq(alt, alt.indexOf(n) + 1, c, loop, () => undefined);
    }
    if (parent.t === 'group') {
      const alt = parent.alts.find((a) => a.includes(n))!;
      // Lookarounds are atomic: once matched they are not retried, so nothing after them trades with inside.
      const outer: Cont = parent.zeroWidth ? () => undefined : after(parent);
      return (c, loop) => seq(alt, alt.indexOf(n) + 1, c, loop, outer);
    }
    if (parent.t === 'repeat') {
      const outer = after(parent);
      return (c, loop) => {
        outer(c, loop);
        if (parent.max > 1) visit(parent.body, c, loop ?? parent, outer);
      };
    }
    return () => undefined;
  }

  const all: Node[] = [];
  const collect = (n: Node): void => {
    all.push(n);
    if (n.t === 'group') for (const alt of n.alts) for (const m of alt) collect(m);
    if (n.t === 'repeat') collect(n.body);
  };
  for (const alt of roots) for (const n of alt) collect(n);

  for (const n of all) {
    if (!isChoicePoint(n)) continue;
    p = n;
    // What the choice point could take instead of what follows it, or leave to it: for a repetition, text that
    // starts like its body (one round more or less); for alternatives, any of their characters.
    after(n)(n.t === 'repeat' ? first(n.body) : allChars(n), undefined);
    if (found) return found;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------

/**
 * Why `source` (a valid JavaScript regular expression) is refused, or undefined when it passes the check.
 * The reason is a sentence fragment that names the parts of the pattern involved.
 */
export function unsafeRegexReason(source: string): string | undefined {
  if (source.length > MAX_PATTERN_LENGTH) return `it is longer than ${MAX_PATTERN_LENGTH.toLocaleString('en-US')} characters`;
  let roots: Node[][];
  try {
    roots = parse(source);
  } catch {
    return 'it could not be checked for catastrophic backtracking';
  }
  let found: Found | undefined;
  try {
    found = findAmbiguity(roots);
  } catch (e) {
    // A stack overflow means the same as an exhausted budget: too deep to follow.
    if (e instanceof Budget || e instanceof RangeError) return 'it is too complex to check for catastrophic backtracking';
    throw e;
  }
  if (!found) return undefined;
  const text = (n: Node): string => `'${source.slice(n.start, n.end)}'`;
  const where = found.loop
    ? found.x === found.p
      ? `${text(found.p)} can match the same characters in consecutive rounds of ${text(found.loop)}`
      : `${text(found.p)} and ${text(found.x)} can match the same characters in consecutive rounds of ${text(found.loop)}`
    : `${text(found.p)} and the ${text(found.x)} after it can match the same characters`;
  return `${where}, so a string that almost matches makes matching take exponentially or polynomially long (catastrophic backtracking)`;
}
