import { replaceNodeEdit } from '../fixes/edits';
import { containerIndex, duplicateNames } from '../documents/task-index';
import { defineRule } from './rule';

export default defineRule({
  id: 'duplicate-container-name',
  severity: 'error',
  kinds: ['R', 'D', 'A'],
  launch: 'any',
  category: 'containers',
  summary: 'Two containers share a name',
  docs: `Two containers in the same task have the same \`name\`. Container names identify containers inside a
task: \`dependsOn\`, \`links\`, \`volumesFrom\`, the proxy configuration, load balancers and Service Connect all
refer to them by name, so ECS refuses a task definition that repeats one.

The first container keeps the name; each later one is reported. Give it a name that says what it runs.
Names are compared exactly (\`web\` and \`Web\` are different names).`,
  fixDocs: "Rename the later container to '{name}-2' (or the next free suffix).",
  examples: {
    bad: '[ { "name": "web", "image": "nginx:1.27" }, { "name": "web", "image": "php-fpm:8.3" } ]',
    good: '[ { "name": "web", "image": "nginx:1.27" }, { "name": "php", "image": "php-fpm:8.3" } ]',
  },
  sources: ['https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html'],
  check(ctx) {
    for (const d of duplicateNames(containerIndex(ctx.doc, ctx.parsed))) {
      ctx.report({
        node: d.nameNode,
        message: `Container name '${d.name}' is already used by container #${d.first.index + 1}.`,
        related: [{ node: d.first.nameNode, message: `container #${d.first.index + 1} is named '${d.name}'` }],
        fixes: [{ title: `Rename to '${d.renamed}'`, preferred: true, edits: [replaceNodeEdit(d.nameNode, d.renamed)] }],
      });
    }
  },
});
