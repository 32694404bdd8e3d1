/**
 * Terraform services inside one .tf file: each `resource "aws_ecs_service"` is read into the service model and
 * checked with the kind-S rules against the aws_ecs_task_definition its `task_definition` references (`.arn`,
 * `.family`, `.arn_without_revision`, `"${….family}:${….revision}"`), or a literal family that one of the file's task
 * definitions declares. Terraform flattens what the API nests: `network_configuration` is the awsvpcConfiguration,
 * the deployment_* arguments sit on the resource. Reports land on the service's HCL, named by its address, worded
 * with Terraform's argument names. References, functions and `dynamic` blocks are unknown, never a finding.
 */
import type { Node } from 'jsonc-parser';
import type { Classification } from './classify';
import { readServiceObject, type Field, type ServiceModel } from './service-model';
import type { TfModule, TfService } from './tf-module';
import { child, str } from '../syntax/tree';
import type { ParsedDocument } from '../syntax/parse';
import type { Diagnostic, LintOptions } from '../types';
import { runServiceRules } from '../workspace/check-service';
import { serviceTask } from '../workspace/service-context';
import { finalize, mapFixes } from '../lint';
import type { Fix, TextEdit } from '../types';
import { hclLiteral } from '../fixes/hcl-writer';
import { resolvedNote, shortenAddress, tfWording } from './tf-names';

export interface TfCheckedSubject {
  address: string;
  /** The module file that declares it, when not the file being linted; `text` is that file's text. */
  file?: string;
  text?: string;
  parsed: ParsedDocument;
  doc: Classification;
  /**
   * Containers loaded with file()/templatefile(): `file`/`text` are then the JSON's, and a range at or past `shift`
   * is a task argument of the resource, at that offset minus `shift` in its .tf file (`file` undefined: the linted one).
   */
  loadedFrom?: { shift: number; file?: string; text?: string };
}

