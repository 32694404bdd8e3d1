/**
 * Credentials recognised by their shape inside a value (rule secret-in-value). Only shapes that cannot be
 * anything else are listed — fixed prefixes with a known length, as gitleaks and trufflehog publish them — so a
 * hash, a UUID, a base64 blob or a JWT is never taken for a secret. Documentation examples are rejected.
 */

export interface SecretHit {
  /** What it is, for the message: "an AWS access key id". */
  kind: string;
  /** A form safe to show: never the secret itself. */
  masked: string;
  /** Where it is in the value. */
  start: number;
  end: number;
}

interface Shape {
  kind: string;
  re: RegExp;
  /** How to show a match; by default its first and last four characters. */
  mask?: (match: string) => string;
  /** A context that makes the match harmless (the value and where the match starts). */
  publicAt?: (value: string, start: number) => boolean;
}

const B = String.raw`(?<![A-Za-z0-9_])`; // a token starts here
const E = String.raw`(?![A-Za-z0-9_])`; // … and ends here

const SHAPES: readonly Shape[] = [
  { kind: 'an AWS access key id', re: new RegExp(`${B}(?:AKIA|ASIA)[A-Z2-7]{16}${E}`, 'g') },
  { kind: 'a GitHub token', re: new RegExp(`${B}gh[pousr]_[A-Za-z0-9]{36}${E}`, 'g') },
  { kind: 'a GitHub token', re: new RegExp(`${B}github_pat_[A-Za-z0-9_]{82}${E}`, 'g') },
  { kind: 'a GitLab token', re: new RegExp(`${B}glpat-[A-Za-z0-9_-]{20}${E}`, 'g') },
  { kind: 'a Slack token', re: new RegExp(`${B}xoxb-\\d{8,14}-[A-Za-z0-9-]{18,120}`, 'g') },
  { kind: 'a Slack token', re: new RegExp(`${B}xox[pe](?:-\\d{10,13}){3}-[A-Za-z0-9-]{28,34}`, 'g') },
  { kind: 'a Slack token', re: new RegExp(`${B}xox[ar]-(?:\\d-)?[A-Za-z0-9]{8,48}${E}`, 'g') },
  { kind: 'a Slack token', re: new RegExp(`${B}xox[os]-\\d+-\\d+-\\d+-[a-fA-F0-9]+`, 'g') },
  { kind: 'a Slack webhook URL', re: /hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9+/]{43,56}/g, mask: (m) => `hooks.slack.com/…${m.slice(-4)}` },
  { kind: 'a Stripe live key', re: new RegExp(`${B}[rs]k_live_[A-Za-z0-9]{10,99}${E}`, 'g') },
  // In a URL's query string (`maps/api/js?key=AIza…`) it is a browser key, public by design.
  { kind: 'a Google API key', re: new RegExp(`${B}AIza[A-Za-z0-9_-]{35}(?![A-Za-z0-9_-])`, 'g'), publicAt: (v, i) => /[?&]key=$/.test(v.slice(Math.max(0, i - 5), i)) },
  { kind: 'an OpenAI API key', re: new RegExp(`${B}sk-(?:(?:proj|svcacct|admin)-[A-Za-z0-9_-]{58,74}|[A-Za-z0-9]{20})T3BlbkFJ[A-Za-z0-9_-]{20,74}`, 'g') },
  { kind: 'an Anthropic API key', re: new RegExp(`${B}sk-ant-(?:api03|admin01)-[A-Za-z0-9_-]{93}AA${E}`, 'g') },
  { kind: 'an npm token', re: new RegExp(`${B}npm_[A-Za-z0-9]{36}${E}`, 'g') },
  { kind: 'a SendGrid API key', re: new RegExp(`${B}SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])`, 'g') },
  { kind: 'a Hugging Face token', re: new RegExp(`${B}hf_[A-Za-z]{34}${E}`, 'g') },
];

/** A PEM private key header; the key counts when a body follows (a header alone, or `...` in the body, is documentation). */
const PRIVATE_KEY_HEAD = /-----BEGIN ((?:[A-Z0-9]+ ){0,3})PRIVATE KEY( BLOCK)?-----/g;
const PEM_BODY = /^[A-Za-z0-9+/=\s:,\\-]{64,}$/;

