// Neovim's built-in LSP client runs `node dist/server.js --stdio` on the e2e workspace files and
// must receive the diagnostics listed in test/e2e/expected.json. Run by `npm run test:e2e`
// (kept out of `npm test`: it needs Debian's neovim, installed by scripts/e2e/setup.sh).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import expected from '../e2e/expected.json' with { type: 'json' };

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SERVER = join(REPO, 'dist', 'server.js');
const SCRIPT = join(REPO, 'test', 'nvim', 'diagnostics.lua');
const WORKSPACE = join(REPO, 'test', 'e2e', 'workspace');

interface Diag { code: string | null; source: string | null; severity: number | null; message: string; line: number; col: number }

function nvimVersion(): string | null {
  const r = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.split('\n')[0] : null;
}

function diagnosticsFor(file: string): Diag[] {
  const state = mkdtempSync(join(tmpdir(), 'ecs-taskdef-nvim-'));
  try {
    const r = spawnSync('nvim', ['--headless', '--clean', '-n', '-c', `luafile ${SCRIPT}`], {
      encoding: 'utf8',
      timeout: 60_000,
      cwd: REPO,
      env: { ...process.env, ECS_SERVER: SERVER, ECS_FILE: file, ECS_NODE: process.execPath, XDG_STATE_HOME: state, XDG_CACHE_HOME: state },
    });
    assert.equal(r.error, undefined, `nvim failed to run: ${r.error?.message}`);
    assert.equal(r.status, 0, `nvim exited with ${r.status}: ${r.stderr}`);
    return r.stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Diag);
  } finally {
    rmSync(state, { recursive: true, force: true });
  }
}

test('prerequisites: Neovim and the built server', () => {
  assert.ok(nvimVersion(), 'nvim is not installed: run scripts/e2e/setup.sh (installs Debian neovim)');
  assert.ok(existsSync(SERVER), `${SERVER} is missing: run npm run build`);
});

for (const [name, want] of Object.entries(expected.files)) {
  test(`Neovim LSP client gets ${want.present.join(', ')} for ${name}`, () => {
    assert.ok(nvimVersion(), 'nvim is not installed: run scripts/e2e/setup.sh (installs Debian neovim)');
    assert.ok(existsSync(SERVER), `${SERVER} is missing: run npm run build`);
    const diags = diagnosticsFor(join(WORKSPACE, name));
    const codes = new Set(diags.map((d) => d.code));
    for (const id of want.present) assert.ok(codes.has(id), `${name}: expected '${id}', got ${JSON.stringify(diags, null, 1)}`);
    for (const id of want.absent) assert.ok(!codes.has(id), `${name}: did not expect '${id}'`);
    for (const d of diags) {
      assert.equal(d.source, 'ecs-taskdef', `${name}: diagnostic without our source: ${JSON.stringify(d)}`);
      assert.ok(d.line >= 1 && d.col >= 1 && d.message.length > 0, `${name}: malformed diagnostic ${JSON.stringify(d)}`);
    }
  });
}
