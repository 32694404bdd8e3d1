import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expandSnippet, SnippetSyntaxError } from './expand-snippet';

describe('expandSnippet (VS Code snippet syntax at its defaults)', () => {
  const cases: Array<[string, string | string[], string]> = [
    ['plain text', 'hello', 'hello'],
    ['placeholder default', '"${1:web}"', '"web"'],
    ['choice takes the first option', '${1|X86_64,ARM64|}', 'X86_64'],
    ['escaped comma and pipe in a choice', '${1|a\\,b,c\\|d|}', 'a,b'],
    ['mirror after the placeholder', '${1:web}-$1', 'web-web'],
    ['mirror before the placeholder', '$1/${1:web}', 'web/web'],
    ['braced mirror', '${1:a}${1}', 'aa'],
    ['mirror of a choice', '${1|x,y|}:$1', 'x:x'],
    ['tabstop without default', 'a$2b', 'ab'],
    ['final tabstop', '{}$0', '{}'],
    ['final tabstop with default', '${0:end}', 'end'],
    ['nested placeholder', '${1:arn:${2:aws}:x}', 'arn:aws:x'],
    ['nested mirror', '${1:web} ${2:$1-task}', 'web web-task'],
    ['escaped dollar and brace', '\\$1 \\} \\\\', '$1 } \\'],
    ['escaped brace inside a placeholder', '${1:a\\}b}', 'a}b'],
    ['lone dollar is literal', 'cost: $ 5 ${ x', 'cost: $ 5 ${ x'],
    ['unbalanced closing brace at top level is literal', 'a}b', 'a}b'],
    ['other backslashes stay', 'C:\\path', 'C:\\path'],
    ['lines are joined with newlines', ['{', '\t"a": "${1:x}"', '}'], '{\n\t"a": "x"\n}'],
    ['multi-digit tabstops', '${10:ten}${1:one}$10', 'tenoneten'],
  ];
  for (const [name, body, expected] of cases) {
    it(name, () => assert.equal(expandSnippet(body), expected));
  }

  it('rejects variables and transforms instead of guessing', () => {
    assert.throws(() => expandSnippet('$TM_FILENAME'), SnippetSyntaxError);
    assert.throws(() => expandSnippet('${TM_FILENAME_BASE:x}'), SnippetSyntaxError);
    assert.throws(() => expandSnippet('${1/(.*)/${1:/upcase}/}'), SnippetSyntaxError);
  });

  it('rejects unterminated placeholders and choices', () => {
    assert.throws(() => expandSnippet('${1:web'), SnippetSyntaxError);
    assert.throws(() => expandSnippet('${1|a,b'), SnippetSyntaxError);
  });

  it('rejects a tabstop whose default refers to itself', () => {
    assert.throws(() => expandSnippet('${1:a$1}'), SnippetSyntaxError);
  });
});
