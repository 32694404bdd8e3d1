/**
 * Hard limits of the ECS task definition API (RULES.md table 2d), plus the small range type the other facts
 * files share. Data only; rules decide what to report.
 */

/** An inclusive numeric range, with the value ECS uses when the field is omitted (if it has one). */
export interface NumericRange {
  readonly min: number;
  readonly max: number;
  /** What ECS uses when the field is left out; absent when "omitted" means "off". */
  readonly default?: number;
  /** Unit shown in messages, e.g. "s", "MiB", "GiB". */
  readonly unit?: string;
}

/** True when `value` is a number inside `range` (inclusive). Does not check integrality. */
export function inRange(value: number, range: NumericRange): boolean {
  return value >= range.min && value <= range.max;
}

/** Clamps `value` into `range`. */
export function clampToRange(value: number, range: NumericRange): number {
  return Math.min(range.max, Math.max(range.min, value));
}

/** Formats a range for messages: "2–120 s". */
export function formatRange(range: NumericRange): string {
  return `${range.min}–${range.max}${range.unit ? ` ${range.unit}` : ''}`;
}

/** Containers in one task definition; AWS does not raise this quota. */
export const MAX_CONTAINERS_PER_TASK = 10;

/** Maximum size of the RegisterTaskDefinition request JSON, in bytes. */
export const MAX_TASK_DEFINITION_BYTES = 65_536;

/** Family, container and volume names: letters, digits, hyphens and underscores, 1–255 characters. */
export const RESOURCE_NAME_REGEX = /^[A-Za-z0-9_-]{1,255}$/;
export const RESOURCE_NAME_MAX_LENGTH = 255;

/** `portMappings[].name`: up to 64 lowercase letters, digits, underscores or hyphens, not starting with '-'. */
export const PORT_MAPPING_NAME_REGEX = /^[a-z0-9_][a-z0-9_-]{0,63}$/;
export const PORT_MAPPING_NAME_MAX_LENGTH = 64;

/** Valid TCP/UDP port numbers in mappings and `containerPortRange` bounds. */
export const PORT_RANGE: NumericRange = { min: 1, max: 65_535 };

/** `portMappings` entries that use `containerPortRange`, per container. */
export const MAX_PORT_RANGES_PER_CONTAINER = 100;

/** `environmentFiles` entries per container. */
export const MAX_ENVIRONMENT_FILES = 10;

/** Required file extension of an environment file object. */
export const ENVIRONMENT_FILE_EXTENSION = '.env';

/** An S3 object ARN whose key ends in `.env` (any AWS partition). */
export const ENVIRONMENT_FILE_ARN_REGEX = /^arn:aws(?:-[a-z]+)*:s3:::[^/\s]+\/\S*\.env$/;

/** Task-level `placementConstraints` entries. */
export const MAX_PLACEMENT_CONSTRAINTS = 10;

/** Tag limits for a task definition. */
export const TAG_LIMITS = {
  maxTags: 50,
  maxKeyLength: 128,
  maxValueLength: 256,
  /** Keys starting with this prefix (any letter case) belong to AWS. */
  reservedPrefix: 'aws:',
} as const;

/** True when a tag key uses the reserved `aws:` prefix (case-insensitive). */
export function isReservedTagKey(key: string): boolean {
  return key.toLowerCase().startsWith(TAG_LIMITS.reservedPrefix);
}

/** Entries allowed in a container's `credentialSpecs`. */
export const MAX_CREDENTIAL_SPECS = 1;

/** `restartPolicy` limits. */
export const RESTART_POLICY_LIMITS = {
  restartAttemptPeriod: { min: 60, max: 1800, default: 300, unit: 's' } as NumericRange,
  maxIgnoredExitCodes: 50,
} as const;

