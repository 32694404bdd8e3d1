import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  EC2_TASK_CPU_RANGE,
  FARGATE_CPU_TIERS,
  FARGATE_CPUS,
  FARGATE_WINDOWS_CPUS,
  describeMemoryOptions,
  fargateCpusFor,
  fargateMemoriesFor,
  fitMemoryToCpu,
  isFargateCpu,
  isValidFargatePair,
  nearestCpus,
  nearestMemories,
  renderFargateSizeTableMarkdown,
  smallestFargateSize,
} from '../../server/src/core/facts/index';

const range = (min: number, max: number, step: number) => {
  const out: number[] = [];
  for (let v = min; v <= max; v += step) out.push(v);
  return out;
};

// Table 2a written out independently of the implementation.
const TABLE_2A: [number, number[], number][] = [
  [256, [512, 1024, 2048], 3],
  [512, [1024, 2048, 3072, 4096], 4],
  [1024, range(2048, 8192, 1024), 7],
  [2048, range(4096, 16384, 1024), 13],
  [4096, range(8192, 30720, 1024), 23],
  [8192, range(16384, 61440, 4096), 12],
  [16384, range(32768, 122880, 8192), 12],
  [32768, [61440, 122880, 249856], 3],
];

describe('Fargate size table (2a)', () => {
  it('has the eight CPU tiers in ascending order', () => {
    assert.deepEqual(FARGATE_CPUS, [256, 512, 1024, 2048, 4096, 8192, 16384, 32768]);
  });

  for (const [cpu, memories, count] of TABLE_2A) {
    it(`cpu ${cpu}: ${count} memory values, exactly as in the table`, () => {
      assert.equal(fargateMemoriesFor(cpu).length, count);
      assert.deepEqual([...fargateMemoriesFor(cpu)], memories);
      for (const m of memories) {
        assert.ok(isValidFargatePair(cpu, m), `${cpu}/${m} should be valid`);
        assert.ok(fargateCpusFor(m).includes(cpu), `${m} should list cpu ${cpu}`);
      }
    });
  }

  it('rejects pairs next to valid ones', () => {
    assert.equal(isValidFargatePair(256, 4096), false);
    assert.equal(isValidFargatePair(256, 3072), false);
    assert.equal(isValidFargatePair(8192, 17408), false); // 1024-step value in a 4096-step tier
    assert.equal(isValidFargatePair(16384, 36864), false);
    assert.equal(isValidFargatePair(32768, 65536), false);
    assert.equal(isValidFargatePair(32768, 245760), false);
    assert.equal(isValidFargatePair(300, 1024), false);
    assert.equal(isValidFargatePair(65536, 249856), false);
  });

  it('has 77 valid pairs in total', () => {
    const total = FARGATE_CPU_TIERS.reduce((n, t) => n + t.memories.length, 0);
    assert.equal(total, 77);
  });

  it('offers Windows only 1, 2 and 4 vCPU', () => {
    assert.deepEqual(FARGATE_WINDOWS_CPUS, [1024, 2048, 4096]);
    assert.equal(isFargateCpu(512, 'windows'), false);
    assert.equal(isFargateCpu(8192, 'windows'), false);
    assert.equal(isFargateCpu(8192, 'linux'), true);
    assert.equal(isValidFargatePair(8192, 16384, 'windows'), false);
    assert.equal(isValidFargatePair(2048, 8192, 'windows'), true);
  });

  it('marks the large tiers as Linux platform 1.4.0+, with the 32 vCPU requirement unconfirmed', () => {
    const byCpu = new Map(FARGATE_CPU_TIERS.map((t) => [t.cpu, t]));
    assert.equal(byCpu.get(8192)?.minLinuxPlatformVersion, '1.4.0');
    assert.equal(byCpu.get(16384)?.minLinuxPlatformVersion, '1.4.0');
    assert.equal(byCpu.get(32768)?.platformVersionVerified, false);
    assert.equal(byCpu.get(4096)?.minLinuxPlatformVersion, undefined);
  });

  it('lists the CPUs a memory value fits, with an OS filter', () => {
    assert.deepEqual(fargateCpusFor(4096), [512, 1024, 2048]);
    assert.deepEqual(fargateCpusFor(4096, 'windows'), [1024, 2048]);
    assert.deepEqual(fargateCpusFor(61440), [8192, 32768]);
    assert.deepEqual(fargateCpusFor(249856), [32768]);
    assert.deepEqual(fargateCpusFor(1000), []);
  });

  it('describes memory options as a range or a list', () => {
    assert.equal(describeMemoryOptions(1024), '2048–8192 MiB in steps of 1024');
    assert.equal(describeMemoryOptions(8192), '16384–61440 MiB in steps of 4096');
    assert.equal(describeMemoryOptions(16384), '32768–122880 MiB in steps of 8192');
    assert.equal(describeMemoryOptions(256), '512, 1024 or 2048 MiB');
    assert.equal(describeMemoryOptions(32768), '61440, 122880 or 249856 MiB');
    assert.equal(describeMemoryOptions(300), undefined);
  });

  it('keeps the EC2 task cpu range from the API reference', () => {
    assert.equal(EC2_TASK_CPU_RANGE.min, 128);
    assert.equal(EC2_TASK_CPU_RANGE.max, 196608);
  });

  it('renders one markdown row per tier', () => {
    const md = renderFargateSizeTableMarkdown();
    assert.equal(md.split('\n').length, 2 + 8);
    assert.match(md, /\| 32768 \| 32 \| 61440, 122880 or 249856 MiB \| Linux \|/);
    assert.match(md, /\| 1024 \| 1 \| .* \| Linux, Windows \|/);
  });
});

