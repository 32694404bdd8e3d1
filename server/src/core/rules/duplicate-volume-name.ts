import { replaceNodeEdit } from '../edits';
import { nextFreeName, volumeIndex } from '../task-index';
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
    const idx = volumeIndex(ctx.doc, ctx.parsed);
    const taken = new Set(idx.entries.map((e) => e.name).filter((n): n is string => n !== undefined));
    for (const e of idx.entries) {
      if (!e.name || e.templatedName || !e.nameNode) continue;
      const first = idx.byName.get(e.name);
      if (!first || first === e) continue;
      const renamed = nextFreeName(e.name, taken);
      taken.add(renamed);
      ctx.report({
        node: e.nameNode,
        message: `Volume name '${e.name}' is declared twice; mount points cannot tell them apart.`,
        related: [{ node: first.nameNode, message: `volume #${first.index + 1} is named '${e.name}'` }],
        fixes: [{ title: `Rename to '${renamed}'`, preferred: true, edits: [replaceNodeEdit(e.nameNode, renamed)] }],
      });
    }
  },
});
