/**
 * The reference pages behind "ECS: Show Fargate CPU/memory sizes" and "ECS: Explain task role vs execution
 * role": markdown built from the core facts tables, so the pages never disagree with the rules. Pure. The server
 * serves them (`ecsTaskdef/referencePage`, client-requests.ts), so the clients do not bundle the facts.
 */
import {
  EXECUTION_ROLE_MANAGED_POLICY,
  EXECUTION_ROLE_POLICY_ACTIONS,
  EXECUTION_ROLE_TRIGGERS,
  FARGATE_CPU_TIERS,
  FARGATE_EPHEMERAL_STORAGE_GIB,
  TASK_ROLE_NEEDS,
  renderFargateSizeTableMarkdown,
  renderRoleTableMarkdown,
} from '../core/facts/index';

const LAUNCH_NAMES: Record<string, string> = { F: 'Fargate', E: 'EC2', X: 'External', M: 'Managed Instances', U: 'unknown' };
const code = (s: string) => '`' + s + '`';
const cell = (s: string) => s.replace(/\|/g, '\\|');

export function fargateSizesMarkdown(): string {
  const notes = FARGATE_CPU_TIERS.filter((t) => t.note).map((t) => `- **${t.vcpu} vCPU (${t.cpu}):** ${t.note}`);
  return [
    '# Fargate task sizes',
    '',
    'On Fargate the task-level `cpu` and `memory` together pick one of a fixed set of sizes. Any other',
    'combination is refused when the task definition is registered (rule `fargate-cpu-memory`).',
    '',
    renderFargateSizeTableMarkdown(),
    '',
    '## Notes',
    '',
    ...notes,
    '- Write the values as strings of CPU units and MiB (`"cpu": "1024"`, `"memory": "2048"`), or as',
    '  `"1 vCPU"` and `"2 GB"`; 1 vCPU is 1024 units and 1 GB here means 1024 MiB.',
    '- Container-level `cpu`, `memory` and `memoryReservation` are optional on Fargate; when set, their',
    '  sums must fit inside the task size.',
    `- Scratch disk: ${FARGATE_EPHEMERAL_STORAGE_GIB.default} GiB by default; \`ephemeralStorage.sizeInGiB\` raises it to` +
      ` ${FARGATE_EPHEMERAL_STORAGE_GIB.min}–${FARGATE_EPHEMERAL_STORAGE_GIB.max} GiB.`,
    '',
  ].join('\n');
}

export function rolesMarkdown(): string {
  const triggers = EXECUTION_ROLE_TRIGGERS.map((t) => {
    const launch = t.launchTypes.map((l) => LAUNCH_NAMES[l] ?? l).join(', ');
    const actions = t.actions.length ? t.actions.map(code).join(', ') : 'read access (exact actions unconfirmed)';
    const extra = (t.conditionalActions ?? []).map((c) => `; plus ${c.actions.map(code).join(', ')} when ${c.when}`).join('');
    return `| ${cell(t.description)} | ${launch} | ${cell(actions + extra)} | ${t.inManagedPolicy ? 'yes' : 'no'} |`;
  });
  const needs = TASK_ROLE_NEEDS.map((n) => {
    const perms = n.permissions.length ? n.permissions.map(code).join(', ') : '';
    return `| ${cell(n.need)} | ${cell([perms, n.note ?? ''].filter(Boolean).join('. '))} |`;
  });
  return [
    '# Task role vs task execution role',
    '',
    'A task definition can name two IAM roles. The **execution role** (`executionRoleArn`) is for ECS itself:',
    'the agent uses it to get the task running. The **task role** (`taskRoleArn`) is for your code. Keep them',
    'separate, so the application never holds the agent\'s rights to secrets and images, and the other way round.',
    '',
    renderRoleTableMarkdown(),
    '',
    '## What makes ECS use the execution role',
    '',
    `\`${EXECUTION_ROLE_MANAGED_POLICY}\` allows only ${EXECUTION_ROLE_POLICY_ACTIONS.map(code).join(', ')}.`,
    'Anything marked "no" below needs an extra policy statement on the execution role.',
    '',
    '| in the task definition | launch types | IAM actions on the execution role | in the managed policy |',
    '|---|---|---|---|',
    ...triggers,
    '',
    'On EC2 the container instance role pulls images and writes awslogs instead, so those two need no execution role there.',
    '',
    '## What needs the task role',
    '',
    '| need | permissions on the task role |',
    '|---|---|',
    ...needs,
    '',
  ].join('\n');
}

/** The pages by path (the client shows them as `ecs-taskdef-docs:<path>`). */
export const REFERENCE_PAGES: Readonly<Record<string, () => string>> = {
  '/fargate-sizes.md': fargateSizesMarkdown,
  '/task-role-vs-execution-role.md': rolesMarkdown,
};
