// The single-pass parser builds exactly jsonc-parser's tree (same nodes, offsets, values, parents, keys) or gives
// up; it never accepts a text that jsonc-parser reports an error for. Its flags match walks over the tree.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { getNodeValue, type Node, type ParseError, parseTree } from 'jsonc-parser';
import { fastParseTree, parseTreeLenient } from '../../server/src/core/syntax/fast-parse';
import { nodeValue, registerStrictJsonRoot } from '../../server/src/core/syntax/node-value';
import { parseDocument } from '../../server/src/core/syntax/parse';

const ROOT = join(__dirname, '..', '..');
const OPTIONS = { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true };

interface Plain {
  keys: string[];
  type: string;
  offset: number;
  length: number;
  value?: unknown;
  colonOffset?: number;
  children?: Plain[];
}

/** The tree as plain data; checks on the way that every child points back at its parent. */
function plain(node: Node): Plain {
  const out: Plain = { keys: Object.keys(node).sort(), type: node.type, offset: node.offset, length: node.length };
  if ('value' in node) out.value = node.value;
  if (node.colonOffset !== undefined) out.colonOffset = node.colonOffset;
  if (node.children) {
    for (const c of node.children) assert.equal(c.parent, node, `parent link at ${c.offset}`);
    out.children = node.children.map(plain);
  }
  return out;
}

function reference(text: string): { root: Node | undefined; errors: ParseError[] } {
  const errors: ParseError[] = [];
  return { root: parseTree(text, errors, OPTIONS), errors };
}

function strings(node: Node | undefined, out: string[] = []): string[] {
  if (!node) return out;
  if (node.type === 'string') out.push(node.value as string);
  for (const c of node.children ?? []) strings(c, out);
  return out;
}

function hasDuplicate(node: Node | undefined): boolean {
  if (!node) return false;
  if (node.type === 'object') {
    const keys = (node.children ?? []).map((p) => p.children![0].value as string);
    if (new Set(keys).size !== keys.length) return true;
  }
  return (node.children ?? []).some(hasDuplicate);
}

