/** The README shows every screenshot in docs/images, and every image it shows exists. */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const ROOT = join(__dirname, '..', '..');

describe('README images', () => {
  it('every image in docs/images is used in the README, and every image the README uses exists', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const used = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]);
    assert.ok(used.length >= 4, `README images: ${used.join(', ')}`);
    for (const src of used) assert.ok(existsSync(join(ROOT, src)), `${src} is missing`);
    const files = readdirSync(join(ROOT, 'docs', 'images')).filter((f) => /\.(png|jpe?g|gif|svg|webp)$/i.test(f));
    for (const f of files) assert.ok(used.includes(`docs/images/${f}`), `docs/images/${f} is not shown in the README`);
  });
});
