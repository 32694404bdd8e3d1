/** The language server reads the same `.ecs-taskdef.json` as the CLI; workspace settings win over it. */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisCache, lintOptionsFor } from '../../server/src/lsp/analysis';
import '../../server/src/lsp/node/disk-config-source'; // the Node server's source of .ecs-taskdef.json
import { DEFAULT_SETTINGS, normalizeSettings, type Settings } from '../../server/src/lsp/settings';
import { CONTAINER_ARRAY, WARNING_ONLY_TASK, workspace } from './cli-helpers';

function doc(path: string, text: string, version = 1): TextDocument {
  return TextDocument.create(pathToFileURL(path).href, 'json', version, text);
}

function analyse(path: string, text: string, settings: Settings = DEFAULT_SETTINGS, logs: string[] = []) {
  const cache = new AnalysisCache((m) => logs.push(m));
  return cache.get(doc(path, text), settings);
}

const codes = (a: ReturnType<typeof analyse>) => (a.output?.diagnostics ?? []).map((d) => `${d.code}:${d.severity}`);

describe('LSP: .ecs-taskdef.json under the workspace settings', () => {
  it('config rules apply; a setting for the same rule wins', () => {
    const dir = workspace({ '.ecs-taskdef.json': '{ "rules": { "image-mutable-tag": "error", "missing-health-check": "off" } }' });
    const file = join(dir, 'task-def.json');
    const fromConfig = codes(analyse(file, WARNING_ONLY_TASK));
    assert.ok(fromConfig.includes('image-mutable-tag:error'));
    assert.ok(!fromConfig.some((c) => c.startsWith('missing-health-check')));
    const settings = normalizeSettings({ rules: { 'image-mutable-tag': 'information' } });
    const both = codes(analyse(file, WARNING_ONLY_TASK, settings));
    assert.ok(both.includes('image-mutable-tag:information'), 'the setting wins');
    assert.ok(!both.some((c) => c.startsWith('missing-health-check')), 'other config rules still apply');
  });

  it("launch type: the config's applies when no ecsTaskdef.launchType glob matches", () => {
    const dir = workspace({ 'infra/.ecs-taskdef.json': '{ "launchType": { "*.json": "FARGATE" } }' });
    const file = join(dir, 'infra', 'containers.json');
    assert.equal(analyse(file, CONTAINER_ARRAY).output?.launchType, 'FARGATE');
    assert.equal(lintOptionsFor(pathToFileURL(file).href, DEFAULT_SETTINGS).defaultLaunchType, 'FARGATE');
    const settings = normalizeSettings({ launchType: { 'infra/**': 'EC2' } });
    assert.equal(analyse(file, CONTAINER_ARRAY, settings).output?.launchType, 'EC2');
  });

  it('files and ignore decide what is linted; ecsTaskdef.files beats the config ignore', () => {
    const dir = workspace({ '.ecs-taskdef.json': '{ "files": ["deploy/*.json"], "ignore": ["legacy/"] }' });
    const plain = '{ "family": "web" }';
    assert.equal(analyse(join(dir, 'other.json'), plain).enabled, false, 'neither name nor content looks like a task definition');
    assert.equal(analyse(join(dir, 'deploy', 'web.json'), plain).enabled, true, 'the config names it');
    assert.equal(analyse(join(dir, 'legacy', 'task-def.json'), WARNING_ONLY_TASK).enabled, false);
    assert.equal(analyse(join(dir, 'legacy', 'task-def.json'), WARNING_ONLY_TASK, normalizeSettings({ files: ['legacy/*.json'] })).enabled, true);
  });

  it('placeholder patterns from both are used', () => {
    const dir = workspace({ '.ecs-taskdef.json': '{ "placeholderPatterns": ["^@@[A-Z]+@@$"] }' });
    const text = WARNING_ONLY_TASK.replace('"cpu": "256"', '"cpu": "@@CPU@@"').replace('"memory": "512"', '"memory": "%%MEM%%"');
    const options = lintOptionsFor(pathToFileURL(join(dir, 'task-def.json')).href, normalizeSettings({ placeholderPatterns: ['^%%[A-Z]+%%$'] }));
    assert.deepEqual(options.placeholderPatterns, ['^%%[A-Z]+%%$', '^@@[A-Z]+@@$']);
    const errors = (analyse(join(dir, 'task-def.json'), text, normalizeSettings({ placeholderPatterns: ['^%%[A-Z]+%%$'] })).output?.diagnostics ?? []).filter((d) => d.severity === 'error');
    assert.deepEqual(errors, []);
  });

  it('an edited config is picked up for the same document version', () => {
    const dir = workspace({ '.ecs-taskdef.json': '{}' });
    const cache = new AnalysisCache(() => undefined);
    const d = doc(join(dir, 'task-def.json'), WARNING_ONLY_TASK);
    assert.ok(codes(cache.get(d, DEFAULT_SETTINGS)).includes('image-mutable-tag:warning'));
    assert.equal(cache.get(d, DEFAULT_SETTINGS), cache.get(d, DEFAULT_SETTINGS), 'cached while nothing changes');
    writeFileSync(join(dir, '.ecs-taskdef.json'), '{ "rules": { "image-mutable-tag": "off" } }');
    assert.ok(!codes(cache.get(d, DEFAULT_SETTINGS)).some((c) => c.startsWith('image-mutable-tag')));
  });

  it('a broken config is logged once with its position and ignored', () => {
    const dir = workspace({ 'svc/.ecs-taskdef.json': '{ "rules": { "image-mutable-tag": "never" } }' });
    const logs: string[] = [];
    const cache = new AnalysisCache((m) => logs.push(m));
    const d = doc(join(dir, 'svc', 'task-def.json'), WARNING_ONLY_TASK);
    assert.ok(codes(cache.get(d, DEFAULT_SETTINGS)).includes('image-mutable-tag:warning'), 'defaults apply');
    cache.get(doc(join(dir, 'svc', 'task-def.json'), WARNING_ONLY_TASK, 2), DEFAULT_SETTINGS);
    assert.equal(logs.length, 1, logs.join('\n'));
    assert.match(logs[0], /^Ignoring .*svc\/\.ecs-taskdef\.json until it is fixed:\n {2}.*svc\/\.ecs-taskdef\.json:1:35: Severity of 'image-mutable-tag' must be one of/);
  });

  it('documents that are not files (untitled) get the settings only', () => {
    const cache = new AnalysisCache(() => undefined);
    const a = cache.get(TextDocument.create('untitled:Untitled-1', 'json', 1, WARNING_ONLY_TASK), DEFAULT_SETTINGS);
    assert.ok(codes(a).includes('image-mutable-tag:warning'));
  });
});
