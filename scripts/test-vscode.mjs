// `npm run test:vscode`: the VS Code API suite (test/vscode) in a real VS Code through @vscode/test-electron.
// Needs a VS Code: $VSCODE_EXECUTABLE, a copy downloaded earlier, or one it can download from
// update.code.visualstudio.com. When none of these is possible it says so and exits 0 without running
// anything (it never reports a pass it did not see); `npm run test:e2e` is the suite for such machines.
//
// Env: VSCODE_EXECUTABLE (use this VS Code, no download), VSCODE_VERSION (default "stable"; e.g. "1.91.0",
// the oldest version package.json accepts), ECS_TASKDEF_VSCODE_CACHE (download cache, default
// ~/.cache/ecs-taskdef-vscode), ECS_TASKDEF_VSCODE_REQUIRED=1 (fail instead of skipping).
// Flags: --skip-build (reuse dist/), --bundle-only (only write the bundled suite to out/vscode-test/,
// e.g. to load it into another VS Code as its extensionTestsPath).
import { execFileSync, spawnSync } from 'node:child_process';
import { lookup } from 'node:dns/promises';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const UPDATE_HOST = 'update.code.visualstudio.com';
const PROBE_MS = 5000;
const OUT = join(ROOT, 'out', 'vscode-test');
const cachePath = process.env.ECS_TASKDEF_VSCODE_CACHE || join(homedir(), '.cache', 'ecs-taskdef-vscode');
const version = process.env.VSCODE_VERSION || 'stable';

function skip(reason) {
  const message = `test:vscode skipped: VS Code cannot be downloaded on this machine (${reason}); run npm run test:e2e for the code-server suite`;
  // CI jobs that exist to run this suite set ECS_TASKDEF_VSCODE_REQUIRED=1, so a network problem fails them instead.
  if (process.env.ECS_TASKDEF_VSCODE_REQUIRED === '1') fail(`${message} — but ECS_TASKDEF_VSCODE_REQUIRED=1`);
  console.log(message);
  process.exit(0);
}

function fail(message) {
  console.error(`test:vscode: ${message}`);
  process.exit(1);
}

/** Resolves to undefined when the update service answers over HTTPS, else to the reason it does not. */
async function probeUpdateService() {
  try {
    await withTimeout(lookup(UPDATE_HOST), PROBE_MS, `DNS lookup of ${UPDATE_HOST} timed out after ${PROBE_MS / 1000} s`);
  } catch (e) {
    return `DNS lookup of ${UPDATE_HOST} failed: ${e.code ?? e.message}`;
  }
  return new Promise((done) => {
    const req = request({ host: UPDATE_HOST, path: '/api/releases/stable', method: 'GET', timeout: PROBE_MS }, (res) => {
      res.resume();
      done(res.statusCode && res.statusCode < 500 ? undefined : `https://${UPDATE_HOST} answered HTTP ${res.statusCode}`);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${PROBE_MS / 1000} s`)));
    req.on('error', (e) => done(`https://${UPDATE_HOST} unreachable: ${e.code ?? e.message}`));
    req.end();
  });
}

function withTimeout(promise, ms, message) {
  let timer;
  return Promise.race([promise, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)))]).finally(() => clearTimeout(timer));
}

/** Copies of VS Code that @vscode/test-electron downloaded before (it falls back to them when offline). */
function cachedCopies() {
  if (!existsSync(cachePath)) return [];
  return readdirSync(cachePath).filter((d) => /^vscode-[a-z0-9-]+-\d[\d.]*$/.test(d) && (version === 'stable' || d.endsWith(`-${version}`)));
}

/** Electron needs a display on Linux: without one, re-run this script under xvfb-run when it exists. */
function ensureDisplay() {
  if (process.platform !== 'linux' || process.env.DISPLAY || process.env.WAYLAND_DISPLAY || process.env.ECS_TASKDEF_UNDER_XVFB) return;
  const which = spawnSync('sh', ['-c', 'command -v xvfb-run'], { encoding: 'utf8' });
  if (which.status !== 0) fail('no display for VS Code (DISPLAY is unset) and no xvfb-run; install xvfb (apt-get install xvfb) or run under a display');
  const r = spawnSync('xvfb-run', ['-a', process.execPath, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, ECS_TASKDEF_UNDER_XVFB: '1' },
  });
  process.exit(r.status ?? 1);
}

