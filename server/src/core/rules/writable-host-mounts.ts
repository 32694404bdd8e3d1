import { containerLabel, isTrue, objectChild } from '../documents/container-facts';
import { replaceNodeEdit } from '../fixes/edits';
import { insertPropertyEdits } from '../fixes/layout-edits';
import { volumeIndex } from '../documents/task-index';
import { child, items, str } from '../syntax/tree';
import { defineRule } from './rule';

/** Host paths that control the instance when written to (the path itself or anything below it). */
const SENSITIVE = ['/etc', '/root', '/boot', '/proc', '/sys', '/dev', '/usr', '/bin', '/sbin', '/lib', '/var/lib/docker', '/var/lib/ecs', '/var/run', '/run'];
const DOCKER_SOCKETS = ['/var/run/docker.sock', '/run/docker.sock'];

function normalise(path: string): string {
  const p = path.trim().replace(/\/{2,}/g, '/');
  return p.length > 1 ? p.replace(/\/+$/, '') : p;
}

function isSensitive(path: string): boolean {
  return path === '/' || SENSITIVE.some((s) => path === s || path.startsWith(`${s}/`));
}

export default defineRule({
  id: 'writable-host-mounts',
  severity: 'warning',
  kinds: ['R', 'D'],
  launch: ['E', 'X', 'M', 'U'],
  category: 'security',
  summary: 'Sensitive host paths mounted writable; the Docker socket mounted at all',
  docs: `A bind mount (\`volumes[].host.sourcePath\`) exposes a directory of the container instance inside the
container. For system locations — \`/\`, ${SENSITIVE.map((s) => `\`${s}\``).join(', ')} and anything below them —
write access lets the container change the host itself: its configuration, binaries, kernel settings, devices,
the ECS agent's state or other containers' data.

Agents that only read host metrics should mount these paths with \`readOnly: true\` on the mount point. The
Docker socket (\`/var/run/docker.sock\`) is reported even when read-only: anyone who can talk to it can start a
privileged container, which is root on the host.`,
  fixDocs: '"Set readOnly: true" (preferred) on the mount point; not offered for the Docker socket.',
  examples: {
    bad: '{ "volumes": [ { "name": "proc", "host": { "sourcePath": "/proc" } } ], "containerDefinitions": [ { "name": "agent", "image": "agent:7.2", "mountPoints": [ { "sourceVolume": "proc", "containerPath": "/host/proc" } ] } ] }',
    good: '{ "volumes": [ { "name": "proc", "host": { "sourcePath": "/proc" } } ], "containerDefinitions": [ { "name": "agent", "image": "agent:7.2", "mountPoints": [ { "sourceVolume": "proc", "containerPath": "/host/proc", "readOnly": true } ] } ] }',
  },
  sources: ['https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_HostVolumeProperties.html', 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_MountPoint.html'],
  check(ctx) {
    const volumes = volumeIndex(ctx.doc, ctx.parsed).byName;
    for (const container of ctx.doc.containers) {
      for (const mount of items(child(container, 'mountPoints'))) {
        const sourceVolume = child(mount, 'sourceVolume');
        const name = str(sourceVolume);
        if (!name) continue;
        const sourcePath = child(objectChild(volumes.get(name)?.node, 'host'), 'sourcePath');
        const raw = str(sourcePath);
        if (!raw || ctx.isPlaceholder(sourcePath)) continue;
        const path = normalise(raw);
        const socket = DOCKER_SOCKETS.includes(path);
        const readOnly = child(mount, 'readOnly');
        if (!socket && (isTrue(readOnly) || !isSensitive(path))) continue;
        const explicit = readOnly?.type === 'boolean';
        ctx.report({
          node: socket || !explicit ? sourceVolume : readOnly,
          message: socket
            ? `'${containerLabel(container)}' mounts the Docker socket ${raw}; whoever can use it controls every container on the host, and read-only does not change that.`
            : `'${containerLabel(container)}' mounts host path ${raw} writable; it can change the instance itself.`,
          related: [{ node: sourcePath, message: `volume '${name}' binds host path ${raw}` }],
          fixes: socket
            ? undefined
            : () => [{ title: 'Set readOnly: true', preferred: true, edits: explicit ? [replaceNodeEdit(readOnly!, true)] : insertPropertyEdits(ctx.text, mount, 'readOnly', true) }],
          dedupeKey: `writable-host-mounts@${mount.offset}`,
        });
      }
    }
  },
});
