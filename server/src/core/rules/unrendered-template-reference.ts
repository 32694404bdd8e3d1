import type { Node } from 'jsonc-parser';
import { child, entries, items } from '../tree';
import { defineRule, type RuleContext } from './rule';

// Terraform resource/data addresses and variables written as plain text instead of ${…} interpolation.
const TERRAFORM = [
  /^(aws|azurerm|google)_[a-z0-9_]+\.[\w-]+(\.[\w[\]"*-]+)+$/,
  /^(var|local|module|data)\.[A-Za-z_][\w-]*(\.[\w[\]"*-]+)*$/,
];
// CloudFormation intrinsic functions as text, and the `Resource.Arn` shorthand of !GetAtt.
const CLOUDFORMATION = [/^!(Ref|GetAtt|Sub|Join|ImportValue|Select|FindInMap|If|Base64|Split|GetAZs|Cidr)\b/, /Fn::[A-Z][A-Za-z]*/];
const GETATT_SHORTHAND = /^[A-Za-z][A-Za-z0-9]*\.(Arn|Name|Outputs\.\w+)$/;

type Tool = 'Terraform' | 'CloudFormation';

export function expressionKind(node: Node): Tool | undefined {
  if (node.type === 'object') {
    const keys = entries(node).map(([k]) => k);
    return keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::')) ? 'CloudFormation' : undefined;
  }
  if (node.type !== 'string') return undefined;
  const s = (node.value as string).trim();
  if (TERRAFORM.some((re) => re.test(s))) return 'Terraform';
  if (CLOUDFORMATION.some((re) => re.test(s)) || GETATT_SHORTHAND.test(s)) return 'CloudFormation';
  return undefined;
}

/** Value nodes of the name/ARN/image fields this rule looks at. */
function candidates(ctx: RuleContext): Node[] {
  const out: Array<Node | undefined> = [];
  const task = ctx.doc.task;
  out.push(child(task, 'executionRoleArn'), child(task, 'taskRoleArn'), child(child(task, 'proxyConfiguration'), 'containerName'));
  for (const v of items(child(task, 'volumes'))) {
    const efs = child(v, 'efsVolumeConfiguration');
    out.push(child(v, 'name'), child(efs, 'fileSystemId'), child(child(efs, 'authorizationConfig'), 'accessPointId'));
  }
  for (const c of ctx.doc.containers) {
    out.push(child(c, 'image'), child(child(c, 'repositoryCredentials'), 'credentialsParameter'));
    for (const s of items(child(c, 'secrets'))) out.push(child(s, 'valueFrom'));
    for (const s of items(child(child(c, 'logConfiguration'), 'secretOptions'))) out.push(child(s, 'valueFrom'));
    for (const f of items(child(c, 'environmentFiles'))) out.push(child(f, 'value'));
    for (const m of items(child(c, 'mountPoints'))) out.push(child(m, 'sourceVolume'));
    for (const m of items(child(c, 'volumesFrom'))) out.push(child(m, 'sourceContainer'));
    for (const d of items(child(c, 'dependsOn'))) out.push(child(d, 'containerName'));
    out.push(...items(child(c, 'links')));
  }
  return out.filter((n): n is Node => !!n);
}

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
      const how = tool === 'Terraform' ? 'interpolate it as "${…}" in templatefile or build the JSON with jsonencode' : 'resolve it in the CloudFormation template (!GetAtt/!Ref) instead of a standalone JSON file';
      ctx.report({
        node,
        message: `${shown} looks like a ${tool} expression that was never evaluated; ECS will receive this literal text (${how}).`,
      });
    }
  },
});
