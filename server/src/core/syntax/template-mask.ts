/**
 * Same-length masking of template placeholders (RULES.md §1.4, effect 1): structured values (ARNs, image
 * references, secret references) are split on the masked text so a `:` or `/` inside `${…}` does not count,
 * while every offset still points into the original string.
 */
import { findPlaceholders, isPlaceholderSlot, mergeSpans, type PlaceholderPatterns, type Span } from './placeholders';

export interface MaskedText {
  /** The original string. */
  original: string;
  /** `original` with each placeholder replaced by as many `x` characters. */
  masked: string;
  /** Placeholder spans (merged, sorted). */
  spans: Span[];
  /** The user patterns it was masked with (a slot check asks with them too). */
  patterns: PlaceholderPatterns;
}

export function maskPlaceholders(s: string, patterns: PlaceholderPatterns): MaskedText {
  const spans = mergeSpans(findPlaceholders(s, patterns));
  let masked = '';
  let last = 0;
  for (const sp of spans) {
    masked += s.slice(last, sp.start) + 'x'.repeat(sp.end - sp.start);
    last = sp.end;
  }
  return { original: s, masked: masked + s.slice(last), spans, patterns };
}

/** True when [start, end) overlaps a placeholder span. */
export function touchesPlaceholder(m: MaskedText, start: number, end: number): boolean {
  return m.spans.some((sp) => sp.start < end && sp.end > start);
}

/**
 * True when the slot [start, end) of a structured value is a placeholder: it overlaps explicit placeholder
 * syntax, or is a bare upper-case word / run of X (`ACCOUNT_ID`, `REGION`, `XXXXXXXXXXXX`).
 */
export function isSlotPlaceholder(m: MaskedText, start: number, end: number): boolean {
  if (touchesPlaceholder(m, start, end)) return true;
  return isPlaceholderSlot(m.original.slice(start, end), m.patterns);
}

/** One field of a value split on a separator, with offsets into the original string. */
export interface Field {
  /** Original text of the field. */
  text: string;
  start: number;
  end: number;
}

/** Splits on `sep` using the masked text, so separators inside placeholders are ignored. */
export function splitMasked(m: MaskedText, sep: string, from = 0, to = m.original.length): Field[] {
  const out: Field[] = [];
  let start = from;
  for (let i = from; i < to; i++) {
    if (m.masked[i] === sep) {
      out.push({ text: m.original.slice(start, i), start, end: i });
      start = i + 1;
    }
  }
  out.push({ text: m.original.slice(start, to), start, end: to });
  return out;
}
