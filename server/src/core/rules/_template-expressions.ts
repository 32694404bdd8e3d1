/** Literal infrastructure-as-code expressions (rule unrendered-template-reference): patterns and the fields to check. */
import type { Node } from 'jsonc-parser';
import { child, entries, items } from '../syntax/tree';
import type { RuleContext } from './rule';

// Terraform resource/data addresses and variables written as plain text instead of ${…} interpolation.
const TERRAFORM = [
  /^(aws|azurerm|google)_[a-z0-9_]+\.[\w-]+(\.[\w[\]"*-]+)+$/,
  /^(var|local|module|data)\.[A-Za-z_][\w-]*(\.[\w[\]"*-]+)*$/,
];
// CloudFormation intrinsic functions as text, and the `Resource.Arn` shorthand of !GetAtt.
const CLOUDFORMATION = [/^!(Ref|GetAtt|Sub|Join|ImportValue|Select|FindInMap|If|Base64|Split|GetAZs|Cidr)\b/, /Fn::[A-Z][A-Za-z]*/];
const GETATT_SHORTHAND = /^[A-Za-z][A-Za-z0-9]*\.(Arn|Name|Outputs\.\w+)$/;

export type Tool = 'Terraform' | 'CloudFormation';

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
export function candidates(ctx: RuleContext): Node[] {
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
