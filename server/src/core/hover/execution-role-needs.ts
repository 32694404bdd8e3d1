/**
 * Which settings of this document make ECS use the task execution role (RULES.md table 2b), for the hover on
 * `executionRoleArn` / `taskRoleArn`. Reads the tree only; the rule execution-role-required does the judging.
 */
import type { Node } from 'jsonc-parser';
import type { Classification } from '../documents/classify';
import {
  EXECUTION_ROLE_TRIGGERS,
  type ExecutionRoleTrigger,
  type ExecutionRoleTriggerId,
  isPrivateEcrImage,
  type LaunchCode,
  triggerAppliesTo,
} from '../facts/roles';
import { child, items, str } from '../syntax/tree';

export interface ExecutionRoleNeed {
  trigger: ExecutionRoleTrigger;
  /** Container name (or `#n` when unnamed). */
  container: string;
  /** False when the document's launch type is unknown and the setting needs the role only on some types. */
  certain: boolean;
}

function triggersOf(container: Node): ExecutionRoleTriggerId[] {
  const out: ExecutionRoleTriggerId[] = [];
  const image = str(child(container, 'image'));
  if (image && isPrivateEcrImage(image)) out.push('private-ecr-image');
  const log = child(container, 'logConfiguration');
  if (str(child(log, 'logDriver')) === 'awslogs') out.push('awslogs');
  for (const s of items(child(container, 'secrets'))) {
    const from = str(child(s, 'valueFrom'));
    if (!from) continue;
    const id = /:secretsmanager:|^\/?aws\/reference\/secretsmanager\//.test(from) ? 'secrets-secretsmanager' : 'secrets-ssm';
    if (!out.includes(id)) out.push(id);
  }
  if (items(child(log, 'secretOptions')).length > 0) out.push('log-secret-options');
  if (str(child(child(container, 'repositoryCredentials'), 'credentialsParameter'))) out.push('repository-credentials');
  if (items(child(container, 'environmentFiles')).length > 0) out.push('environment-files');
  if (str(child(child(child(container, 'firelensConfiguration'), 'options'), 'config-file-type')) === 's3') out.push('firelens-s3-config');
  if (items(child(container, 'credentialSpecs')).some((c) => /^credentialspec(domainless)?:arn:/.test(str(c) ?? ''))) out.push('credential-specs');
  return out;
}

/** The settings in this document that need the execution role on its launch type(s). */
export function executionRoleNeeds(doc: Classification): ExecutionRoleNeed[] {
  const launch: LaunchCode[] = doc.launch.size > 0 ? [...doc.launch] : ['U'];
  const out: ExecutionRoleNeed[] = [];
  doc.containers.forEach((container, i) => {
    const name = str(child(container, 'name')) ?? `#${i + 1}`;
    for (const id of triggersOf(container)) {
      const trigger = EXECUTION_ROLE_TRIGGERS.find((t) => t.id === id)!;
      if (triggerAppliesTo(trigger, launch)) out.push({ trigger, container: name, certain: true });
      else if (doc.launch.size === 0) out.push({ trigger, container: name, certain: false });
    }
  });
  return out;
}

const LAUNCH_NAMES: Record<LaunchCode, string> = { F: 'Fargate', E: 'EC2', X: 'EXTERNAL', M: 'Managed Instances', U: 'unknown' };

/** Markdown list of the needs, or a sentence saying there are none. */
export function renderExecutionRoleNeeds(doc: Classification): string {
  const needs = executionRoleNeeds(doc);
  if (needs.length === 0) {
    return doc.containers.length === 0
      ? 'No containers found, so nothing here needs the execution role yet.'
      : 'Nothing in this task definition needs the execution role (no private ECR image, awslogs, secrets, env files or registry credentials for this launch type).';
  }
  const lines = ['**In this task definition the execution role is needed for:**', ''];
  for (const n of needs) {
    const t = n.trigger;
    const actions = [
      ...t.actions.map((a) => `\`${a}\``),
      ...(t.conditionalActions ?? []).flatMap((c) => c.actions.map((a) => `\`${a}\` if ${c.when}`)),
    ];
    const only = n.certain ? '' : ` — only on ${t.launchTypes.filter((l) => l !== 'U').map((l) => LAUNCH_NAMES[l]).join(', ')}`;
    const perms = actions.length > 0 ? `: ${actions.join(', ')}` : '';
    const managed = t.inManagedPolicy ? ' (in AmazonECSTaskExecutionRolePolicy)' : '';
    lines.push(`- container \`${n.container}\`: ${t.description} — to ${t.agentUse}${only}${perms}${managed}`);
  }
  return lines.join('\n');
}
