/** The YAML writer for fixes: replaces one scalar in place, in the quoting style it had, so comments and layout stay. */

const PLAIN_SAFE = /^[A-Za-z0-9_./@][A-Za-z0-9 _./@:+=-]*$/;
const RESERVED = /^(~|null|Null|NULL|true|True|TRUE|false|False|FALSE|y|Y|n|N|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|\.inf|\.nan)$/;
const NUMERIC = /^[-+]?(\d[\d_]*(\.\d*)?([eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+)$/;

/**
 * YAML text for `value` replacing the scalar whose source was `original`. Numbers and booleans are written plain;
 * a string keeps the original's quotes, or stays plain when it reads back as the same string (or as the number
 * CloudFormation turns into that string, e.g. `Memory: 1024`).
 */
export function yamlScalar(value: string | number | boolean, original: string): string {
  if (typeof value !== 'string') return String(value);
  const quote = original.trimStart()[0];
  if (quote === "'") return `'${value.replace(/'/g, "''")}'`;
  if (quote === '"') return JSON.stringify(value);
  if (NUMERIC.test(value) && NUMERIC.test(original.trim())) return value;
  const plain = PLAIN_SAFE.test(value) && !RESERVED.test(value) && !NUMERIC.test(value) && !value.endsWith(' ') && !value.includes(': ') && !value.includes(' #');
  return plain ? value : JSON.stringify(value);
}
