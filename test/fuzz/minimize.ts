/**
 * Shrinks a failing document for the report: drops object members and array elements (as JSON values, then
 * printed with 2-space indentation) while the same failure remains. fast-check's own shrinking cannot see
 * inside a document built from seeds, so failures are shown minimized by this pass as well.
 */
import { parse, type ParseError } from 'jsonc-parser';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** The first line of a failure up to " on ": which property, rule and fix broke, without the document. */
export function failureSignature(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0].split(' on ')[0];
}

function signatureOf(check: (text: string) => void, text: string): string | undefined {
  try {
    check(text);
    return undefined;
  } catch (e) {
    return failureSignature(e);
  }
}

function* smaller(value: Json): Generator<Json> {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield [...value.slice(0, i), ...value.slice(i + 1)];
    for (let i = 0; i < value.length; i++) for (const v of smaller(value[i])) yield value.map((x, j) => (j === i ? v : x));
  } else if (value && typeof value === 'object') {
    const keys = Object.keys(value);
    for (const k of keys) {
      const { [k]: _dropped, ...rest } = value;
      yield rest;
    }
    for (const k of keys) for (const v of smaller(value[k])) yield { ...value, [k]: v };
  }
}

/** The smallest document (by this greedy pass) that fails like `text`; `text` itself when it is not JSON. */
export function minimize(text: string, check: (text: string) => void, budget = 3000): string {
  const wanted = signatureOf(check, text);
  const errors: ParseError[] = [];
  let value = parse(text, errors, { allowTrailingComma: true }) as Json;
  if (!wanted || errors.length > 0 || typeof value !== 'object' || value === null) return text;
  let best = JSON.stringify(value, null, 2);
  if (signatureOf(check, best) !== wanted) return text; // the failure needs the original layout or comments
  let tries = 0;
  for (let improved = true; improved && tries < budget; ) {
    improved = false;
    for (const candidate of smaller(value)) {
      if (++tries > budget) break;
      const printed = JSON.stringify(candidate, null, 2);
      if (signatureOf(check, printed) === wanted) {
        value = candidate;
        best = printed;
        improved = true;
        break;
      }
    }
  }
  return best;
}
