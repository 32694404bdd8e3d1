/** Runs one rule fixture as JSON and as the CloudFormation YAML made from it, and says where the two disagree. */
import { lint } from '../../server/src/core/lint';
import type { LaunchTypeName } from '../../server/src/core/types';
import type { Fixture } from '../helpers/fixtures';
import { fixtureToCfnYaml } from '../helpers/cfn-yaml';

const LAUNCH_COMMENT = /^\s*\/\/\s*ecs-taskdef:\s*launchType\s*=\s*([A-Z0-9_]+)/;

/** Problems found (empty: the rule behaves the same in YAML, at the mapped positions). */
export function yamlDisagreements(fx: Fixture): string[] {
  const launch = LAUNCH_COMMENT.exec(fx.text.split('\n')[0])?.[1] as LaunchTypeName | undefined;
  const json = lint(fx.text, { fileName: 'taskdef.json' }).diagnostics.filter((d) => d.code === fx.ruleId);
  const marked = new Set(fx.expected.map((e) => e.line));
  const y = fixtureToCfnYaml(fx.text, marked, fx.ruleId.startsWith('role-'));
  if (!y) return ['the fixture cannot be converted'];
  const yaml = lint(y.text, { fileName: 'template.yaml', defaultLaunchType: launch }).diagnostics.filter((d) => d.code === fx.ruleId);
  const problems: string[] = [];
  if (fx.kind === 'good') {
    for (const d of yaml) problems.push(`fires in YAML at ${d.range.offset}: ${d.message}`);
    return problems;
  }
  for (const d of json) {
    const at = y.map(d.range.offset);
    if (at === undefined) problems.push(`no YAML position for JSON offset ${d.range.offset}`);
    else if (!yaml.some((x) => x.range.offset === at)) problems.push(`missing in YAML at ${at} (${JSON.stringify(y.text.slice(at, at + 30))}); YAML has ${JSON.stringify(yaml.map((x) => `${x.range.offset}: ${x.message}`))}`);
  }
  if (json.length === 0) problems.push('the JSON fixture itself reports nothing');
  return problems;
}
