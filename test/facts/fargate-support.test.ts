import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  FARGATE_CAPABILITIES_ADD_ALLOWED,
  FARGATE_LOG_DRIVERS,
  FARGATE_NOFILE_MAX,
  FARGATE_SUPPORT,
  FARGATE_TIMEOUT_RANGE,
  fargateSupportRow,
  inRange,
  isFargateAddableCapability,
  isNamespacedSysctl,
} from '../../server/src/core/facts/index';

describe('Fargate parameter support (2c)', () => {
  it('has unique row ids and an explanation on every row', () => {
    const ids = FARGATE_SUPPORT.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const r of FARGATE_SUPPORT) assert.ok(r.explanation.length > 20, r.id);
  });

  it('names a reporting rule for every unsupported row', () => {
    for (const r of FARGATE_SUPPORT.filter((x) => x.status === 'unsupported')) {
      assert.ok(r.ruleId, r.id);
    }
  });

  it('classifies the rows the rules depend on', () => {
    const status = (id: string) => fargateSupportRow(id)?.status;
    assert.equal(status('privileged'), 'unsupported');
    assert.equal(status('pid-mode-host'), 'unsupported');
    assert.equal(status('pid-mode-task'), 'conditional');
    assert.equal(status('tmpfs'), 'supported'); // since January 2026
    assert.equal(status('capabilities-drop'), 'supported');
    assert.equal(status('capabilities-add'), 'conditional');
    assert.equal(status('docker-volume'), 'unsupported');
    assert.equal(status('fsx-volume'), 'unsupported');
    assert.equal(fargateSupportRow('log-driver')?.ruleId, 'fargate-log-driver');
    assert.equal(fargateSupportRow('nope'), undefined);
  });

  it('allows only SYS_PTRACE to be added', () => {
    assert.deepEqual(FARGATE_CAPABILITIES_ADD_ALLOWED, ['SYS_PTRACE']);
    assert.equal(isFargateAddableCapability('SYS_PTRACE'), true);
    assert.equal(isFargateAddableCapability('CAP_SYS_PTRACE'), true);
    assert.equal(isFargateAddableCapability('NET_ADMIN'), false);
    assert.equal(isFargateAddableCapability('SYS_ADMIN'), false);
  });

  it('lists the three Fargate log drivers', () => {
    assert.deepEqual([...FARGATE_LOG_DRIVERS].sort(), ['awsfirelens', 'awslogs', 'splunk']);
  });

  it('accepts namespaced sysctls only', () => {
    const ok = [
      'kernel.msgmax', 'kernel.msgmnb', 'kernel.msgmni', 'kernel.sem', 'kernel.shmall', 'kernel.shmmax',
      'kernel.shmmni', 'kernel.shm_rmid_forced', 'fs.mqueue.msg_max', 'fs.mqueue.queues_max',
      'net.core.somaxconn', 'net.ipv4.tcp_keepalive_time', 'net.ipv4.ip_local_port_range',
    ];
    for (const name of ok) assert.equal(isNamespacedSysctl(name), true, name);
    const bad = [
      'kernel.pid_max', 'kernel.shm', 'kernel.msgmax2', 'vm.max_map_count', 'fs.file-max', 'fs.mqueue',
      'fs.mqueue.', 'net', 'net.', 'network.foo', 'NET.core.somaxconn', 'kernel.sem ', '',
    ];
    for (const name of bad) assert.equal(isNamespacedSysctl(name), false, JSON.stringify(name));
  });

  it('keeps the numeric limits', () => {
    assert.equal(FARGATE_NOFILE_MAX, 1048576);
    assert.equal(FARGATE_TIMEOUT_RANGE.min, 2);
    assert.equal(FARGATE_TIMEOUT_RANGE.max, 120);
    assert.equal(inRange(1, FARGATE_TIMEOUT_RANGE), false);
    assert.equal(inRange(120, FARGATE_TIMEOUT_RANGE), true);
    assert.equal(inRange(121, FARGATE_TIMEOUT_RANGE), false);
  });
});
