/**
 * Secret references in `secrets[].valueFrom`, `logConfiguration.secretOptions[].valueFrom` and
 * `repositoryCredentials.credentialsParameter` (rule secret-value-from-format; reused by hover and the
 * execution-role trigger list). The ECS agent splits a Secrets Manager ARN's resource on ':' and accepts only
 * `secret:<id>` or `secret:<id>:<json-key>:<version-stage>:<version-id>` (amazon-ecs-agent asmsecret.go).
 */
import { accountProblem, isPlaceholderField, parseArn, partitionProblem, regionProblem } from './arn';
import { clipValue, MAX_QUOTED } from '../clip-value';
import type { PlaceholderPatterns } from '../syntax/placeholders';
import { type Field, maskPlaceholders, splitMasked } from '../syntax/template-mask';

export type SecretStore = 'ssm' | 'secretsmanager';
/** `secret`: secrets[] and secretOptions[] (SSM or Secrets Manager); `registry`: credentialsParameter (Secrets Manager only). */
export type SecretField = 'secret' | 'registry';

export interface SecretRefFix {
  title: string;
  /** The whole replacement value. */
  value: string;
  preferred?: boolean;
}

export interface SecretRefProblem {
  message: string;
  fixes: SecretRefFix[];
}

const SSM_NAME = /^\/?[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/;
const SM_NAME = /^[A-Za-z0-9/_+=.@-]{1,512}$/;
const SM_REFERENCE_PREFIX = /^\/?aws\/reference\/secretsmanager\//;

/** Which store a reference reads from; undefined when a placeholder hides it. */
export function secretStoreOf(value: string, patterns: PlaceholderPatterns): SecretStore | undefined {
  const arn = parseArn(value, patterns);
  if (arn) {
    if (arn.service?.text === 'secretsmanager') return 'secretsmanager';
    if (arn.service?.text === 'ssm') return 'ssm';
    return undefined;
  }
  if (SM_REFERENCE_PREFIX.test(value)) return 'secretsmanager';
  const m = maskPlaceholders(value, patterns);
  if (m.spans.length > 0 && m.spans[0].start === 0) return undefined;
  return 'ssm';
}

/** Checks one reference; undefined when ECS can use it. The caller skips values that are entirely a placeholder. */
export function secretRefProblem(value: string, field: SecretField, patterns: PlaceholderPatterns): SecretRefProblem | undefined {
  const problem = (reason: string): SecretRefProblem => ({ message: `'${shown(value, patterns)}' is not a usable secret reference: ${reason}.`, fixes: [] });
  const arn = parseArn(value, patterns);
  if (!arn) {
    const m = maskPlaceholders(value, patterns);
    const lead = m.spans[0];
    if (lead && lead.start === 0 && m.masked[lead.end] === ':') {
      // `${SECRET_ARN}:key::` — only the literal suffix can be counted.
      const parts = splitMasked(m, ':', lead.end + 1);
      return parts.length === 3 ? undefined : fieldCountProblem(value, [{ text: value.slice(0, lead.end), start: 0, end: lead.end }, ...parts], patterns, true);
    }
    if (field === 'registry') return SM_NAME.test(m.masked) ? undefined : problem('a Secrets Manager secret name uses letters, digits and / _ + = . @ - only');
    if (SSM_NAME.test(m.masked)) return ssmPathWithoutSlash(value, m.masked, m.spans.length > 0 && m.spans[0].start === 0, patterns);
    if (/\/\//.test(m.masked)) return problem("an SSM parameter name cannot contain '//'");
    if (m.masked.endsWith('/')) return problem("an SSM parameter name cannot end with '/'");
    return problem("an SSM parameter name uses letters, digits and _ . - / only; other stores need a full ARN");
  }
  if (!arn.resource) return problem(`an ARN has at least 6 ':'-separated parts (arn:partition:service:region:account:resource), this one has ${arn.fields.length}`);
  const slot = partitionProblem(arn) ?? regionProblem(arn) ?? accountProblem(arn);
  const service = arn.service!;
  if (isPlaceholderField(arn, service)) return slot ? problem(slot) : undefined;
  if (service.text === 'ssm') {
    if (field === 'registry') return problem('repositoryCredentials needs a Secrets Manager secret, not an SSM parameter');
    if (slot) return problem(slot);
    return ssmArnProblem(value, arn.resource, problem, patterns);
  }
  if (service.text !== 'secretsmanager') {
    return problem(`it is an ARN of '${service.text}'; use a Secrets Manager secret or an SSM parameter`);
  }
  if (slot) return problem(slot);
  const res = arn.resource;
  if (!res.text.startsWith('secret:')) return problem("a Secrets Manager ARN's resource part is 'secret:<secret-id>'");
  return secretsManagerParts(value, splitMasked(arn.masked, ':', res.start + 'secret:'.length, res.end), problem, patterns);
}

/**
 * The reference as quoted in a message. A long ARN first loses its Region and account
 * (`arn:aws:secretsmanager:…:secret:db::`; a message about those slots quotes them itself), then, if still long,
 * everything before the resource (`…:secret:team/service/db::`): the resource is what the message is about.
 */
function shown(value: string, patterns: PlaceholderPatterns): string {
  if (value.length <= MAX_QUOTED) return clipValue(value);
  const arn = parseArn(value, patterns);
  if (!arn?.region || !arn.account || !arn.resource) return clipValue(value);
  const short = `${value.slice(0, arn.region.start)}…${value.slice(arn.account.end)}`;
  return short.length <= MAX_QUOTED ? short : clipValue(`…:${arn.resource.text}`);
}

/** `myapp/prod/db` names no parameter: a name with a path is only found in its fully qualified form `/myapp/prod/db`. */
function ssmPathWithoutSlash(value: string, masked: string, leadingPlaceholder: boolean, patterns: PlaceholderPatterns): SecretRefProblem | undefined {
  if (leadingPlaceholder || masked.startsWith('/') || !masked.includes('/')) return undefined;
  return {
    message: `'${shown(value, patterns)}' is an SSM parameter path without its leading '/'; write '/${shown(value, patterns)}'.`,
    fixes: [{ title: "Add the leading '/'", value: `/${value}`, preferred: true }],
  };
}

function ssmArnProblem(value: string, res: Field, problem: (r: string) => SecretRefProblem, patterns: PlaceholderPatterns): SecretRefProblem | undefined {
  if (!res.text.startsWith('parameter/')) return problem("an SSM parameter ARN's resource part is 'parameter/<name>'");
  const name = res.text.slice('parameter/'.length);
  if (name === '') return problem("the parameter name after 'parameter/' is missing");
  if (name.startsWith('/')) {
    return {
      message: `'${shown(value, patterns)}' has 'parameter//'; remove one '/' (an SSM parameter ARN leaves out the name's leading '/').`,
      fixes: [{ title: "Remove the extra '/'", value: value.slice(0, res.start) + 'parameter/' + name.replace(/^\/+/, ''), preferred: true }],
    };
  }
  const masked = maskPlaceholders(name, patterns).masked;
  return SSM_NAME.test(masked) ? undefined : problem("an SSM parameter name uses letters, digits and _ . - / only");
}

function secretsManagerParts(value: string, parts: Field[], problem: (r: string) => SecretRefProblem, patterns: PlaceholderPatterns): SecretRefProblem | undefined {
  if (parts[0].text === '') return problem("the secret id after 'secret:' is empty");
  if (parts.length !== 1 && parts.length !== 4) return fieldCountProblem(value, parts, patterns);
  if (parts.length === 4 && parts[2].text !== '' && parts[3].text !== '') {
    const [, , stage, id] = parts;
    return {
      message: `'${shown(value, patterns)}' names both version stage '${clipValue(stage.text)}' and version id '${clipValue(id.text)}'; keep one of them.`,
      fixes: [
        { title: 'Drop version-stage', value: value.slice(0, stage.start) + value.slice(stage.end) },
        { title: 'Drop version-id', value: value.slice(0, id.start) + value.slice(id.end) },
      ],
    };
  }
  return undefined;
}

/** `parts`: the secret id first, then every further ':'-separated part. */
function fieldCountProblem(value: string, parts: Field[], patterns: PlaceholderPatterns, templatedArn = false): SecretRefProblem {
  const n = parts.length;
  const fixes: SecretRefFix[] = [];
  const extraEmpty = parts.slice(1).every((p) => p.text === '');
  if (extraEmpty) fixes.push({ title: 'Use the whole secret (drop the empty suffix)', value: value.slice(0, parts[0].end), preferred: true });
  if (n < 4) {
    fixes.push({ title: 'Complete the suffix to json-key:version-stage:version-id', value: value + ':'.repeat(4 - n), preferred: fixes.length === 0 });
  }
  const message = templatedArn
    ? `'${shown(value, patterns)}' adds ${n - 1} field${n === 2 ? '' : 's'} after the secret ARN; use none (the whole secret) or 3 (:<json-key>:<version-stage>:<version-id>).`
    : `'${shown(value, patterns)}' has ${n} ':'-separated parts after 'secret:'; use 1 (the whole secret) or 4 (<id>:<json-key>:<version-stage>:<version-id>).`;
  return { message, fixes };
}
