/**
 * Container image references: `[registry[:port]/]repository[:tag][@sha256:<64 hex>]` (Docker's reference
 * grammar) plus ECS's own limits (255 characters before '@'; letters, digits and - _ . : / # only).
 * Template placeholders (RULES.md §1.4) are masked, so only literal parts are judged. Used by invalid-format,
 * and by hover/completion to show the parts of an image.
 */
import type { PlaceholderPatterns } from '../syntax/placeholders';
import { type Field, isSlotPlaceholder, maskPlaceholders, type MaskedText, splitMasked, touchesPlaceholder } from '../syntax/template-mask';

export interface ImageRef {
  masked: MaskedText;
  /** Registry host[:port]; absent for Docker Hub short names. */
  registry?: Field;
  /** Repository path without the registry (`library/nginx`, `team/app`). */
  repository: Field;
  tag?: Field;
  /** Everything after '@' (`sha256:…`). */
  digest?: Field;
}

export interface ImageProblem {
  severity: 'error' | 'warning';
  reason: string;
  /** Replacement value that fixes it, when there is an obvious one. */
  fix?: { title: string; value: string };
}

export const IMAGE_MAX_LENGTH_BEFORE_DIGEST = 255;
const ECS_IMAGE_CHARS = /^[A-Za-z0-9\-_.:/#]*$/;
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const HOST_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/;

/** Splits an image reference into registry, repository, tag and digest (no validation). */
export function parseImageRef(image: string, patterns: PlaceholderPatterns): ImageRef {
  const masked = maskPlaceholders(image, patterns);
  const m = masked.masked;
  const at = m.indexOf('@');
  const nameEnd = at === -1 ? m.length : at;
  const digest = at === -1 ? undefined : field(image, at + 1, m.length);
  const slash = m.indexOf('/');
  let pathStart = 0;
  let registry: Field | undefined;
  if (slash > 0 && slash < nameEnd) {
    const first = m.slice(0, slash);
    if (/[.:]/.test(first) || first === 'localhost') {
      registry = field(image, 0, slash);
      pathStart = slash + 1;
    }
  }
  const colon = m.lastIndexOf(':', nameEnd - 1);
  const tag = colon >= pathStart && m.indexOf('/', colon) === -1 ? field(image, colon + 1, nameEnd) : undefined;
  const repository = field(image, pathStart, tag ? colon : nameEnd);
  return { masked, registry, repository, tag, digest };
}

/** Problems of an image reference, errors first. The caller skips values that are entirely a placeholder. */
export function imageProblems(image: string, patterns: PlaceholderPatterns): ImageProblem[] {
  // "https://registry/app:1" reads as host "https", port "" otherwise: name the real mistake instead.
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(image);
  if (scheme) {
    const rest = image.slice(scheme[0].length);
    const safe = rest !== '' && imageProblems(rest, patterns).every((p) => p.severity !== 'error');
    return [
      {
        severity: 'error',
        reason: `an image reference has no URL scheme; drop '${scheme[1]}://'`,
        fix: safe ? { title: `Drop '${scheme[1]}://'`, value: rest } : undefined,
      },
    ];
  }
  const ref = parseImageRef(image, patterns);
  const m = ref.masked;
  const errors: string[] = [];
  const ws = /\s/.exec(m.masked);
  if (ws) errors.push('it contains whitespace');
  const nameEnd = ref.digest ? ref.digest.start - 1 : image.length;
  const literalLength = nameEnd - m.spans.filter((s) => s.end <= nameEnd).reduce((n, s) => n + s.end - s.start, 0);
  if (literalLength > IMAGE_MAX_LENGTH_BEFORE_DIGEST) errors.push(`ECS allows ${IMAGE_MAX_LENGTH_BEFORE_DIGEST} characters before '@', this has ${literalLength}`);
  const bad = [...m.masked.slice(0, nameEnd)].find((c) => !ECS_IMAGE_CHARS.test(c) && !/\s/.test(c));
  if (bad) errors.push(`'${bad}' is not allowed (letters, digits and - _ . : / # only)`);
  if (ref.registry) errors.push(...registryErrors(m, ref.registry));
  errors.push(...repositoryErrors(m, ref.repository));
  if (ref.tag && !touchesPlaceholder(m, ref.tag.start, ref.tag.end) && !TAG.test(ref.tag.text)) {
    errors.push(ref.tag.text === '' ? "the tag after ':' is empty" : `the tag '${ref.tag.text}' must start with a letter, digit or '_' and use only letters, digits, _ . - (up to 128)`);
  }
  if (ref.digest) errors.push(...digestErrors(m, ref.digest));
  if (errors.length > 0) return errors.map((reason) => ({ severity: 'error', reason }));
  return uppercaseWarning(image, ref);
}

function registryErrors(m: MaskedText, reg: Field): string[] {
  const [host, port] = splitMasked(m, ':', reg.start, reg.end);
  if (port && !touchesPlaceholder(m, port.start, port.end) && !/^\d{1,5}$/.test(port.text)) return [`the registry port '${port.text}' is not a number`];
  if (host.text.startsWith('[')) return [];
  for (const label of splitMasked(m, '.', host.start, host.end)) {
    if (isSlotPlaceholder(m, label.start, label.end)) continue;
    if (!HOST_LABEL.test(label.text)) return [`'${host.text}' is not a valid registry host name`];
  }
  return [];
}

function repositoryErrors(m: MaskedText, repo: Field): string[] {
  if (repo.text === '') return ['the repository name is missing'];
  for (const c of splitMasked(m, '/', repo.start, repo.end)) {
    if (c.text === '') return [`the repository '${repo.text}' has an empty path segment`];
    if (isSlotPlaceholder(m, c.start, c.end)) continue;
    if (!PATH_COMPONENT.test(c.text.toLowerCase())) {
      return [`'${c.text}' is not a valid repository path segment (lowercase letters and digits, joined by single '.', '_', '__' or dashes)`];
    }
  }
  return [];
}

function digestErrors(m: MaskedText, digest: Field): string[] {
  if (touchesPlaceholder(m, digest.start, digest.end)) return [];
  if (digest.text.includes('@')) return ["only one '@' (before the digest) is allowed"];
  const [algo, hex] = digest.text.split(':', 2);
  if (hex === undefined) return [`the digest '${digest.text}' must be sha256:<64 hex digits>`];
  if (algo !== 'sha256') return [`the digest algorithm '${algo}' is not supported; use sha256:<64 hex digits>`];
  if (!/^[0-9a-f]*$/.test(hex)) return ['a sha256 digest uses lowercase hex digits (0-9, a-f) only'];
  if (hex.length !== 64) return [`the sha256 digest has ${hex.length} hex digits instead of 64`];
  return [];
}

function uppercaseWarning(image: string, ref: ImageRef): ImageProblem[] {
  const m = ref.masked;
  const comps = splitMasked(m, '/', ref.repository.start, ref.repository.end);
  const upper = comps.filter((c) => /[A-Z]/.test(c.text) && !isSlotPlaceholder(m, c.start, c.end));
  if (upper.length === 0) return [];
  let fixed = image;
  for (const c of upper) fixed = fixed.slice(0, c.start) + c.text.toLowerCase() + fixed.slice(c.end);
  return [
    {
      severity: 'warning',
      reason: `Docker only pulls lowercase repository names; write '${ref.repository.text.toLowerCase()}'`,
      fix: { title: 'Lowercase the repository', value: fixed },
    },
  ];
}

function field(s: string, start: number, end: number): Field {
  return { text: s.slice(start, end), start, end };
}
