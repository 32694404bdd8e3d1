/**
 * YAML under abuse: alias bombs, self-referencing aliases, deep nesting, a 5 MB template, tabs, BOM, CRLF,
 * duplicate keys and Windows-1252 bytes each get one clear diagnostic or a normal result, never a crash or a
 * hang. Bounds are asserted as sizes (nodes built, diagnostics given), not as times.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Node } from 'jsonc-parser';
import { lint } from '../../server/src/core/lint';
import { MAX_ALIAS_COUNT, MAX_ALIAS_NODES, readYaml } from '../../server/src/core/syntax/yaml';

const YAML = { fileName: 'template.yaml' };
const template = (properties: string, rest = '') =>
  `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n${properties}${rest}`;
const WEB = '      Family: web\n      ContainerDefinitions:\n        - Name: web\n          Image: nginx:1.27\n          Memory: 512\n';

function countNodes(n: Node | undefined): number {
  if (!n) return 0;
  let total = 1;
  for (const c of n.children ?? []) total += countNodes(c);
  return total;
}

const lines = (text: string) => lint(text, YAML).diagnostics.map((d) => `${d.code} ${d.severity}`);
const notes = (text: string) => lint(text, YAML).diagnostics.filter((d) => d.code === 'not-linted');

describe('aliases: expansion is capped, loops are named', () => {
  it('a "billion laughs" file (9^9 values) builds at most the alias cap and says so once', () => {
    let bomb = '  a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    for (let i = 1; i < 10; i++) bomb += `  a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(',')}]\n`;
    const text = template(WEB, `Metadata:\n${bomb}`);
    const y = readYaml(text);
    assert.ok(countNodes(y.root) < 3 * MAX_ALIAS_NODES, `${countNodes(y.root)} nodes`);
    const n = notes(text);
    assert.equal(n.length, 1);
    assert.match(n[0].message, /YAML alias/);
  });

  it('a hundred aliases of one 20,000-key mapping stop at the node cap, not at two million nodes', () => {
    const big = `{${Array.from({ length: 20_000 }, (_, i) => `k${i}: v`).join(', ')}}`;
    const text = template(WEB, `Metadata:\n  a: &a ${big}\n  b: [${Array(MAX_ALIAS_COUNT).fill('*a').join(', ')}]\n`);
    const y = readYaml(text);
    const nodes = countNodes(y.root);
    assert.ok(nodes < 20_000 * 4 + 4 * MAX_ALIAS_NODES, `${nodes} nodes`);
    assert.match(y.truncated?.message ?? '', new RegExp(`more than ${MAX_ALIAS_NODES} values from here on`));
    assert.equal(y.truncated?.offset, text.indexOf('*a'));
    assert.ok(lines(text).includes('not-linted information'));
  });

  it('`&a [*a]` names a value that contains it: one note at the alias, no recursion', () => {
    for (const text of ['&a [*a]', 'x: &a {y: *a}', 'x: &a [[[*a]]]']) {
      const y = readYaml(text);
      assert.match(y.truncated?.message ?? '', /The alias \*a names a value that contains it/, text);
      assert.equal(y.truncated?.offset, text.indexOf('*a'), text);
      assert.ok(countNodes(y.root) < 10, text);
    }
  });

  it('a file of 5,000 self references answers with one note (aliases are resolved in one walk, not one walk each)', () => {
    const text = Array.from({ length: 5000 }, (_, i) => `x${i}: &a${i} [*a${i}]`).join('\n');
    const d = lint(text, YAML).diagnostics;
    assert.deepEqual(d.map((x) => x.code), ['not-linted']);
    assert.match(d[0].message, /\*a0 names a value that contains it/);
  });

  it('an alias inside an expansion that names the value being expanded stops there', () => {
    const text = 'a: &x {b: &y [*x]}\nc: *y\n';
    const y = readYaml(text);
    assert.ok(y.root);
    assert.ok(countNodes(y.root) < 30);
  });

  it('an alias names the nearest anchor of its name before it, as YAML says (anchors may be redefined)', () => {
    const y = readYaml('a: &n one\nb: *n\nc: &n two\nd: *n\n');
    const values = y.root!.children!.map((p) => p.children![1].value);
    assert.deepEqual(values, ['one', 'one', 'two', 'two']);
  });

  it('an alias to an anchor that was never defined is a syntax error, not a crash', () => {
    const d = lint(template(WEB, 'Metadata:\n  x: *nowhere\n'), YAML).diagnostics;
    assert.deepEqual(d.map((x) => x.code), ['json-syntax']);
  });
});

describe('deep nesting', () => {
  for (const [name, text] of [
    ['5,000 nested flow sequences', template(`      Family: ${'['.repeat(5000)}${']'.repeat(5000)}\n`)],
    ['3,000 nested block mappings', template(Array.from({ length: 3000 }, (_, i) => `${' '.repeat(6 + i * 2)}k:`).join('\n') + ' 1\n')],
    ['2,000 nested block sequences', template(Array.from({ length: 2000 }, (_, i) => `${' '.repeat(6 + i * 2)}-`).join('\n') + ' 1\n')],
  ] as const) {
    it(`${name}: one note, no tree`, () => {
      const d = lint(text, YAML).diagnostics;
      assert.deepEqual(d.map((x) => `${x.code} ${x.severity}`), ['not-linted information']);
      assert.match(d[0].message, /nests/);
    });
  }

  it('200 levels (past our cap, within the parser): the task is linted, the deep value is cut with a note', () => {
    const deep = `${'['.repeat(200)}${']'.repeat(200)}`;
    const d = lint(template(`${WEB}      Tags: ${deep}\n`), YAML).diagnostics;
    assert.ok(d.some((x) => x.code === 'not-linted' && /deeper than 128 levels/.test(x.message)));
    assert.ok(d.some((x) => x.code === 'readonly-root-filesystem'), 'the rest of the task is still linted');
  });
});

describe('a 5 MB template', () => {
  const containers = Array.from({ length: 36_000 }, (_, i) => `        - Name: c${i}\n          Image: nginx:1.${i}\n          Memory: 512\n          Environment:\n            - Name: A\n              Value: b\n`).join('');
  const text = template(`      Family: x\n      ContainerDefinitions:\n${containers}`);

  it('gets the size note and the size error, and no per-container findings', () => {
    assert.ok(text.length > 5_000_000);
    const d = lint(text, YAML).diagnostics;
    assert.deepEqual(d.map((x) => x.code).sort(), ['not-linted', 'task-definition-too-large']);
    assert.match(d.find((x) => x.code === 'not-linted')!.message, /ecsTaskdef\.maxFileSize/);
  });
});

describe('encodings and whitespace', () => {
  const clean = template(WEB);
  const baseline = lines(clean);

  it('the clean template has findings to compare against', () => {
    assert.ok(baseline.length >= 2);
  });

  it('a byte-order mark changes nothing', () => {
    assert.deepEqual(lines('\uFEFF' + clean), baseline);
  });

  it('CRLF line ends change nothing, and ranges still cover the value', () => {
    const crlf = clean.replace(/\n/g, '\r\n');
    assert.deepEqual(lines(crlf), baseline);
    const tag = lint(crlf, YAML).diagnostics.find((x) => x.code === 'readonly-root-filesystem')!;
    assert.equal(crlf.slice(tag.range.offset, tag.range.offset + tag.range.length), 'web');
  });

  it('a tab used as indentation is one syntax error on the tab', () => {
    const text = template('\tFamily: web\n');
    const d = lint(text, YAML).diagnostics;
    assert.deepEqual(d.map((x) => x.code), ['json-syntax']);
    assert.match(d[0].message, /^YAML syntax error: .*[Tt]ab/);
  });

  it('tabs inside values and after keys are fine', () => {
    assert.deepEqual(lines(clean.replace('Family: web', 'Family:\tweb\t# a comment')), baseline);
  });

  it('a duplicate key is reported once, on the one that is dropped', () => {
    const text = template(`      Family: one\n${WEB}`);
    const dup = lint(text, YAML).diagnostics.filter((x) => x.code === 'duplicate-key');
    assert.equal(dup.length, 1);
    assert.equal(dup[0].range.offset, text.indexOf('Family: one'));
  });

  it('Windows-1252 bytes read as UTF-8 are one syntax error naming the encoding, on the first bad byte', () => {
    const bytes = Buffer.concat([Buffer.from(template(`${WEB}      Tags:\n        - Key: owner\n          Value: Andr`)), Buffer.from([0xe9, 0x20, 0x96, 0x20]), Buffer.from('x\n')]);
    const text = bytes.toString('utf8');
    const d = lint(text, YAML).diagnostics;
    assert.deepEqual(d.map((x) => x.code), ['json-syntax']);
    assert.match(d[0].message, /not valid UTF-8.*Windows-1252/);
    assert.equal(d[0].range.offset, text.indexOf('\uFFFD'));
  });

  it('a NUL byte or other binary data is one syntax error', () => {
    const d = lint(template(WEB) + '\0\0\0', YAML).diagnostics;
    assert.deepEqual(d.map((x) => x.code), ['json-syntax']);
  });

  it('several documents in one file are one syntax error', () => {
    const d = lint(`${template(WEB)}---\n${template(WEB)}`, YAML).diagnostics;
    assert.deepEqual(d.map((x) => x.code), ['json-syntax']);
  });
});
