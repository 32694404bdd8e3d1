// End-to-end run: the packaged extension in a real VS Code (code-server + Chromium), then the
// standalone server in Neovim. `npm run test:e2e`. Exits non-zero when anything fails.
//
//   1. scripts/e2e/setup.sh      (seconds when cached)
//   2. npm run package           (vsix into a temp dir, not the repo root)
//   3. VS Code: install the vsix into a fresh profile, open a copy of test/e2e/workspace, run
//      test/e2e/scenarios.mjs: Problems panel rule ids (test/e2e/expected.json), hover, quick
//      fix, completion, a palette command
//   4. screenshots (problems-panel, editor-squiggles, hover-execution-role, quick-fix, completion)
//      into a scratch folder, or into docs/images/ with --update-images (the README shows them)
//   5. VS Code for the Web: the same vsix run in the browser's web worker extension host (test/e2e/web.mjs)
//   6. Neovim: node --test test/nvim/nvim.test.ts
//
// Flags: --skip-setup, --skip-package (reuse dist + --vsix FILE), --no-nvim, --no-vscode, --no-web,
//        --no-desktop (VS Code for the Web only),
//        --images DIR (default: a fresh folder under the system temp dir, kept and named at the end),
//        --update-images (write docs/images/, the README's screenshots; look at them before committing).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO, IMAGES_DIR, copyWorkspace, launchVSCode, removeWorkspace } from './harness.mjs';
import { scenarios } from './scenarios.mjs';
import { WEB_SETTINGS, webScenarios } from './web.mjs';

const args = process.argv.slice(2);
const flag = (f) => args.includes(f);
const opt = (f) => { const i = args.indexOf(f); return i >= 0 ? args[i + 1] : undefined; };
if (flag('--update-images') && opt('--images')) {
  console.error('[e2e] --images DIR and --update-images exclude each other');
  process.exit(2);
}
// A test run must not rewrite the committed screenshots: they change only when asked for.
const imagesDir = path.resolve(opt('--images') ?? (flag('--update-images') ? IMAGES_DIR : fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-taskdef-e2e-images-'))));
const expected = JSON.parse(fs.readFileSync(path.join(REPO, 'test/e2e/expected.json'), 'utf8')).files;

// Per UI step. 45 s: on the shared 2-core machine (load average 20+) opening a file took over 30 s at times.
const STEP_TIMEOUT_MS = 45_000;
const t0 = Date.now();
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;
const results = [];   // { name, ok, ms, detail }
const log = (m) => console.log(`[e2e] ${m}`);

async function phase(name, fn) {
  const start = Date.now();
  try {
    const detail = await fn();
    results.push({ name, ok: true, ms: Date.now() - start, detail });
    log(`ok   ${name} (${secs(Date.now() - start)})${detail ? ` — ${detail}` : ''}`);
    return true;
  } catch (err) {
    results.push({ name, ok: false, ms: Date.now() - start, detail: err.message });
    log(`FAIL ${name} (${secs(Date.now() - start)}): ${err.stack ?? err.message}`);
    return false;
  }
}

function run(cmd, cmdArgs, what, extra = {}) {
  const r = spawnSync(cmd, cmdArgs, { cwd: REPO, stdio: 'inherit', ...extra });
  if (r.error) throw new Error(`${what}: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${what} exited with ${r.status ?? r.signal}`);
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-taskdef-e2e-run-'));
let vsix = opt('--vsix');
let ready = true;

if (!flag('--skip-setup')) {
  ready = await phase('setup (scripts/e2e/setup.sh)', () => run('bash', [path.join(REPO, 'scripts/e2e/setup.sh')], 'scripts/e2e/setup.sh'));
}

if (ready && !flag('--no-vscode') && !flag('--skip-package')) {
  ready = await phase('npm run package', () => {
    vsix = path.join(tmp, 'ecs-taskdef.vsix');
    run('npm', ['run', 'package', '--', '--out', vsix], 'npm run package');
    if (!fs.existsSync(vsix)) throw new Error(`npm run package did not write ${vsix}`);
    return `${(fs.statSync(vsix).size / 1024).toFixed(0)} KiB`;
  });
}

if (ready && !flag('--no-vscode') && !flag('--no-desktop')) {
  let vs; let ws;
  const up = await phase('VS Code (code-server): install the vsix and open the workspace', async () => {
    if (!vsix || !fs.existsSync(vsix)) throw new Error('no .vsix to install (drop --skip-package or pass --vsix FILE)');
    ws = copyWorkspace(path.join(REPO, 'test/e2e/workspace'));
    // Keep every opened file in its own tab (no preview replacement) so all diagnostics stay listed.
    vs = await launchVSCode({ folder: ws, vsix, imagesDir, settings: { 'workbench.editor.enablePreview': false }, viewport: { width: 1400, height: 1000 }, timeoutMs: STEP_TIMEOUT_MS });
  });
  try {
    for (const s of up ? scenarios(expected, { workspace: ws }) : []) {
      // Close whatever a failed scenario left open (menus, hovers, palette).
      for (let i = 0; i < 2; i++) await vs.page.keyboard.press('Escape').catch(() => {});
      await phase(`VS Code: ${s.name}`, () => s.run(vs));
    }
  } finally {
    if (vs) await vs.close();
    if (ws) removeWorkspace(ws);
  }
}

if (ready && !flag('--no-vscode') && !flag('--no-web')) {
  let vs; let ws;
  const up = await phase('VS Code for the Web (web worker extension host): install the vsix and open the workspace', async () => {
    if (!vsix || !fs.existsSync(vsix)) throw new Error('no .vsix to install (drop --skip-package or pass --vsix FILE)');
    ws = copyWorkspace(path.join(REPO, 'test/e2e/workspace'));
    vs = await launchVSCode({ folder: ws, vsix, imagesDir, settings: WEB_SETTINGS, viewport: { width: 1400, height: 1000 }, timeoutMs: STEP_TIMEOUT_MS });
  });
  try {
    for (const s of up ? webScenarios({ workspace: ws }) : []) {
      for (let i = 0; i < 2; i++) await vs.page.keyboard.press('Escape').catch(() => {});
      await phase(`VS Code for the Web: ${s.name}`, () => s.run(vs));
    }
    if (process.env.ECS_TASKDEF_E2E_KEEP && vs) log(`browser logs: ${JSON.stringify(await vs.dumpBrowserLogs())}`);
  } finally {
    if (vs) await vs.close();
    if (ws) removeWorkspace(ws);
  }
}

if (!flag('--no-nvim') && results.every((r) => r.name !== 'setup (scripts/e2e/setup.sh)' || r.ok)) {
  await phase('Neovim LSP client (test/nvim/nvim.test.ts)', () =>
    run(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', 'test/nvim/nvim.test.ts'], 'node --test test/nvim/nvim.test.ts'));
}

fs.rmSync(tmp, { recursive: true, force: true });
const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
console.log('');
for (const r of results) console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name}  ${secs(r.ms)}`);
const shown = imagesDir.startsWith(REPO + path.sep) ? path.relative(REPO, imagesDir) : imagesDir;
console.log(`e2e total ${secs(Date.now() - t0)}; screenshots in ${shown}${flag('--update-images') ? '' : ' (--update-images writes docs/images)'}`);
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && results.length > 0 ? 0 : 1);
