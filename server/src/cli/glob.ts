/**
 * Command-line glob arguments (`'infra/**\/*.json'`), for shells that do not expand them (or quoted ones): where to
 * walk from. Matching is core/config/glob-match.ts's GlobMatcher, anchored, the same matcher settings globs use.
 */

const MAGIC = /[*?{[]/;

export function isGlob(arg: string): boolean {
  return MAGIC.test(arg);
}

/** Splits a glob into the folder to walk from and the pattern below it: `infra/**\/*.json` → `infra`, `**\/*.json`. */
export function splitGlob(glob: string): { base: string; pattern: string } {
  const parts = glob.replace(/\\/g, '/').split('/');
  const firstMagic = parts.findIndex((p) => MAGIC.test(p));
  const baseParts = parts.slice(0, firstMagic);
  const base = baseParts.length === 0 ? '.' : baseParts.join('/') || '/';
  return { base, pattern: parts.slice(firstMagic).join('/') };
}

/** True when the pattern can only match directly inside its base folder. */
export function isShallow(pattern: string): boolean {
  return !pattern.includes('/') && !pattern.includes('**');
}
