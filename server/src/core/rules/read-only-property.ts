import { DESCRIBE_ONLY_KEYS } from '../documents/classify';
import { toRegisterInputEdit } from '../fixes/convert';
import { removeEdits } from '../fixes/edits';
import { entries, keyOf } from '../syntax/tree';
import type { Node } from 'jsonc-parser';
import type { Diagnostic, Fix } from '../types';
import { defineRule } from './rule';

const READ_ONLY = new Set<string>(DESCRIBE_ONLY_KEYS);

export default defineRule({
  id: 'read-only-property',
  severity: 'warning',
  kinds: ['R', 'D'],
  launch: 'any',
  category: 'document',
  summary: 'Keys that only describe-task-definition returns, or its taskDefinition wrapper',
  subCases: ['hint: the other describe-only keys of the same file, shown faded (the first one carries the finding)'],
  docs: `This file was saved from \`aws ecs describe-task-definition\` (or the console's JSON view), not written
as input for \`register-task-definition\`. The describe call wraps the definition in \`{"taskDefinition": …}\` and
adds keys that ECS computes itself: \`taskDefinitionArn\`, \`revision\`, \`status\`, \`requiresAttributes\`,
\`compatibilities\`, \`registeredAt\`, \`registeredBy\`, \`deregisteredAt\` and \`deleteRequestedAt\`.

The AWS CLI refuses all of them. The GitHub action amazon-ecs-deploy-task-definition silently deletes the first
eight keys before registering, which is why such files often "work" in CI — but it neither unwraps
\`taskDefinition\` nor drops \`deleteRequestedAt\`. Keep the file as register input: the "Convert to register input"
fix unwraps the object, drops the computed keys and moves the describe call's \`tags\` into the task.`,
  fixDocs:
    "One finding per file: the first describe-only key (or the wrapper) carries the warning and lists the others, which are shown faded as hints. \"Convert to register input\" (preferred): unwraps `taskDefinition` and re-indents its body, removes every read-only key, moves a non-empty sibling `tags` array into the task and drops an empty one; comments and formatting are kept. \"Remove '{key}'\" removes one key.",
  examples: {
    bad: '{ "taskDefinition": { "taskDefinitionArn": "arn:aws:ecs:eu-west-1:123456789012:task-definition/web:7", "revision": 7, "status": "ACTIVE", "family": "web", "containerDefinitions": [ { "name": "web", "image": "nginx:1.27" } ] }, "tags": [] }',
    good: '{ "family": "web", "containerDefinitions": [ { "name": "web", "image": "nginx:1.27" } ] }',
  },
  sources: [
    'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html',
    'https://github.com/aws-actions/amazon-ecs-deploy-task-definition',
  ],
  check(ctx) {
    const { task, wrapper } = ctx.doc;
    if (!task || (!wrapper && !entries(task).some(([k]) => READ_ONLY.has(k)))) return;
    // The conversion rewrites the whole file: build it once, and only when a fix is asked for.
    let converted: Fix[] | undefined;
    const convert = (): Fix[] => {
      if (!converted) {
        const edit = toRegisterInputEdit(ctx.text);
        converted = edit ? [{ title: 'Convert to register input', preferred: true, edits: [edit] }] : [];
      }
      return converted;
    };
    const wrapperKey = keyOf(wrapper);
    const found: Array<[string, Node]> = entries(task).filter(([k]) => READ_ONLY.has(k)).map(([k, n]) => [k, n]);
    const nameAt = new Map(found.map(([k, n]) => [n.offset, k]));
    // One finding per file: the first report leads, names how many keys follow and lists them; the rest fade.
    const lead = (first: string) => (others: ReadonlyArray<Diagnostic>) => ({
      message:
        first === 'taskDefinition'
          ? `This is describe-task-definition output with ${others.length} read-only key${others.length > 1 ? 's' : ''}; convert it to register input.`
          : `'${first}' and ${others.length} more key${others.length > 1 ? 's' : ''} come from describe-task-definition; convert the file to register input.`,
      related: others.map((o) => ({ range: o.range, message: `'${nameAt.get(o.range.offset) ?? 'this key'}' is read-only too` })),
      fixes: convert,
    });
    const group = (first: string) => ({ key: 'describe-output', lead: lead(first) });
    if (wrapperKey) {
      ctx.report({
        node: wrapperKey,
        message: "This is describe-task-definition output; the register input is the object inside 'taskDefinition'.",
        fixes: convert,
        group: group('taskDefinition'),
      });
    }
    for (const [key, keyNode] of found) {
      ctx.report({
        node: keyNode,
        message: `'${key}' comes from describe-task-definition; register-task-definition does not accept it.`,
        fixes: () => [...convert(), { title: `Remove '${key}'`, edits: removeEdits(ctx.text, keyNode) }],
        group: group(key),
      });
    }
  },
});
