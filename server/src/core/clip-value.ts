/**
 * A user's value quoted in a message (an ARN, a command): the message is read on one line, so a long value is
 * cut in the middle with '…', keeping its start and its end — the end is often the telling part of an ARN
 * (`…:secret:prod/db::`), the start that of a command. Whitespace runs (newlines too) become one space.
 */
export const MAX_QUOTED = 48;

export function clipValue(value: string, max = MAX_QUOTED): string {
  const one = value.replace(/\s+/g, ' ');
  if (one.length <= max) return one;
  const tail = Math.floor((max - 1) / 2);
  return `${one.slice(0, max - 1 - tail)}…${one.slice(one.length - tail)}`;
}

/**
 * A whole number with thousands separators, as `toLocaleString('en-US')` writes it (65,536), without its cost: the
 * first toLocaleString builds an ICU number formatter, ~23 ms of CPU (docs/performance.md, round two c).
 */
export function withThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
