/** Shared helpers for the launch-type rules: reading task cpu/memory, and small fix builders. */
import type { Node } from 'jsonc-parser';
import {
  isTaskSizeError,
  parseTaskCpu,
  parseTaskMemory,
  type ParsedTaskCpu,
  type ParsedTaskMemory,
} from '../facts';
import { removeEdits, replaceNodeEdit } from '../fixes/edits';
import { child, isEmptyValue, keyName } from '../syntax/tree';
import type { Fix } from '../types';
import type { RuleContext } from './rule';

export interface TaskCpu {
  node: Node;
  value: ParsedTaskCpu;
}
export interface TaskMemory {
  node: Node;
  value: ParsedTaskMemory;
}

/** Task-level `cpu`, when present, not a placeholder and readable (string or, wrongly, number). */
export function taskCpu(ctx: RuleContext): TaskCpu | undefined {
  const node = child(ctx.doc.task, 'cpu');
  if (!node || (node.type !== 'string' && node.type !== 'number') || ctx.isPlaceholder(node)) return undefined;
  const value = parseTaskCpu(node.value as string | number);
  return isTaskSizeError(value) ? undefined : { node, value };
}

/** Task-level `memory`, when present, not a placeholder and readable. */
export function taskMemory(ctx: RuleContext): TaskMemory | undefined {
  const node = child(ctx.doc.task, 'memory');
  if (!node || (node.type !== 'string' && node.type !== 'number') || ctx.isPlaceholder(node)) return undefined;
  const value = parseTaskMemory(node.value as string | number);
  return isTaskSizeError(value) ? undefined : { node, value };
}

/** True when the value is set to something (empty values count as absent, RULES.md table 2c). */
export function isSet(node: Node | undefined): node is Node {
  return !!node && !isEmptyValue(node);
}

/** A fix that replaces one value node. */
export function setFix(title: string, node: Node, value: unknown, preferred = false): Fix {
  return { title, preferred: preferred || undefined, edits: [replaceNodeEdit(node, value)] };
}

/** A fix that removes the property holding `value` (`Remove '{key}'`). */
export function removeFix(text: string, value: Node, preferred = true, title?: string): Fix {
  return { title: title ?? `Remove '${keyName(value) ?? 'this entry'}'`, preferred: preferred || undefined, edits: removeEdits(text, value) };
}

/** "256", "256 or 512", "256, 512 or 1024". */
export function orList(values: readonly number[]): string {
  return values.length === 1 ? String(values[0]) : `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}

/** The cpu as written, with its units when the spelling differs: "'1 vCPU' (1024)". */
export function shownCpu(raw: string | number, units: number): string {
  return typeof raw === 'string' && raw.trim() !== String(units) ? `'${raw}' (${units})` : String(units);
}

/** The memory as written, with MiB when the spelling differs: "'2 GB' (2048 MiB)". */
export function shownMemory(raw: string | number, mib: number): string {
  return typeof raw === 'string' && raw.trim() !== String(mib) ? `'${raw}' (${mib} MiB)` : `${mib} MiB`;
}
