import { editDistance } from '../schema/suggest';
import { yamlScalar } from '../fixes/yaml-writer';
import { findPlaceholders, isWholePlaceholder } from '../syntax/placeholders';
import { dirOf } from '../workspace/workflow';
import { defineRule } from './rule';

export default defineRule({
  id: 'unknown-task-definition-file',
  severity: 'error',
  kinds: ['W'],
  launch: 'any',
  category: 'deployment',
  summary: "A workflow's task-definition path names a file that is not in the repository",
  docs: `The \`amazon-ecs-render-task-definition\` and \`amazon-ecs-deploy-task-definition\` actions read the file
named by \`task-definition\`, relative to the repository root (the folder that holds \`.github\`). When no such file
exists, the job fails when it reaches that step, after the image was built and pushed. A one-letter slip in the file
or folder name is the usual cause; the message suggests the closest file in that folder.

The path is read from the step's \`with:\`, or from the \`env:\` entry that \`\${{ env.X }}\` names. Paths built from
other expressions, placeholders (\`MY_ECS_TASK_DEFINITION\` in the starter workflow), absolute paths, and files the job
writes before the step (a \`run:\` that names the file or calls \`describe-task-definition\`, a downloaded artifact,
a third-party action) are not judged.`,
  fixDocs: 'Change the path to the closest existing file in the same folder (at most two letters apart).',
  examples: {
    bad: `- uses: aws-actions/amazon-ecs-render-task-definition@v1
  with:
    task-definition: .aws/task-defintion.json
    container-name: web`,
    good: `- uses: aws-actions/amazon-ecs-render-task-definition@v1
  with:
    task-definition: .aws/task-definition.json
    container-name: web`,
  },
  sources: ['https://github.com/aws-actions/amazon-ecs-deploy-task-definition'],
  checkWorkflow(ctx) {
    const seen = new Set<number>();
    for (const step of ctx.steps) {
      const td = step.taskDefinition;
      if (!td || step.generated || seen.has(td.node.offset) || ctx.task(td.value) !== 'missing') continue;
      const raw = ctx.text.slice(td.node.offset, td.node.offset + td.node.length);
      if (isWholePlaceholder(td.value, ctx.placeholders) || findPlaceholders(td.value, ctx.placeholders).length > 0 || findPlaceholders(raw, ctx.placeholders).length > 0) continue;
      seen.add(td.node.offset); // a path set once in env and used by two steps is one mistake
      const dir = dirOf(td.value);
      const base = td.value.slice(dir ? dir.length + 1 : 0);
      const near = nearest(base, ctx.listing(dir) ?? []);
      const suggestion = near === undefined ? undefined : dir ? `${dir}/${near}` : near;
      ctx.report({
        node: td.node,
        message: `No file ${clip(td.value)} in this repository${suggestion ? ` (did you mean '${clip(suggestion)}'?)` : '; the step would fail'}.`,
        fixes: suggestion ? [{ title: `Change to '${suggestion}'`, preferred: true, edits: [{ offset: td.node.offset, length: td.node.length, content: yamlScalar(suggestion, raw) }] }] : [],
      });
    }
  },
});

/** The one file name at most two edits from `name` (case-insensitive); none when two tie. */
function nearest(name: string, names: readonly string[]): string | undefined {
  const scored = names.map((n) => ({ n, d: editDistance(name.toLowerCase(), n.toLowerCase(), 2) })).filter((x) => x.d <= 2 && x.n !== name);
  scored.sort((a, b) => a.d - b.d);
  if (scored.length === 0 || (scored.length > 1 && scored[1].d === scored[0].d)) return undefined;
  return scored[0].n;
}

function clip(s: string): string {
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
}
