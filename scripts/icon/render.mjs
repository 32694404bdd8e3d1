// Renders scripts/icon/icon.svg into media/icon.png (256×256, transparent corners) with headless Chromium,
// the browser the e2e suite installs. `node scripts/icon/render.mjs`; the PNG is committed (packaging needs no
// browser). Chromium: $CHROMIUM, else the e2e cache's, else `chromium` on the PATH.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const repo = resolve(import.meta.dirname, '..', '..');
const svg = join(repo, 'scripts', 'icon', 'icon.svg');
const out = join(repo, 'media', 'icon.png');
const cache = process.env.ECS_TASKDEF_E2E_CACHE || join(homedir(), '.cache', 'ecs-taskdef-e2e');
const fromCache = existsSync(join(cache, 'paths.json')) ? JSON.parse(readFileSync(join(cache, 'paths.json'), 'utf8')).chromium : undefined;
const chromium = process.env.CHROMIUM || fromCache || 'chromium';

const tmp = mkdtempSync(join(tmpdir(), 'ecs-taskdef-icon-'));
try {
  execFileSync(chromium, [
    '--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--default-background-color=00000000',
    '--window-size=256,256', `--screenshot=${join(tmp, 'icon.png')}`, pathToFileURL(svg).href,
  ], { stdio: ['ignore', 'ignore', 'pipe'], cwd: tmp, timeout: 60_000 });
  renameSync(join(tmp, 'icon.png'), out);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
const png = readFileSync(out);
console.log(`${out}: ${png.readUInt32BE(16)}×${png.readUInt32BE(20)}, ${png.length} bytes`);
