/**
 * Entry of dist/server.js: a small loader that runs the server bundle (dist/server-main.js) with a V8 code cache
 * when ECS_TASKDEF_CACHE_DIR names a private writable folder (the VS Code client passes its global storage; the
 * CLI's `server` command passes it on from the environment). Without it, the bundle is simply required.
 */
import { join } from 'node:path';
import { loadWithCodeCache } from './code-cache';

const loaded = loadWithCodeCache(join(__dirname, 'server-main.js'), process.env.ECS_TASKDEF_CACHE_DIR || undefined, module);
if (loaded.status === 'created') process.once('exit', () => loaded.save());
