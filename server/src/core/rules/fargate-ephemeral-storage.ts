import { FARGATE_EPHEMERAL_STORAGE_GIB as RANGE } from '../facts';
import { child, num } from '../syntax/tree';
import type { Fix } from '../types';
import { removeFix, setFix } from './_task-size';
import { defineRule } from './rule';

export default defineRule({
  id: 'fargate-ephemeral-storage',
  severity: 'error',
  kinds: ['R', 'D'],
  launch: 'any',
  category: 'fargate',
  summary: 'ephemeralStorage.sizeInGiB outside 21–200',
  docs: `\`ephemeralStorage\` asks Fargate for more scratch disk than the 20 GiB every task gets. The API takes a
whole number of GiB from 21 to 200: 20 or less is not "more" and is refused, and 200 is the ceiling. The range is
checked whatever the launch type (only Fargate uses the setting).

If 20 GiB is enough, leave \`ephemeralStorage\` out; if you need more than 200 GiB, mount an EFS file system or an
EBS volume instead.`,
  fixDocs:
    'Values of 20 or less: "Remove ephemeralStorage (the 20 GiB default applies)" (preferred) or "Set to 21". Above 200: "Set to 200" (preferred). A fraction inside the range is rounded down or up.',
  examples: { bad: '{ "ephemeralStorage": { "sizeInGiB": 500 } }', good: '{ "ephemeralStorage": { "sizeInGiB": 200 } }' },
  sources: [
    'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_EphemeralStorage.html',
    'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-storage.html',
  ],
  check(ctx) {
    const storage = child(ctx.doc.task, 'ephemeralStorage');
    const node = child(storage, 'sizeInGiB');
    const value = num(node);
    if (!node || value === undefined || ctx.isPlaceholder(node)) return;
    if (Number.isInteger(value) && value >= RANGE.min && value <= RANGE.max) return;
    const fixes = (): Fix[] => {
      // Removing the object scans the text around it: built when a fix is asked for.
      if (value <= RANGE.default!) return [removeFix(ctx.text, storage!, true, `Remove ephemeralStorage (the ${RANGE.default} GiB default applies)`), setFix(`Set to ${RANGE.min}`, node, RANGE.min)];
      if (value > RANGE.max) return [setFix(`Set to ${RANGE.max}`, node, RANGE.max, true)];
      const down = Math.max(RANGE.min, Math.floor(value));
      const up = Math.min(RANGE.max, Math.ceil(value));
      return up !== down ? [setFix(`Set to ${down}`, node, down, true), setFix(`Set to ${up}`, node, up)] : [setFix(`Set to ${down}`, node, down, true)];
    };
    ctx.report({
      node,
      message: `ephemeralStorage.sizeInGiB must be a whole number from ${RANGE.min} to ${RANGE.max} (omit it for ${RANGE.default} GiB); got ${ctx.text.slice(node.offset, node.offset + node.length)}.`,
      fixes,
    });
  },
});
