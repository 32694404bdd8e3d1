/**
 * The published package: `npm pack` the current build, install the tarball offline into an empty project and run
 * `npx ecs-taskdef lint .` there. Proves the bin works from the tarball and needs no other package at run time.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { FARGATE_TASK } from './cli-helpers';

const ROOT = join(__dirname, '..', '..');

function npm(args: string[], cwd: string) {
  // --ignore-scripts: pack the build the test run already made (prepack would rebuild dist/ under other tests).
  const r = spawnSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false', FORCE_COLOR: '', NO_COLOR: '' } });
  assert.equal(r.error, undefined, `npm ${args.join(' ')}: ${r.error}`);
  return r;
}

describe('published package', () => {
  it('npm pack → npm install --offline → npx ecs-taskdef lint . works and installs nothing else; so do a global install and npx --package of the tarball', () => {
    const packDir = mkdtempSync(join(tmpdir(), 'ecs-taskdef-pack-'));
    const pack = npm(['pack', '--ignore-scripts', '--json', '--pack-destination', packDir], ROOT);
    assert.equal(pack.status, 0, pack.stderr);
    const [info] = JSON.parse(pack.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
    const packed = info.files.map((f) => f.path);
    for (const needed of ['bin/ecs-taskdef.js', 'dist/cli.js', 'dist/server.js', 'package.json', 'README.md', 'LICENSE']) {
      assert.ok(packed.includes(needed), `${needed} is in the tarball`);
    }
    assert.ok(!packed.some((p) => p.startsWith('server/') || p.startsWith('test/') || p.startsWith('node_modules/')), 'no sources, tests or node_modules');

    const project = mkdtempSync(join(tmpdir(), 'ecs-taskdef-consumer-'));
    writeFileSync(join(project, 'package.json'), '{ "name": "consumer", "version": "1.0.0", "private": true }\n');
    const install = npm(['install', '--offline', '--no-audit', '--no-fund', join(packDir, info.filename)], project);
    assert.equal(install.status, 0, install.stderr);
    assert.deepEqual(readdirSync(join(project, 'node_modules')).filter((n) => !n.startsWith('.')), ['ecs-taskdef'], 'no runtime dependencies');
    const manifest = JSON.parse(readFileSync(join(project, 'node_modules', 'ecs-taskdef', 'package.json'), 'utf8'));
    assert.deepEqual(manifest.dependencies ?? {}, {});

    writeFileSync(join(project, 'task-definition.json'), FARGATE_TASK);
    const lint = npm(['exec', '--offline', '--', 'ecs-taskdef', 'lint', '.'], project);
    assert.equal(lint.status, 1, lint.stderr);
    assert.match(lint.stdout, /^task-definition\.json:8:60 {2}error {2}'essential' must be a boolean.* {2}wrong-type$/m);
    assert.match(lint.stdout, /in 1 file \(\d+ hints not shown; --min-severity hint shows them\)\n$/, 'package.json and node_modules are not linted');
    const sarif = npm(['exec', '--offline', '--', 'ecs-taskdef', 'lint', '--format', 'sarif', '.'], project);
    assert.equal(JSON.parse(sarif.stdout).runs[0].tool.driver.version, manifest.version);

    // The README's other two ways in, until the package is on the registry: a global install of the tarball (here
    // into a private prefix) and a one-off `npx --package ./tarball` in a folder with no package.json.
    const prefix = mkdtempSync(join(tmpdir(), 'ecs-taskdef-prefix-'));
    const global = npm(['install', '--global', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', join(packDir, info.filename)], project);
    assert.equal(global.status, 0, global.stderr);
    const bin = spawnSync(join(prefix, 'bin', 'ecs-taskdef'), ['lint', '--min-severity', 'warning', 'task-definition.json'], { cwd: project, encoding: 'utf8' });
    assert.equal(bin.status, 1, bin.stderr);
    assert.match(bin.stdout, /wrong-type\n(.*\n)*✖ \d+ problems? \(1 error, \d+ warnings?\) in 1 file\n$/);
    const bare = mkdtempSync(join(tmpdir(), 'ecs-taskdef-npx-'));
    writeFileSync(join(bare, 'task-definition.json'), FARGATE_TASK);
    const npx = npm(['exec', '--offline', '--yes', '--package', join(packDir, info.filename), '--', 'ecs-taskdef', 'lint', '--quiet', 'task-definition.json'], bare);
    assert.equal(npx.status, 1, npx.stderr);
    assert.match(npx.stdout, /wrong-type\n✖ 1 problem \(1 error\) in 1 file\n$/);
  });
});
