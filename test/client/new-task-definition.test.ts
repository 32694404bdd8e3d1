import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FARGATE_CPU_TIERS, isValidFargatePair } from '../../server/src/core/facts/index';
import { lint } from '../../server/src/core/lint';
import {
  allNewTaskChoices,
  FARGATE_PLATFORM_OPTIONS,
  fargateSizeGroups,
  LAUNCH_TYPE_OPTIONS,
  newTaskDefinition,
} from '../../client/src/templates/new-task-definition';

const problems = (text: string) =>
  lint(text).diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning').map((d) => `${d.code}: ${d.message}`);

describe('new task definition generator', () => {
  it('offers Fargate, EC2 and External', () => {
    assert.deepEqual(LAUNCH_TYPE_OPTIONS.map((o) => o.value), ['FARGATE', 'EC2', 'EXTERNAL']);
  });

  it('offers exactly the Fargate size table for Linux (77 pairs, all valid)', () => {
    const sizes = fargateSizeGroups('linux-x86_64').flatMap((g) => g.sizes);
    const expected = FARGATE_CPU_TIERS.reduce((n, t) => n + t.memories.length, 0);
    assert.equal(sizes.length, expected);
    assert.equal(sizes.length, 77);
    for (const s of sizes) assert.ok(isValidFargatePair(s.cpu, s.memory, 'linux'), `${s.cpu}/${s.memory}`);
    assert.equal(new Set(sizes.map((s) => `${s.cpu}/${s.memory}`)).size, sizes.length);
  });

  it('offers only 1, 2 and 4 vCPU for Windows', () => {
    const groups = fargateSizeGroups('windows-2022');
    assert.deepEqual(groups.map((g) => g.label), ['1 vCPU', '2 vCPU', '4 vCPU']);
    for (const s of groups.flatMap((g) => g.sizes)) assert.ok(isValidFargatePair(s.cpu, s.memory, 'windows'));
  });

  it('labels sizes in vCPU and GB and keeps the raw values in the description', () => {
    const first = fargateSizeGroups()[0].sizes[0];
    assert.equal(first.label, '0.25 vCPU · 0.5 GB');
    assert.equal(first.description, 'cpu 256 · memory 512');
    const big = fargateSizeGroups().at(-1)!.sizes.at(-1)!;
    assert.equal(big.label, '32 vCPU · 244 GB');
    assert.match(big.detail ?? '', /Linux only/);
  });

  const choices = allNewTaskChoices();
  it('covers every launch type, platform and size', () => {
    const fargate = choices.filter((c) => c.launchType === 'FARGATE');
    const perPlatform = FARGATE_PLATFORM_OPTIONS.map((p) => fargate.filter((c) => c.platform === p.value).length);
    assert.deepEqual(perPlatform, [77, 77, 7 + 13 + 23]);
    assert.equal(choices.length - fargate.length, 2);
  });

  it('every choice gives register input with the chosen launch type and no errors or warnings', () => {
    for (const choice of choices) {
      const text = newTaskDefinition(choice);
      const result = lint(text);
      assert.equal(result.kind, 'register');
      assert.equal(result.launchType, choice.launchType);
      assert.deepEqual(problems(text), [], JSON.stringify(choice));
      const task = JSON.parse(text);
      if (choice.launchType === 'FARGATE') {
        assert.equal(task.cpu, String(choice.cpu));
        assert.equal(task.memory, String(choice.memory));
        assert.equal(task.runtimePlatform.cpuArchitecture, choice.platform === 'linux-arm64' ? 'ARM64' : 'X86_64');
      }
    }
  });

  it('uses the obvious placeholder account and a pinned image', () => {
    const task = JSON.parse(newTaskDefinition({ launchType: 'FARGATE' }));
    assert.equal(task.executionRoleArn, 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole');
    assert.equal(task.cpu, '256');
    assert.equal(task.memory, '512');
    assert.match(task.containerDefinitions[0].image, /:\d[\w.-]*$/);
    assert.equal(task.containerDefinitions[0].logConfiguration.options['awslogs-stream-prefix'], 'ecs');
  });

  it('uses dynamic host ports on EC2', () => {
    const task = JSON.parse(newTaskDefinition({ launchType: 'EC2' }));
    assert.equal(task.networkMode, 'bridge');
    assert.equal(task.containerDefinitions[0].portMappings[0].hostPort, 0);
    assert.equal(task.executionRoleArn, undefined);
  });

  it('refuses a size Fargate does not offer', () => {
    assert.throws(() => newTaskDefinition({ launchType: 'FARGATE', cpu: 256, memory: 4096 }), /no 256 CPU \/ 4096 MiB/);
    assert.throws(() => newTaskDefinition({ launchType: 'FARGATE', platform: 'windows-2022', cpu: 512, memory: 1024 }));
  });
});
