import { runsOnFargate } from '../documents/service-model';
import { defineRule } from './rule';
import { clip, taskRelated } from './_service';

export default defineRule({
  id: 'launch-type-incompatible',
  severity: 'error',
  kinds: ['S'],
  launch: 'any',
  category: 'deployment',
  summary: "A service runs on a launch type that the task definition's requiresCompatibilities does not allow",
  docs: `ECS validates a task definition against the launch types in its \`requiresCompatibilities\` when it is
registered, and a service can only run it on one of those. A service that runs on Fargate (\`launchType: FARGATE\`,
or a \`FARGATE\`/\`FARGATE_SPOT\` capacity provider) with a task definition that lists only \`EC2\` fails with "Task
definition does not support launch_type FARGATE"; the same holds for \`EC2\` and \`EXTERNAL\` launch types missing from
the list.

A task definition without \`requiresCompatibilities\` is judged only for Fargate, and only when its network mode is
not \`awsvpc\` (Fargate cannot run it then), as cfn-lint's E3054 does. A templated list or launch type is not judged.`,
  examples: {
    bad: '{ "serviceName": "web", "taskDefinition": "web", "launchType": "FARGATE" }  // web: "requiresCompatibilities": ["EC2"]',
    good: '{ "serviceName": "web", "taskDefinition": "web", "launchType": "EC2" }',
  },
  sources: ['https://docs.aws.amazon.com/AmazonECS/latest/developerguide/launch_types.html', 'cfn-lint E3054'],
  checkService(ctx) {
    const task = ctx.task;
    if (!task || !task.requiresKnown) return;
    const fargate = runsOnFargate(ctx.service);
    const lt = ctx.service.launchType;
    const runsOn = fargate ? { field: fargate, type: 'FARGATE' } : lt?.value && ['EC2', 'EXTERNAL'].includes(lt.value) ? { field: lt, type: lt.value } : undefined;
    if (!runsOn) return;
    const req = task.requires;
    if (req ? req.includes(runsOn.type) : runsOn.type !== 'FARGATE' || task.networkMode === 'awsvpc' || task.networkMode === null) return;
    const how = runsOn.field === lt ? `launchType ${runsOn.type}` : `capacity provider ${runsOn.field.value}`;
    const why = req ? `its requiresCompatibilities is [${req.join(', ')}]` : 'it has no requiresCompatibilities and its network mode is not awsvpc';
    ctx.report({
      node: runsOn.field.node,
      message: `This service runs on ${how}, which ${clip(task.label)} does not support: ${why}.`,
      related: taskRelated(task, task.requiresNode ?? task.networkModeNode, 'the task definition\'s compatibilities'),
    });
  },
});
