/**
 * Entry of dist/cli.js: a small loader that runs the CLI bundle (dist/cli-main.js) with a V8 code cache when
 * ECS_TASKDEF_CACHE_DIR names a private writable folder, as dist/server.js does for the server
 * (lsp/node/code-cache.ts). Without the variable the bundle is simply required and nothing is written.
 * `require('dist/cli.js').run()` (bin/ecs-taskdef.js) and `node dist/cli.js …` both work as before.
 */
import { join } from 'node:path';
import { loadWithCodeCache } from '../lsp/node/code-cache';

const loaded = loadWithCodeCache(join(__dirname, 'cli-main.js'), process.env.ECS_TASKDEF_CACHE_DIR || undefined, module);
if (loaded.status === 'created') process.once('exit', () => loaded.save());
module.exports = loaded.exports;
if (require.main === module) (loaded.exports as { run(): void }).run();
