/**
 * Which settings of a container make ECS act with the task execution role (RULES.md table 2b), for rules
 * execution-role-required and role-confusion, and for the hover on `executionRoleArn`.
 */
import type { Node } from 'jsonc-parser';
import type { Classification } from './classify';
import { executionRoleTrigger, type ExecutionRoleTrigger, isPrivateEcrImage, type LaunchCode, triggerAppliesTo } from '../facts/roles';
import { isWholePlaceholder, type PlaceholderPatterns } from '../syntax/placeholders';
import { secretStoreOf } from './secret-ref';
import { child, isEmptyValue, items, keyOf, str } from '../syntax/tree';

export interface FoundTrigger {
  trigger: ExecutionRoleTrigger;
  /** The container-level key that holds the trigger (`image`, `secrets`, `logConfiguration`, …). */
  key: Node;
}

/** Launch codes of the document for facts lookups (U when unknown). */
export function launchCodes(doc: Classification): LaunchCode[] {
  return doc.launch.size === 0 ? ['U'] : [...doc.launch];
}

/** True when `executionRoleArn` is missing, null or "" (a placeholder counts as set). */
export function executionRoleMissing(task: Node | undefined): boolean {
  const v = child(task, 'executionRoleArn');
  return !v || v.type === 'null' || (v.type === 'string' && (v.value as string).trim() === '');
}

/** Triggers in one container that apply to the document's launch types, in document order. */
export function containerTriggers(container: Node, doc: Classification, patterns: PlaceholderPatterns): FoundTrigger[] {
  const launch = launchCodes(doc);
  const found: FoundTrigger[] = [];
  const add = (id: Parameters<typeof executionRoleTrigger>[0], value: Node | undefined) => {
    const trigger = executionRoleTrigger(id);
    const key = keyOf(value);
    if (key && triggerAppliesTo(trigger, launch) && !found.some((f) => f.trigger.id === id)) found.push({ trigger, key });
  };
  const image = child(container, 'image');
  const imageText = str(image);
  if (imageText && !isWholePlaceholder(imageText, patterns) && isPrivateEcrImage(imageText)) add('private-ecr-image', image);

  const log = child(container, 'logConfiguration');
  if (str(child(log, 'logDriver')) === 'awslogs') add('awslogs', log);
  if (hasEntry(child(log, 'secretOptions'))) add('log-secret-options', log);

  const secrets = child(container, 'secrets');
  for (const s of items(secrets)) {
    if (!isFilled(s)) continue;
    const from = str(child(s, 'valueFrom')) ?? '';
    const store = from && !isWholePlaceholder(from, patterns) ? secretStoreOf(from, patterns) : undefined;
    if (store !== 'secretsmanager') add('secrets-ssm', secrets);
    if (store !== 'ssm') add('secrets-secretsmanager', secrets);
  }
  const creds = child(container, 'repositoryCredentials');
  if ((str(child(creds, 'credentialsParameter')) ?? '').trim() !== '') add('repository-credentials', creds);

  const envFiles = child(container, 'environmentFiles');
  if (hasEntry(envFiles)) add('environment-files', envFiles);

  const firelens = child(container, 'firelensConfiguration');
  if (str(child(child(firelens, 'options'), 'config-file-type')) === 's3') add('firelens-s3-config', firelens);

  const specs = child(container, 'credentialSpecs');
  if (items(specs).some((s) => (str(s) ?? '').trim() !== '')) add('credential-specs', specs);

  return found.sort((a, b) => a.key.offset - b.key.offset);
}

function hasEntry(list: Node | undefined): boolean {
  return items(list).some(isFilled);
}

/** An object with at least one non-empty value (an entry of only empty keys is not a trigger). */
function isFilled(el: Node): boolean {
  return el.type === 'object' && !(el.children ?? []).every((p) => isEmptyValue(p.children?.[1]));
}
