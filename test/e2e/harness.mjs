// Drives a real VS Code workbench (code-server) in Debian's Chromium through playwright-core.
// Everything it needs is installed by scripts/e2e/setup.sh into the e2e cache.
//
//   const vs = await launchVSCode({ folder, vsix });   // fresh profile, free port
//   try { await vs.openFileFromExplorer('a.json'); ... } finally { await vs.close(); }
//
// Every helper has a timeout and fails with a message naming the step; on failure a
// screenshot goes to <tmp>/failure-*.png and the code-server log tail is in the error.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ui, readProblemsPanel } from './ui.mjs';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CACHE = process.env.ECS_TASKDEF_E2E_CACHE || path.join(os.homedir(), '.cache', 'ecs-taskdef-e2e');
/** The README's screenshots: written only by `run.mjs --update-images` (or a caller that names this folder). */
export const IMAGES_DIR = path.join(REPO, 'docs', 'images');

const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export const DEFAULT_SETTINGS = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'chat.disableAIFeatures': true,
  // No network here: keep VS Code from trying to reach schema stores and galleries.
  'json.schemaDownload.enable': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'workbench.enableExperiments': false,
  'workbench.tips.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'editor.minimap.enabled': false,
  'files.autoSave': 'off',
  // One Explorer row per folder, so openFileFromExplorer('.github/workflows/x.yml') finds each level.
  'explorer.compactFolders': false,
  'window.zoomLevel': 0,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

/** Paths written by scripts/e2e/setup.sh; a clear error if setup never ran. */
export function loadPaths() {
  const file = path.join(CACHE, 'paths.json');
  if (!fs.existsSync(file)) {
    throw new Error(`e2e tools not installed (${file} missing): run scripts/e2e/setup.sh first`);
  }
  const paths = JSON.parse(fs.readFileSync(file, 'utf8'));
  for (const key of ['node24', 'codeServer', 'playwrightCore', 'chromium']) {
    if (!fs.existsSync(paths[key])) {
      throw new Error(`e2e tool '${key}' missing at ${paths[key]}: run scripts/e2e/setup.sh again`);
    }
  }
  return paths;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Kill a detached child's whole process group: TERM, then KILL if it lingers. */
async function killGroup(child, graceMs = 3000) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  try { process.kill(-child.pid, 'SIGTERM'); } catch { return; }
  const done = await Promise.race([exited.then(() => true), sleep(graceMs).then(() => false)]);
  if (!done) {
    try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
    await Promise.race([exited, sleep(1000)]);
  }
}

const liveGroups = new Set();
let exitHookInstalled = false;
function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  const killAll = () => {
    for (const pid of liveGroups) { try { process.kill(-pid, 'SIGKILL'); } catch { /* gone */ } }
  };
  process.on('exit', killAll);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(sig, () => { killAll(); process.exit(128 + (os.constants.signals[sig] ?? 1)); });
  }
}