/** `scheme://user:password@host`. The password stops at the first '@', '/', '?', '#' or space. */
const URL_PASSWORD = /\b([a-z][a-z0-9+.-]{1,20}):\/\/([^\s:/?#@"']*):([^\s/?#@"']+)@([A-Za-z0-9._-]+)/gi;

/** Characters of template and shell syntax: a password holding one is not a literal ($VAR, ${x}, <pw>, %s, {{x}}). */
const TEMPLATED = /[$%{}<>[\]*`]/;
/** Passwords that documentation and samples write. */
const EXAMPLE_PASSWORD = /^(?:x+|\.+|pass(?:word)?\d*|passwd|pwd|secret|changeme|change[-_]?it|change[-_]?me|example|sample|dummy|test|foo|bar|pw|p|your[-_]?pass(?:word)?|my[-_]?pass(?:word)?|redacted|hidden)$/i;
/** Words that mark a value as an example anywhere in a token. */
const EXAMPLE_WORD = /example|sample|dummy|fake|your|changeme|replace|xxxxx|redacted|placeholder|notreal|123456789|abcdefgh/i;
/** Hosts that documentation uses (RFC 2606). */
const EXAMPLE_HOST = /(?:^|\.)(?:example\.(?:com|org|net)|example|invalid|test)$/i;

/** Every shape above contains one of these: most values are ruled out by one search. */
const MAY_HOLD_SECRET = /AKIA|ASIA|gh[pousr]_|github_pat_|glpat-|xox|hooks\.slack|k_live_|AIza|sk-|npm_|SG\.|hf_|PRIVATE KEY|:\/\//;

/** Secrets found in `value`, in order; each span once. */
export function findSecrets(value: string): SecretHit[] {
  if (value.length < 16 || !MAY_HOLD_SECRET.test(value)) return [];
  const hits: SecretHit[] = [];
  for (const shape of SHAPES) {
    shape.re.lastIndex = 0;
    for (let m = shape.re.exec(value); m; m = shape.re.exec(value)) {
      if (looksLikeExample(m[0]) || shape.publicAt?.(value, m.index)) continue;
      hits.push({ kind: shape.kind, masked: (shape.mask ?? maskToken)(m[0]), start: m.index, end: m.index + m[0].length });
    }
  }
  PRIVATE_KEY_HEAD.lastIndex = 0;
  let end = -1; // the next '-----END' (searched once per key, so many headers stay linear)
  for (let m = PRIVATE_KEY_HEAD.exec(value); m; m = PRIVATE_KEY_HEAD.exec(value)) {
    const from = m.index + m[0].length;
    if (end < from) end = value.indexOf('-----END', from);
    if (end < 0) break;
    const next = value.indexOf('-----BEGIN', from);
    if (next >= 0 && next < end) continue; // not one key: the bodies tested below never overlap, so this stays linear
    const body = value.slice(from, end);
    if (!PEM_BODY.test(body) || /\.\.\./.test(body) || looksLikeExample(body.replace(/\s/g, ''))) continue;
    hits.push({ kind: 'a private key', masked: `-----BEGIN ${m[1]}PRIVATE KEY${m[2] ?? ''}-----`, start: m.index, end: end + '-----END'.length });
  }
  URL_PASSWORD.lastIndex = 0;
  for (let m = URL_PASSWORD.exec(value); m; m = URL_PASSWORD.exec(value)) {
    const [, scheme, user, password, host] = m;
    if (!isLiteralPassword(user, password) || EXAMPLE_HOST.test(host)) continue;
    hits.push({ kind: 'a password in a URL', masked: `${scheme}://${user}:…@${host.length > 40 ? `${host.slice(0, 40)}…` : host}`, start: m.index, end: m.index + m[0].length });
  }
  return dropOverlaps(hits);
}

function isLiteralPassword(user: string, password: string): boolean {
  if (TEMPLATED.test(password) || TEMPLATED.test(user)) return false;
  if (EXAMPLE_PASSWORD.test(password) || EXAMPLE_WORD.test(password)) return false;
  // guest:guest, postgres:postgres, admin:admin — a product's published default, not a secret of this task.
  return password !== user;
}

/** A documentation token: an EXAMPLE-style word, or a body of very few distinct characters (ghp_xxxx…, AKIA0000…). */
function looksLikeExample(token: string): boolean {
  if (EXAMPLE_WORD.test(token)) return true;
  const body = token.replace(/^[A-Za-z]{2,6}[_-]/, '');
  return new Set(body).size < Math.min(10, Math.ceil(body.length / 2));
}

/** First and last four characters: enough to recognise the key in a rotation list, useless to an attacker. */
export function maskToken(token: string): string {
  return token.length >= 16 ? `${token.slice(0, 4)}…${token.slice(-4)}` : `${token.slice(0, 4)}…`;
}

function dropOverlaps(hits: SecretHit[]): SecretHit[] {
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: SecretHit[] = [];
  for (const h of hits) if (!out.length || h.start >= out[out.length - 1].end) out.push(h);
  return out;
}
