/** Runs one rule fixture as JSON and as the Terraform file made from it, and says where the two disagree. */
import { lint } from '../../server/src/core/lint';
import type { LaunchTypeName } from '../../server/src/core/types';
import type { Fixture } from '../helpers/fixtures';
import { fixtureToTerraform } from '../helpers/tf-hcl';

const LAUNCH_COMMENT = /^\s*\/\/\s*ecs-taskdef:\s*launchType\s*=\s*([A-Z0-9_]+)/;

/** Problems found (empty: the rule behaves the same in Terraform, at the mapped positions). */
export function terraformDisagreements(fx: Fixture): string[] {
  const launch = LAUNCH_COMMENT.exec(fx.text.split('\n')[0])?.[1] as LaunchTypeName | undefined;
  const json = lint(fx.text, { fileName: 'taskdef.json' }).diagnostics.filter((d) => d.code === fx.ruleId);
  const tf = fixtureToTerraform(fx.text);
  if (!tf) return ['the fixture cannot be converted'];
  const found = lint(tf.text, { fileName: 'main.tf', defaultLaunchType: launch }).diagnostics;
  const hcl = found.filter((d) => d.code === fx.ruleId);
  const problems: string[] = [];
  const syntax = found.find((d) => d.code === 'json-syntax' && fx.ruleId !== 'json-syntax');
  if (syntax) problems.push(`the generated .tf does not parse: ${syntax.message}`);
  if (fx.kind === 'good') {
    for (const d of hcl) problems.push(`fires in Terraform at ${d.range.offset}: ${d.message}`);
    return problems;
  }
  for (const d of json) {
    const at = tf.map(d.range.offset);
    if (at === undefined) problems.push(`no Terraform position for JSON offset ${d.range.offset}`);
    else if (!hcl.some((x) => x.range.offset === at)) problems.push(`missing in Terraform at ${at} (${JSON.stringify(tf.text.slice(at, at + 30))}); Terraform has ${JSON.stringify(hcl.map((x) => `${x.range.offset}: ${x.message}`))}`);
  }
  if (json.length === 0) problems.push('the JSON fixture itself reports nothing');
  return problems;
}
