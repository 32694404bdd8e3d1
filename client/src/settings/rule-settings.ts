/** Rule ids and the `ecsTaskdef.rules` setting, as the disable-rule and show-docs commands need them. Pure. */

/** Rule ids are kebab-case (RULES.md §1.1); anything else is refused before it reaches a path or a setting. */
export function isRuleId(value: unknown): value is string {
  return typeof value === 'string' && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(value) && value.length <= 80;
}

/** The workspace value of `ecsTaskdef.rules` with `ruleId` switched off; other entries are kept as they were. */
export function withRuleOff(current: unknown, ruleId: string): Record<string, string> {
  const base = current && typeof current === 'object' && !Array.isArray(current) ? (current as Record<string, string>) : {};
  return { ...base, [ruleId]: 'off' };
}

/** Distinct rule ids among diagnostics of our source, most frequent first (ties by id). */
export function ruleIdsOf(diagnostics: ReadonlyArray<{ source?: string; code?: unknown }>): string[] {
  const count = new Map<string, number>();
  for (const d of diagnostics) {
    const code = typeof d.code === 'object' && d.code !== null ? (d.code as { value?: unknown }).value : d.code;
    if (d.source === 'ecs-taskdef' && isRuleId(code)) count.set(code, (count.get(code) ?? 0) + 1);
  }
  return [...count.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([id]) => id);
}

/** Path of a rule's page inside the extension (docs/rules/<id>.md). */
export function ruleDocsPath(ruleId: string): string {
  if (!isRuleId(ruleId)) throw new Error(`not a rule id: ${ruleId}`);
  return `docs/rules/${ruleId}.md`;
}