async function findVSCode() {
  const exe = process.env.VSCODE_EXECUTABLE;
  if (exe) {
    if (!existsSync(exe) || !statSync(exe).isFile()) fail(`VSCODE_EXECUTABLE=${exe} is not a file`);
    return { executable: exe };
  }
  const offline = await probeUpdateService();
  if (offline && cachedCopies().length === 0) skip(offline);
  if (offline) console.log(`test:vscode: ${offline}; using the copy already in ${cachePath}`);
  return { download: true };
}

async function bundleSuite() {
  const { build } = await import('esbuild');
  rmSync(OUT, { recursive: true, force: true });
  const suite = join(ROOT, 'test', 'vscode', 'suite');
  const entryPoints = readdirSync(suite)
    .filter((f) => f === 'index.ts' || f.endsWith('.test.ts'))
    .map((f) => join(suite, f));
  await build({
    entryPoints,
    outdir: OUT,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    sourcemap: 'inline',
    mainFields: ['module', 'main'],
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
}

/** A fresh copy of the fixtures (the tests edit files), user settings and an empty extensions dir. */
function prepareDirs() {
  const base = mkdtempSync(join(tmpdir(), 'ecs-taskdef-vscode-'));
  const workspace = join(base, 'workspace');
  cpSync(join(ROOT, 'test', 'vscode', 'workspace'), workspace, { recursive: true });
  const userData = join(base, 'user-data');
  mkdirSync(join(userData, 'User'), { recursive: true });
  writeFileSync(
    join(userData, 'User', 'settings.json'),
    JSON.stringify(
      {
        'security.workspace.trust.enabled': false,
        'workbench.startupEditor': 'none',
        'files.autoSave': 'off',
        'update.mode': 'none',
        'extensions.autoUpdate': false,
        'extensions.autoCheckUpdates': false,
        'telemetry.telemetryLevel': 'off',
        'chat.disableAIFeatures': true,
      },
      null,
      2,
    ),
  );
  const extensions = join(base, 'extensions');
  mkdirSync(extensions);
  return { base, workspace, userData, extensions };
}

async function main() {
  const args = process.argv.slice(2);
  if (args.includes('--bundle-only')) {
    await bundleSuite();
    console.log(`test:vscode: suite bundled into ${OUT}`);
    return;
  }
  const found = await findVSCode();
  ensureDisplay();
  if (!args.includes('--skip-build')) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
  if (!existsSync(join(ROOT, 'dist', 'client.js'))) fail('dist/client.js is missing; run npm run build');
  await bundleSuite();

  const { downloadAndUnzipVSCode, runTests } = await import('@vscode/test-electron');
  const vscodeExecutablePath = found.executable ?? (await downloadAndUnzipVSCode({ version, cachePath, extensionDevelopmentPath: ROOT }));
  const dirs = prepareDirs();
  const report = join(dirs.base, 'report.json');
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  console.log(`test:vscode: ${pkg.publisher}.${pkg.name} in ${vscodeExecutablePath}, workspace ${dirs.workspace}`);
  let code = 1;
  try {
    code = await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: join(OUT, 'index.js'),
      extensionTestsEnv: { ECS_TASKDEF_VSCODE_TEST_REPORT: report },
      launchArgs: [
        dirs.workspace,
        '--disable-extensions',
        `--user-data-dir=${dirs.userData}`,
        `--extensions-dir=${dirs.extensions}`,
        '--skip-welcome',
        '--skip-release-notes',
        '--disable-workspace-trust',
        '--disable-telemetry',
      ],
    });
  } catch (e) {
    console.error(`test:vscode: VS Code exited with a failure (${e.message ?? e})`);
  }
  const summary = existsSync(report) ? JSON.parse(readFileSync(report, 'utf8')) : undefined;
  rmSync(dirs.base, { recursive: true, force: true });
  if (!summary) fail('the suite did not report (VS Code or the extension host stopped before the tests finished)');
  console.log(`test:vscode: ${summary.passes} passed, ${summary.failures} failed`);
  process.exit(code === 0 && summary.failures === 0 && summary.passes > 0 ? 0 : 1);
}

main().catch((e) => fail(e.stack ?? String(e)));