/** The service model of one aws_ecs_service block. `module` tells whether the cluster's default strategy is in sight. */
export function readTfService(text: string, svc: TfService, clusterStrategyInSight: boolean): ServiceModel {
  // A node is unknown when it is an expression, holds one, or is a string with interpolations (`"${….family}:${….revision}"`).
  const isPh = (n: Node) => {
    if (svc.placeholderOffsets.has(n.offset)) return true;
    if (n.type === 'string' && /[$%]\{/.test(String(n.value))) return true; // an interpolated string keeps its `${…}`
    for (const o of svc.placeholderOffsets) if (o > n.offset && o < n.offset + n.length) return true;
    return false;
  };
  const anchor = { type: 'string', value: svc.address, offset: svc.header.offset, length: svc.header.length } as Node;
  const root = svc.root;
  const model = readServiceObject(root, 'api', 'terraform', anchor, isPh);
  const dyn = (name: string): Node | undefined => {
    const d = svc.dynamicBlocks.get(name);
    if (!d) return undefined;
    // A `dynamic` block: present or not, and with what, is known only when Terraform runs.
    svc.placeholderOffsets.add(d.offset);
    return { type: 'string', value: `\${dynamic ${name}}`, offset: d.offset, length: d.length } as Node;
  };
  // network_configuration { subnets, security_groups, assign_public_ip } is the API's awsvpcConfiguration.
  const net = child(root, 'networkConfiguration') ?? dyn('network_configuration');
  model.networkConfiguration = net;
  model.awsvpcConfiguration = net;
  const pub = child(net, 'assignPublicIp');
  model.assignPublicIp = pub ? boolField(pub, isPh) : undefined;
  if (!model.capacityProviderStrategy) model.capacityProviderStrategy = dyn('capacity_provider_strategy');
  model.maximumPercent = intField(child(root, 'deploymentMaximumPercent'), isPh);
  model.minimumHealthyPercent = intField(child(root, 'deploymentMinimumHealthyPercent'), isPh);
  const breaker = child(root, 'deploymentCircuitBreaker') ?? dyn('deployment_circuit_breaker');
  model.circuitBreaker = breaker ? { node: breaker, enable: boolField(child(breaker, 'enable'), isPh), rollback: boolField(child(breaker, 'rollback'), isPh) } : undefined;
  if (breaker && isPh(breaker)) model.deploymentConfiguration = breaker; // rules leave a templated configuration alone
  const alarms = child(root, 'alarms');
  model.alarmRollback = boolField(child(alarms, 'enable'), isPh)?.value === true && boolField(child(alarms, 'rollback'), isPh)?.value === true;
  const ctl = dyn('deployment_controller');
  if (ctl) model.deploymentController = { node: ctl };
  if (svc.taskDefinitionMisuse) model.taskDefinitionMisuse = { node: { type: 'string', offset: svc.taskDefinitionMisuse.offset, length: svc.taskDefinitionMisuse.length } as Node, what: svc.taskDefinitionMisuse.what };
  model.defaultStrategyUnseen = !clusterStrategyInSight;
  return model;
}

/** True when the file sets a cluster's default capacity provider strategy (then a service without one may use it). */
export function clusterStrategyInSight(text: string, module: TfModule): boolean {
  return [...module.resources].some((r) => r.startsWith('aws_ecs_cluster_capacity_providers.')) || /\bdefault_capacity_provider_strategy\b/.test(text);
}

/** Diagnostics of every aws_ecs_service of the file, finalized, prefixed with the service's address. */
export function checkTerraformServices(text: string, module: TfModule, subjects: readonly TfCheckedSubject[], options: LintOptions, strategyElsewhere = false): Diagnostic[] {
  const out: Diagnostic[] = [];
  const inSight = strategyElsewhere || clusterStrategyInSight(text, module);
  for (const svc of module.services) {
    const model = readTfService(text, svc, inSight);
    let linked = svc.taskDefinitionRef ? subjects.find((s) => s.address === svc.taskDefinitionRef) : undefined;
    const literal = model.taskDefinition?.value;
    if (!linked && literal !== undefined) {
      const family = literal.replace(/^arn:[^:]+:ecs:[^:]*:[^:]*:task-definition\//, '').replace(/:\d+$/, '');
      const same = subjects.filter((s) => str(child(s.doc.task, 'family')) === family);
      if (same.length === 1) linked = same[0];
    }
    const task = linked ? serviceTask(linked.parsed, linked.doc, linked.file, linked.address) : undefined;
    const raw = runServiceRules(text, model, task, options);
    for (const d of finalize(raw, options)) {
      d.message = shortenAddress(svc.address, serviceWording(d.message));
      // A node of a task definition in another file of the module: named by file and line, shown on the service.
      const elsewhere = (r: { range: { offset: number; length: number }; file?: string; message: string }) => {
        const from = linked?.loadedFrom;
        // A task argument of a resource whose containers are loaded: it is in the resource, not in the JSON file.
        if (from && r.file !== undefined && r.range.offset >= from.shift) {
          const range = { offset: r.range.offset - from.shift, length: r.range.length };
          if (from.file === undefined) return { range, message: serviceWording(r.message) };
          return { range: { ...svc.header }, message: `${serviceWording(r.message)} (${baseName(from.file)}:${lineOf(from.text ?? '', range.offset)})` };
        }
        return r.file !== undefined && linked?.text !== undefined ? { range: { ...svc.header }, message: `${serviceWording(r.message)} (${baseName(r.file)}:${lineOf(linked.text, r.range.offset)})` } : undefined;
      };
      d.related = [...(d.related ?? []).map((r) => elsewhere(r) ?? { ...r, message: serviceWording(r.message) }), { range: { ...svc.header }, message: `In resource ${svc.address}.` }];
      resolvedNote(d, svc.resolved);
      if (d.code === 'service-role-with-awsvpc') d.fixes = removeArgument(text, model.role?.node);
      else mapFixes(d, (f) => hclServiceFix(text, svc, f));
      out.push(d);
    }
  }
  return out;
}

const baseName = (path: string): string => path.slice(path.replace(/\\/g, '/').lastIndexOf('/') + 1);
const lineOf = (text: string, offset: number): number => text.slice(0, offset).split('\n').length;

const SERVICE_NAMES: Array<[RegExp, string]> = [
  [/\bnetworkConfiguration\.awsvpcConfiguration\b/g, 'network_configuration'],
  [/\bawsvpcConfiguration\b/g, 'network_configuration'],
  [/\bdeploymentConfiguration\.deploymentCircuitBreaker\b/g, 'deployment_circuit_breaker'],
  [/\bdeploymentCircuitBreaker\b/g, 'deployment_circuit_breaker'],
  [/\bmaximumPercent\b/g, 'deployment_maximum_percent'],
  [/\bminimumHealthyPercent\b/g, 'deployment_minimum_healthy_percent'],
  [/\bdesiredCount\b/g, 'desired_count'],
  [/\blaunchType\b/g, 'launch_type'],
  [/\bcapacityProviderStrategy\b/g, 'capacity_provider_strategy'],
  [/\bschedulingStrategy\b/g, 'scheduling_strategy'],
  [/\bdeploymentController\b/g, 'deployment_controller'],
  [/\bassignPublicIp\b/g, 'assign_public_ip'],
  [/\btaskDefinition\b/g, 'task_definition'],
  [/\bloadBalancers\b/g, 'load_balancer'],
  [/\bportName\b/g, 'port_name'],
  [/\bremove role\b/g, 'remove iam_role'],
];

/** A service rule's message in Terraform's argument names (task-level names through tfWording). */
export function serviceWording(message: string): string {
  let m = message;
  for (const [re, name] of SERVICE_NAMES) m = m.replace(re, name);
  return tfWording(m);
}

function intField(n: Node | undefined, isPh: (n: Node) => boolean): Field<number> | undefined {
  if (!n) return undefined;
  if (isPh(n)) return { node: n };
  return { node: n, value: n.type === 'number' && Number.isInteger(n.value) ? (n.value as number) : undefined };
}

function boolField(n: Node | undefined, isPh: (n: Node) => boolean): Field<boolean> | undefined {
  if (!n) return undefined;
  if (isPh(n)) return { node: n };
  if (n.type === 'boolean') return { node: n, value: n.value as boolean };
  const s = n.type === 'string' ? String(n.value).toLowerCase() : '';
  return { node: n, value: s === 'true' ? true : s === 'false' ? false : undefined };
}

/**
 * A service rule's fix in HCL: each edit must replace one literal scalar of the block (a container name, a port
 * name or number) with a literal; anything else (a reference, a resolved var.x, an inserted JSON member) drops it.
 */
function hclServiceFix(text: string, svc: TfService, fix: Fix): Fix | undefined {
  const edits: TextEdit[] = [];
  for (const e of fix.edits) {
    const node = svc.scalars.get(e.offset);
    if (!node || node.length !== e.length || e.length === 0 || svc.placeholderOffsets.has(e.offset) || svc.resolved.has(e.offset)) return undefined;
    let value: unknown;
    try {
      value = JSON.parse(e.content);
    } catch {
      value = /^-?\d+$/.test(e.content) ? Number(e.content) : undefined;
    }
    // `container_port = 80` stays a number, `"80"` a string: the writer keeps the user's form.
    const quoted = text[e.offset] === '"';
    const lit = typeof value === 'number' && quoted ? hclLiteral(String(value)) : hclLiteral(value);
    if (lit === undefined || typeof value === 'object') return undefined;
    edits.push({ offset: e.offset, length: e.length, content: lit });
  }
  return edits.length ? { ...fix, title: serviceWording(fix.title), edits } : undefined;
}

/** `iam_role = …` removed with its line, when the line holds nothing else (no comment is lost). */
function removeArgument(text: string, value: Node | undefined): Fix[] | undefined {
  const prop = value?.parent;
  if (!prop || prop.type !== 'property') return undefined;
  const start = text.lastIndexOf('\n', prop.offset - 1) + 1;
  const nl = text.indexOf('\n', prop.offset + prop.length);
  const end = nl < 0 ? text.length : nl + 1;
  if (text.slice(start, prop.offset).trim() !== '' || text.slice(prop.offset + prop.length, end).trim() !== '') return undefined;
  return [{ title: 'Remove iam_role', preferred: true, edits: [{ offset: start, length: end - start, content: '' }] }];
}
