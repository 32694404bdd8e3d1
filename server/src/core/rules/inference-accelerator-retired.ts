import { removeEdits } from '../fixes/edits';
import { containerLabel, hasValue } from '../documents/container-facts';
import { child, items, keyOf, str } from '../syntax/tree';
import { defineRule } from './rule';

export default defineRule({
  id: 'inference-accelerator-retired',
  severity: 'warning',
  kinds: ['R', 'D', 'A'],
  launch: ['E', 'X', 'M', 'U'],
  category: 'containers',
  summary: 'Amazon Elastic Inference accelerators (the service is gone)',
  docs: `\`inferenceAccelerators\` (task level) and \`resourceRequirements\` entries of type
\`InferenceAccelerator\` attach Amazon Elastic Inference accelerators. Elastic Inference stopped taking new
customers in April 2023 and is no longer available at all, so a task asking for an accelerator cannot be
placed. Run inference on GPU instances (\`resourceRequirements\` type \`GPU\`) or on AWS Inferentia instances
instead.

An empty \`inferenceAccelerators: []\`, common in old console exports, asks for nothing and is fine. On Fargate,
\`fargate-unsupported-parameter\` reports these settings instead.`,
  fixDocs: '"Remove inferenceAccelerators" and "Remove this resource requirement".',
  examples: {
    bad: '{ "inferenceAccelerators": [ { "deviceName": "eia", "deviceType": "eia2.medium" } ] }',
    good: '{ "inferenceAccelerators": [] }',
  },
  sources: [
    'https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ElasticInferenceAccelerator.html',
    'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_InferenceAccelerator.html',
  ],
  check(ctx) {
    const message = 'Amazon Elastic Inference is retired; remove inferenceAccelerators and use GPU or Inferentia instances.';
    const task = child(ctx.doc.task, 'inferenceAccelerators');
    if (task?.type === 'array' && hasValue(task)) {
      ctx.report({ node: keyOf(task), message, fixes: () => [{ title: 'Remove inferenceAccelerators', preferred: true, edits: removeEdits(ctx.text, task) }] });
    }
    for (const container of ctx.doc.containers) {
      for (const req of items(child(container, 'resourceRequirements'))) {
        const type = child(req, 'type');
        if (str(type) !== 'InferenceAccelerator') continue;
        ctx.report({
          node: type,
          message: `'${containerLabel(container)}' reserves an Elastic Inference accelerator, a retired service; remove it and use GPU or Inferentia instances.`,
          fixes: () => [{ title: 'Remove this resource requirement', preferred: true, edits: removeEdits(ctx.text, req) }],
        });
      }
    }
  },
});
