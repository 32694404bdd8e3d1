/** package.json's client contributions match the code: commands, palette conditions, snippets, jsonValidation only for the config file. */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { COMMAND_CATEGORY, COMMANDS } from '../../client/src/commands/catalog';
import { DISABLE_RULE_COMMAND, SHOW_RULE_DOCS_COMMAND } from '../../server/src/shared/protocol';

const ROOT = join(import.meta.dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const contributes = pkg.contributes;

describe('package.json contributes (client)', () => {
  it('declares exactly the commands of the catalog, in category ECS', () => {
    const declared = contributes.commands.map((c: { command: string; title: string; category: string }) => [c.command, c.title, c.category]);
    const expected = Object.values(COMMANDS).map((c) => [c.id, c.title, COMMAND_CATEGORY]);
    assert.deepEqual(declared, expected);
  });

  it('implements the commands the server\'s code actions call', () => {
    const ids = Object.values(COMMANDS).map((c) => c.id as string);
    assert.ok(ids.includes(DISABLE_RULE_COMMAND));
    assert.ok(ids.includes(SHOW_RULE_DOCS_COMMAND));
  });

  it('registers every catalog command in a command file', () => {
    const dir = join(ROOT, 'client', 'src', 'commands');
    const sources = readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
    for (const name of Object.keys(COMMANDS)) assert.ok(sources.includes(`registerCommand(COMMANDS.${name}.id`), name);
  });

  it('palette conditions only name declared commands', () => {
    const ids = new Set(contributes.commands.map((c: { command: string }) => c.command));
    for (const m of contributes.menus.commandPalette) assert.ok(ids.has(m.command), m.command);
  });

  it('contributes the snippets for json and jsonc, and no jsonValidation for task definitions (the server validates)', () => {
    const langs = contributes.snippets.map((s: { language: string }) => s.language).sort();
    assert.deepEqual(langs, ['json', 'jsonc']);
    for (const s of contributes.snippets) assert.ok(existsSync(join(ROOT, s.path)), s.path);
    // Only the config file gets a schema (and is read as JSON with comments); task definitions stay ours alone.
    assert.deepEqual(contributes.jsonValidation, [{ fileMatch: '.ecs-taskdef.json', url: './schemas/ecs-taskdef-config.schema.json' }]);
    assert.deepEqual(contributes.languages, [{ id: 'jsonc', filenames: ['.ecs-taskdef.json'] }]);
  });

  it('ships the snippets and the rule docs the commands open', () => {
    // The .vsix allow-list (.vscodeignore) and the npm allow-list (.npmignore) must both keep them.
    const vscodeignore = readFileSync(join(ROOT, '.vscodeignore'), 'utf8').split(/\r?\n/);
    assert.ok(vscodeignore.includes('!snippets/*.json'));
    assert.ok(vscodeignore.includes('!docs/rules/*.md'));
    const npmignore = readFileSync(join(ROOT, '.npmignore'), 'utf8').split(/\r?\n/);
    assert.ok(npmignore.includes('!/snippets'));
    assert.ok(npmignore.includes('!/docs/rules'));
    assert.equal(pkg.files, undefined, 'vsce refuses package.json "files" next to .vscodeignore');
  });
});
