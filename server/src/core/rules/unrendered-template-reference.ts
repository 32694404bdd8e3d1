import { entries } from '../syntax/tree';
import { candidates, expressionKind } from './_template-expressions';
import { defineRule } from './rule';

export default defineRule({
  id: 'unrendered-template-reference',
  severity: 'error',
  kinds: ['R', 'D', 'A'],
  launch: 'any',
  category: 'document',
  summary: 'Literal Terraform/CloudFormation expressions in names, ARNs and images',
  docs: `A field that should hold a name, ARN or image holds the *text* of an infrastructure-as-code expression:
\`aws_efs_file_system.data.creation_token\`, \`var.image\`, \`Role.Arn\`, \`!GetAtt Role.Arn\`, or a
\`{"Ref": …}\` object. The tool that writes this file never evaluated it, so ECS receives the literal words —
a role called "Role.Arn", a volume that does not exist, an image that cannot be pulled.

In Terraform, interpolate the reference (\`"\${aws_iam_role.exec.arn}"\` inside \`templatefile\`, or build the JSON
with \`jsonencode\`). In CloudFormation, the task definition belongs in the template itself, where \`!GetAtt\` and
\`!Ref\` are resolved; a standalone JSON file gets no such processing.

When this rule fires, format and cross-reference checks on the same value stay silent: the value is not meant
literally, so judging its shape would only add noise.`,
  fixDocs: 'None: the right value lives in your infrastructure code.',
  examples: {
    bad: '{ "executionRoleArn": "Role.Arn", "containerDefinitions": [ { "name": "app", "image": "app:1.0", "mountPoints": [ { "sourceVolume": "aws_efs_file_system.data.creation_token", "containerPath": "/data" } ] } ] }',
    good: '{ "executionRoleArn": "arn:aws:iam::123456789012:role/app-exec", "containerDefinitions": [ { "name": "app", "image": "app:1.0", "mountPoints": [ { "sourceVolume": "data", "containerPath": "/data" } ] } ] }',
  },
  sources: [
    'https://developer.hashicorp.com/terraform/language/functions/templatefile',
    'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html',
  ],
  check(ctx) {
    for (const node of candidates(ctx)) {
      if (ctx.isPlaceholder(node)) continue;
      const tool = expressionKind(node);
      if (!tool) continue;
      const shown = node.type === 'string' ? `'${node.value as string}'` : `This ${entries(node)[0][0]} object`;
      const how = tool === 'Terraform' ? 'interpolate it with "${…}" or use jsonencode' : 'resolve it with !GetAtt or !Ref in the template';
      ctx.report({
        node,
        message: `${shown} is an unevaluated ${tool} expression, so ECS gets this text; ${how}.`,
      });
    }
  },
});
