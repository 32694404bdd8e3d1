/**
 * Shapes of container-definition strings that a JSON Schema pattern expresses badly (rule invalid-format,
 * RULES.md §4.1 table): `user`, S3 environment files, awslogs Regions, Docker security options, credential
 * specs, reserved tag prefixes and `extraHosts` IP addresses. Each checker returns the reason a value is
 * wrong, or undefined. Callers skip values that are entirely a template placeholder; partial placeholders are
 * masked here so only literal parts are judged.
 */
import { isPlaceholderField, parseArn, REGION_REGEX } from './arn';
import { isReservedTagKey } from '../facts/limits';
import type { PlaceholderPatterns } from '../syntax/placeholders';
import { maskPlaceholders } from '../syntax/template-mask';

/** `user`: name, uid, name:group, uid:gid, uid:group or name:gid (ids are non-negative integers). */
export function userProblem(value: string, patterns: PlaceholderPatterns): string | undefined {
  const m = maskPlaceholders(value, patterns).masked;
  if (/\s/.test(m)) return 'it contains whitespace; use name, uid, name:group or uid:gid';
  const parts = m.split(':');
  if (parts.length > 2) return "use at most one ':' (user:group)";
  const labels = ['user', 'group'];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (p === '') return `the ${labels[i]} ${i === 0 ? 'before' : 'after'} ':' is empty`;
    if (/^-\d+$/.test(p)) return `the ${i === 0 ? 'uid' : 'gid'} must be a non-negative integer`;
    if (p.startsWith('-')) return `the ${labels[i]} name cannot start with '-'`;
  }
  return undefined;
}

/** `environmentFiles[].value`: `arn:<partition>:s3:::<bucket>/<key>.env`. */
export function environmentFileProblem(value: string, patterns: PlaceholderPatterns): string | undefined {
  const arn = parseArn(value, patterns);
  if (!arn) return 'an environment file is given as an S3 object ARN: arn:aws:s3:::<bucket>/<key>.env';
  const m = arn.masked.masked;
  if (arn.service && arn.service.text !== 's3' && !isPlaceholderField(arn, arn.service)) {
    return `this is an ARN of '${arn.service.text}'; environment files must be S3 objects (arn:aws:s3:::<bucket>/<key>.env)`;
  }
  if (!arn.resource || arn.region?.text !== '' || arn.account?.text !== '') return "an S3 object ARN has empty Region and account fields: arn:aws:s3:::<bucket>/<key>.env";
  const res = m.slice(arn.resource.start);
  const slash = res.indexOf('/');
  if (slash <= 0 || slash === res.length - 1) return 'the ARN names a bucket but no object key (<bucket>/<key>.env)';
  if (!res.endsWith('.env') && arn.masked.spans.at(-1)?.end !== value.length) return "the object key must end in '.env'";
  return undefined;
}

/** awslogs `awslogs-region`: a Region code such as `eu-west-1`. */
export function regionCodeProblem(value: string): string | undefined {
  if (REGION_REGEX.test(value)) return undefined;
  if (REGION_REGEX.test(value.trim().toLowerCase())) return `Region codes are lowercase without spaces ('${value.trim().toLowerCase()}')`;
  return 'use a Region code such as eu-west-1 (not a Region name or an endpoint)';
}

const SECURITY_OPTION = /^(no-new-privileges(:(true|false))?|(apparmor|label|credentialspec)[:=].+)$/;

/** `dockerSecurityOptions[]`: no-new-privileges, apparmor:<profile>, label:<value>, credentialspec:<file or ARN>. */
export function dockerSecurityOptionProblem(value: string, patterns: PlaceholderPatterns): string | undefined {
  const m = maskPlaceholders(value, patterns).masked;
  if (SECURITY_OPTION.test(m)) return undefined;
  if (/^(apparmor|label|credentialspec)[:=]?$/.test(m)) return `'${m.replace(/[:=]$/, '')}' needs a value after ':'`;
  return 'ECS accepts no-new-privileges, apparmor:<profile>, label:<value> or credentialspec:<file or ARN>';
}

/** `credentialSpecs[]`: credentialspec:<ARN> or credentialspecdomainless:<ARN> (an S3 object or SSM parameter). */
export function credentialSpecProblem(value: string, patterns: PlaceholderPatterns): string | undefined {
  const m = /^(credentialspec|credentialspecdomainless):(.*)$/.exec(value);
  if (!m) return "prefix the S3 or SSM ARN with 'credentialspec:' or 'credentialspecdomainless:'";
  const target = m[2];
  if (target === '') return 'the ARN after the prefix is missing';
  if (maskPlaceholders(target, patterns).spans[0]?.start === 0) return undefined;
  const arn = parseArn(target, patterns);
  if (!arn) return `'${target}' is not an ARN; give the S3 object or SSM parameter ARN of the credential spec`;
  const service = arn.service?.text;
  if (service && service !== 's3' && service !== 'ssm' && !isPlaceholderField(arn, arn.service)) {
    return `the credential spec must be in S3 or SSM, not '${service}'`;
  }
  return undefined;
}

/** Tag keys and values must not start with `aws:` (any letter case). */
export function reservedTagProblem(value: string, part: 'key' | 'value'): string | undefined {
  return isReservedTagKey(value) ? `tag ${part}s starting with 'aws:' (in any letter case) are reserved for AWS` : undefined;
}

/** `extraHosts[].ipAddress`: an IPv4 or IPv6 literal. */
export function ipAddressProblem(value: string): string | undefined {
  return isIPv4(value) || isIPv6(value) ? undefined : 'use an IPv4 (10.0.0.5) or IPv6 (fd00::5) address, not a host name';
}

export function isIPv4(s: string): boolean {
  const parts = s.split('.');
  return parts.length === 4 && parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
}

export function isIPv6(s: string): boolean {
  let body = s;
  const zone = body.indexOf('%');
  if (zone !== -1) body = body.slice(0, zone);
  let groups = 8;
  const lastColon = body.lastIndexOf(':');
  if (lastColon !== -1 && body.slice(lastColon + 1).includes('.')) {
    if (!isIPv4(body.slice(lastColon + 1))) return false;
    body = body.slice(0, lastColon + 1) + '0';
    groups = 7;
  }
  const halves = body.split('::');
  if (halves.length > 2) return false;
  const hex = (h: string) => (h === '' ? [] : h.split(':'));
  const head = hex(halves[0]);
  const tail = halves.length === 2 ? hex(halves[1]) : [];
  if (![...head, ...tail].every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  const count = head.length + tail.length;
  return halves.length === 2 ? count < groups : count === groups;
}
