import { replaceNodeEdit } from '../fixes/edits';
import { duplicateNames, volumeIndex } from '../documents/task-index';
import { defineRule } from './rule';

export default defineRule({
  id: 'duplicate-volume-name',
  severity: 'error',
  kinds: ['R', 'D'],
  launch: 'any',
  category: 'containers',
  summary: 'Two volumes share a name',
  docs: `Two entries in the task's \`volumes\` have the same \`name\`. Mount points and the volume settings given at
launch refer to volumes by name only, so ECS cannot tell the two apart and refuses the definition.

The first entry keeps the name; each later one is reported. Rename it, and point the mount points that mean
it at the new name.`,
  fixDocs: "Rename the later volume to '{name}-2' (or the next free suffix); update the mount points that should use it.",
  examples: {
    bad: '{ "volumes": [ { "name": "data" }, { "name": "data", "efsVolumeConfiguration": { "fileSystemId": "fs-0123456789abcdef0" } } ] }',
    good: '{ "volumes": [ { "name": "scratch" }, { "name": "data", "efsVolumeConfiguration": { "fileSystemId": "fs-0123456789abcdef0", "transitEncryption": "ENABLED" } } ] }',
  },
  sources: ['https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Volume.html'],
  check(ctx) {
    for (const d of duplicateNames(volumeIndex(ctx.doc, ctx.parsed))) {
      ctx.report({
        node: d.nameNode,
        message: `Volume name '${d.name}' is declared twice; mount points cannot tell them apart.`,
        related: [{ node: d.first.nameNode, message: `volume #${d.first.index + 1} is named '${d.name}'` }],
        fixes: [{ title: `Rename to '${d.renamed}'`, preferred: true, edits: [replaceNodeEdit(d.nameNode, d.renamed)] }],
      });
    }
  },
});
