// Overlay for linuxParameters: capabilities, devices, tmpfs, swap.
import type { Overlay } from './types.ts';

/** Linux capability names (0–40 in linux/capability.h) without `CAP_`, plus Docker's `ALL`. */
export const CAPABILITIES = [
  'ALL', 'AUDIT_CONTROL', 'AUDIT_READ', 'AUDIT_WRITE', 'BLOCK_SUSPEND', 'BPF', 'CHECKPOINT_RESTORE', 'CHOWN',
  'DAC_OVERRIDE', 'DAC_READ_SEARCH', 'FOWNER', 'FSETID', 'IPC_LOCK', 'IPC_OWNER', 'KILL', 'LEASE',
  'LINUX_IMMUTABLE', 'MAC_ADMIN', 'MAC_OVERRIDE', 'MKNOD', 'NET_ADMIN', 'NET_BIND_SERVICE', 'NET_BROADCAST',
  'NET_RAW', 'PERFMON', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_ADMIN', 'SYS_BOOT', 'SYS_CHROOT',
  'SYS_MODULE', 'SYS_NICE', 'SYS_PACCT', 'SYS_PTRACE', 'SYS_RAWIO', 'SYS_RESOURCE', 'SYS_TIME',
  'SYS_TTY_CONFIG', 'SYSLOG', 'WAKE_ALARM',
] as const;

/** Mount options ECS accepts for tmpfs (Docker's tmpfs option list). */
export const TMPFS_MOUNT_OPTIONS = [
  'defaults', 'ro', 'rw', 'suid', 'nosuid', 'dev', 'nodev', 'exec', 'noexec', 'sync', 'async', 'dirsync',
  'remount', 'mand', 'nomand', 'atime', 'noatime', 'diratime', 'nodiratime', 'bind', 'rbind', 'unbindable',
  'runbindable', 'private', 'rprivate', 'shared', 'rshared', 'slave', 'rslave', 'relatime', 'norelatime',
  'strictatime', 'nostrictatime', 'mode', 'uid', 'gid', 'nr_inodes', 'nr_blocks', 'mpol',
] as const;

export const linuxOverlay: Overlay = {
  LinuxParameters: {
    about: 'Linux-specific container settings.',
    props: {
      capabilities: {
        md: 'Linux capabilities added to or dropped from Docker\'s default set. Fargate: dropping works everywhere; adding only `SYS_PTRACE`, on platform 1.4.0+.',
        launch: 'Fargate: add only SYS_PTRACE',
      },
      devices: {
        md: 'Host devices exposed to the container (Docker `--device`).',
        launch: 'Not supported on Fargate',
      },
      initProcessEnabled: {
        md: 'When `true`, a small init process runs as PID 1: it forwards signals and reaps zombie processes (Docker `--init`).',
      },
      sharedMemorySize: {
        md: 'Size of `/dev/shm` in MiB (Docker `--shm-size`).',
        minimum: 1, launch: 'Not supported on Fargate',
      },
      tmpfs: {
        md: 'In-memory tmpfs mounts with a size limit (Docker `--tmpfs`); handy with `readonlyRootFilesystem`.',
      },
      maxSwap: {
        md: 'Swap the container may use, in MiB, on top of `memory`. `0` turns swap off; left out, the instance\'s swap setting applies. `swappiness` only works when this is set.',
        minimum: 0, launch: 'Not supported on Fargate',
      },
      swappiness: {
        md: 'How eagerly memory is swapped out: 0 (only when unavoidable) to 100 (aggressively); default 60. Ignored without `maxSwap`, and on Amazon Linux 2023.',
        minimum: 0, maximum: 100, launch: 'Not supported on Fargate',
      },
    },
  },
  KernelCapabilities: {
    about: 'Capabilities to add or drop.',
    props: {
      add: {
        md: 'Capabilities to add, without the `CAP_` prefix (`SYS_PTRACE`, `NET_ADMIN`, …), or `ALL`.',
        items: { enum: CAPABILITIES }, launch: 'Fargate: only SYS_PTRACE',
      },
      drop: {
        md: 'Capabilities to remove from Docker\'s default set, without `CAP_`; `["ALL"]` removes them all so `add` can grant back only what is needed.',
        items: { enum: CAPABILITIES },
      },
    },
  },
  Device: {
    about: 'A host device exposed to the container.',
    props: {
      hostPath: { md: 'Device path on the host, e.g. `/dev/fuse`.', required: true },
      containerPath: { md: 'Path of the device inside the container.' },
      permissions: { md: 'Cgroup permissions for the device, any of `read`, `write`, `mknod`; all three by default.' },
    },
  },
  Tmpfs: {
    about: 'A tmpfs mount.',
    props: {
      containerPath: { md: 'Absolute path in the container where the tmpfs is mounted.', required: true },
      size: { md: 'Maximum size in MiB (at least 1).', required: true, minimum: 1 },
      mountOptions: {
        md: 'Mount options such as `rw`, `noexec`, `nosuid`, `nodev`.',
        items: { enum: TMPFS_MOUNT_OPTIONS },
      },
    },
  },
};
