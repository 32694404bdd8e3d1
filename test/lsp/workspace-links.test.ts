/**
 * WorkspaceLinks on a file source held in memory (scheme `mem:`): a folder created inside a workspace folder after
 * the walk is walked with the index's limits; other created paths are not.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addWorkspaceFileSource, WorkspaceLinks } from '../../server/src/lsp/workspace-links';
import { URI_PATH } from '../../server/src/lsp/uri';

const files = new Map<string, string>();
let walks = 0;
addWorkspaceFileSource({
  handles: (uri) => uri.startsWith('mem://'),
  async walk(folderUri, onFile, limits, stop) {
    walks++;
    const prefix = `${URI_PATH(folderUri)}/`;
    for (const [path, text] of files) {
      if (stop()) return;
      if (path.startsWith(prefix) && text.length <= limits.maxFileSize) onFile(`mem://${path}`, text);
      await new Promise((r) => setImmediate(r));
    }
  },
  async read(uri) {
    return files.get(URI_PATH(uri)) ?? null;
  },
  async isFolder(uri) {
    const prefix = `${URI_PATH(uri)}/`;
    return [...files.keys()].some((p) => p.startsWith(prefix));
  },
});

const task = (family: string) => JSON.stringify({ family, containerDefinitions: [{ name: 'web', image: 'nginx:1.27' }] });

async function settled(links: WorkspaceLinks): Promise<void> {
  await new Promise((r) => setImmediate(r));
  while (links.indexing) await new Promise((r) => setTimeout(r, 5));
}

describe('WorkspaceLinks: folders created after the walk', () => {
  it('walks a created folder within the file cap, refreshes the open files once, and leaves other paths alone', async () => {
    files.clear();
    files.set('/ws/a/web.json', task('web'));
    const refreshed: string[][] = [];
    const links = new WorkspaceLinks((paths) => refreshed.push(paths), { maxFiles: 3, maxFileSize: 10_000 });
    await links.indexFolders(['mem:///ws']);
    assert.equal(links.index.size, 1);
    refreshed.length = 0;

    // A folder with three task definitions appears: two fit under the cap of three.
    for (const f of ['api', 'jobs', 'cron']) files.set(`/ws/more/${f}.json`, task(f));
    files.set('/ws/more/notes.md', '# not indexed');
    walks = 0;
    await links.changedOnDisk('mem:///ws/more', false, true);
    await settled(links);
    assert.equal(walks, 1);
    assert.equal(links.index.size, 3);
    assert.equal(refreshed.length, 1);

    // Not a folder, a folder outside every workspace folder, a skipped folder, a deletion: no walk.
    files.set('/elsewhere/x/web.json', task('x'));
    files.set('/ws/node_modules/pkg/web.json', task('pkg'));
    walks = 0;
    await links.changedOnDisk('mem:///ws/more/notes.md', false, true);
    await links.changedOnDisk('mem:///ws/nothing-here', false, true);
    await links.changedOnDisk('mem:///elsewhere/x', false, true);
    await links.changedOnDisk('mem:///ws/node_modules/pkg', false, true);
    await links.changedOnDisk('mem:///ws/a', false, false);
    await settled(links);
    assert.equal(walks, 0);
  });

  it('a folder created inside one being walked is left to that walk; a walk that changed nothing refreshes nothing', async () => {
    files.clear();
    const refreshed: string[][] = [];
    const links = new WorkspaceLinks((paths) => refreshed.push(paths));
    await links.indexFolders(['mem:///ws']);
    refreshed.length = 0;
    files.set('/ws/deploy/ecs/web.json', task('web'));
    files.set('/ws/deploy/ecs/api.json', task('api'));
    walks = 0;
    const outer = links.changedOnDisk('mem:///ws/deploy', false, true);
    const inner = links.changedOnDisk('mem:///ws/deploy/ecs', false, true);
    await Promise.all([outer, inner]);
    await settled(links);
    assert.equal(walks, 1);
    assert.equal(links.index.size, 2);
    assert.equal(refreshed.length, 1);

    // The same folder reported again once the walk is done: walked, but the index holds the same texts.
    await links.changedOnDisk('mem:///ws/deploy', false, true);
    await settled(links);
    assert.equal(walks, 2);
    assert.equal(refreshed.length, 1);
  });
});
