/** What the language status item says about a document, from the server's documentInfo answer. Pure. */
import type { DocumentInfo } from '../../../server/src/shared/protocol';

export interface StatusText {
  /** Short text next to the language name, e.g. "ECS task definition · FARGATE". */
  text: string;
  /** Longer explanation shown under it. */
  detail: string;
  /** Set when the item should offer a one-click action. */
  command?: { id: string; title: string };
}

const KIND_LABEL: Record<string, string> = {
  register: 'ECS task definition',
  describe: 'ECS describe output',
  'container-array': 'ECS container definitions',
  'cfn-template': 'CloudFormation template',
  invalid: 'ECS task definition (invalid JSON)',
};

const KIND_DETAIL: Record<string, string> = {
  register: 'Linted as register-task-definition input.',
  describe: 'describe-task-definition output: linted as register input after unwrapping; the read-only keys must go before registering.',
  'container-array': 'A bare containerDefinitions array: task-level checks need a launch type (setting ecsTaskdef.launchType).',
  'cfn-template': 'CloudFormation templates are not linted yet.',
  invalid: 'The file does not parse; only JSON syntax is reported.',
};

/** Undefined when the document is not linted: the item is then hidden. */
export function describeDocumentInfo(info: DocumentInfo | null | undefined, convertCommand?: string): StatusText | undefined {
  if (!info?.linted || !info.kind || info.kind === 'not-task-definition') return undefined;
  const label = KIND_LABEL[info.kind] ?? `ECS (${info.kind})`;
  const launch = !info.launchType || info.launchType === 'unknown' ? 'launch type unknown' : info.launchType;
  const parts = [label];
  if (info.kind !== 'cfn-template') parts.push(launch);
  if (info.templated) parts.push('template');
  const detail = [
    KIND_DETAIL[info.kind] ?? '',
    info.launchType === 'unknown' || !info.launchType ? 'No requiresCompatibilities: launch-specific checks are off.' : '',
    info.templated ? 'Template placeholders are never reported as errors.' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const command = info.kind === 'describe' && convertCommand ? { id: convertCommand, title: 'Convert to register input' } : undefined;
  return { text: parts.join(' · '), detail, ...(command ? { command } : {}) };
}
