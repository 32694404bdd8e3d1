/**
 * One glob matcher (glob-match.ts) for settings, `.ecs-taskdef.json` and the CLI's glob arguments: an automaton,
 * never a backtracking RegExp. The RegExp translations the settings and the CLI used before are kept here as
 * oracles: on the paths below, the matcher means exactly what they meant.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { matchesAnyGlob } from '../../server/src/core/documents/file-detection';
import { GlobMatcher } from '../../server/src/core/config/glob-match';

/** The settings' former RegExp form: the whole path or a part after a `/`. */
function globToRegExp(glob: string): RegExp {
  let re = '';
  let inBraces = false;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const slash = glob[i + 2] === '/';
        re += slash ? '(?:.*/)?' : '.*';
        i += slash ? 2 : 1;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '{') {
      re += '(?:';
      inBraces = true;
    } else if (c === '}' && inBraces) {
      re += ')';
      inBraces = false;
    } else if (c === ',' && inBraces) re += '|';
    else re += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return glob.includes('/') ? new RegExp(`^(?:.*/)?${re}$`) : new RegExp(`(?:^|/)${re}$`);
}

/** The CLI's former RegExp form (cli/glob.ts compileGlob): anchored, with `[...]` sets. */
function compileGlob(pattern: string): RegExp {
  let re = '';
  let braces = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*' && pattern[i + 1] === '*') {
      const slash = pattern[i + 2] === '/';
      re += slash ? '(?:[^/]+/)*' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end < 0) re += '\\[';
      else {
        re += `[${pattern.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else if (c === '{') {
      re += '(?:';
      braces++;
    } else if (c === '}' && braces > 0) {
      re += ')';
      braces--;
    } else if (c === ',' && braces > 0) re += '|';
    else re += c.replace(/[.+^$()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

const CLI_GLOBS = ['*.json', '**/*.json', '**/task*.json', 'svc-[ab]/*.json', 'svc-[!a]/*.json', 'svc-[a-c]/task.json', '{web,api}/**/*.json', '{a,{b,c}}/*.json', '?/x.json', 'x/**', '**'];
const CLI_PATHS = ['a.json', 'task.json', 'x/a.json', 'x/y/task-def.json', 'svc-a/t.json', 'svc-b/t.json', 'svc-d/t.json', 'svc-c/task.json', 'web/a/b.json', 'api/x.json', 'b/x.json', 'c/x.json', 'd/x.json', 'a/x.json', 'x/y', 'x'];

const GLOBS = [
  'task-def.json',
  '*.json',
  '*task*def*.json',
  'infra/**/containers.json',
  'infra/**',
  '**/deploy/*.json',
  'legacy/**',
  'a?c.json',
  '{web,api}/*.json',
  'svc/{*.json,*.jsonc}',
  '**.json.tpl',
  'deploy/*/task.json',
  '**',
];
const PATHS = [
  'task-def.json',
  '/w/task-def.json',
  '/w/infra/containers.json',
  '/w/infra/a/b/containers.json',
  'infra/x.json',
  '/w/deploy/x.json',
  '/w/deploy/a/task.json',
  '/w/deploy/a/b/task.json',
  'abc.json',
  'a/c.json',
  '/w/web/x.json',
  '/w/api/x.jsonc',
  '/w/svc/x.jsonc',
  'x.json.tpl',
  '/w/my-task-def.json',
  'legacy',
  '/legacy/x',
];

describe('core/glob-match', () => {
  it('means the same as the RegExp form of each glob', () => {
    for (const glob of GLOBS) {
      const re = globToRegExp(glob);
      const m = new GlobMatcher(glob);
      for (const path of PATHS) assert.equal(m.matches(path), re.test(path), `${glob} on ${path}`);
    }
  });

  it('a glob that makes the RegExp form backtrack for minutes or more is answered at once', () => {
    // 8 `**` before a character the path lacks: the RegExp tries every way to split 60 characters in 8.
    const glob = `${'**a'.repeat(8)}b`;
    const path = `/w/${'a'.repeat(60)}.json`;
    assert.equal(new GlobMatcher(glob).matches(path), false);
    assert.equal(new GlobMatcher(glob).matches(`${path.slice(0, -5)}b`), true);
  });

  it("anchored, it means what the CLI's RegExp form meant", () => {
    for (const glob of CLI_GLOBS) {
      const re = compileGlob(glob);
      const m = new GlobMatcher(glob, { anchored: true });
      for (const path of CLI_PATHS) assert.equal(m.matches(path), re.test(path), `${glob} on ${path}`);
    }
  });

  it('anchored matches the whole path only; the default also a part after a slash', () => {
    assert.equal(new GlobMatcher('*.json', { anchored: true }).matches('x/a.json'), false);
    assert.equal(new GlobMatcher('*.json').matches('x/a.json'), true);
  });

  it('sets: members, ranges, negation with ! or ^, never a slash; an unclosed [ is a character', () => {
    const m = (glob: string, path: string) => new GlobMatcher(glob, { anchored: true }).matches(path);
    assert.equal(m('[abc].json', 'b.json'), true);
    assert.equal(m('[abc].json', 'd.json'), false);
    assert.equal(m('[a-c][0-9].json', 'c7.json'), true);
    assert.equal(m('[!a-c].json', 'd.json'), true);
    assert.equal(m('[^a-c].json', 'a.json'), false);
    assert.equal(m('a[!x]b', 'a/b'), false);
    assert.equal(m('[]x].json', '].json'), true);
    assert.equal(m('[\\]].json', '].json'), true);
    assert.equal(m('[a.json', '[a.json'), true);
    assert.equal(matchesAnyGlob('/w/infra/svc-b/task.json', ['svc-[ab]/*.json']), true, 'settings globs take sets too');
  });

  it('a glob that makes the CLI RegExp form backtrack is answered at once, anchored too', () => {
    const glob = `${'**a'.repeat(8)}b`;
    assert.equal(new GlobMatcher(glob, { anchored: true }).matches(`${'a'.repeat(60)}.json`), false);
  });

  it('unbalanced braces are ordinary characters instead of an exception', () => {
    assert.equal(matchesAnyGlob('/w/{a.json', ['{a.json']), true);
    assert.equal(matchesAnyGlob('/w/a}.json', ['a}.json']), true);
  });
});
