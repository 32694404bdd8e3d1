/** Globs from settings and `.ecs-taskdef.json` are matched by an automaton (glob-match.ts), never as a backtracking RegExp. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { globToRegExp, matchesAnyGlob } from '../../server/src/core/documents/file-detection';
import { GlobMatcher } from '../../server/src/core/config/glob-match';

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

  it('unbalanced braces are ordinary characters instead of an exception', () => {
    assert.equal(matchesAnyGlob('/w/{a.json', ['{a.json']), true);
    assert.equal(matchesAnyGlob('/w/a}.json', ['a}.json']), true);
  });
});
