import { checkContainer, checkTask } from './_fargate-unsupported';
import { defineRule } from './rule';

export default defineRule({
  id: 'fargate-unsupported-parameter',
  severity: 'error',
  kinds: ['R', 'D', 'A'],
  launch: ['F'],
  category: 'fargate',
  summary: 'Parameters that Fargate rejects (placement constraints, privileged, links, host paths, …)',
  docs: `Fargate runs your task on infrastructure you do not manage, so everything that reaches into the host or
into Docker's own settings is unavailable: placement constraints, IPC and host PID namespaces, privileged
containers, \`links\`, \`hostname\`, custom DNS and hosts entries, \`disableNetworking\`, Docker security options,
GPUs and inference accelerators, host paths and Docker volume drivers, FSx for Windows volumes, devices, shared
memory size, swap settings, every added Linux capability except \`SYS_PTRACE\`, and FireLens configuration files
fetched from S3. ECS refuses such a definition when \`requiresCompatibilities\` includes \`FARGATE\`.

Empty values (\`null\`, \`""\`, \`[]\`) count as absent. \`linuxParameters.tmpfs\` is accepted since January 2026
and is not reported.`,
  fixDocs:
    "\"Remove '{parameter}'\" (preferred for most rows); `pidMode: \"host\"` → \"Set pidMode to 'task'\"; `capabilities.add` → \"Keep only SYS_PTRACE\"; a host volume's `sourcePath` → \"Remove sourcePath (task-scoped bind mount)\". No fix for a FireLens S3 config file (the file has to move into the image).",
  examples: {
    bad: '{ "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc", "containerDefinitions": [ { "name": "app", "image": "app:1.0", "privileged": true, "linuxParameters": { "capabilities": { "add": ["NET_ADMIN"] } } } ] }',
    good: '{ "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc", "containerDefinitions": [ { "name": "app", "image": "app:1.0", "linuxParameters": { "capabilities": { "add": ["SYS_PTRACE"] } } } ] }',
  },
  sources: [
    'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html',
    'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html',
    'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_KernelCapabilities.html',
    'https://github.com/aws/containers-roadmap/issues/736',
  ],
  check(ctx) {
    checkTask(ctx);
    for (const c of ctx.doc.containers) checkContainer(ctx, c);
  },
});
