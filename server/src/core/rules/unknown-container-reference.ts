import { closestName } from '../documents/task-index';
import { yamlScalar } from '../fixes/yaml-writer';
import { isWholePlaceholder, findPlaceholders } from '../syntax/placeholders';
import { defineRule } from './rule';

export default defineRule({
  id: 'unknown-container-reference',
  severity: 'error',
  kinds: ['W'],
  launch: 'any',
  category: 'deployment',
  summary: 'A workflow renders a container name that the linked task definition does not have',
  docs: `The \`amazon-ecs-render-task-definition\` action puts the new image into the container whose \`name\` equals
its \`container-name\` input. When no container in the task-definition file carries that name (a typo, a container
renamed in one file and not the other, or the image or service name used instead), the job fails at deploy time
with "Could not find container definition with matching name".

The name is read from the step's \`with:\`, or from the \`env:\` entry that \`\${{ env.X }}\` names (step, then job,
then workflow). The task-definition file is followed from the step's \`task-definition\` input, through a previous
render step's output. Names made of other expressions (secrets, vars, matrix), placeholders, templated container
lists and files the job writes itself (for example with \`aws ecs describe-task-definition\`) are not judged.`,
  fixDocs: 'Change the name to the closest container of the task definition.',
  examples: {
    bad: `- uses: aws-actions/amazon-ecs-render-task-definition@v1
  with:
    task-definition: .aws/task-definition.json   # its container is named "web"
    container-name: webapp`,
    good: `- uses: aws-actions/amazon-ecs-render-task-definition@v1
  with:
    task-definition: .aws/task-definition.json
    container-name: web`,
  },
  sources: ['https://github.com/aws-actions/amazon-ecs-render-task-definition'],
  checkWorkflow(ctx) {
    for (const step of ctx.steps) {
      const name = step.containerName;
      const path = step.taskDefinition?.value;
      if (!name || !path || step.generated || isWholePlaceholder(name.value) || findPlaceholders(name.value).length > 0) continue;
      const task = ctx.task(path);
      if (!task || task === 'missing' || !task.containers.complete || task.containers.byName.has(name.value)) continue;
      const names = [...task.containers.byName.keys()];
      const closest = closestName(name.value, names);
      const hint = closest ? ` (did you mean '${closest}'?)` : names.length ? `; it has ${names.map((n) => `'${n}'`).join(', ')}` : '; it has none';
      ctx.report({
        node: name.node,
        message: `'${clip(name.value)}' is not a container of ${path}${clip(hint)}.`,
        related: [...task.containers.byName.values()].flatMap((c) =>
          c.nameNode ? [{ file: path, range: { offset: c.nameNode.offset, length: c.nameNode.length }, message: `container '${c.name}'` }] : [],
        ),
        fixes: closest
          ? [{ title: `Change to '${closest}'`, preferred: true, edits: [{ offset: name.node.offset, length: name.node.length, content: yamlScalar(closest, ctx.text.slice(name.node.offset, name.node.offset + name.node.length)) }] }]
          : [],
      });
    }
  },
});

function clip(s: string): string {
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
}
