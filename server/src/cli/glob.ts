/** Command-line glob arguments (`'infra/**\/*.json'`), for shells that do not expand them (or quoted ones). */

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

/** Anchored matcher for paths relative to the glob's base (`*` stays inside one folder, `**` crosses folders). */
export function compileGlob(pattern: string): RegExp {
  let re = '';
  let braces = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*' && pattern[i + 1] === '*') {
      const slash = pattern[i + 2] === '/';
      re += slash ? '(?:[^/]+/)*' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end < 0) re += '\\[';
      else {
        re += `[${pattern.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else if (c === '{') {
      re += '(?:';
      braces++;
    } else if (c === '}' && braces > 0) {
      re += ')';
      braces--;
    } else if (c === ',' && braces > 0) re += '|';
    else re += c.replace(/[.+^$()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** True when the pattern can only match directly inside its base folder. */
export function isShallow(pattern: string): boolean {
  return !pattern.includes('/') && !pattern.includes('**');
}
