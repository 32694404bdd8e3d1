import { removeEdits, replaceNodeEdit } from '../fixes/edits';
import { child, str } from '../syntax/tree';
import { defineRule } from './rule';

export default defineRule({
  id: 'host-pid-mode',
  severity: 'warning',
  kinds: ['R', 'D'],
  launch: ['E', 'X', 'M', 'U'],
  category: 'security',
  summary: "pidMode 'host'",
  docs: `With \`pidMode: "host"\` every container of the task shares the instance's process namespace: it can
list every process on the host (including other tasks' processes and their command lines and environment, when
permissions allow) and send signals to them. Use it only for host-level agents that truly need it.

\`pidMode: "task"\` shares processes between the containers of this task only, which is what sidecars such as
debuggers or process monitors usually need. Fargate rejects \`host\` (\`fargate-unsupported-parameter\`).`,
  fixDocs: '"Set pidMode to \'task\'" (preferred) · "Remove pidMode".',
  examples: { bad: '{ "pidMode": "host" }', good: '{ "pidMode": "task" }' },
  sources: [
    'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html',
    'Security Hub ECS.3',
    'Checkov CKV_AWS_335',
  ],
  check(ctx) {
    const mode = child(ctx.doc.task, 'pidMode');
    if (str(mode) !== 'host') return;
    ctx.report({
      node: mode,
      message: "pidMode 'host' lets every container see and signal all processes on the instance; use 'task' to share them only inside the task.",
      fixes: () => [
        { title: "Set pidMode to 'task'", preferred: true, edits: [replaceNodeEdit(mode!, 'task')] },
        { title: 'Remove pidMode', edits: removeEdits(ctx.text, mode!) },
      ],
      dedupeKey: `host-pid-mode@${mode!.offset}`,
    });
  },
});
