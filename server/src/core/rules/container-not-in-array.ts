import { defineRule } from './rule';

export default defineRule({
  id: 'container-not-in-array',
  severity: 'error',
  kinds: ['A'],
  launch: 'any',
  category: 'document',
  summary: 'One container object where a container array is expected (wrap it in [ ])',
  docs: `The file holds a single container definition — an object with \`name\` and \`image\` but no \`family\` or
\`containerDefinitions\` — where a list of containers is expected: the file given to
\`aws ecs register-task-definition --container-definitions file://…\`, or the JSON in Terraform's
\`container_definitions\`. Both want an array, even for one container, and refuse a bare object.

Wrap the object in \`[ ]\`. The linter reads the object as that one container, so container checks still apply
(and task-level advice such as "cpu must be a string" does not). If the file was meant to be a whole task
definition, add \`family\` and put the container inside \`containerDefinitions\` instead.`,
  fixDocs: 'Wrap in [ ]: puts the object inside an array, leaving its text and comments as they are.',
  examples: {
    bad: '{ "name": "web", "image": "nginx:1.27", "cpu": 256, "memory": 512, "essential": true }',
    good: '[ { "name": "web", "image": "nginx:1.27", "cpu": 256, "memory": 512, "essential": true } ]',
  },
  sources: [
    'https://docs.aws.amazon.com/cli/latest/reference/ecs/register-task-definition.html (--container-definitions: a list)',
    'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecs_task_definition (container_definitions)',
  ],
  check(ctx) {
    const container = ctx.doc.loneContainer ? ctx.doc.containers[0] : undefined;
    if (!container) return;
    const end = container.offset + container.length;
    ctx.report({
      range: { offset: container.offset, length: 1 },
      message: 'This file holds one container object, but container definitions are a list (also for one container). Wrap it in [ ].',
      fixes: [
        {
          title: 'Wrap in [ ]',
          preferred: true,
          edits: [
            { offset: container.offset, length: 0, content: '[' },
            { offset: end, length: 0, content: ']' },
          ],
        },
      ],
    });
  },
});
