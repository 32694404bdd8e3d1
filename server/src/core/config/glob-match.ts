/**
 * Glob matching in time linear in the path (times the glob's length), whatever the glob.
 *
 * Globs come from settings and from a repository's `.ecs-taskdef.json`. Translated to a RegExp, a glob like
 * `**a**a**a**a**a**ab` backtracks for minutes on a long path; here the glob is a small automaton and the path is
 * read once, with the set of states it can be in. Same syntax and meaning as file-detection.ts's
 * globToRegExp: `**` any characters, `**\/` any folders (or none), `*` and `?` within one path segment,
 * `{a,b}` alternatives; a glob matches the whole path or a part of it that starts after a `/`.
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

export class GlobMatcher {
  private readonly states: State[] = [];
  private readonly start: number;
  private readonly accept: number;

  constructor(glob: string) {
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

  /** True when the glob matches `path` (forward slashes), or its part after some `/`. */
  matches(path: string): boolean {
    let current = this.closure([this.start]);
    for (let k = 0; k < path.length; k++) {
      const c = path[k];
      const next: number[] = [];
      for (const s of current) {
        const st = this.states[s];
        if (st.test?.(c)) next.push(st.to!);
      }
      if (c === '/') next.push(this.start); // a match may start after any slash
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
