import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  FARGATE_CPU_TIERS,
  type ParsedTaskCpu,
  type ParsedTaskMemory,
  type TaskSizeError,
  cpuToVcpuText,
  formatCpuLike,
  formatMemoryLike,
  isTaskSizeError,
  memoryToGbText,
  parseTaskCpu,
  parseTaskMemory,
} from '../../server/src/core/facts/index';

function cpuOk(r: ParsedTaskCpu | TaskSizeError): ParsedTaskCpu {
  assert.ok(!isTaskSizeError(r), `expected a value, got error: ${isTaskSizeError(r) ? r.error : ''}`);
  return r;
}
function memOk(r: ParsedTaskMemory | TaskSizeError): ParsedTaskMemory {
  assert.ok(!isTaskSizeError(r), `expected a value, got error: ${isTaskSizeError(r) ? r.error : ''}`);
  return r;
}
function err(r: ParsedTaskCpu | ParsedTaskMemory | TaskSizeError): TaskSizeError {
  assert.ok(isTaskSizeError(r), `expected an error, got ${JSON.stringify(r)}`);
  return r;
}

describe('parseTaskCpu', () => {
  const cases: [string | number, number, 'units' | 'vcpu'][] = [
    ['256', 256, 'units'],
    ['1024', 1024, 'units'],
    [' 2048 ', 2048, 'units'],
    ['0.25 vCPU', 256, 'vcpu'],
    ['.25 vcpu', 256, 'vcpu'],
    ['.25 vCPU', 256, 'vcpu'],
    ['1 vCPU', 1024, 'vcpu'],
    ['1vcpu', 1024, 'vcpu'],
    ['  2   VCPU ', 2048, 'vcpu'],
    ['.5 vCPU', 512, 'vcpu'],
    ['0.5vcpu', 512, 'vcpu'],
    ['16 vCPU', 16384, 'vcpu'],
    ['32 vCPU', 32768, 'vcpu'],
    ['0.125 vCPU', 128, 'vcpu'],
    ['1.50 vCPU', 1536, 'vcpu'],
    [256, 256, 'units'],
  ];
  for (const [input, units, notation] of cases) {
    it(`${JSON.stringify(input)} → ${units} (${notation})`, () => {
      const r = cpuOk(parseTaskCpu(input));
      assert.equal(r.units, units);
      assert.equal(r.notation, notation);
      assert.equal(r.raw, input);
    });
  }

  const bad: [string | number, TaskSizeError['reason']][] = [
    ['1.3 vCPU', 'not-whole'],
    ['0.1 vCPU', 'not-whole'],
    ['0.00048828125 vCPU', 'not-whole'], // 0.5 unit
    ['1 GB', 'unit'],
    ['1 cpu', 'unit'],
    ['1 vCPUs', 'unit'],
    ['', 'empty'],
    ['   ', 'empty'],
    ['-256', 'negative'],
    ['1.5', 'syntax'],
    ['abc', 'syntax'],
    ['1 v CPU', 'unit'],
    ['1e3', 'syntax'],
    [256.5, 'not-whole'],
    [-1, 'negative'],
    [Number.NaN, 'syntax'],
    ['99999999999999999999', 'too-large'],
  ];
  for (const [input, reason] of bad) {
    it(`${JSON.stringify(input)} is refused (${reason})`, () => {
      const e = err(parseTaskCpu(input));
      assert.equal(e.reason, reason);
      assert.ok(e.error.length > 10);
    });
  }

  it('names the refused unit in the error', () => {
    assert.match(err(parseTaskCpu('1 GB')).error, /'GB'/);
    assert.match(err(parseTaskCpu('1.3 vCPU')).error, /1024/);
  });
});

