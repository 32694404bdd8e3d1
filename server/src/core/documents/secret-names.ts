/**
 * Which environment variables look like secrets (rule plaintext-secret; Trivy AVD-AWS-0036 and Security Hub
 * ECS.8 check similar lists). Names are split into words on `_`, `-`, `.` and camelCase boundaries.
 */

/** Always secrets, whatever the value: AWS credentials and the agent's registry auth. */
export const ALWAYS_SECRET_NAMES: readonly string[] = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'ECS_ENGINE_AUTH_DATA'];

/** Single words that mark a secret. */
const SECRET_WORDS = new Set(['PASSWORD', 'PASSWD', 'PWD', 'SECRET', 'TOKEN', 'APIKEY', 'CREDENTIAL', 'CREDENTIALS', 'AUTH', 'DSN']);
/** Two-word phrases that mark a secret. */
const SECRET_PAIRS = ['API KEY', 'PRIVATE KEY', 'ACCESS KEY', 'CLIENT SECRET', 'CONNECTION STRING'];
/** A last word that makes the variable about a secret rather than the secret itself. */
const NOT_SECRET_SUFFIX = new Set([
  'ARN', 'NAME', 'ID', 'PATH', 'FILE', 'URL', 'URI', 'ENDPOINT', 'REGION', 'HEADER', 'TTL', 'EXPIRY', 'EXPIRES',
  'LENGTH', 'ENABLED', 'TYPE', 'ALGORITHM',
]);

export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .split(/[_\-.]+/)
    .filter(Boolean)
    .map((w) => w.toUpperCase());
}

/** Every secret-looking name contains one of these (a cheap test that rules most names out before splitting). */
const MAY_BE_SECRET = /PASSWORD|PASSWD|PWD|SECRET|TOKEN|KEY|CREDENTIAL|AUTH|DSN|STRING/i;

/** True when the variable name looks like it holds a secret. */
export function isSecretLookingName(name: string): boolean {
  if (!MAY_BE_SECRET.test(name)) return false;
  const upper = name.toUpperCase();
  if (ALWAYS_SECRET_NAMES.includes(upper)) return true;
  const words = nameWords(name);
  if (words.length === 0 || NOT_SECRET_SUFFIX.has(words[words.length - 1])) return false;
  if (words.some((w) => SECRET_WORDS.has(w))) return true;
  const joined = ` ${words.join(' ')} `;
  return SECRET_PAIRS.some((p) => joined.includes(` ${p} `));
}

/** Values that cannot be a secret: empty, boolean, number, ARN or absolute path. */
export function isHarmlessValue(value: string): boolean {
  const v = value.trim();
  return v === '' || /^(true|false)$/i.test(v) || /^-?\d+(\.\d+)?$/.test(v) || v.startsWith('arn:') || v.startsWith('/');
}
