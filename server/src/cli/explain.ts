/** `ecs-taskdef explain RULE-ID`: the rule's documentation in the terminal. */
import { ruleDocsUrl } from '../core/docs-url';
import { ALL_RULES } from '../core/rules';
import { editDistance } from '../core/schema/suggest';
import { UsageError } from './files';

const LAUNCH_WORDS: Record<string, string> = { F: 'Fargate', E: 'EC2', X: 'EXTERNAL', M: 'Managed Instances', U: 'unknown launch type' };
const KIND_WORDS: Record<string, string> = { R: 'register input', D: 'describe output', A: 'container-definitions arrays' };

export function explain(id: string): string {
  const rule = ALL_RULES.find((r) => r.id === id);
  if (!rule) {
    const near = ALL_RULES.map((r) => r.id).filter((r) => editDistance(r, id, 4) <= 4 || r.includes(id));
    throw new UsageError(`Unknown rule '${id}'.${near.length ? ` Did you mean: ${near.slice(0, 5).join(', ')}?` : ''} Run 'ecs-taskdef explain --list' for all rules.`);
  }
  const launch = rule.launch === 'any' ? 'any launch type' : rule.launch.map((l) => LAUNCH_WORDS[l]).join(', ');
  const parts = [
    `${rule.id} (${rule.severity})`,
    rule.summary,
    `Applies to: ${rule.kinds.map((k) => KIND_WORDS[k]).join(', ')}; ${launch}.`,
    '',
    rule.docs.trim(),
  ];
  if (rule.subCases?.length) parts.push('', 'Other severities:', ...rule.subCases.map((s) => `  - ${s}`));
  if (rule.examples) parts.push('', 'Wrong:', `  ${rule.examples.bad}`, 'Right:', `  ${rule.examples.good}`);
  if (rule.fixDocs) parts.push('', `Fixes: ${rule.fixDocs}`);
  parts.push('', `More: ${ruleDocsUrl(rule.id)}`);
  return parts.join('\n') + '\n';
}

export function listRules(): string {
  const width = Math.max(...ALL_RULES.map((r) => r.id.length));
  return ALL_RULES.map((r) => `${r.id.padEnd(width)}  ${r.severity.padEnd(11)}  ${r.summary}`).join('\n') + '\n';
}
