// Runs every test/**/*.test.ts with node's test runner (through tsx), except the real-editor suites
// (test/e2e, test/nvim, test/vscode), which `npm run test:e2e` / `npm run test:vscode` run.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const EXCLUDE = new Set(['e2e', 'nvim', 'vscode', 'fixtures', 'corpus-files']);
function find(dir, out = []) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (!EXCLUDE.has(name)) find(p, out);
    } else if (name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}
const files = process.argv.slice(2).length ? process.argv.slice(2) : find('test');
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=2', ...files], { stdio: 'inherit' });
process.exit(r.status ?? 1);
