/**
 * The release package: `vsce package` on a copy of what the .vsix ships (the built dist/ included; the
 * prepublish build is left out so that other tests keep their dist/), unpacked and checked the way both
 * registries and a user see it (scripts/package/check-vsix.mjs): icon, banner, licence, web entry, walkthrough
 * media and README images inside the package. Also: the checker finds what it is meant to find.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
// @ts-expect-error plain ES modules without typings
import { readVsix } from '../../scripts/package/vsix.mjs';
// @ts-expect-error plain ES modules without typings
import { imageLinks, vsixProblems } from '../../scripts/package/check-vsix.mjs';

const ROOT = join(import.meta.dirname, '..', '..');
const SHIPPED = ['dist', 'media', 'bin', 'schemas', 'snippets', 'docs', 'walkthrough', 'README.md', 'LICENSE', 'SECURITY.md', 'CHANGELOG.md', '.vscodeignore'];

describe('the .vsix (npm run package)', () => {
  let dir: string;
  let files: Map<string, Buffer>;
  before(() => {
    for (const f of ['dist/client.js', 'dist/server.js', 'dist/web/client.js', 'dist/web/server.js']) assert.ok(existsSync(join(ROOT, f)), `${f} missing: run npm run build`);
    dir = mkdtempSync(join(tmpdir(), 'ecs-taskdef-vsix-'));
    for (const f of SHIPPED) cpSync(join(ROOT, f), join(dir, f), { recursive: true });
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    delete pkg.scripts['vscode:prepublish'];
    writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg, null, 2));
    const vsce = join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
    const r = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--out', join(dir, 'out.vsix')], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
    assert.equal(r.status, 0, `vsce package failed:\n${r.stdout}\n${r.stderr}`);
    files = readVsix(join(dir, 'out.vsix'));
  });
  after(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('is ready for the VS Code Marketplace and Open VSX (check-vsix finds no problem)', () => {
    assert.deepEqual(vsixProblems(files), []);
  });

  it('ships the icon, both entries, the walkthrough media and the README pictures, and no sources or tests', () => {
    const names = [...files.keys()];
    for (const f of ['media/icon.png', 'dist/web/client.js', 'dist/web/server.js', 'walkthrough/create.md', 'walkthrough/ci.md', 'docs/images/quick-fix.png']) {
      assert.ok(files.has(`extension/${f}`), `${f} not in the vsix`);
    }
    assert.deepEqual(names.filter((n) => /\.(ts|map)$|^extension\/(test|server\/src|client\/src|node_modules)\//.test(n)), []);
    // The README starts with pictures, and vsce pointed them at files that are in the package.
    const readme = (files.get('extension/readme.md') ?? files.get('extension/README.md'))!.toString('utf8');
    const firstImage = readme.search(/!\[/);
    assert.ok(firstImage > 0 && firstImage < readme.indexOf('\n## '), 'a picture comes before the first section');
    const images = imageLinks(readme) as string[];
    assert.ok(images.length >= 3, images.join());
  });

  it('the checker reports what the registries would reject', () => {
    const broken = new Map(files);
    const pkg = JSON.parse(broken.get('extension/package.json')!.toString('utf8'));
    delete pkg.license;
    pkg.contributes.walkthroughs[0].steps[1].media.image = 'docs/images/missing.png';
    broken.set('extension/package.json', Buffer.from(JSON.stringify(pkg)));
    broken.delete('extension/media/icon.png');
    broken.delete('extension/docs/images/editor-squiggles.png');
    const problems = (vsixProblems(broken) as string[]).join('\n');
    assert.match(problems, /license is missing/);
    assert.match(problems, /docs\/images\/missing\.png is not in the package/);
    assert.match(problems, /icon "media\/icon\.png" is not in the package/);
    assert.match(problems, /README image .*editor-squiggles\.png/);
  });
});