describe('nearestMemories (fix list for fargate-cpu-memory)', () => {
  it('lists every value for tiers with up to 8 values', () => {
    assert.deepEqual(nearestMemories(256, 4096), [512, 1024, 2048]);
    assert.deepEqual(nearestMemories(512, 8192), [1024, 2048, 3072, 4096]);
    assert.deepEqual(nearestMemories(1024, 3000), range(2048, 8192, 1024));
    assert.deepEqual(nearestMemories(32768, 100000), [61440, 122880, 249856]);
  });

  it('offers nearest below/above plus min and max for large tiers', () => {
    assert.deepEqual(nearestMemories(4096, 12500), [8192, 12288, 13312, 30720]);
    assert.deepEqual(nearestMemories(2048, 10000), [4096, 9216, 10240, 16384]);
    assert.deepEqual(nearestMemories(16384, 50000), [32768, 49152, 57344, 122880]);
  });

  it('deduplicates when the neighbour is the minimum or maximum', () => {
    assert.deepEqual(nearestMemories(4096, 5000), [8192, 30720]); // nothing below
    assert.deepEqual(nearestMemories(2048, 40000), [4096, 16384]); // nothing above
    assert.deepEqual(nearestMemories(8192, 18000), [16384, 20480, 61440]);
    assert.deepEqual(nearestMemories(8192, 60000), [16384, 57344, 61440]);
  });

  it('is empty for a non-Fargate cpu', () => {
    assert.deepEqual(nearestMemories(3000, 4096), []);
  });
});

describe('nearestCpus, fitMemoryToCpu, smallestFargateSize', () => {
  it('gives the neighbours of an invalid cpu', () => {
    assert.deepEqual(nearestCpus(300), [256, 512]);
    assert.deepEqual(nearestCpus(3000), [2048, 4096]);
    assert.deepEqual(nearestCpus(100), [256]);
    assert.deepEqual(nearestCpus(65536), [32768]);
    assert.deepEqual(nearestCpus(1024), [1024]);
    assert.deepEqual(nearestCpus(512, 'windows'), [1024]);
    assert.deepEqual(nearestCpus(8192, 'windows'), [4096]);
  });

  it('fits a memory value to a tier', () => {
    assert.equal(fitMemoryToCpu(1024, 1024), 2048);
    assert.equal(fitMemoryToCpu(1024, 9000), 8192);
    assert.equal(fitMemoryToCpu(4096, 61440), 30720);
    assert.equal(fitMemoryToCpu(4096, 16000), 16384);
    assert.equal(fitMemoryToCpu(4096, 16384), 16384);
    assert.equal(fitMemoryToCpu(100, 512), undefined);
  });

  it('finds the smallest size covering the containers', () => {
    assert.deepEqual(smallestFargateSize(0, 0), { cpu: 256, memory: 512 });
    assert.deepEqual(smallestFargateSize(0, 700), { cpu: 256, memory: 1024 });
    assert.deepEqual(smallestFargateSize(300, 700), { cpu: 512, memory: 1024 });
    assert.deepEqual(smallestFargateSize(256, 3000), { cpu: 512, memory: 3072 });
    assert.deepEqual(smallestFargateSize(0, 200000), { cpu: 32768, memory: 249856 });
    assert.deepEqual(smallestFargateSize(0, 0, 'windows'), { cpu: 1024, memory: 2048 });
    assert.equal(smallestFargateSize(40000, 1), undefined);
    assert.equal(smallestFargateSize(0, 300000), undefined);
    assert.equal(smallestFargateSize(0, 40000, 'windows'), undefined);
  });
});
