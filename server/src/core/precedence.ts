/** "One diagnostic per mistake" (RULES.md §1.1): which rule wins when two flag the same node. */

const GENERIC = new Set([
  'misplaced-property',
  'unknown-property',
  'wrong-type',
  'invalid-enum-value',
  'missing-required',
  'value-out-of-range',
  'invalid-format',
  'null-value',
]);

/** Hygiene advice: lowest precedence, so it never hides a real error on the same spot. */
const HYGIENE = new Set([
  'privileged-container',
  'root-user',
  'readonly-root-filesystem',
  'writable-host-mounts',
  'host-pid-mode',
  'dangerous-capability',
  'image-mutable-tag',
  'missing-health-check',
  'awslogs-create-group-permission',
  'network-mode-ec2-only',
]);

/** Pairs where one specific rule gives way to another on the same dedupe key: loser → winners. */
const GIVES_WAY_TO: Record<string, readonly string[]> = {
  // A value with a credential's shape is the sharper finding than a secret-looking variable name.
  'plaintext-secret': ['secret-in-value'],
};

/** Lower = more specific. */
export function tierOf(code: string): number {
  if (code === 'unrendered-template-reference') return 0;
  if (HYGIENE.has(code)) return 7;
  if (code.startsWith('fargate-') || code === 'external-unsupported-parameter' || code === 'windows-unsupported-parameter') return 1;
  switch (code) {
    case 'misplaced-property':
      return 3;
    case 'unknown-property':
      return 4;
    case 'wrong-type':
    case 'invalid-enum-value':
    case 'missing-required':
    case 'null-value':
      return 5;
    case 'value-out-of-range':
    case 'invalid-format':
      return 6;
    default:
      return 2;
  }
}

/** True when `loser` must be dropped because `winner` reported the same mistake. */
export function isSuperseded(loser: string, winner: string): boolean {
  if (loser === winner) return false;
  if (GIVES_WAY_TO[loser]?.includes(winner)) return true;
  const lt = tierOf(loser);
  const wt = tierOf(winner);
  if (wt >= lt) return false;
  return GENERIC.has(loser) || wt === 0;
}
