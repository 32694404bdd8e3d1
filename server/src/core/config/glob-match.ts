/**
 * The one glob matcher: settings and `.ecs-taskdef.json` globs (file detection) and the CLI's glob arguments.
 * Matching takes time linear in the path (times the glob's length), whatever the glob: globs come from settings
 * and from a repository's `.ecs-taskdef.json`, and translated to a RegExp a glob like `**a**a**a**a**a**ab`
 * backtracks for minutes on a long path; here the glob is a small automaton and the path is read once, with the
 * set of states it can be in.
 *
 * Syntax: `**` any characters, `**\/` any folders (or none), `*` and `?` within one path segment, `{a,b}`
 * alternatives (nested too; an unclosed `{` is an ordinary character), `[abc]`, `[a-z]` and `[!a-z]` or `[^a-z]`
 * one character of a set or outside it (never `/`; an unclosed `[` is an ordinary character).
 * By default a glob matches the whole path or a part of it that starts after a `/` (settings: `*.json` matches
 * `/w/x.json`); `anchored` matches the whole path only (the CLI: a pattern relative to its base folder).
 */

interface State {
  /** Characters this state consumes, and the state after it. */
  test?: (c: string) => boolean;
  to?: number;
  /** Moves without consuming a character. */
  eps: number[];
}

const ANY = (): boolean => true;
const NOT_SLASH = (c: string): boolean => c !== '/';

export interface GlobOptions {
  /** Match the whole path only, not also a part of it after a `/`. */
  anchored?: boolean;
}

export class GlobMatcher {
  private readonly states: State[] = [];
  private readonly start: number;
  private readonly accept: number;
  private readonly anchored: boolean;

  constructor(glob: string, options: GlobOptions = {}) {
    this.anchored = options.anchored ?? false;
    this.start = this.add();
    let i = 0;
    const parse = (from: number, inBraces: boolean): number => {
      // Returns the state reached after the sequence; stops before `,` or `}` inside braces.
      let cur = from;
      while (i < glob.length) {
        const c = glob[i];
        if (inBraces && (c === ',' || c === '}')) return cur;
        if (c === '*' && glob[i + 1] === '*') {
          const slash = glob[i + 2] === '/';
          i += slash ? 3 : 2;
          const loop = this.add();
          this.states[cur].eps.push(loop);
          this.states[loop].test = ANY;
          this.states[loop].to = loop;
          const next = this.add();
          if (slash) {
            // `(?:.*\/)?`: nothing, or anything that ends with a slash.
            this.states[cur].eps.push(next);
            const slashState = this.add();
            this.states[loop].eps.push(slashState);
            this.states[slashState].test = (ch) => ch === '/';
            this.states[slashState].to = next;
          } else this.states[loop].eps.push(next);
          cur = next;
        } else if (c === '*') {
          i++;
          const loop = this.add();
          this.states[cur].eps.push(loop);
          this.states[loop].test = NOT_SLASH;
          this.states[loop].to = loop;
          const next = this.add();
          this.states[loop].eps.push(next);
          cur = next;
        } else if (c === '{' && closes(glob, i)) {
          i++;
          const end = this.add();
          for (;;) {
            const branch = this.add();
            this.states[cur].eps.push(branch);
            const tail = parse(branch, true);
            this.states[tail].eps.push(end);
            if (glob[i] === ',') i++;
            else {
              i++; // `}`
              break;
            }
          }
          cur = end;
        } else if (c === '[' && classEnd(glob, i) > 0) {
          const end = classEnd(glob, i);
          const test = charClass(glob.slice(i + 1, end));
          i = end + 1;
          const next = this.add();
          this.states[cur].test = test;
          this.states[cur].to = next;
          cur = next;
        } else {
          i++;
          const next = this.add();
          this.states[cur].test = c === '?' ? NOT_SLASH : (ch) => ch === c;
          this.states[cur].to = next;
          cur = next;
        }
      }
      return cur;
    };
    this.accept = parse(this.start, false);
  }

  private add(): number {
    this.states.push({ eps: [] });
    return this.states.length - 1;
  }

  /** True when the glob matches `path` (forward slashes), or (not anchored) its part after some `/`. */
  matches(path: string): boolean {
    let current = this.closure([this.start]);
    for (let k = 0; k < path.length; k++) {
      const c = path[k];
      const next: number[] = [];
      for (const s of current) {
        const st = this.states[s];
        if (st.test?.(c)) next.push(st.to!);
      }
      if (c === '/' && !this.anchored) next.push(this.start); // a match may start after any slash
      current = this.closure(next);
    }
    return current.includes(this.accept);
  }

  private closure(from: number[]): number[] {
    const seen = new Uint8Array(this.states.length);
    const out: number[] = [];
    const stack = [...from];
    while (stack.length > 0) {
      const s = stack.pop()!;
      if (seen[s]) continue;
      seen[s] = 1;
      out.push(s);
      for (const e of this.states[s].eps) if (!seen[e]) stack.push(e);
    }
    return out;
  }
}

/** True when the `{` at `i` has a matching `}` (unclosed braces are ordinary characters). */
function closes(glob: string, i: number): boolean {
  let depth = 0;
  for (let k = i; k < glob.length; k++) {
    if (glob[k] === '{') depth++;
    else if (glob[k] === '}' && --depth === 0) return true;
  }
  return false;
}

/** Where the `[` at `i` closes (a `]` right after `[`, `[!` or `[^` is a member), or -1 when it does not. */
function classEnd(glob: string, i: number): number {
  let k = i + 1;
  if (glob[k] === '!' || glob[k] === '^') k++;
  if (glob[k] === ']') k++;
  for (; k < glob.length; k++) {
    if (glob[k] === '\\') k++;
    else if (glob[k] === ']') return k;
    else if (glob[k] === '/') return -1; // a set never spans folders
  }
  return -1;
}

/** The test for one character of a set such as `a-z_`, `!0-9` or `^.`; never `/`. */
function charClass(body: string): (c: string) => boolean {
  const negated = body[0] === '!' || body[0] === '^';
  const ranges: Array<[string, string]> = [];
  for (let k = negated ? 1 : 0; k < body.length; k++) {
    let lo = body[k];
    if (lo === '\\' && k + 1 < body.length) lo = body[++k];
    let hi = lo;
    if (body[k + 1] === '-' && k + 2 < body.length) {
      hi = body[k + 2];
      if (hi === '\\' && k + 3 < body.length) hi = body[++k + 2];
      k += 2;
    }
    ranges.push([lo, hi]);
  }
  return (c) => c !== '/' && ranges.some(([lo, hi]) => c >= lo && c <= hi) !== negated;
}
