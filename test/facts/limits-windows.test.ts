import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  CONTAINER_MEMORY_FLOOR_MIB,
  ENVIRONMENT_FILE_ARN_REGEX,
  FARGATE_EPHEMERAL_STORAGE_GIB,
  FARGATE_WINDOWS_FAMILIES,
  HEALTH_CHECK_LIMITS,
  LIMIT_ROWS,
  MAX_CONTAINERS_PER_TASK,
  MAX_ENVIRONMENT_FILES,
  MAX_PLACEMENT_CONSTRAINTS,
  MAX_PORT_RANGES_PER_CONTAINER,
  MAX_TASK_DEFINITION_BYTES,
  OPERATING_SYSTEM_FAMILIES,
  PORT_MAPPING_NAME_REGEX,
  RESOURCE_NAME_REGEX,
  RESTART_POLICY_LIMITS,
  TAG_LIMITS,
  clampToRange,
  fargateWindowsStatus,
  formatRange,
  inRange,
  isKnownWindowsFamily,
  isReservedTagKey,
  isWindowsFamily,
  suggestedFargateWindowsFamily,
  windowsFlavour,
} from '../../server/src/core/facts/index';

describe('hard limits (2d)', () => {
  it('keeps the counts', () => {
    assert.equal(MAX_CONTAINERS_PER_TASK, 10);
    assert.equal(MAX_TASK_DEFINITION_BYTES, 65536);
    assert.equal(MAX_PORT_RANGES_PER_CONTAINER, 100);
    assert.equal(MAX_ENVIRONMENT_FILES, 10);
    assert.equal(MAX_PLACEMENT_CONSTRAINTS, 10);
    assert.deepEqual({ ...TAG_LIMITS }, { maxTags: 50, maxKeyLength: 128, maxValueLength: 256, reservedPrefix: 'aws:' });
    assert.equal(RESTART_POLICY_LIMITS.maxIgnoredExitCodes, 50);
    assert.equal(CONTAINER_MEMORY_FLOOR_MIB, 6);
  });

  it('validates names', () => {
    assert.match('web_app-1', RESOURCE_NAME_REGEX);
    assert.match('a'.repeat(255), RESOURCE_NAME_REGEX);
    assert.doesNotMatch('a'.repeat(256), RESOURCE_NAME_REGEX);
    assert.doesNotMatch('web.app', RESOURCE_NAME_REGEX);
    assert.doesNotMatch('', RESOURCE_NAME_REGEX);
    assert.match('http', PORT_MAPPING_NAME_REGEX);
    assert.match('_grpc-1', PORT_MAPPING_NAME_REGEX);
    assert.match('a'.repeat(64), PORT_MAPPING_NAME_REGEX);
    assert.doesNotMatch('a'.repeat(65), PORT_MAPPING_NAME_REGEX);
    assert.doesNotMatch('-http', PORT_MAPPING_NAME_REGEX);
    assert.doesNotMatch('HTTP', PORT_MAPPING_NAME_REGEX);
  });

  it('validates environment file ARNs', () => {
    assert.match('arn:aws:s3:::my-bucket/app/prod.env', ENVIRONMENT_FILE_ARN_REGEX);
    assert.match('arn:aws-cn:s3:::b/x.env', ENVIRONMENT_FILE_ARN_REGEX);
    assert.doesNotMatch('arn:aws:s3:::my-bucket/app/prod.txt', ENVIRONMENT_FILE_ARN_REGEX);
    assert.doesNotMatch('arn:aws:s3:::my-bucket', ENVIRONMENT_FILE_ARN_REGEX);
    assert.doesNotMatch('s3://my-bucket/prod.env', ENVIRONMENT_FILE_ARN_REGEX);
  });

  it('reserves the aws: tag prefix in any case', () => {
    assert.equal(isReservedTagKey('aws:cloudformation:stack'), true);
    assert.equal(isReservedTagKey('AWS:x'), true);
    assert.equal(isReservedTagKey('awsome'), false);
  });

  it('keeps health check ranges and defaults inside their ranges', () => {
    assert.deepEqual([HEALTH_CHECK_LIMITS.interval.min, HEALTH_CHECK_LIMITS.interval.max, HEALTH_CHECK_LIMITS.interval.default], [5, 300, 30]);
    assert.deepEqual([HEALTH_CHECK_LIMITS.timeout.min, HEALTH_CHECK_LIMITS.timeout.max, HEALTH_CHECK_LIMITS.timeout.default], [2, 60, 5]);
    assert.deepEqual([HEALTH_CHECK_LIMITS.retries.min, HEALTH_CHECK_LIMITS.retries.max, HEALTH_CHECK_LIMITS.retries.default], [1, 10, 3]);
    assert.deepEqual([HEALTH_CHECK_LIMITS.startPeriod.min, HEALTH_CHECK_LIMITS.startPeriod.max, HEALTH_CHECK_LIMITS.startPeriod.default], [0, 300, undefined]);
    const rp = RESTART_POLICY_LIMITS.restartAttemptPeriod;
    assert.deepEqual([rp.min, rp.max, rp.default], [60, 1800, 300]);
    for (const r of [...Object.values(HEALTH_CHECK_LIMITS), rp]) {
      if (r.default !== undefined) assert.ok(inRange(r.default, r));
    }
  });

  it('formats and clamps ranges', () => {
    assert.equal(formatRange(HEALTH_CHECK_LIMITS.timeout), '2–60 s');
    assert.equal(formatRange(FARGATE_EPHEMERAL_STORAGE_GIB), '21–200 GiB');
    assert.equal(clampToRange(500, FARGATE_EPHEMERAL_STORAGE_GIB), 200);
    assert.equal(clampToRange(3, FARGATE_EPHEMERAL_STORAGE_GIB), 21);
  });

  it('has unique limit row ids', () => {
    assert.equal(new Set(LIMIT_ROWS.map((r) => r.id)).size, LIMIT_ROWS.length);
  });
});