/** `healthCheck` fields; `startPeriod` has no default (omitted means no grace period). */
export const HEALTH_CHECK_LIMITS = {
  interval: { min: 5, max: 300, default: 30, unit: 's' } as NumericRange,
  timeout: { min: 2, max: 60, default: 5, unit: 's' } as NumericRange,
  retries: { min: 1, max: 10, default: 3 } as NumericRange,
  startPeriod: { min: 0, max: 300, unit: 's' } as NumericRange,
} as const;

export type HealthCheckField = keyof typeof HEALTH_CHECK_LIMITS;

/** The smallest container `memory` that can work: Docker 20.10 and later reserves 6 MiB per container. */
export const CONTAINER_MEMORY_FLOOR_MIB = 6;
/** The floor on Docker releases before 20.10, for messages that mention older hosts. */
export const CONTAINER_MEMORY_FLOOR_MIB_OLD_DOCKER = 4;

/** One row of table 2d, for docs and hovers. */
export interface LimitRow {
  readonly id: string;
  readonly what: string;
  readonly value: string;
  readonly ruleIds: readonly string[];
}

/** Table 2d as rows, worded for humans. */
export const LIMIT_ROWS: readonly LimitRow[] = [
  { id: 'containers', what: 'containers in one task definition', value: '10, fixed', ruleIds: ['too-many-containers'] },
  { id: 'size', what: 'size of the registration request', value: '65,536 bytes of JSON', ruleIds: ['task-definition-too-large'] },
  { id: 'names', what: 'family, container and volume names', value: '1–255 of A–Z a–z 0–9 _ -', ruleIds: ['invalid-format'] },
  { id: 'port-mapping-name', what: 'portMappings[].name', value: 'up to 64 of a–z 0–9 _ -, no leading -', ruleIds: ['invalid-format'] },
  { id: 'port-ranges', what: 'containerPortRange mappings per container', value: '100; ports 1–65535, first below last', ruleIds: ['value-out-of-range'] },
  { id: 'environment-files', what: 'environmentFiles per container', value: '10, each an S3 object ARN ending in .env', ruleIds: ['value-out-of-range', 'invalid-format'] },
  { id: 'placement-constraints', what: 'task placementConstraints', value: '10', ruleIds: ['value-out-of-range'] },
  { id: 'tags', what: 'tags', value: '50; key up to 128 chars, value up to 256; aws: prefix is reserved', ruleIds: ['value-out-of-range', 'invalid-format'] },
  { id: 'credential-specs', what: 'credentialSpecs per container', value: '1', ruleIds: ['value-out-of-range'] },
  { id: 'restart-policy', what: 'restartPolicy', value: 'restartAttemptPeriod 60–1800 s (300 if omitted); up to 50 ignoredExitCodes', ruleIds: ['restart-policy-range'] },
  { id: 'health-check', what: 'healthCheck', value: 'interval 5–300 s (30), timeout 2–60 s (5), retries 1–10 (3), startPeriod 0–300 s (none)', ruleIds: ['health-check-range'] },
  { id: 'container-memory', what: 'container memory floor', value: '6 MiB (Docker 20.10+), 4 MiB on older Docker', ruleIds: ['container-memory-too-small'] },
];

/**
 * tmpfs mount options that take a value. The ECS API lists option names (`mode`, `uid`, …); Docker, which
 * mounts the tmpfs, reads them as `name=value` (`mode=1777`, `uid=1000`), and task definitions in use write
 * them that way. Unverified whether the API also accepts the bare names: both forms are accepted.
 */
export const TMPFS_VALUED_MOUNT_OPTIONS = ['mode', 'uid', 'gid', 'nr_inodes', 'nr_blocks', 'mpol'] as const;
const TMPFS_VALUED = new RegExp(`^(${TMPFS_VALUED_MOUNT_OPTIONS.join('|')})=\\S+$`);

/** True for a tmpfs mount option written as `name=value` with a name that takes a value. */
export function isValuedTmpfsMountOption(value: string): boolean {
  return TMPFS_VALUED.test(value);
}
