/** Runs one rule fixture as JSON and as the CloudFormation YAML made from it, and says where the two disagree. */
import { cfnWording } from '../../server/src/core/documents/lint-template';
import { applyTextEdits } from '../../server/src/core/fixes/edits';
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

/**
 * Every fix the JSON fixture offers for its rule, applied to the YAML template instead: the YAML diagnostic at the
 * mapped spot offers a fix of the same title, and applying it leaves valid YAML in which that diagnostic is gone
 * (or the rule reports fewer). Returns the problems (empty: every fix of the fixture works in YAML).
 */
export function yamlFixProblems(fx: Fixture): string[] {
  const launch = LAUNCH_COMMENT.exec(fx.text.split('\n')[0])?.[1] as LaunchTypeName | undefined;
  const json = lint(fx.text, { fileName: 'taskdef.json' }).diagnostics.filter((d) => d.code === fx.ruleId && d.fixes?.length);
  const y = fixtureToCfnYaml(fx.text, new Set(fx.expected.map((e) => e.line)), fx.ruleId.startsWith('role-'));
  if (!y || json.length === 0) return [];
  const options = { fileName: 'template.yaml', defaultLaunchType: launch };
  const yaml = lint(y.text, options).diagnostics.filter((d) => d.code === fx.ruleId);
  const problems: string[] = [];
  for (const d of json) {
    const at = y.map(d.range.offset);
    const mine = yaml.find((x) => x.range.offset === at);
    if (!mine) continue; // yamlDisagreements reports the missing diagnostic itself
    for (const f of d.fixes!) {
      // Quoted values may differ (a group named after `!Ref Family` is named after the container instead), and a
      // role ARN written with ${AWS::AccountId} leaves no account to fill in.
      const title = cfnWording(f.title).replace('; fill in the account', '');
      const shape = (t: string) => t.replace(/'[^']*'/g, "'…'");
      const fix = mine.fixes?.find((x) => shape(x.title) === shape(title));
      if (!fix) {
        problems.push(`no fix '${title}' at ${at} in YAML (has ${JSON.stringify(mine.fixes?.map((x) => x.title) ?? [])})`);
        continue;
      }
      const fixed = applyTextEdits(y.text, fix.edits);
      const after = lint(fixed, options);
      const broken = after.diagnostics.find((x) => x.code === 'json-syntax');
      if (broken) {
        problems.push(`'${title}' leaves broken YAML: ${broken.message}\n${fixed}`);
        continue;
      }
      const same = after.diagnostics.filter((x) => x.code === fx.ruleId);
      if (same.length >= yaml.length && same.some((x) => x.message === mine.message)) problems.push(`'${title}' leaves the finding: ${mine.message}\n${fixed}`);
    }
  }
  return problems;
}
