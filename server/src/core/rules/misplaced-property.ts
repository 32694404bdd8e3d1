import { defineRule } from './rule';

/** Implemented by the schema validator (server/src/core/schema/translate.ts). */
export default defineRule({
  id: 'misplaced-property',
  severity: 'error',
  kinds: ['R', 'D', 'A'],
  launch: 'any',
  category: 'document',
  fromSchema: true,
  summary: "A valid key at the wrong level (e.g. runtimePlatform inside a container)",
  docs: `A key that is valid in a task definition, but not where you put it: a task-level setting such as
\`networkMode\` or \`runtimePlatform\` inside a container, a container setting at the top level, \`containerPort\`
directly on a container instead of inside \`portMappings\`, health-check timings outside \`healthCheck\`,
\`awslogs-*\` options directly under \`logConfiguration\`, EFS settings directly on a volume.

The AWS CLI rejects the file; Terraform drops the key without a word, so the task runs without the setting
(for example on X86_64 although you asked for ARM64). Move the key to where the message says.

In a container array (a Terraform \`container_definitions\` file or a \`--container-definitions\` argument), a
task-level key such as \`networkMode\` inside a container is a warning, not an error: Terraform drops it and the
task deploys, just without that setting. Set it on the \`aws_ecs_task_definition\` resource instead.`,
  subCases: ['warning: a task-level key (networkMode, family, volumes…) inside a container of a container array'],
  fixDocs: "Remove the key, or move it to where it belongs.",
  examples: {
    bad: "[ { \"name\": \"worker\", \"image\": \"worker:2.0.1\", \"runtimePlatform\": { \"cpuArchitecture\": \"ARM64\" } } ]",
    good: "[ { \"name\": \"worker\", \"image\": \"worker:2.0.1\" } ]",
  },
});
