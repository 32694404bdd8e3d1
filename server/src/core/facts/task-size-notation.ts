/**
 * Task-level `cpu` / `memory` spellings (RULES.md table 2a, "Accepted spellings and normalisation"):
 * parsing into CPU units / MiB, and writing a new value back in the user's own notation.
 * Container-level cpu/memory are plain integers and do not go through here.
 */

/** One vCPU is 1024 CPU units; one "GB" in ECS is 1024 MiB. */
export const UNITS_PER_VCPU = 1024;
export const MIB_PER_GB = 1024;

/** Accepted task `cpu` spellings (after trimming). */
export const TASK_CPU_UNITS_REGEX = /^\d+$/;
export const TASK_CPU_VCPU_REGEX = /^(\d+(\.\d+)?|\.\d+)\s*vcpu$/i;
/** Accepted task `memory` spellings (after trimming). */
export const TASK_MEMORY_MIB_REGEX = /^\d+$/;
export const TASK_MEMORY_GB_REGEX = /^(\d+(\.\d+)?|\.\d+)\s*gb$/i;

export type TaskSizeErrorReason = 'empty' | 'unit' | 'not-whole' | 'negative' | 'too-large' | 'syntax';

/** Why a task `cpu` or `memory` value could not be read. `error` is a sentence fragment for messages. */
export interface TaskSizeError {
  readonly error: string;
  readonly reason: TaskSizeErrorReason;
}

export interface ParsedTaskCpu {
  /** CPU units (1024 per vCPU). */
  readonly units: number;
  /** `units` for an integer string or JSON number, `vcpu` for "N vCPU". */
  readonly notation: 'units' | 'vcpu';
  /** The value as found in the document (a JSON number is the wrong type but is still read). */
  readonly raw: string | number;
}

export interface ParsedTaskMemory {
  /** Memory in MiB. */
  readonly mib: number;
  /** `mib` for an integer string or JSON number, `gb` for "N GB". */
  readonly notation: 'mib' | 'gb';
  readonly raw: string | number;
}

/** Type guard for the error branch of `parseTaskCpu` / `parseTaskMemory`. */
export function isTaskSizeError(r: ParsedTaskCpu | ParsedTaskMemory | TaskSizeError): r is TaskSizeError {
  return 'error' in r;
}

// A number followed by some unit word, used only to explain why a value was refused.
const NUMBER_WITH_UNIT = /^[-+]?(\d+(\.\d+)?|\.\d+)\s*([A-Za-z][A-Za-z ]*)$/;

/** Parses a task-level `cpu` value: "1024", "1 vCPU", ".25 vcpu", "0.25 vCPU", or a JSON number. */
export function parseTaskCpu(s: string | number): ParsedTaskCpu | TaskSizeError {
  if (typeof s === 'number') {
    const err = checkJsonNumber(s, 'CPU units');
    return err ?? { units: s, notation: 'units', raw: s };
  }
  const t = s.trim();
  if (t === '') return fail('empty', 'the value is empty');
  if (TASK_CPU_UNITS_REGEX.test(t)) return wholeOrTooLarge(Number(t), 'units', s);
  const m = TASK_CPU_VCPU_REGEX.exec(t);
  if (m) {
    const units = timesPowerOfTwo(m[1] ?? '');
    if (units === undefined) {
      return fail('not-whole', `${m[1]} vCPU is not a whole number of CPU units (1 vCPU = 1024 units)`);
    }
    return wholeOrTooLarge(units, 'vcpu', s);
  }
  return fail(...explainRefusal(t, 'cpu'));
}

/** Parses a task-level `memory` value: "2048" (MiB), "2 GB", "2GB", ".5 gb", "0.5 GB", or a JSON number. */
export function parseTaskMemory(s: string | number): ParsedTaskMemory | TaskSizeError {
  if (typeof s === 'number') {
    const err = checkJsonNumber(s, 'MiB');
    return err ?? { mib: s, notation: 'mib', raw: s };
  }
  const t = s.trim();
  if (t === '') return fail('empty', 'the value is empty');
  if (TASK_MEMORY_MIB_REGEX.test(t)) {
    const mib = Number(t);
    return Number.isSafeInteger(mib) ? { mib, notation: 'mib', raw: s } : fail('too-large', 'the number is too large');
  }
  const m = TASK_MEMORY_GB_REGEX.exec(t);
  if (m) {
    const mib = timesPowerOfTwo(m[1] ?? '');
    if (mib === undefined) return fail('not-whole', `${m[1]} GB is not a whole number of MiB (1 GB = 1024 MiB)`);
    return Number.isSafeInteger(mib) ? { mib, notation: 'gb', raw: s } : fail('too-large', 'the number is too large');
  }
  return fail(...explainRefusal(t, 'memory'));
}

function wholeOrTooLarge(units: number, notation: 'units' | 'vcpu', raw: string): ParsedTaskCpu | TaskSizeError {
  return Number.isSafeInteger(units) ? { units, notation, raw } : fail('too-large', 'the number is too large');
}