describe('Windows families', () => {
  it('knows the API enum', () => {
    assert.equal(OPERATING_SYSTEM_FAMILIES.length, 10);
    assert.ok(OPERATING_SYSTEM_FAMILIES.every((f) => f === 'LINUX' || isKnownWindowsFamily(f)));
    assert.equal(FARGATE_WINDOWS_FAMILIES.length, 4);
  });

  it('detects Windows by prefix', () => {
    assert.equal(isWindowsFamily('WINDOWS_SERVER_2022_CORE'), true);
    assert.equal(isWindowsFamily('WINDOWS_SERVER_2030_CORE'), true);
    assert.equal(isWindowsFamily('LINUX'), false);
    assert.equal(isWindowsFamily('windows_server_2022_core'), false);
    assert.equal(isKnownWindowsFamily('WINDOWS_SERVER_2030_CORE'), false);
  });

  it('classifies Fargate support', () => {
    assert.equal(fargateWindowsStatus('WINDOWS_SERVER_2019_FULL'), 'supported');
    assert.equal(fargateWindowsStatus('WINDOWS_SERVER_2022_CORE'), 'supported');
    assert.equal(fargateWindowsStatus('WINDOWS_SERVER_2025_CORE'), 'unverified');
    assert.equal(fargateWindowsStatus('WINDOWS_SERVER_2016_FULL'), 'ec2-only');
    assert.equal(fargateWindowsStatus('WINDOWS_SERVER_2004_CORE'), 'ec2-only');
    assert.equal(fargateWindowsStatus('WINDOWS_SERVER_20H2_CORE'), 'ec2-only');
    assert.equal(fargateWindowsStatus('LINUX'), 'unknown');
  });

  it('keeps the Core/Full flavour in suggestions', () => {
    assert.equal(windowsFlavour('WINDOWS_SERVER_2016_FULL'), 'FULL');
    assert.equal(windowsFlavour('LINUX'), undefined);
    assert.equal(suggestedFargateWindowsFamily('WINDOWS_SERVER_2016_FULL'), 'WINDOWS_SERVER_2022_FULL');
    assert.equal(suggestedFargateWindowsFamily('WINDOWS_SERVER_20H2_CORE'), 'WINDOWS_SERVER_2022_CORE');
  });
});
