import { closestName } from '../documents/task-index';
import { yamlScalar } from '../fixes/yaml-writer';
import type { ContainerTarget } from '../documents/service-model';
import type { ServiceRuleContext } from '../workspace/service-context';
import { containersRelated } from './_service';
import { isWholePlaceholder, findPlaceholders } from '../syntax/placeholders';
import { defineRule } from './rule';

export default defineRule({
  id: 'unknown-container-reference',
  severity: 'error',
  kinds: ['W', 'S'],
  launch: 'any',
  category: 'deployment',
  summary: 'A workflow, appspec or service names a container that the linked task definition does not have',
  docs: `The \`amazon-ecs-render-task-definition\` action puts the new image into the container whose \`name\` equals
its \`container-name\` input. When no container in the task-definition file carries that name (a typo, a container
renamed in one file and not the other, or the image or service name used instead), the job fails at deploy time
with "Could not find container definition with matching name".

The name is read from the step's \`with:\`, or from the \`env:\` entry that \`\${{ env.X }}\` names (step, then job,
then workflow). The task-definition file is followed from the step's \`task-definition\` input, through a previous
render step's output. Names made of other expressions (secrets, vars, matrix), placeholders, templated container
lists and files the job writes itself (for example with \`aws ecs describe-task-definition\`) are not judged.

The same mistake in the files that run the task definition as a service: a CodeDeploy appspec's
\`LoadBalancerInfo.ContainerName\` (checked against \`taskdef.json\` beside it, the CodePipeline convention), a service
definition's \`loadBalancers[].containerName\` and \`serviceRegistries[].containerName\` (checked against the task
definition file with the family it names, or the one its ecspresso config names), and a CloudFormation
\`AWS::ECS::Service\` against the \`AWS::ECS::TaskDefinition\` of the same template. ECS refuses to create or update
the service, or CodeDeploy fails the deployment, because the load balancer has no container to send traffic to.`,
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
  sources: [
    'https://github.com/aws-actions/amazon-ecs-render-task-definition',
    'https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-resources.html',
    'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LoadBalancer.html',
  ],
  checkService(ctx) {
    for (const t of [...ctx.service.loadBalancers, ...ctx.service.serviceRegistries]) checkTarget(ctx, t);
  },
  checkWorkflow(ctx) {
    for (const step of ctx.steps) {
      const name = step.containerName;
      const path = step.taskDefinition?.value;
      if (!name || !path || step.generated || isWholePlaceholder(name.value, ctx.placeholders) || findPlaceholders(name.value, ctx.placeholders).length > 0) continue;
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

/** A load balancer or registry entry whose containerName the linked task definition lacks. */
function checkTarget(ctx: ServiceRuleContext, t: ContainerTarget): void {
  const task = ctx.task;
  const name = t.containerName;
  if (!task || !name || name.value === undefined || !task.containers.complete || task.containers.byName.has(name.value)) return;
  if (isWholePlaceholder(name.value, ctx.placeholders) || findPlaceholders(name.value, ctx.placeholders).length > 0) return;
  const names = [...task.containers.byName.keys()];
  const closest = closestName(name.value, names);
  const hint = closest ? ` (did you mean '${closest}'?)` : names.length ? `; it has ${names.map((n) => `'${n}'`).join(', ')}` : '; it has none';
  const raw = ctx.text.slice(name.node.offset, name.node.offset + name.node.length);
  const content = closest === undefined ? '' : raw.startsWith('"') ? JSON.stringify(closest) : yamlScalar(closest, raw);
  ctx.report({
    node: name.node,
    message: `'${clip(name.value)}' is not a container of ${clip(task.label)}${clip(hint)}.`,
    related: containersRelated(task),
    fixes: closest ? [{ title: `Change to '${closest}'`, preferred: true, edits: [{ offset: name.node.offset, length: name.node.length, content }] }] : [],
  });
}

function clip(s: string): string {
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
}