function checkJsonNumber(n: number, unit: string): TaskSizeError | undefined {
  if (!Number.isFinite(n)) return fail('syntax', 'the value is not a finite number');
  if (n < 0) return fail('negative', 'the value is negative');
  if (!Number.isInteger(n)) return fail('not-whole', `${n} is not a whole number of ${unit}`);
  if (!Number.isSafeInteger(n)) return fail('too-large', 'the number is too large');
  return undefined;
}

function fail(reason: TaskSizeErrorReason, error: string): TaskSizeError {
  return { error, reason };
}

function explainRefusal(t: string, field: 'cpu' | 'memory'): [TaskSizeErrorReason, string] {
  const accepted =
    field === 'cpu'
      ? 'write CPU units as an integer string ("1024") or vCPUs as "1 vCPU"'
      : 'write MiB as an integer string ("2048") or gigabytes as "2 GB"';
  if (/^-\s*(\d|\.\d)/.test(t)) return ['negative', `the value is negative; ${accepted}`];
  const m = NUMBER_WITH_UNIT.exec(t);
  if (m) return ['unit', `ECS does not accept the unit '${(m[3] ?? '').trim()}' here; ${accepted}`];
  if (/^\d+\.\d+$|^\.\d+$/.test(t)) return ['syntax', `a number without a unit must be a whole number; ${accepted}`];
  return ['syntax', `'${t}' is not a size ECS understands; ${accepted}`];
}

/**
 * Exact `decimal × 1024` for a decimal string like "0.25", ".5" or "3"; undefined when the result is not a
 * whole number. Exact arithmetic so that e.g. "1.3" is refused without floating-point surprises.
 */
function timesPowerOfTwo(decimal: string): number | undefined {
  const [intPart, fracRaw = ''] = decimal.split('.');
  const frac = fracRaw.replace(/0+$/, '');
  const whole = Number(intPart === '' ? '0' : intPart) * 1024;
  if (frac === '') return whole;
  // With trailing zeros stripped, more than 10 fractional digits can never cancel against 2^10.
  if (frac.length > 10) return undefined;
  const scaled = Number(frac) * 1024;
  const divisor = 10 ** frac.length;
  if (scaled % divisor !== 0) return undefined;
  return whole + scaled / divisor;
}

// ---------------------------------------------------------------------------------------------------------
// Writing values back in the user's notation (for fixes).

// Splits "1 vCPU" / ".5gb" into number, spacing and unit text so a new value can reuse the spacing and case.
const NOTATION_PARTS = /^(\d*)(\.\d+)?(\s*)([A-Za-z]+)$/;

/**
 * Writes `units` the way `original` was written: "1 vCPU" → "2 vCPU" (same spacing and unit case),
 * ".25 vcpu" → ".5 vcpu", "1024" → "2048". Values below one vCPU are written ".5" (the form known to
 * register) unless the user wrote a leading zero ("0.25 vCPU" → "0.5 vCPU"). Anything else (including a JSON number, which the API does not
 * accept) becomes an integer string.
 */
export function formatCpuLike(units: number, original: string | number): string {
  return formatLike(units, original, TASK_CPU_VCPU_REGEX);
}

/** Writes `mib` the way `original` was written: "2 GB" → "4 GB", "2048" → "4096", ".5 gb" → "1 gb". */
export function formatMemoryLike(mib: number, original: string | number): string {
  return formatLike(mib, original, TASK_MEMORY_GB_REGEX);
}

function formatLike(value: number, original: string | number, scaledForm: RegExp): string {
  if (typeof original !== 'string') return String(value);
  const t = original.trim();
  if (!scaledForm.test(t)) return String(value);
  const parts = NOTATION_PARTS.exec(t);
  if (!parts) return String(value);
  const [, intDigits, , spacing, unit] = parts;
  const scaled = value / 1024;
  let num = decimalText(scaled);
  // Below one, write ".25" (the form known to register) unless the user wrote a leading zero ("0.25").
  if (scaled < 1 && scaled > 0 && !/^0+$/.test(intDigits ?? '')) num = num.replace(/^0/, '');
  return `${num}${spacing}${unit}`;
}

// value/1024 is a dyadic fraction, so String() prints its exact decimal expansion; never exponent form here.
function decimalText(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(10).replace(/0+$/, '');
}

/** Human text for CPU units in vCPU: 256 → "0.25 vCPU", 1024 → "1 vCPU". */
export function cpuToVcpuText(units: number): string {
  return `${decimalText(units / UNITS_PER_VCPU)} vCPU`;
}

/** Human text for MiB in ECS gigabytes (1 GB = 1024 MiB): 512 → "0.5 GB", 249856 → "244 GB". */
export function memoryToGbText(mib: number): string {
  return `${decimalText(mib / MIB_PER_GB)} GB`;
}
