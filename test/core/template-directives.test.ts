import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseDocument } from '../../server/src/core/syntax/parse';
import { findPlaceholders, isWholePlaceholder, NO_PLACEHOLDER_PATTERNS } from '../../server/src/core/syntax/placeholders';
import { maskTemplateSyntax, templateExpressionEnd } from '../../server/src/core/syntax/template-syntax';
import { lintShown } from '../helpers/lint';

const DIR = join(__dirname, '..', 'fixtures', 'templates');
const NOTE = /^This file is a Terraform template/;

describe('Terraform template files (test/fixtures/templates)', () => {
  for (const f of readdirSync(DIR).sort()) {
    it(`${f}: no errors or warnings, at most one template note`, () => {
      const text = readFileSync(join(DIR, f), 'utf8');
      const shown = lintShown(text);
      assert.deepEqual(shown.filter((d) => d.severity === 'error' || d.severity === 'warning').map((d) => `${d.line + 1} ${d.code}: ${d.message}`), []);
      const notes = shown.filter((d) => NOTE.test(d.message));
      assert.equal(notes.length, text.includes('%{') ? 1 : 0);
      if (notes[0]) assert.match(notes[0].text, /^%\{~?\s*(if|for)\b/);
    });
  }
});

describe('template directives and quotes inside ${…}', () => {
  it('keeps every offset: the masked text has the same length and line breaks', () => {
    const text = '[\n  %{~ if a ~}\n  {"name": "${x == "y" ? "a" : "b"}", "image": "i"}\n  %{~ endif ~}\n]';
    const m = maskTemplateSyntax(text);
    assert.equal(m.text.length, text.length);
    assert.deepEqual(m.text.split('\n').map((l) => l.length), text.split('\n').map((l) => l.length));
    assert.deepEqual(m.directives.map((d) => d.keyword), ['if', 'endif']);
    assert.ok(JSON.parse(m.text));
  });

  it('reads a quote inside ${…} as part of the expression, so the string value stays whole', () => {
    const text = '[{"name": "web", "image": "nginx:1.27", "workingDirectory": "${var.dir == "" ? "/app" : var.dir}"}]';
    const parsed = parseDocument(text);
    assert.deepEqual(parsed.syntaxErrors, []);
    const shown = lintShown(text);
    assert.deepEqual(shown.filter((d) => d.severity === 'error'), []);
  });

  it('lints only the first branch of if/else, so a key in both branches is no duplicate', () => {
    const text = '[{"name": "web", "image": "nginx:1.27",\n%{ if a }\n"user": "1000",\n%{ else }\n"user": "2000",\n%{ endif }\n"essential": true}]';
    const codes = lintShown(text).map((d) => d.code);
    assert.ok(!codes.includes('duplicate-key'), codes.join());
    assert.equal(lintShown(text).filter((d) => d.severity === 'error').length, 0);
  });

  it('still finds real mistakes in a template', () => {
    const text = '[{"name": "web", "image": "nginx:1.27",\n%{ for k in ks ~}\n"x": 1,\n%{ endfor ~}\n"essential": "yes", "memoryReservation": 1024, "memory": 512}]';
    const codes = lintShown(text).filter((d) => d.severity === 'error').map((d) => d.code);
    assert.ok(codes.includes('wrong-type'), codes.join());
    assert.ok(codes.includes('memory-reservation-exceeds-memory'), codes.join());
  });

  it('takes a multi-line unquoted ${jsonencode(…)} as one unknown value', () => {
    const text = '[{"name": "web", "image": "nginx:1.27", "command": ${jsonencode([\n  "a", "}"\n])}, "essential": true}]';
    const shown = lintShown(text);
    assert.deepEqual(shown.filter((d) => d.severity === 'error').map((d) => d.message), []);
    const note = shown.find((d) => d.code === 'json-syntax');
    assert.ok(note && !note.message.includes('\n'), 'one-line message');
  });

  it('treats directives and nested interpolations inside strings as placeholders', () => {
    assert.ok(isWholePlaceholder('%{ if prod }web%{ else }web-dev%{ endif }', NO_PLACEHOLDER_PATTERNS) === false); // text between them is real
    assert.ok(isWholePlaceholder('%{ if prod }%{ endif }', NO_PLACEHOLDER_PATTERNS));
    assert.deepEqual(findPlaceholders('${jsonencode({ a = { b = 1 } })}', NO_PLACEHOLDER_PATTERNS), [{ start: 0, end: 32 }]);
  });

  it('gives up on an unclosed expression without swallowing the file', () => {
    assert.equal(templateExpressionEnd('${a "b}\n c}', 0), -1);
    assert.equal(templateExpressionEnd('${' + '{'.repeat(10000), 0), -1);
    const m = maskTemplateSyntax('[{"a": "${x"}, %{ if }');
    assert.equal(m.text.length, '[{"a": "${x"}, %{ if }'.length);
  });
});
