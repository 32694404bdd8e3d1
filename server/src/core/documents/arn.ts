/**
 * ARN parsing shared by rules, hover and completion: generic `arn:partition:service:region:account:resource`
 * splitting (template placeholders tolerated, RULES.md §1.4) and IAM role references for `executionRoleArn` /
 * `taskRoleArn` (rule role-arn-format, role-confusion).
 */
import type { PlaceholderPatterns } from '../syntax/placeholders';
import { type Field, isSlotPlaceholder, maskPlaceholders, type MaskedText, splitMasked } from '../syntax/template-mask';

export interface Arn {
  masked: MaskedText;
  /** Every `:`-separated field, `arn` included (placeholders never split a field). */
  fields: Field[];
  partition?: Field;
  service?: Field;
  region?: Field;
  account?: Field;
  /** Everything after the fifth `:` (may itself contain `:`). */
  resource?: Field;
}

export const PARTITION_REGEX = /^aws(-[a-z]+)*$/;
export const ACCOUNT_REGEX = /^\d{12}$/;
export const REGION_REGEX = /^[a-z]{2}(-[a-z]+)+-\d+$/;

/** Parses a string that starts with `arn:`; undefined for anything else. */
export function parseArn(value: string, patterns: PlaceholderPatterns): Arn | undefined {
  if (!value.startsWith('arn:')) return undefined;
  const masked = maskPlaceholders(value, patterns);
  const fields = splitMasked(masked, ':');
  const arn: Arn = { masked, fields, partition: fields[1], service: fields[2], region: fields[3], account: fields[4] };
  if (fields.length >= 6) arn.resource = { text: value.slice(fields[5].start), start: fields[5].start, end: value.length };
  return arn;
}

/** True when the field is (or contains) a template placeholder, so its value is not checked. */
export function isPlaceholderField(arn: Arn, f: Field | undefined): boolean {
  return !!f && f.text.length > 0 && isSlotPlaceholder(arn.masked, f.start, f.end);
}

/** Why an account slot is wrong, or undefined (12 digits, or a placeholder). */
export function accountProblem(arn: Arn): string | undefined {
  const f = arn.account;
  if (!f || isPlaceholderField(arn, f) || ACCOUNT_REGEX.test(f.text)) return undefined;
  if (f.text === '') return 'the account id is empty';
  if (/^\d+$/.test(f.text)) return `the account id '${f.text}' has ${f.text.length} digits, not 12`;
  return `the account id '${f.text}' is not 12 digits`;
}

/** Why a partition slot is wrong, or undefined. */
export function partitionProblem(arn: Arn): string | undefined {
  const f = arn.partition;
  if (!f || isPlaceholderField(arn, f) || PARTITION_REGEX.test(f.text)) return undefined;
  return `'${f.text}' is not an AWS partition (aws, aws-cn, aws-us-gov, …)`;
}

/** Why a region slot is wrong, or undefined (empty allowed when `allowEmpty`). */
export function regionProblem(arn: Arn, allowEmpty = false): string | undefined {
  const f = arn.region;
  if (!f || isPlaceholderField(arn, f) || REGION_REGEX.test(f.text)) return undefined;
  if (f.text === '') return allowEmpty ? undefined : 'the Region is empty';
  return `'${f.text}' is not a Region code such as eu-west-1`;
}

// ---- IAM roles -------------------------------------------------------------------------------------------

const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
const ROLE_PATH_SEGMENT = /^[\w+=,.@-]+$/;

export interface RoleProblem {
  reason: string;
  /** For an instance-profile ARN: the same ARN with `role/` instead (the names may differ). */
  roleArnGuess?: string;
}

/**
 * Checks an `executionRoleArn` / `taskRoleArn` value: a role ARN or a bare role name (ECS fills in the
 * account). Placeholder slots are not validated; undefined means acceptable.
 */
export function roleValueProblem(value: string, patterns: PlaceholderPatterns): RoleProblem | undefined {
  const arn = parseArn(value, patterns);
  if (!arn) {
    if (value.startsWith('arn') || /^[a-z-]+:/.test(value)) return { reason: "an ARN starts with 'arn:'" };
    const m = maskPlaceholders(value, patterns);
    if (m.spans.length > 0) return /^[\w+=,.@-]+$/.test(m.masked) ? undefined : { reason: "a role name may only use letters, digits and + = , . @ _ -" };
    if (ROLE_NAME.test(value)) return undefined;
    if (value.includes('/')) return { reason: "a bare role name has no path; write the full role ARN (arn:aws:iam::<account>:role/<path>/<name>)" };
    if (value.length > 64) return { reason: `a role name has at most 64 characters (this one has ${value.length})` };
    return { reason: "a role name may only use letters, digits and + = , . @ _ -" };
  }
  if (arn.fields.length < 6) return { reason: `an IAM role ARN has 6 ':'-separated parts (arn:aws:iam::<account>:role/<name>), this one has ${arn.fields.length}` };
  const partition = partitionProblem(arn);
  if (partition) return { reason: partition };
  const service = arn.service!;
  if (!isPlaceholderField(arn, service) && service.text !== 'iam') return { reason: `this is an ARN of '${service.text}', not of IAM (roles look like arn:aws:iam::<account>:role/<name>)` };
  const region = arn.region!;
  if (region.text !== '' && !isPlaceholderField(arn, region)) return { reason: `IAM ARNs have no Region ('${region.text}' must be left empty: arn:aws:iam::<account>:role/…)` };
  const account = accountProblem(arn);
  if (account) return { reason: account };
  return roleResourceProblem(arn);
}

