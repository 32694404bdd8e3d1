/** client-config-source.ts: which config URIs a document's lookup asks the client for, and what it caches. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ClientConfigSource, foldersAbove } from '../../server/src/lsp/client-config-source';

describe('ClientConfigSource', () => {
  it('lists the folders above a URI, nearest first, with the document path below each (decoded)', () => {
    assert.deepEqual(foldersAbove('vscode-vfs://github/acme/my%20repo/task-def.json?ref=main'), [
      { configUri: 'vscode-vfs://github/acme/my%20repo/.ecs-taskdef.json', rel: 'task-def.json' },
      { configUri: 'vscode-vfs://github/acme/.ecs-taskdef.json', rel: 'my repo/task-def.json' },
      { configUri: 'vscode-vfs://github/.ecs-taskdef.json', rel: 'acme/my repo/task-def.json' },
    ]);
    assert.deepEqual(foldersAbove('untitled:Untitled-1'), []);
  });

  it('knows nothing before prefetch, reads each folder once, and re-reads only a changed config', async () => {
    const reads: string[] = [];
    const files = new Map([['memfs://x/a/.ecs-taskdef.json', '{ "rules": { "image-mutable-tag": "off" } }']]);
    const source = new ClientConfigSource(async (uri) => (reads.push(uri), files.get(uri) ?? null));
    const doc = 'memfs://x/a/b/task-def.json';
    assert.equal(source.nearest(doc), undefined);
    await Promise.all([source.prefetch(doc), source.prefetch(doc)]);
    assert.deepEqual(reads, ['memfs://x/a/b/.ecs-taskdef.json', 'memfs://x/a/.ecs-taskdef.json']);
    const found = source.nearest(doc);
    assert.equal(found?.rel, 'b/task-def.json');
    assert.deepEqual(found?.entry.config?.rules, { 'image-mutable-tag': 'off' });
    await source.prefetch(doc);
    assert.equal(reads.length, 2, 'answers are kept');
    assert.equal(source.invalidate(['memfs://x/a/b/task-def.json']), false, 'not a config file');
    files.set('memfs://x/a/.ecs-taskdef.json', '{ "rules": { "nope": 1 } }');
    assert.equal(source.invalidate(['memfs://x/a/.ecs-taskdef.json']), true);
    await source.prefetch(doc);
    assert.equal(reads.length, 3);
    const again = source.nearest(doc);
    assert.notEqual(again?.entry.stamp, found?.entry.stamp, 'a new stamp makes cached analyses stale');
    assert.ok((again?.entry.problems.length ?? 0) > 0, 'a broken config is reported, not thrown');
  });

  it('a failed read counts as no config', async () => {
    const source = new ClientConfigSource(() => Promise.reject(new Error('offline')));
    await source.prefetch('memfs://x/task-def.json');
    assert.equal(source.nearest('memfs://x/task-def.json'), undefined);
  });
});
