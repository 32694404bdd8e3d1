import { getNodeValue, type Node } from 'jsonc-parser';
import { removeEdits } from '../fixes/edits';
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

When the two values differ (a real \`portMappings\` list followed by \`"portMappings": []\`), the earlier value
is silently lost, so the port, variable or setting you wrote is not there: that is an error. When both values
are the same, nothing is lost and it is a warning.

Keys that differ only in case (\`essential\` and \`Essential\`) are not duplicates: the wrong-case one is
reported as \`unknown-property\`.`,
  subCases: ['error: the ignored value differs from the one that takes effect (warning when both are equal)'],
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
      const ignoredValue = ignored.children?.[1];
      // A templated value may render to the same thing: only a certain difference is an error.
      const differs = !!winnerValue && !!ignoredValue && !ctx.isPlaceholder(ignoredValue) && !ctx.isPlaceholder(winnerValue) && canonical(ignoredValue) !== canonical(winnerValue);
      const shownWinner = shown(ctx.text, winnerValue);
      ctx.report({
        node: keyNode,
        severity: differs ? 'error' : undefined,
        message: differs
          ? `'${key}' is repeated with a different value: this one (${shown(ctx.text, ignoredValue)}) is dropped, only ${shownWinner} is used.`
          : `'${key}' is repeated in this object; only the last value (${shownWinner}) is used.`,
        related: [{ node: winner.children![0], message: `the '${key}' that takes effect` }],
        fixes: () => [
          { title: `Remove this earlier '${key}'`, preferred: true, edits: removeEdits(ctx.text, keyNode) },
          { title: `Keep this one, remove the later '${key}'`, edits: removeEdits(ctx.text, winner.children![0]) },
        ],
      });
    }
  },
});

/** The value's text on one line, cut to 40 characters. */
function shown(text: string, node: Node | undefined): string {
  const raw = node ? text.slice(node.offset, node.offset + node.length).replace(/\s+/g, ' ') : '…';
  return raw.length > 40 ? `${raw.slice(0, 39)}…` : raw;
}

/** The value as JSON with object keys sorted, so `{a,b}` and `{b,a}` count as the same. */
function canonical(node: Node): string {
  return JSON.stringify(getNodeValue(node), (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}
