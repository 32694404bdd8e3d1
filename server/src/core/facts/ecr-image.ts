/**
 * Recognises Amazon ECR image references by their registry host (RULES.md table 2b, trigger "image in a
 * private ECR registry"). Template placeholders in the account or region slot (§1.4) are tolerated, so
 * `${ACCOUNT_ID}.dkr.ecr.${REGION}.amazonaws.com/app:1` counts as private ECR.
 */

export type EcrHostKind = 'standard' | 'fips' | 'dual-stack' | 'dual-stack-fips';

export interface PrivateEcrImage {
  /** The registry host as written. */
  readonly host: string;
  /** The account slot as written: 12 digits, or a placeholder. */
  readonly account: string;
  readonly region: string;
  readonly accountIsPlaceholder: boolean;
  readonly regionIsPlaceholder: boolean;
  readonly kind: EcrHostKind;
  /** DNS suffix after the region, e.g. "amazonaws.com", "amazonaws.com.cn", "on.aws". */
  readonly domain: string;
}

/** Letter-case-insensitive source for a literal host fragment (the placeholder parts stay case-sensitive). */
function ci(literal: string): string {
  return literal.replace(/[a-z]/g, (c) => `[${c}${c.toUpperCase()}]`).replace(/\./g, String.raw`\.`);
}

// Placeholder syntaxes that can fill one host slot (mirrors placeholders.ts; facts import no other core code).
const SLOT_PLACEHOLDER = [
  String.raw`\$\$?\{[^{}/]*\}`, // ${ACCOUNT_ID}, $${x}
  String.raw`\{\{[^{}/]*\}\}`, // {{ .Env.ACCOUNT }}: may contain dots
  String.raw`#\{[^{}/]*\}`, // #{Account}
  String.raw`\${3,4}[A-Za-z_][A-Za-z0-9_]*\${3,4}`, // $$$ACCOUNT$$$
  String.raw`\$[A-Za-z_][A-Za-z0-9_]*`, // $AWS_ACCOUNT_ID
  String.raw`<[^<>"'\s/][^<>"'/]*>`, // <ACCOUNT_ID>, <your account id>
  String.raw`\[[^\[\]"/]*\]`, // [account id]
  String.raw`[A-Z][A-Z0-9_]*`, // ACCOUNT_ID, REGION (bare upper-case word)
  String.raw`[Xx]{4,}`, // XXXXXXXXXXXX
  String.raw`(?:${ci('your')}|${ci('change')}_?${ci('me')}|${ci('replace')}_?${ci('me')})[A-Za-z0-9_-]*`, // your-account-id
].join('|');

const ACCOUNT = String.raw`(\d{12}|${SLOT_PLACEHOLDER})`;
const REGION = String.raw`([a-zA-Z]{2}(?:-[a-zA-Z]+)+-\d{1,2}|${SLOT_PLACEHOLDER})`;

/** Private ECR host shapes: registry label and DNS suffixes for each. */
const HOST_SHAPES: readonly { label: string; kind: EcrHostKind; domains: readonly string[] }[] = [
  {
    label: 'dkr.ecr',
    kind: 'standard',
    // amazonaws.com / .com.cn are in table 2b; the isolated and sovereign partitions follow the ECR
    // credential-provider host list used by Kubernetes.
    domains: ['amazonaws.com', 'amazonaws.com.cn', 'c2s.ic.gov', 'sc2s.sgov.gov', 'cloud.adc-e.uk', 'csp.hci.ic.gov', 'amazonaws.eu'],
  },
  { label: 'dkr.ecr-fips', kind: 'fips', domains: ['amazonaws.com'] },
  { label: 'dkr-ecr', kind: 'dual-stack', domains: ['on.aws', 'on.amazonwebservices.com.cn'] },
  { label: 'dkr-ecr-fips', kind: 'dual-stack-fips', domains: ['on.aws'] },
];

const HOST_REGEXES = HOST_SHAPES.map((shape) => ({
  kind: shape.kind,
  re: new RegExp(
    String.raw`^${ACCOUNT}\.${ci(shape.label)}\.${REGION}\.(${shape.domains.map(ci).join('|')})(?=/|$)`,
  ),
}));

const REAL_REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/i;

/**
 * Parses the registry host of an image reference when it is a private ECR registry, else undefined.
 * Only the start of the reference counts: a look-alike later in the path, or a host with a suffix such as
 * `….amazonaws.com.evil.example`, is not ECR. An all-digit account must have exactly 12 digits.
 */
export function parsePrivateEcrImage(image: string): PrivateEcrImage | undefined {
  const s = image.trim();
  for (const { kind, re } of HOST_REGEXES) {
    const m = re.exec(s);
    if (!m) continue;
    const [host, account = '', region = '', domain = ''] = m;
    return {
      host,
      account,
      region,
      accountIsPlaceholder: !/^\d{12}$/.test(account),
      regionIsPlaceholder: !REAL_REGION.test(region),
      kind,
      domain: domain.toLowerCase(),
    };
  }
  return undefined;
}

/** True when the image lives in a private ECR registry (pulling it needs ECR permissions). */
export function isPrivateEcrImage(image: string): boolean {
  return parsePrivateEcrImage(image) !== undefined;
}

/** ECR Public's registry host. Pulling from it needs no credentials. */
export const PUBLIC_ECR_HOST = 'public.ecr.aws';

/** True when the image comes from ECR Public (`public.ecr.aws/<alias>/<repo>`). */
export function isPublicEcrImage(image: string): boolean {
  return /^public\.ecr\.aws\//i.test(image.trim());
}

/** The 12-digit account of a private ECR image, or undefined (not ECR, or a placeholder account). */
export function ecrImageAccount(image: string): string | undefined {
  const parsed = parsePrivateEcrImage(image);
  return parsed && !parsed.accountIsPlaceholder ? parsed.account : undefined;
}
