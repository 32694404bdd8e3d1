import { hasValue } from '../documents/container-facts';
import { chainEdits, removeStep } from '../fixes/layout-edits';
import { bool, child, keyOf, pathOf, str } from '../syntax/tree';
import type { Node } from '../syntax/tree';
import { volumeIndex } from '../documents/task-index';
import { defineRule } from './rule';

/** The keys that each make a volume one kind of storage (configuredAtLaunch only when true). */
const KIND_KEYS = [
  'host',
  'dockerVolumeConfiguration',
  'efsVolumeConfiguration',
  'fsxWindowsFileServerVolumeConfiguration',
  's3filesVolumeConfiguration',
  'configuredAtLaunch',
] as const;

function kindsOf(volume: Node): Array<{ key: string; value: Node }> {
  const out: Array<{ key: string; value: Node }> = [];
  for (const key of KIND_KEYS) {
    const value = child(volume, key);
    if (!value || value.type === 'null') continue;
    if (key === 'configuredAtLaunch' ? bool(value) !== true : key !== 'host' && !hasValue(value)) continue;
    out.push({ key, value });
  }
  return out;
}

export default defineRule({
  id: 'volume-multiple-types',
  severity: 'error',
  kinds: ['R', 'D'],
  launch: 'any',
  category: 'containers',
  summary: 'A volume of two kinds at once, or two volumes configured at launch',
  docs: `Each entry of \`volumes\` is exactly one kind of storage: a bind mount (\`host\`), a Docker volume
(\`dockerVolumeConfiguration\`), EFS, FSx for Windows File Server, S3 Files, or an EBS volume that is supplied
when the task starts (\`configuredAtLaunch: true\`). ECS rejects an entry that sets two of these, because it
cannot tell which one you mean. It also accepts at most one volume configured at launch per task definition
revision.

Keep the configuration you actually use and delete the other one, or split it into two volumes with different
names.`,
  fixDocs: 'One fix per kind present: "Keep only {kind}" removes the other kinds from that volume.',
  subCases: [],
  examples: {
    bad: '{ "volumes": [ { "name": "data", "host": { "sourcePath": "/data" }, "efsVolumeConfiguration": { "fileSystemId": "fs-0123456789abcdef0" } } ] }',
    good: '{ "volumes": [ { "name": "data", "efsVolumeConfiguration": { "fileSystemId": "fs-0123456789abcdef0", "transitEncryption": "ENABLED" } } ] }',
  },
  sources: [
    'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Volume.html',
    'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-ecs-taskdefinition-volume.html',
  ],
  check(ctx) {
    const volumes = volumeIndex(ctx.doc, ctx.parsed).entries.map((e) => e.node);
    let firstAtLaunch: Node | undefined;
    for (const volume of volumes) {
      const name = str(child(volume, 'name')) ?? 'unnamed';
      const kinds = kindsOf(volume);
      if (kinds.length > 1) {
        ctx.report({
          node: keyOf(kinds[1].value),
          message: `Volume '${name}' mixes ${kinds.map((k) => k.key).join(' and ')}; a volume is exactly one kind.`,
          related: [{ node: keyOf(kinds[0].value), message: `the first kind set on '${name}'` }],
          fixes: () => kinds.map((keep) => ({
            title: `Keep only ${keep.key}`,
            edits: chainEdits(ctx.text, kinds.filter((k) => k !== keep).map((k) => removeStep(pathOf(k.value))), volume),
          })),
        });
      }
      const atLaunch = child(volume, 'configuredAtLaunch');
      if (bool(atLaunch) !== true) continue;
      if (!firstAtLaunch) firstAtLaunch = atLaunch;
      else {
        ctx.report({
          node: keyOf(atLaunch),
          message: `Only one volume per task definition can be configured at launch; '${name}' is the second.`,
          related: [{ node: keyOf(firstAtLaunch), message: 'the first volume configured at launch' }],
        });
      }
    }
  },
});