function tail(file, lines = 30) {
  try { return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n'); } catch { return '(no log)'; }
}

/**
 * Copy a fixture workspace to <fresh temp dir>/<name>, so edits never touch the repo and the
 * window title (the folder name) is the same in every screenshot. Remove with removeWorkspace.
 */
export function copyWorkspace(src, name = 'task-definitions') {
  const dst = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-taskdef-ws-')), name);
  fs.cpSync(src, dst, { recursive: true });
  return dst;
}

export function removeWorkspace(dir) {
  fs.rmSync(path.dirname(dir), { recursive: true, force: true });
}

/** Install a .vsix into an extensions dir with code-server's own CLI. */
export function installExtension(paths, vsix, extensionsDir, userDataDir) {
  const r = spawnSync(paths.node24, [paths.codeServer, '--extensions-dir', extensionsDir,
    '--user-data-dir', userDataDir, '--install-extension', vsix, '--force'],
  { encoding: 'utf8', timeout: 120_000, env: { ...process.env, XDG_CONFIG_HOME: path.dirname(userDataDir) } });
  if (r.status !== 0) {
    throw new Error(`installing ${vsix} into code-server failed (exit ${r.status}${r.error ? `, ${r.error.message}` : ''}):\n${r.stdout}\n${r.stderr}`);
  }
  return r.stdout;
}

/**
 * Start code-server with a fresh profile on a free port, open `folder`, and attach Chromium.
 * Options: folder (required), vsix (install first), settings (merged over DEFAULT_SETTINGS),
 * imagesDir (default: a fresh temp folder), viewport, timeoutMs (per UI step), log (function for progress lines).
 */
export async function launchVSCode(opts) {
  const { folder, vsix, settings = {}, viewport = { width: 1400, height: 900 } } = opts;
  const imagesDir = opts.imagesDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-taskdef-e2e-images-'));
  const timeoutMs = opts.timeoutMs ?? 20_000;
  const log = opts.log ?? ((m) => console.error(`[e2e] ${m}`));
  if (!folder || !fs.existsSync(folder)) throw new Error(`launchVSCode: folder ${folder} does not exist`);
  const paths = loadPaths();
  installExitHook();

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-taskdef-e2e-'));
  const userDataDir = path.join(tmp, 'user-data');
  const extensionsDir = path.join(tmp, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({ ...DEFAULT_SETTINGS, ...settings }, null, 2));
  const configFile = path.join(tmp, 'config.yaml');
  fs.writeFileSync(configFile, 'auth: none\ncert: false\n');

  let server; let browser; let closed = false;
  const serverLog = path.join(tmp, 'code-server.log');
  const close = async () => {
    if (closed) return;
    closed = true;
    try { if (browser) await Promise.race([browser.close(), sleep(5000)]); } catch { /* ignore */ }
    if (server) { await killGroup(server); liveGroups.delete(server.pid); }
    if (!opts.keepTemp && !process.env.ECS_TASKDEF_E2E_KEEP) fs.rmSync(tmp, { recursive: true, force: true });
  };

  try {
    if (vsix) {
      log(`installing ${path.basename(vsix)}`);
      installExtension(paths, vsix, extensionsDir, userDataDir);
    }
    const port = await freePort();
    const out = fs.openSync(serverLog, 'a');
    server = spawn(paths.node24, [paths.codeServer, '--config', configFile, '--auth', 'none',
      '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check',
      '--disable-workspace-trust', '--disable-getting-started-override',
      // ECS_TASKDEF_E2E_TRACE=1: every logger at trace level, the language client's log channel (its LSP trace) included.
      ...(process.env.ECS_TASKDEF_E2E_TRACE ? ['--log', 'trace'] : []),
      '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, folder], {
      detached: true, stdio: ['ignore', out, out], cwd: tmp, // never the checkout: code-server must not depend on where the repository lives
      env: { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(npm_|INIT_CWD$)/i.test(k))), XDG_CONFIG_HOME: tmp, XDG_DATA_HOME: tmp, PORT: '' },
    });
    fs.closeSync(out);
    liveGroups.add(server.pid);
    log(`code-server pid ${server.pid} on port ${port} (log ${serverLog})`);

    const base = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (server.exitCode !== null) throw new Error(`code-server exited early (code ${server.exitCode})`);
      try { if ((await fetch(`${base}/healthz`)).ok) break; } catch { /* not yet */ }
      if (Date.now() > deadline) throw new Error('code-server did not answer /healthz within 60 s');
      await sleep(250);
    }

    const { chromium } = await import(pathToFileURL(paths.playwrightCore).href);
    browser = await chromium.launch({ executablePath: paths.chromium, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
    const context = await browser.newContext({ viewport });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    const page = await context.newPage();
    page.setDefaultTimeout(timeoutMs);
    // The browser's console (the workbench, and the web worker extension host forwarded to it) into a file:
    // the evidence when a web run fails, since that host's logs and output channels live in the browser.
    const consoleLog = path.join(tmp, 'browser-console.log');
    const stamp = () => new Date().toISOString().slice(11, 23);
    const note = (line) => { try { fs.appendFileSync(consoleLog, `${stamp()} ${line}\n`); } catch { /* tmp gone */ } };
    page.on('console', (m) => note(`[${m.type()}] ${m.text()}`));
    page.on('pageerror', (e) => note(`[pageerror] ${e.message}`));
    page.on('worker', (w) => { note(`[worker started] ${w.url().slice(0, 120)}`); w.on('close', () => note(`[worker closed] ${w.url().slice(0, 120)}`)); });
    await page.goto(`${base}/?folder=${encodeURIComponent(folder)}`, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    await page.locator('.monaco-workbench').first().waitFor({ state: 'visible', timeout: 60_000 });
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ state: 'visible', timeout: 60_000 });
    log('workbench ready');

    const helpers = ui(page, { timeoutMs, imagesDir });
    const step = async (name, fn) => {
      try { return await fn(); } catch (err) {
        const shot = path.join(os.tmpdir(), `ecs-taskdef-e2e-failure-${Date.now()}.png`);
        try { await page.screenshot({ path: shot }); } catch { /* page gone */ }
        const e = new Error(`e2e step '${name}' failed: ${err.message}\n  screenshot: ${shot}\n  code-server log tail:\n${tail(serverLog, 15)}\n  browser console tail (${consoleLog}):\n${tail(consoleLog, 15)}`);
        e.cause = err;
        throw e;
      }
    };
    /**
     * The web worker extension host's logs (its output channels, e.g. the language client's trace) live in the
     * browser's IndexedDB, not in code-server's logs folder: copy every log-looking entry into `dir`.
     */
    const dumpBrowserLogs = async (dir = path.join(tmp, 'browser-logs')) => {
      await sleep(1500); // loggers flush on a short delay
      const entries = await page.evaluate(async () => {
        const out = [];
        const dbs = (await indexedDB.databases?.()) ?? [];
        for (const { name } of dbs) {
          const db = await new Promise((res, rej) => { const r = indexedDB.open(name); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
          for (const store of db.objectStoreNames) {
            const rows = await new Promise((res) => {
              const acc = []; const req = db.transaction(store).objectStore(store).openCursor();
              req.onsuccess = () => { const c = req.result; if (!c) return res(acc); acc.push([String(c.key), c.value]); c.continue(); };
              req.onerror = () => res(acc);
            });
            for (const [key, value] of rows) {
              if (!/log/i.test(`${name}/${store}/${key}`)) continue;
              const text = typeof value === 'string' ? value : value instanceof Uint8Array ? new TextDecoder().decode(value) : JSON.stringify(value);
              out.push({ name: `${name}__${store}__${key}`, text });
            }
          }
          db.close();
        }
        return out;
      }).catch((e) => [{ name: 'error', text: String(e) }]);
      fs.mkdirSync(dir, { recursive: true });
      for (const e of entries) fs.writeFileSync(path.join(dir, e.name.replace(/[^\w.-]+/g, '_').slice(-180)), e.text);
      return { dir, files: entries.length };
    };
    const wrapped = {};
    for (const [name, fn] of Object.entries(helpers)) wrapped[name] = (...a) => step(`${name}(${a.map((x) => JSON.stringify(x)).join(', ')})`, () => fn(...a));
    return { page, browser, port, tmp, serverLog, consoleLog, dumpBrowserLogs, userDataDir, extensionsDir, close, step, ...wrapped };
  } catch (err) {
    const msg = `launchVSCode failed: ${err.message}\n  code-server log tail (${serverLog}):\n${tail(serverLog)}`;
    await close();
    throw new Error(msg, { cause: err });
  }
}

export { readProblemsPanel };
