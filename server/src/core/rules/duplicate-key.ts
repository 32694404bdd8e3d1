import { removeEdits } from '../edits';
import { defineRule } from './rule';

export default defineRule({
  id: 'duplicate-key',
  severity: 'warning',
  kinds: ['R', 'D', 'A'],
  launch: 'any',
  category: 'document',
  summary: 'A key repeated in one object (only the last one counts)',
  docs: `The same key appears twice in one object. JSON parsers used by the AWS CLI, the JavaScript SDK and
Terraform keep only the last value and silently drop the earlier ones, so the earlier value never reaches ECS.
This is usually a copy-and-paste leftover; decide which value you mean and delete the other.

Keys that differ only in case (\`essential\` and \`Essential\`) are not duplicates: the wrong-case one is
reported as \`unknown-property\`.`,
  fixDocs: 'Remove the earlier, ignored occurrence (preferred), or keep it and remove the later one.',
  examples: {
    bad: '{ "name": "job", "image": "busybox:1.36", "essential": false, "essential": true }',
    good: '{ "name": "job", "image": "busybox:1.36", "essential": true }',
  },
  check(ctx) {
    for (const { ignored, winner } of ctx.parsed.duplicateKeys) {
      const keyNode = ignored.children![0];
      const key = String(keyNode.value);
      const winnerValue = winner.children?.[1];
      const raw = winnerValue ? ctx.text.slice(winnerValue.offset, winnerValue.offset + winnerValue.length).replace(/\s+/g, ' ') : '…';
      const shown = raw.length > 40 ? `${raw.slice(0, 39)}…` : raw;
      ctx.report({
        node: keyNode,
        message: `'${key}' is repeated in this object; only the last value (${shown}) is used.`,
        related: [{ node: winner.children![0], message: `the '${key}' that takes effect` }],
        fixes: () => [
          { title: `Remove this earlier '${key}'`, preferred: true, edits: removeEdits(ctx.text, keyNode) },
          { title: `Keep this one, remove the later '${key}'`, edits: removeEdits(ctx.text, winner.children![0]) },
        ],
      });
    }
  },
});
