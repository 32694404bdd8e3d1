/**
 * Untrusted and virtual workspaces: what package.json declares matches what the client and the server do
 * (see SECURITY.md). Untrusted: full support, since nothing from the workspace is ever run. Virtual: limited,
 * since open documents and the workspace lint work from their text but `.ecs-taskdef.json` is only read
 * from the local disk.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DOCUMENT_SELECTOR } from '../../client/src/document-selector';
import { AnalysisCache } from '../../server/src/lsp/analysis';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings';
import { WARNING_ONLY_TASK, workspace } from '../cli/cli-helpers';

const ROOT = join(import.meta.dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

describe('untrusted and virtual workspaces', () => {
  it('package.json declares full support in untrusted workspaces and limited support in virtual ones', () => {
    assert.deepEqual(pkg.capabilities.untrustedWorkspaces, { supported: true });
    assert.equal(pkg.capabilities.virtualWorkspaces.supported, 'limited');
    assert.match(pkg.capabilities.virtualWorkspaces.description, /\.ecs-taskdef\.json/);
  });

  it('no setting names a program, a path or a URL to use (what would make untrusted support unsafe)', () => {
    for (const name of Object.keys(pkg.contributes.configuration.properties)) {
      assert.doesNotMatch(name, /path|command|executable|program|runtime|url|endpoint|proxy/i, name);
    }
  });

  it('the client checks JSON and JSONC on disk, unsaved and in Remote Repositories (vscode-vfs) as you type', () => {
    const pairs = DOCUMENT_SELECTOR.map((f) => `${f.scheme}:${f.language}`).sort();
    assert.deepEqual(pairs, ['file:json', 'file:jsonc', 'untitled:json', 'untitled:jsonc', 'vscode-vfs:json', 'vscode-vfs:jsonc']);
    const extension = readFileSync(join(ROOT, 'client', 'src', 'extension.ts'), 'utf8');
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
