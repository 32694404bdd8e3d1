import { familyOf } from '../documents/service-model';
import { defineRule } from './rule';
import { clip } from './_service';

export default defineRule({
  id: 'service-task-definition-format',
  severity: 'error',
  kinds: ['S'],
  launch: 'any',
  category: 'deployment',
  summary: "A service's taskDefinition is not a family, family:revision or task definition ARN (e.g. the container JSON)",
  docs: `A service names the task definition it runs: a family (\`web\`, the latest ACTIVE revision), \`family:revision\`
(\`web:12\`) or the full ARN (\`arn:aws:ecs:us-east-1:111122223333:task-definition/web:12\`). Anything else is
refused by CreateService and UpdateService ("Invalid revision number" or "Unable to describe task definition").

In Terraform the slip is passing the containers instead of the task definition: \`task_definition =
jsonencode([...])\`, \`file("containers.json")\`, a heredoc of JSON, or
\`aws_ecs_task_definition.web.container_definitions\`. Reference the resource instead:
\`aws_ecs_task_definition.web.arn\` (one revision) or \`.family\` / \`.arn_without_revision\` (the latest).

References, variables and templated values are known only at deploy time and are not judged.`,
  examples: {
    bad: 'resource "aws_ecs_service" "web" { task_definition = jsonencode([{ name = "web", image = "nginx:1.27" }]) }',
    good: 'resource "aws_ecs_service" "web" { task_definition = aws_ecs_task_definition.web.arn }',
  },
  sources: ['https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html', 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecs_service'],
  checkService(ctx) {
    const s = ctx.service;
    if (s.taskDefinitionMisuse) {
      ctx.report({
        node: s.taskDefinitionMisuse.node,
        message: `taskDefinition is ${clip(s.taskDefinitionMisuse.what, 60)}, not a task definition; use the resource's arn or family.`,
      });
      return;
    }
    const td = s.taskDefinition;
    if (td?.value === undefined || td.value.trim() === '' || familyOf(td.value)) return;
    const v = td.value.trim();
    const what = /^[[{]/.test(v) ? 'JSON, not a task definition name' : 'not a family, family:revision or task definition ARN';
    ctx.report({ node: td.node, message: `taskDefinition '${clip(v, 40)}' is ${what}; name the family, family:revision or ARN to run.` });
  },
});
