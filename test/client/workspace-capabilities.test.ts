/**
 * Untrusted and virtual workspaces: what package.json declares matches what the client and the server do
 * (see SECURITY.md). Untrusted: limited, since placeholder patterns (regular expressions) from the workspace are
 * not used there: VS Code drops the workspace value of the restricted setting, the server the patterns of
 * `.ecs-taskdef.json`. Virtual: full, since open documents and the workspace lint work from their text and the
 * client reads `.ecs-taskdef.json` files through the editor's file system for the server (web and virtual alike).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DOCUMENT_SELECTOR } from '../../client/src/document-selector';
import { matchesAnyGlob } from '../../server/src/core/documents/file-detection';
import { AnalysisCache, lintOptionsFor } from '../../server/src/lsp/analysis';
import '../../server/src/lsp/node/disk-config-source'; // the Node server's source of .ecs-taskdef.json
import { setWorkspaceTrusted } from '../../server/src/lsp/config-file';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings';
import { WARNING_ONLY_TASK, workspace } from '../cli/cli-helpers';

const ROOT = join(import.meta.dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

describe('untrusted and virtual workspaces', () => {
  it('package.json declares limited support in untrusted workspaces (placeholder patterns restricted) and full support in virtual ones', () => {
    const untrusted = pkg.capabilities.untrustedWorkspaces;
    assert.deepEqual(Object.keys(untrusted).sort(), ['description', 'restrictedConfigurations', 'supported']);
    assert.equal(untrusted.supported, 'limited');
    assert.deepEqual(untrusted.restrictedConfigurations, ['ecsTaskdef.placeholderPatterns']);
    assert.match(untrusted.description, /ecsTaskdef\.placeholderPatterns/);
    assert.match(untrusted.description, /\.ecs-taskdef\.json/);
    // Virtual: full, since the client reads .ecs-taskdef.json through workspace.fs for the server (ecsTaskdef/readFile).
    assert.equal(pkg.capabilities.virtualWorkspaces.supported, true);
    assert.match(pkg.capabilities.virtualWorkspaces.description, /\.ecs-taskdef\.json/);
  });

  it('every setting that holds regular expressions is restricted; the glob settings are matched without RegExp backtracking', () => {
    const props = pkg.contributes.configuration.properties as Record<string, { markdownDescription?: string; description?: string }>;
    const regexSettings = Object.entries(props)
      .filter(([, p]) => /regular expression|regex/i.test(p.markdownDescription ?? p.description ?? ''))
      .map(([name]) => name);
    assert.deepEqual(regexSettings, ['ecsTaskdef.placeholderPatterns']);
    assert.deepEqual(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations, regexSettings);
    // ecsTaskdef.files and ecsTaskdef.launchType take globs: a glob that a RegExp would backtrack on for hours
    // (8 `**` against a 60-character name) is matched by the linear matcher at once.
    const hostile = `${'**a'.repeat(8)}b`;
    assert.equal(matchesAnyGlob(`/w/${'a'.repeat(60)}.json`, [hostile]), false);
  });

  it('the client tells the server whether the workspace is trusted, at start and when trust is granted', () => {
    const extension = readFileSync(join(ROOT, 'client', 'src', 'start-client.ts'), 'utf8');
    assert.match(extension, /workspaceTrusted: trustedAtStart/);
    assert.match(extension, /const trustedAtStart = workspace\.isTrusted;/);
    assert.match(extension, /workspace\.onDidGrantWorkspaceTrust\(trusted\)/);
    assert.match(extension, /sendNotification\(WORKSPACE_TRUSTED_NOTIFICATION\)/);
  });

  it('untrusted, the server uses the rest of .ecs-taskdef.json but not its placeholder patterns, and says so once', () => {
    const dir = workspace({ '.ecs-taskdef.json': '{ "rules": { "image-mutable-tag": "off" }, "placeholderPatterns": ["^@@[A-Z]+@@$"] }' });
    const uri = pathToFileURL(join(dir, 'task-def.json')).href;
    const text = WARNING_ONLY_TASK.replace('"cpu": "256"', '"cpu": "@@CPU@@"');
    const logs: string[] = [];
    const cache = new AnalysisCache((m) => logs.push(m));
    const lint = (version: number) => cache.get(TextDocument.create(uri, 'json', version, text), DEFAULT_SETTINGS);
    try {
      setWorkspaceTrusted(false);
      const untrusted = lint(1);
      const codes = (untrusted.output?.diagnostics ?? []).map((d) => `${d.code}:${d.severity}`);
      assert.ok(codes.some((c) => c.endsWith(':error')), `the placeholder is a wrong value: ${codes}`);
      assert.ok(!codes.some((c) => c.startsWith('image-mutable-tag')), 'the config rules still apply');
      assert.deepEqual(lintOptionsFor(uri, DEFAULT_SETTINGS).placeholderPatterns, []);
      lint(2);
      assert.equal(logs.filter((m) => /Not using placeholderPatterns from .*\.ecs-taskdef\.json/.test(m)).length, 1, logs.join('\n'));
      setWorkspaceTrusted(true);
      assert.deepEqual(lintOptionsFor(uri, DEFAULT_SETTINGS).placeholderPatterns, ['^@@[A-Z]+@@$']);
      const trusted = lint(2); // same version: the trust change alone makes the cached result stale
      assert.ok(!(trusted.output?.diagnostics ?? []).some((d) => d.severity === 'error'), JSON.stringify(trusted.output?.diagnostics));
    } finally {
      setWorkspaceTrusted(true);
    }
  });

  it('no setting names a program, a path or a URL to use (what would make untrusted support unsafe)', () => {
    for (const name of Object.keys(pkg.contributes.configuration.properties)) {
      assert.doesNotMatch(name, /path|command|executable|program|runtime|url|endpoint|proxy/i, name);
    }
  });

  it('the client checks JSON, JSONC, YAML (CloudFormation), GitHub workflows and Terraform on disk, unsaved, in Remote Repositories (vscode-vfs) and on a remote server seen from the browser as you type', () => {
    const pairs = DOCUMENT_SELECTOR.map((f) => `${f.scheme}:${f.language ?? f.pattern}`).sort();
    assert.deepEqual(pairs, [
      'file:**/*.tf', 'file:github-actions-workflow', 'file:json', 'file:jsonc', 'file:terraform', 'file:yaml',
      'untitled:**/*.tf', 'untitled:github-actions-workflow', 'untitled:json', 'untitled:jsonc', 'untitled:terraform', 'untitled:yaml',
      'vscode-remote:**/*.tf', 'vscode-remote:github-actions-workflow', 'vscode-remote:json', 'vscode-remote:jsonc', 'vscode-remote:terraform', 'vscode-remote:yaml',
      'vscode-vfs:**/*.tf', 'vscode-vfs:github-actions-workflow', 'vscode-vfs:json', 'vscode-vfs:jsonc', 'vscode-vfs:terraform', 'vscode-vfs:yaml',
    ]);
    const extension = readFileSync(join(ROOT, 'client', 'src', 'start-client.ts'), 'utf8');
    assert.match(extension, /documentSelector: DOCUMENT_SELECTOR,/);
  });

  it('the server reads .ecs-taskdef.json for file: documents only, never the local disk at a virtual path', () => {
    const dir = workspace({ '.ecs-taskdef.json': '{ "rules": { "image-mutable-tag": "off" } }' });
    const codes = (uri: string) =>
      (new AnalysisCache(() => undefined).get(TextDocument.create(uri, 'json', 1, WARNING_ONLY_TASK), DEFAULT_SETTINGS).output?.diagnostics ?? []).map((d) => d.code);
    const onDisk = pathToFileURL(join(dir, 'task-def.json')).href;
    assert.ok(!codes(onDisk).includes('image-mutable-tag'), 'the config file applies to the file on disk');
    // The same path in a virtual workspace names no local folder: the settings alone apply.
    const virtual = `vscode-vfs://github${pathToFileURL(join(dir, 'task-def.json')).pathname}`;
    assert.ok(codes(virtual).includes('image-mutable-tag'), `${virtual} got the local config`);
  });
});