/** Asserts the fast parse of `text` is jsonc-parser's, or that it gave up. Returns whether it took the text. */
function check(text: string, name = JSON.stringify(text.slice(0, 60))): boolean {
  const fast = fastParseTree(text);
  const ref = reference(text);
  if (!fast) return false;
  assert.equal(ref.errors.length, 0, `${name}: fast path accepted a text with syntax errors`);
  assert.ok(ref.root, name);
  assert.equal(Object.hasOwn(fast.root, 'parent'), Object.hasOwn(ref.root, 'parent'), `${name}: root parent key`);
  assert.deepStrictEqual(plain(fast.root), plain(ref.root), name);
  assert.equal(fast.hasDuplicateKeys, hasDuplicate(ref.root), `${name}: duplicate flag`);
  assert.equal(fast.hasPlaceholderChars, strings(ref.root).some((s) => /[${<#[]/.test(s)), `${name}: placeholder flag`);
  if (fast.strictJson) sameValue(JSON.parse(text), getNodeValue(ref.root), `${name}: strict JSON value`);
  return true;
}

/** Equal as JSON (getNodeValue's objects have no prototype, JSON.parse's do; key order must match too). */
function sameValue(a: unknown, b: unknown, message?: string): void {
  assert.equal(JSON.stringify(a), JSON.stringify(b), message);
}

function files(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) files(p, out);
    else if (/\.(jsonc?|tpl)$/.test(name)) out.push(p);
  }
  return out;
}

const DOCUMENTS = [
  ...files(join(ROOT, 'test', 'corpus', 'files')),
  ...files(join(ROOT, 'test', 'fixtures')),
  ...files(join(ROOT, 'examples')),
  ...files(join(ROOT, 'snippets')),
  ...files('/work/shared/corpus/files'),
].map((path) => ({ path, text: readFileSync(path, 'utf8') }));

describe('fast parser vs jsonc-parser parseTree', () => {
  it('every corpus file, rule fixture, example and snippet: same tree, and the fast path takes every error-free one', () => {
    let taken = 0;
    let clean = 0;
    for (const { path, text } of DOCUMENTS) {
      if (reference(text).errors.length === 0 && text.trim() !== '') clean++;
      if (check(text, path)) taken++;
    }
    assert.ok(DOCUMENTS.length > 150, `only ${DOCUMENTS.length} documents`);
    assert.equal(taken, clean, 'an error-free document fell back to jsonc-parser');
  });

  it('variants of every document: minified, CRLF, tabs, comments everywhere, trailing commas', () => {
    for (const { path, text } of DOCUMENTS) {
      if (reference(text).errors.length > 0) continue;
      const variants = [
        text.replace(/\n/g, '\r\n'),
        text.replace(/ {2}/g, '\t'),
        text.replace(/,\n/g, ', // note\n').replace(/\{\n/g, '{ /* block\n comment */\n'),
        text.replace(/("|\d|true|false|null|\]|\})(\s*\n\s*)(\]|\})/g, '$1,$2$3'),
      ];
      try {
        variants.push(JSON.stringify(JSON.parse(text)));
      } catch {
        // JSONC: no minified variant
      }
      for (const v of variants) check(v, `${path} (variant)`);
    }
  });

  it('edge cases: literals, numbers, escapes, empty containers, duplicates, placeholders', () => {
    const accepted = [
      '{}', '[]', '0', '-0', '1.5e+10', '-2E-3', '"a"', 'true', 'null', ' [ 1 , 2 , ] ', '{"a":1,}',
      '{"a": {"b": [true, false, null, {}, []]}}', '{"a":1,"a":2}', '{"k\\u0041\\n\\"\\\\\\/":"\\u00e9\\b\\f\\r\\t"}',
      '{"image": "${IMAGE}"}', '{"x": "a\\u0024b"}', '{"x": "<id>"}', '// c\n{"a": 1 /* d */}\n// e', '[1]//x',
      '{"a":true}', '[null,false]', '{"__proto__": {"x": 1}}',
    ];
    for (const t of accepted) assert.ok(check(t), `fast path should take ${t}`);
    const rejected = [
      '', '   ', '{', '}', '[1 2]', '{"a" 1}', '{"a":}', '{a:1}', "{'a':1}", '01', '1.', '.5', '-', '+1', '1e', '0x1',
      'tru', 'truex', 'nul', '"abc', '"a\nb"', '"\\x"', '"\\u12"', '[,]', '{,}', '[1,,2]', '{"a":1}{}', '/* open',
      '/ x', '\ufeff{}', '{"a":1}\u00a0', '{"a":"\t"}', 'NaN', '[1]]', '{"a":1,,}',
    ];
    for (const t of rejected) assert.equal(fastParseTree(t), undefined, `fast path should give up on ${JSON.stringify(t)}`);
    // Deep nesting gives up instead of overflowing the stack; 128 levels are still taken.
    assert.equal(fastParseTree('['.repeat(100_000) + ']'.repeat(100_000)), undefined);
    assert.ok(check('['.repeat(128) + ']'.repeat(128)));
    assert.equal(fastParseTree('{"a":'.repeat(129) + '1' + '}'.repeat(129)), undefined);
  });

  it('random JSON values with random layout (property-based)', () => {
    const layout = fc.constantFrom(' ', '', '\n', '\r\n  ', '\t', ' /* c */ ', ' // c\n');
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.array(layout, { minLength: 1, maxLength: 8 }), (value, spaces) => {
        let k = 0;
        const text = JSON.stringify(value, null, 1).replace(/\n */g, () => spaces[k++ % spaces.length]);
        check(text);
      }),
      { numRuns: 400, seed: 42 },
    );
  });

  it('random one-character edits of a real document never make the fast path disagree (property-based)', () => {
    const base = DOCUMENTS.find((d) => d.path.endsWith('.json') && reference(d.text).errors.length === 0)!.text;
    const chars = fc.constantFrom('"', ',', ':', '{', '}', '[', ']', '/', '*', '\\', '1', '-', '.', 'e', 'x', ' ', '\n', '\u00a0');
    fc.assert(
      fc.property(fc.nat(base.length - 1), chars, fc.boolean(), (at, ch, replace) => {
        check(base.slice(0, at) + ch + base.slice(at + (replace ? 1 : 0)), `edit at ${at}`);
      }),
      { numRuns: 1500, seed: 7 },
    );
  });
});

describe('parseDocument on the fast path', () => {
  it('duplicate keys as the tree walk finds them, and the placeholder hint', () => {
    const doc = parseDocument('{"a": 1, "b": {"c": 1, "c": 2}, "a": 3}');
    assert.deepEqual(doc.duplicateKeys.map((d) => [d.ignored.offset, d.winner.offset]), [[1, 32], [15, 23]]);
    assert.equal(doc.mayHavePlaceholders, false);
    assert.equal(parseDocument('{"image": "${IMAGE}"}').mayHavePlaceholders, true);
  });

  it('node values: JSON.parse for strict JSON roots and their last property, getNodeValue otherwise', () => {
    const text = '{"taskDefinition": {"a": 1}, "taskDefinition": {"a": 2, "__proto__": {"p": 1}}}';
    const doc = parseDocument(text);
    const root = doc.root!;
    sameValue(nodeValue(root), JSON.parse(text));
    sameValue(nodeValue(root.children![1].children![1]), JSON.parse('{"a": 2, "__proto__": {"p": 1}}'));
    sameValue(nodeValue(root.children![0].children![1]), { a: 1 });
    const jsonc = parseDocument('{"a": [1, 2,], // c\n}');
    sameValue(nodeValue(jsonc.root!), { a: [1, 2] });
    const other = parseTree('{"x": 1}')!;
    registerStrictJsonRoot(other, '{"x": 1}');
    sameValue(nodeValue(other), { x: 1 });
  });
});

describe('parseTreeLenient', () => {
  it('is parseTree with trailing commas allowed, errors or not', () => {
    for (const text of ['{"a": [1,],}', '{"a": 1 "b": 2}', '[1, // c\n 2]', '{"a": }', '']) {
      const ours = parseTreeLenient(text);
      const theirs = parseTree(text, [], { allowTrailingComma: true });
      assert.deepStrictEqual(ours && plain(ours), theirs && plain(theirs), text);
    }
  });
});
