// Checks a packaged .vsix the way the two registries and a user will see it, offline:
//  - Open VSX's manifest requirements (name, publisher, version, engines.vscode, a licence and its file,
//    a repository) — `ovsx publish` checks these only once it talks to open-vsx.org;
//  - the icon is a PNG of at least 128×128 inside the package, the gallery banner is set;
//  - the desktop and web entries and the worker server are inside;
//  - every walkthrough medium is inside, and the images its markdown links to;
//  - every README image resolves: relative links to a file inside the package, and links vsce rewrote to the
//    repository (…/raw/HEAD/<path>) to a <path> that is inside too.
// `node scripts/package/check-vsix.mjs FILE.vsix` prints the problems and exits 1 when there are any.
import { readVsix } from './vsix.mjs';

const SEMVER = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;
const NAME = /^[a-z0-9][a-z0-9-]*$/i;

/** Problems of the unpacked vsix (Map name → Buffer); empty when it is ready for both registries. */
export function vsixProblems(files) {
  const problems = [];
  const has = (p) => files.has(`extension/${p.replace(/^\.\//, '')}`);
  const manifestBytes = files.get('extension/package.json');
  if (!manifestBytes) return ['extension/package.json is missing'];
  const m = JSON.parse(manifestBytes.toString('utf8'));

  // Open VSX (and the Marketplace): identity, engine, licence, repository.
  if (!NAME.test(m.name ?? '')) problems.push(`name ${JSON.stringify(m.name)} is not a valid extension name`);
  if (!NAME.test(m.publisher ?? '')) problems.push(`publisher ${JSON.stringify(m.publisher)} is not a valid namespace`);
  if (!SEMVER.test(m.version ?? '')) problems.push(`version ${JSON.stringify(m.version)} is not semver`);
  if (typeof m.engines?.vscode !== 'string') problems.push('engines.vscode is missing');
  if (typeof m.license !== 'string' || !m.license) problems.push('license is missing (Open VSX rejects extensions without one)');
  if (![...files.keys()].some((n) => /^extension\/LICEN[CS]E(\.(md|txt))?$/i.test(n))) problems.push('no LICENSE file in the package');
  const repo = typeof m.repository === 'string' ? m.repository : m.repository?.url;
  if (!/^https:\/\/github\.com\/[^/]+\/[^/]+/.test(repo ?? '')) problems.push(`repository ${JSON.stringify(repo)} is not a GitHub URL`);
  if (m.private === true) problems.push('private: true (neither registry publishes it)');
  if (!m.displayName || !m.description) problems.push('displayName and description are needed for the gallery');

  // Icon and banner.
  const icon = m.icon && files.get(`extension/${m.icon}`);
  if (!icon) problems.push(`icon ${JSON.stringify(m.icon)} is not in the package`);
  else if (icon.readUInt32BE(0) !== 0x89504e47) problems.push(`icon ${m.icon} is not a PNG`);
  else if (icon.readUInt32BE(16) < 128 || icon.readUInt32BE(20) < 128) problems.push(`icon ${m.icon} is ${icon.readUInt32BE(16)}×${icon.readUInt32BE(20)}; the galleries want at least 128×128`);
  if (!/^#[0-9a-f]{6}$/i.test(m.galleryBanner?.color ?? '') || !['dark', 'light'].includes(m.galleryBanner?.theme)) problems.push('galleryBanner needs a color and a theme');

  // Entries.
  // The HCL parser's wasm files: Terraform files are not linted without them (desktop and web).
  for (const entry of [m.main, m.browser, './dist/server.js', './dist/server-main.js', './dist/web/server.js', './dist/web/tree-sitter.wasm', './dist/web/tree-sitter-hcl.wasm']) {
    if (!entry || !has(entry)) problems.push(`${entry ?? '(main/browser)'} is not in the package`);
  }
  if (!files.has('extension/changelog.md') && !files.has('extension/CHANGELOG.md')) problems.push('CHANGELOG.md is not in the package');

  // Walkthrough media, and the images their markdown shows.
  for (const w of m.contributes?.walkthroughs ?? []) {
    for (const step of w.steps ?? []) {
      const media = step.media ?? {};
      const paths = [media.markdown, typeof media.image === 'string' ? media.image : media.image?.dark, media.svg].filter(Boolean);
      if (paths.length === 0) problems.push(`walkthrough step ${step.id} has no media`);
      for (const p of paths) if (!has(p)) problems.push(`walkthrough step ${step.id}: ${p} is not in the package`);
      if (media.image && !media.altText) problems.push(`walkthrough step ${step.id}: an image needs altText`);
      if (media.markdown && has(media.markdown)) {
        const dir = media.markdown.split('/').slice(0, -1).join('/');
        for (const src of imageLinks(files.get(`extension/${media.markdown}`).toString('utf8'))) {
          if (!/^https?:/.test(src) && !has(normalize(`${dir}/${src}`))) problems.push(`${media.markdown}: image ${src} is not in the package`);
        }
      }
    }
  }

  // README images.
  const readme = files.get('extension/readme.md') ?? files.get('extension/README.md');
  if (!readme) problems.push('README.md is not in the package');
  else {
    const base = repo ? `${repo.replace(/\.git$/, '')}/raw/HEAD/` : undefined;
    for (const src of imageLinks(readme.toString('utf8'))) {
      if (base && src.startsWith(base)) {
        if (!has(src.slice(base.length))) problems.push(`README image ${src}: ${src.slice(base.length)} is not in the package`);
      } else if (/^https?:/.test(src)) {
        if (!src.startsWith('https://')) problems.push(`README image ${src} is not https (the galleries refuse it)`);
      } else if (!has(normalize(src))) problems.push(`README image ${src} is not in the package`);
      if (/\.svg(\?|$)/i.test(src)) problems.push(`README image ${src} is an SVG (the galleries refuse them)`);
    }
  }
  return problems;
}

/** The image sources of markdown (`![alt](src)`) and of HTML `<img src>`. */
export function imageLinks(markdown) {
  const out = [];
  for (const m of markdown.matchAll(/!\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) out.push(m[1]);
  for (const m of markdown.matchAll(/<img\b[^>]*\bsrc=["']([^"']+)["']/gi)) out.push(m[1]);
  return out;
}

function normalize(p) {
  const parts = [];
  for (const s of p.replace(/^\.\//, '').split('/')) {
    if (s === '..') parts.pop();
    else if (s && s !== '.') parts.push(s);
  }
  return parts.join('/');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: node scripts/package/check-vsix.mjs FILE.vsix');
    process.exit(2);
  }
  const files = readVsix(file);
  const problems = vsixProblems(files);
  for (const p of problems) console.error(`${file}: ${p}`);
  console.log(`${file}: ${files.size} files; ${problems.length ? `${problems.length} problem(s)` : 'ready for the VS Code Marketplace and Open VSX'}`);
  process.exit(problems.length ? 1 : 0);
}
