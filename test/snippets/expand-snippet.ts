/**
 * Expands a VS Code snippet body with every placeholder at its default, the way VS Code shows it before the
 * user types anything: `${1:default}` → default (nested placeholders expanded), `${1|a,b|}` → `a`, `$1` / `${1}`
 * → the default given to tabstop 1 elsewhere (else empty), `$0` → empty. Variables and transforms are
 * rejected: our snippets do not use them, and guessing their value would hide a broken snippet.
 */

type Node =
  | { type: 'text'; value: string }
  | { type: 'tabstop'; index: number; children?: Node[]; choices?: string[] }
  | { type: 'variable'; name: string };

export class SnippetSyntaxError extends Error {}

export function expandSnippet(body: string | readonly string[]): string {
  const source = typeof body === 'string' ? body : body.join('\n');
  const nodes = new Parser(source).parse();
  const defaults = new Map<number, Node[] | string>();
  collectDefaults(nodes, defaults);
  return render(nodes, defaults, new Set());
}

function collectDefaults(nodes: Node[], out: Map<number, Node[] | string>): void {
  for (const n of nodes) {
    if (n.type !== 'tabstop') continue;
    if (!out.has(n.index)) {
      if (n.choices) out.set(n.index, n.choices[0] ?? '');
      else if (n.children) out.set(n.index, n.children);
    }
    if (n.children) collectDefaults(n.children, out);
  }
}

function render(nodes: Node[], defaults: Map<number, Node[] | string>, active: Set<number>): string {
  let out = '';
  for (const n of nodes) {
    if (n.type === 'text') out += n.value;
    else if (n.type === 'variable') throw new SnippetSyntaxError(`snippet variable $${n.name} is not supported`);
    else {
      const value = n.choices ? n.choices[0] : (n.children ?? defaults.get(n.index));
      if (value === undefined) continue;
      if (typeof value === 'string') {
        out += value;
        continue;
      }
      if (active.has(n.index)) throw new SnippetSyntaxError(`tabstop $${n.index} contains itself`);
      active.add(n.index);
      out += render(value, defaults, active);
      active.delete(n.index);
    }
  }
  return out;
}

class Parser {
  private pos = 0;
  constructor(private readonly src: string) {}

  parse(): Node[] {
    const nodes = this.sequence(false);
    if (this.pos < this.src.length) throw new SnippetSyntaxError(`unexpected '${this.src[this.pos]}' at ${this.pos}`);
    return nodes;
  }

  /** Text and `$` constructs until the end, or until an unescaped `}` when inside a placeholder. */
  private sequence(inPlaceholder: boolean): Node[] {
    const nodes: Node[] = [];
    let text = '';
    const flush = () => {
      if (text) nodes.push({ type: 'text', value: text });
      text = '';
    };
    while (this.pos < this.src.length) {
      const c = this.src[this.pos];
      if (c === '\\' && '$}\\'.includes(this.src[this.pos + 1] ?? '')) {
        text += this.src[this.pos + 1];
        this.pos += 2;
      } else if (c === '}' && inPlaceholder) {
        break;
      } else if (c === '$') {
        const node = this.dollar();
        if (node) {
          flush();
          nodes.push(node);
        } else {
          text += '$';
          this.pos++;
        }
      } else {
        text += c;
        this.pos++;
      }
    }
    flush();
    return nodes;
  }

  /** Parses a `$` construct at `pos`; returns undefined (pos unchanged) when `$` is literal. */
  private dollar(): Node | undefined {
    const rest = this.src.slice(this.pos + 1);
    const simple = /^(\d+|[A-Za-z_][A-Za-z0-9_]*)/.exec(rest);
    if (simple) {
      this.pos += 1 + simple[1].length;
      return /^\d/.test(simple[1]) ? { type: 'tabstop', index: Number(simple[1]) } : { type: 'variable', name: simple[1] };
    }
    const braced = /^\{(\d+|[A-Za-z_][A-Za-z0-9_]*)([}:|/])/.exec(rest);
    if (!braced) return undefined;
    const start = this.pos;
    this.pos += 1 + braced[0].length;
    const [, id, sep] = braced;
    const isTabstop = /^\d/.test(id);
    if (sep === '/') throw new SnippetSyntaxError(`transforms are not supported (at ${start})`);
    if (!isTabstop) {
      if (sep === '|') throw new SnippetSyntaxError(`choice on variable ${id} (at ${start})`);
      return { type: 'variable', name: id };
    }
    const index = Number(id);
    if (sep === '}') return { type: 'tabstop', index };
    if (sep === ':') {
      const children = this.sequence(true);
      this.expect('}', start);
      return { type: 'tabstop', index, children };
    }
    return { type: 'tabstop', index, choices: this.choices(start) };
  }

  private choices(start: number): string[] {
    const choices: string[] = [];
    let current = '';
    while (this.pos < this.src.length) {
      const c = this.src[this.pos];
      if (c === '\\' && ',|\\$}'.includes(this.src[this.pos + 1] ?? '')) {
        current += this.src[this.pos + 1];
        this.pos += 2;
      } else if (c === ',') {
        choices.push(current);
        current = '';
        this.pos++;
      } else if (c === '|' && this.src[this.pos + 1] === '}') {
        choices.push(current);
        this.pos += 2;
        return choices;
      } else {
        current += c;
        this.pos++;
      }
    }
    throw new SnippetSyntaxError(`unterminated choice starting at ${start}`);
  }

  private expect(ch: string, start: number): void {
    if (this.src[this.pos] !== ch) throw new SnippetSyntaxError(`unterminated placeholder starting at ${start}`);
    this.pos++;
  }
}