function roleResourceProblem(arn: Arn): RoleProblem | undefined {
  const res = arn.resource!;
  if (isPlaceholderField(arn, res) && !res.text.includes('/')) return undefined;
  const type = res.text.split('/')[0];
  if (type !== 'role') {
    if (type === 'instance-profile') {
      return {
        reason: 'this is an instance profile; give the ARN of the role it wraps',
        roleArnGuess: arn.masked.original.slice(0, res.start) + 'role/' + res.text.slice('instance-profile/'.length),
      };
    }
    if (['policy', 'user', 'group', 'saml-provider', 'oidc-provider', 'server-certificate', 'mfa'].includes(type)) {
      return { reason: `this is an IAM ${type.replace(/-/g, ' ')} ARN, not a role ARN (…:role/<name>)` };
    }
    return { reason: "the resource part must be 'role/<name>' (or 'role/<path>/<name>')" };
  }
  const parts = splitMasked(arn.masked, '/', res.start, res.end).slice(1);
  const name = parts[parts.length - 1];
  if (!name || name.text === '') return { reason: "the role name after 'role/' is missing" };
  for (const p of parts) {
    if (isSlotPlaceholder(arn.masked, p.start, p.end)) continue;
    if (p.text === '') return { reason: "the role path contains an empty segment ('//')" };
    if (!ROLE_PATH_SEGMENT.test(p.text)) return { reason: `'${p.text}' contains characters IAM does not allow in role names (letters, digits and + = , . @ _ - only)` };
  }
  if (!isSlotPlaceholder(arn.masked, name.start, name.end) && name.text.length > 64) {
    return { reason: `a role name has at most 64 characters (this one has ${name.text.length})` };
  }
  return undefined;
}

/** A role reference reduced to what identifies it: name (case-insensitive in IAM) and account when known. */
export interface RoleIdentity {
  name: string;
  /** The account as written (12 digits or a placeholder); undefined for a bare name. */
  account?: string;
  /** Path segments between `role/` and the name (`aws-service-role/ecs.amazonaws.com`). */
  path: string;
}

/** Identity of a role ARN or bare role name; undefined when the value is not role-shaped. */
export function roleIdentity(value: string, patterns: PlaceholderPatterns): RoleIdentity | undefined {
  const arn = parseArn(value, patterns);
  if (!arn) return value.length > 0 && !value.includes(':') && !value.includes('/') ? { name: value, path: '' } : undefined;
  const res = arn.resource;
  if (!res || !res.text.startsWith('role/')) return undefined;
  const segments = res.text.slice(5).split('/');
  const name = segments.pop() ?? '';
  if (!name) return undefined;
  return { name, account: arn.account?.text, path: segments.join('/') };
}

/** True when two role references name the same role (accounts compared only when both are given). */
export function sameRole(a: RoleIdentity, b: RoleIdentity): boolean {
  if (a.name.toLowerCase() !== b.name.toLowerCase()) return false;
  return a.account === undefined || b.account === undefined || a.account === b.account;
}

/** First 12-digit account and its partition found in an ARN or ECR host in `strings` (for fix templates). */
export function findAccount(strings: Iterable<string>): { account: string; partition: string } | undefined {
  for (const s of strings) {
    const arn = /^arn:(aws(?:-[a-z]+)*):[a-z0-9-]+:[a-z0-9-]*:(\d{12}):/.exec(s);
    if (arn) return { account: arn[2], partition: arn[1] };
    const ecr = /^(\d{12})\.dkr[.-]ecr/.exec(s);
    if (ecr) return { account: ecr[1], partition: /\.cn(\/|$)/.test(s.split('/')[0] + '/') ? 'aws-cn' : 'aws' };
  }
  return undefined;
}

/** First concrete Region code found in an ARN, an ECR host or an awslogs-region-like value. */
export function findRegion(strings: Iterable<string>): string | undefined {
  for (const s of strings) {
    const arn = /^arn:aws(?:-[a-z]+)*:[a-z0-9-]+:([a-z]{2}(?:-[a-z]+)+-\d+):/.exec(s);
    if (arn) return arn[1];
    const ecr = /^\d{12}\.dkr[.-]ecr(?:-fips)?\.([a-z]{2}(?:-[a-z]+)+-\d+)\./.exec(s);
    if (ecr) return ecr[1];
    if (REGION_REGEX.test(s)) return s;
  }
  return undefined;
}
