import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, expectRanges, only } from '../helpers/rule-fix';

const ID = 'links-unknown-container';
const text = '[ { "name": "php-app-container", "image": "php:8.3-fpm" }, { "name": "nginx", "image": "nginx:1.27", "links": ["app-container:app-container"] } ]';

describe(ID, () => {
  it('points at the name part of the link (5sfayas case)', () => {
    const [d] = expectRanges(text.replace('"app-container:', '"⟦app-container⟧:'), ID);
    assert.equal(d.message, "Link target 'app-container' is not a container in this task (did you mean 'php-app-container'?).");
  });

  it('self links and links without alias; escaped strings fall back to the whole value', () => {
    expectRanges('[ { "name": "a", "image": "a:1", "links": ["⟦a⟧"] } ]', ID);
    expectRanges('[ { "name": "a", "image": "a:1", "links": [⟦"b\\u0031"⟧] } ]', ID);
  });

  it('fix keeps the alias; remove drops the entry', () => {
    assert.match(applyFix(text, ID), /"links": \["php-app-container:app-container"\]/);
    assert.doesNotMatch(applyFix(text, ID, 'Remove'), /app-container:app-container/);
  });

  it('silent for known names, templated lists and placeholders', () => {
    assert.equal(only(text.replace('"app-container:', '"php-app-container:'), ID).length, 0);
    assert.equal(only('[ { "name": "${app}", "image": "a:1" }, { "name": "n", "image": "n:1", "links": ["app"] } ]', ID).length, 0);
    assert.equal(only('[ { "name": "n", "image": "n:1", "links": ["${app}:app"] } ]', ID).length, 0);
  });
});