describe('parseTaskMemory', () => {
  const cases: [string | number, number, 'mib' | 'gb'][] = [
    ['512', 512, 'mib'],
    ['2048', 2048, 'mib'],
    ['1GB', 1024, 'gb'],
    ['1 GB', 1024, 'gb'],
    ['.5 gb', 512, 'gb'],
    ['0.5 GB', 512, 'gb'],
    ['244 GB', 249856, 'gb'],
    ['60 GB', 61440, 'gb'],
    ['120gb', 122880, 'gb'],
    ['  3 Gb ', 3072, 'gb'],
    [4096, 4096, 'mib'],
  ];
  for (const [input, mib, notation] of cases) {
    it(`${JSON.stringify(input)} → ${mib} MiB (${notation})`, () => {
      const r = memOk(parseTaskMemory(input));
      assert.equal(r.mib, mib);
      assert.equal(r.notation, notation);
    });
  }

  const bad: [string | number, TaskSizeError['reason']][] = [
    ['2 GiB', 'unit'],
    ['2048 MiB', 'unit'],
    ['2048 MB', 'unit'],
    ['2 G', 'unit'],
    ['2Gi', 'unit'],
    ['1 vCPU', 'unit'],
    ['0.3 GB', 'not-whole'],
    ['1.5', 'syntax'],
    ['', 'empty'],
    ['-512', 'negative'],
    ['lots', 'syntax'],
    [512.25, 'not-whole'],
  ];
  for (const [input, reason] of bad) {
    it(`${JSON.stringify(input)} is refused (${reason})`, () => {
      assert.equal(err(parseTaskMemory(input)).reason, reason);
    });
  }

  it('says which unit was wrong', () => {
    assert.match(err(parseTaskMemory('2 GiB')).error, /'GiB'/);
    assert.match(err(parseTaskMemory('2 GiB')).error, /"2 GB"/);
  });
});

describe('formatting in the user notation', () => {
  it('keeps vCPU notation, spacing and case', () => {
    assert.equal(formatCpuLike(2048, '1 vCPU'), '2 vCPU');
    assert.equal(formatCpuLike(2048, '1vcpu'), '2vcpu');
    assert.equal(formatCpuLike(4096, '  1  VCPU '), '4  VCPU');
    assert.equal(formatCpuLike(512, '.25 vcpu'), '.5 vcpu');
    assert.equal(formatCpuLike(512, '0.25 vCPU'), '0.5 vCPU');
    assert.equal(formatCpuLike(1024, '.25 vCPU'), '1 vCPU');
    assert.equal(formatCpuLike(256, '1 vCPU'), '.25 vCPU');
  });

  it('keeps integer strings as integer strings, and turns JSON numbers or junk into them', () => {
    assert.equal(formatCpuLike(2048, '1024'), '2048');
    assert.equal(formatCpuLike(2048, 1024), '2048');
    assert.equal(formatCpuLike(2048, '2 cores'), '2048');
    assert.equal(formatMemoryLike(8192, '2048'), '8192');
    assert.equal(formatMemoryLike(8192, 2048), '8192');
  });

  it('keeps GB notation, spacing and case', () => {
    assert.equal(formatMemoryLike(4096, '2 GB'), '4 GB');
    assert.equal(formatMemoryLike(1024, '2GB'), '1GB');
    assert.equal(formatMemoryLike(1536, '.5 gb'), '1.5 gb');
    assert.equal(formatMemoryLike(512, '2 Gb'), '.5 Gb');
    assert.equal(formatMemoryLike(512, '0.5 GB'), '0.5 GB');
    assert.equal(formatMemoryLike(249856, '60  GB'), '244  GB');
  });

  it('round-trips every Fargate value through every notation', () => {
    const cpuStyles = ['1024', '1 vCPU', '.25vcpu', '0.5 VCPU'];
    const memStyles = ['2048', '2 GB', '.5gb', '0.5 Gb'];
    for (const tier of FARGATE_CPU_TIERS) {
      for (const style of cpuStyles) {
        const text = formatCpuLike(tier.cpu, style);
        assert.equal(cpuOk(parseTaskCpu(text)).units, tier.cpu, `${style} → ${text}`);
      }
      for (const m of tier.memories) {
        for (const style of memStyles) {
          const text = formatMemoryLike(m, style);
          assert.equal(memOk(parseTaskMemory(text)).mib, m, `${style} → ${text}`);
        }
      }
    }
  });

  it('writes human vCPU and GB text', () => {
    assert.equal(cpuToVcpuText(256), '0.25 vCPU');
    assert.equal(cpuToVcpuText(128), '0.125 vCPU');
    assert.equal(cpuToVcpuText(1024), '1 vCPU');
    assert.equal(cpuToVcpuText(32768), '32 vCPU');
    assert.equal(memoryToGbText(512), '0.5 GB');
    assert.equal(memoryToGbText(3072), '3 GB');
    assert.equal(memoryToGbText(249856), '244 GB');
    assert.equal(memoryToGbText(1), '0.0009765625 GB');
  });
});
