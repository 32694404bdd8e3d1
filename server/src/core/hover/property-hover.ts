/** The generic hover text of a property, from its schema: what it does, type, allowed values, range, launch notes. */
import { descriptionOf, type SchemaNode, typeLabel } from './schema-nav';

const MAX_ENUM_LISTED = 16;

export function rangeText(s: SchemaNode): string | undefined {
  const { minimum: min, maximum: max } = s;
  if (min !== undefined && max !== undefined) return `${min}–${max}`;
  if (min !== undefined) return `at least ${min}`;
  if (max !== undefined) return `at most ${max}`;
  return undefined;
}

function itemsText(s: SchemaNode): string | undefined {
  const { minItems: min, maxItems: max } = s;
  if (min !== undefined && max !== undefined) return `${min}–${max} entries`;
  if (min !== undefined) return `at least ${min} ${min === 1 ? 'entry' : 'entries'}`;
  if (max !== undefined) return `at most ${max} entries`;
  return undefined;
}

/** Allowed values of a field (its own enum, or its items' enum for arrays). */
export function enumOf(s: SchemaNode): unknown[] | undefined {
  return s.enum ?? s.items?.enum;
}

/** Markdown for a property named `name` described by `s`. `where` says where it lives ("task", "container"…). */
export function propertyMarkdown(name: string, s: SchemaNode, where?: string): string {
  const head = `**\`${name}\`**${where ? ` (${where})` : ''} · ${typeLabel(s)}`;
  const parts = [head];
  const desc = descriptionOf(s);
  if (desc) parts.push(desc);
  const facts: string[] = [];
  const values = enumOf(s);
  if (values?.length) {
    const shown = values.slice(0, MAX_ENUM_LISTED).map((v) => `\`${String(v)}\``).join(', ');
    facts.push(`**Allowed values:** ${shown}${values.length > MAX_ENUM_LISTED ? `, … (${values.length} in all)` : ''}`);
  }
  const range = rangeText(s);
  if (range) facts.push(`**Range:** ${range}`);
  const count = itemsText(s);
  if (count) facts.push(`**Entries:** ${count}`);
  if (s['x-format-name']) facts.push(`**Format:** ${s['x-format-name']}`);
  if (s['x-launch-note']) facts.push(`**Launch type:** ${s['x-launch-note']}`);
  if (facts.length) parts.push(facts.join('  \n'));
  return parts.join('\n\n');
}
