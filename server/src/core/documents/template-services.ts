/**
 * CloudFormation services inside one template: each AWS::ECS::Service is read into the service model and checked
 * with the kind-S rules against the AWS::ECS::TaskDefinition it names (`Ref`/`!Ref` to the resource, or a literal
 * family that one of the template's task definitions declares). Target groups referenced by `TargetGroupArn` are
 * resolved for dynamic-port-health-check. Reports land on the Service's own properties.
 */
import type { Node } from 'jsonc-parser';
import { child, entries, str } from '../syntax/tree';
import type { Diagnostic, LintOptions } from '../types';
import { runServiceRules } from '../workspace/check-service';
import { serviceTask, type TargetGroupFacts } from '../workspace/service-context';
import type { Classification } from './classify';
import { isIntrinsic, type TemplateSubject } from './cfn-template';
import { readServiceObject } from './service-model';
import type { ParsedDocument } from '../syntax/parse';

export const SERVICE_TYPE = 'AWS::ECS::Service';
const TARGET_GROUP_TYPE = 'AWS::ElasticLoadBalancingV2::TargetGroup';

export interface CheckedSubject {
  subject: TemplateSubject;
  parsed: ParsedDocument;
  doc: Classification;
}

const cfnPlaceholder = (n: Node): boolean => isIntrinsic(n) || (n.type === 'string' && /\{\{resolve:/.test(n.value as string));

/** The logical id a `{ Ref: X }` / `!Ref X` value names. */
function refTarget(n: Node | undefined): string | undefined {
  if (!n || !isIntrinsic(n)) return undefined;
  return str(child(n, 'Ref'));
}

/** Raw diagnostics of every service of the template, each prefixed with the service's logical id. */
export function checkTemplateServices(text: string, root: Node | undefined, subjects: readonly CheckedSubject[], options: LintOptions): Array<{ logicalId: string; idNode: Node; diagnostics: Diagnostic[] }> {
  const resources = child(root, 'Resources');
  const out: Array<{ logicalId: string; idNode: Node; diagnostics: Diagnostic[] }> = [];
  const byId = new Map(subjects.map((s) => [s.subject.logicalId, s]));
  const targetGroup = (n: Node): TargetGroupFacts | undefined => {
    const id = refTarget(n) ?? (isIntrinsic(n) ? arnOf(n) : undefined);
    const tg = id ? child(resources, id) : undefined;
    if (!tg || str(child(tg, 'Type')) !== TARGET_GROUP_TYPE) return undefined;
    const port = child(child(tg, 'Properties'), 'HealthCheckPort');
    return { logicalId: id!, healthCheckPort: port && !cfnPlaceholder(port) ? { node: port, value: port.type === 'number' || port.type === 'string' ? String(port.value) : undefined } : port ? { node: port } : undefined };
  };
  for (const [logicalId, idNode, resource] of entries(resources)) {
    if (str(child(resource, 'Type')) !== SERVICE_TYPE) continue;
    const props = child(resource, 'Properties');
    if (!props || props.type !== 'object' || isIntrinsic(props)) continue;
    const service = readServiceObject(props, 'pascal', 'cloudformation', idNode, cfnPlaceholder);
    const tdNode = child(props, 'TaskDefinition');
    const ref = refTarget(tdNode);
    let linked = ref ? byId.get(ref) : undefined;
    if (!ref && tdNode?.type === 'string') {
      const family = tdNode.value as string;
      const same = subjects.filter((s) => str(child(s.doc.task, 'family')) === family);
      if (same.length === 1) linked = same[0];
    }
    const task = linked ? serviceTask(linked.parsed, linked.doc, undefined, `resource ${linked.subject.logicalId}`) : undefined;
    const diagnostics = runServiceRules(text, service, task, options, targetGroup);
    out.push({ logicalId, idNode, diagnostics });
  }
  return out;
}

/** `!GetAtt TG.TargetGroupArn` → `TG`. */
function arnOf(n: Node): string | undefined {
  const v = child(n, 'Fn::GetAtt');
  if (v?.type === 'string') return (v.value as string).split('.')[0];
  const first = v?.type === 'array' ? v.children?.[0] : undefined;
  return first?.type === 'string' ? (first.value as string) : undefined;
}
