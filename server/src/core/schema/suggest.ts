/** "Did you mean …?" for unknown keys (RULES.md unknown-property: case, snake_case, plurals, known slips, edit distance). */

const KNOWN_SLIPS: Record<string, string> = {
  executionRole: 'executionRoleArn',
  taskRole: 'taskRoleArn',
  logConfig: 'logConfiguration',
  requiredCompatibilities: 'requiresCompatibilities',
  requireCompatibilities: 'requiresCompatibilities',
  entrypoint: 'entryPoint',
  dependOn: 'dependsOn',
  envFiles: 'environmentFiles',
  env: 'environment',
  ports: 'portMappings',
  memoryLimit: 'memory',
  readOnlyRootFilesystem: 'readonlyRootFilesystem',
};

export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      rowMin = Math.min(rowMin, cur[j]);
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

function snakeToCamel(s: string): string {
  return s.toLowerCase().replace(/[_-]([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** Up to three suggestions for `key` among `valid`, best first. */
export function suggestKeys(key: string, valid: readonly string[]): string[] {
  const out: string[] = [];
  const add = (s: string | undefined) => {
    if (s && valid.includes(s) && !out.includes(s) && s !== key) out.push(s);
  };
  const lower = key.toLowerCase();
  add(valid.find((v) => v.toLowerCase() === lower));
  add(snakeToCamel(key));
  add(valid.find((v) => v.toLowerCase() === snakeToCamel(key).toLowerCase()));
  add(KNOWN_SLIPS[key]);
  for (const v of valid) {
    const vl = v.toLowerCase();
    if (vl === `${lower}s` || `${vl}s` === lower || vl === `${lower}es`) add(v);
  }
  const close = valid
    .map((v) => ({ v, d: editDistance(lower, v.toLowerCase(), 2) }))
    .filter((x) => x.d <= 2)
    .sort((a, b) => a.d - b.d || a.v.localeCompare(b.v));
  for (const c of close) add(c.v);
  return out.slice(0, 3);
}

/** The `n` valid keys closest to `key`, for messages without a confident suggestion. */
export function closestKeys(key: string, valid: readonly string[], n = 5): string[] {
  const lower = key.toLowerCase();
  return [...valid]
    .map((v) => ({ v, d: editDistance(lower, v.toLowerCase(), 64) }))
    .sort((a, b) => a.d - b.d || a.v.localeCompare(b.v))
    .slice(0, n)
    .map((x) => x.v);
}

/** Close enum candidates: exact match ignoring case, CAP_ prefix removed, then edit distance ≤ 2. */
export function suggestEnumValues(value: string, allowed: readonly string[]): string[] {
  const out: string[] = [];
  const add = (s: string | undefined) => {
    if (s !== undefined && allowed.includes(s) && !out.includes(s) && s !== value) out.push(s);
  };
  add(allowed.find((a) => a.toLowerCase() === value.toLowerCase()));
  if (/^CAP_/i.test(value)) add(allowed.find((a) => a.toLowerCase() === value.slice(4).toLowerCase()));
  for (const a of allowed) if (editDistance(value.toLowerCase(), a.toLowerCase(), 2) <= 2) add(a);
  return out.slice(0, 3);
}
