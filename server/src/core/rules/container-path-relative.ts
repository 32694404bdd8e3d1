import { replaceNodeEdit } from '../fixes/edits';
import { findPlaceholders } from '../syntax/placeholders';
import { child, items, type Node, str } from '../syntax/tree';
import { defineRule } from './rule';

const WINDOWS_ABSOLUTE = /^[A-Za-z]:[\\/]/;

export default defineRule({
  id: 'container-path-relative',
  severity: 'error',
  kinds: ['R', 'D', 'A'],
  launch: 'any',
  category: 'containers',
  summary: 'A mount, tmpfs or device containerPath that is not an absolute path',
  docs: `\`containerPath\` is where a volume (\`mountPoints\`), a tmpfs mount (\`linuxParameters.tmpfs\`) or a host device
(\`linuxParameters.devices\`) appears inside the container. Docker only accepts an absolute path there; a relative one
such as \`data\` or \`./cache\` is not resolved against the working directory — the container fails to start with an
"invalid mount config" error.

On Linux an absolute path starts with \`/\` (\`/var/lib/app\`). Windows containers take a drive path (\`C:\\data\` or
\`c:/data\`). When the operating system is not declared (\`runtimePlatform\`), both forms are accepted. A path that
starts with a template placeholder (\`\${data_dir}/cache\`) is not checked: it may render to an absolute path.`,
  fixDocs: "Linux (or OS not declared): \"Make it absolute ('/data')\" — prefixes '/' (a leading './' becomes '/'). No fix for Windows tasks or paths starting with '../'.",
  examples: {
    bad: '{ "name": "api", "image": "api:2.1", "mountPoints": [ { "sourceVolume": "uploads", "containerPath": "srv/uploads" } ],\n  "linuxParameters": { "tmpfs": [ { "containerPath": "tmp", "size": 64 } ] } }',
    good: '{ "name": "api", "image": "api:2.1", "mountPoints": [ { "sourceVolume": "uploads", "containerPath": "/srv/uploads" } ],\n  "linuxParameters": { "tmpfs": [ { "containerPath": "/tmp", "size": 64 } ] } }',
  },
  sources: [
    'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_MountPoint.html',
    'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Tmpfs.html',
    'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Device.html',
  ],
  check(ctx) {
    const os = ctx.doc.os;
    for (const c of ctx.doc.containers) {
      const linux = child(c, 'linuxParameters');
      const paths: Node[] = [
        ...items(child(c, 'mountPoints')),
        ...items(child(linux, 'tmpfs')),
        ...items(child(linux, 'devices')),
      ].flatMap((o) => child(o, 'containerPath') ?? []);
      for (const node of paths) {
        const path = str(node);
        if (!path || path.trim() === '' || ctx.isPlaceholder(node)) continue;
        if (path.startsWith('/') || (os !== 'linux' && (WINDOWS_ABSOLUTE.test(path) || path.startsWith('\\')))) continue;
        if (findPlaceholders(path, ctx.parsed.placeholders)[0]?.start === 0) continue; // `${dir}/x` may render to an absolute path
        const fixed = os === 'windows' || path.startsWith('../') || path.includes('\\') ? undefined : `/${path.replace(/^\.\//, '')}`;
        ctx.report({
          node,
          message: `containerPath '${path}' is not an absolute path, so the container fails to start; ${fixed ? `use '${fixed}'` : os === 'windows' ? "use a drive path such as 'C:\\data'" : "write the full path from '/'"}.`,
          fixes: fixed ? [{ title: `Make it absolute ('${fixed}')`, preferred: true, edits: [replaceNodeEdit(node, fixed)] }] : undefined,
        });
      }
    }
  },
});
