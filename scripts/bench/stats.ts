/** Order statistics for latency samples (milliseconds). */
export interface Summary {
  n: number;
  median: number;
  p99: number;
}

export function summarize(samples: readonly number[]): Summary {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
  return { n: s.length, median: at(0.5), p99: at(0.99) };
}

export function round(x: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** `x`/`y`, rounded; undefined when either is missing. */
export function ratio(x: number | undefined, y: number | undefined): number | undefined {
  return x === undefined || y === undefined || y === 0 ? undefined : round(x / y, 2);
}
