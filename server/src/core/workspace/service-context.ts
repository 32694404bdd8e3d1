/**
 * What a service rule (kind S) sees: one service (service-model.ts) and, when one was found, the task definition it
 * runs — its containers, their port mappings, its launch-type compatibilities and network mode. The task may live
 * in another file (appspec → taskdef.json, service JSON → a file with that family) or in the same CloudFormation
 * template; `file` tells related information where to point.
 */
import type { Node } from 'jsonc-parser';
import type { Classification } from '../documents/classify';
import { portMappings, type PortMapping } from '../documents/port-mappings';
import type { ServiceModel } from '../documents/service-model';
import { containerIndex, hasPlaceholder, type NameIndex, type NamedEntry } from '../documents/task-index';
import type { ParsedDocument } from '../syntax/parse';
import type { PlaceholderPatterns } from '../syntax/placeholders';
import { child, items, str } from '../syntax/tree';
import type { Fix, RelatedInfo, Severity } from '../types';

export interface ServiceTask {
  /** The task definition's file, relative to the service's folder; undefined when it is in the same file. */
  file?: string;
  /** How messages name it: a file name or a template resource. */
  label: string;
  containers: NameIndex;
  /** `requiresCompatibilities` when literal (undefined: absent or templated; see `requiresKnown`). */
  requires?: string[];
  requiresNode?: Node;
  /** False when `requiresCompatibilities` is a placeholder or holds one. */
  requiresKnown: boolean;
  /** The explicit `networkMode` when literal; undefined when absent; null when templated. */
  networkMode?: string | null;
  networkModeNode?: Node;
  /** A container's port mappings (placeholders skipped), and whether any was a placeholder. */
  ports(c: NamedEntry): { mappings: PortMapping[]; complete: boolean };
  /** Every port-mapping `name` of every container, and whether the set is complete. */
  portNames(): { names: Map<string, Node>; complete: boolean };
}

export interface ServiceReport {
  node: Node;
  message: string;
  severity?: Severity;
  related?: RelatedInfo[];
  fixes?: Fix[];
}

/** A load balancer target group the service names, when the host can see it (a CloudFormation template can). */
export interface TargetGroupFacts {
  logicalId: string;
  /** `HealthCheckPort` as written (value undefined when it is an intrinsic); undefined when absent (traffic-port). */
  healthCheckPort?: { node: Node; value?: string };
}

export interface ServiceRuleContext {
  text: string;
  service: ServiceModel;
  /** The user placeholder patterns of the lint (LintOptions.placeholderPatterns, compiled). */
  placeholders: PlaceholderPatterns;
  /** The linked task definition; undefined when none was found (rules that need it stay silent). */
  task?: ServiceTask;
  /** The target group a `targetGroupArn` node names; absent when the host cannot resolve target groups. */
  targetGroup?(node: Node): TargetGroupFacts | undefined;
  report(r: ServiceReport): void;
}

/** The facts of a parsed task definition (register input or describe output), for the service rules. */
export function serviceTask(parsed: ParsedDocument, doc: Classification, file: string | undefined, label: string, complete = true): ServiceTask | undefined {
  if (!doc.task || (doc.kind !== 'register' && doc.kind !== 'describe')) return undefined;
  const isPh = (n: Node) => hasPlaceholder(n, parsed);
  const idx = containerIndex(doc, parsed);
  const containers = complete && parsed.syntaxErrors.length === 0 ? idx : { ...idx, complete: false };
  const reqNode = child(doc.task, 'requiresCompatibilities');
  const reqItems = items(reqNode);
  const requiresKnown = !reqNode || (reqNode.type === 'array' && !reqItems.some(isPh) && reqItems.every((n) => n.type === 'string'));
  const nm = child(doc.task, 'networkMode');
  return {
    file,
    label,
    containers,
    requires: reqNode && requiresKnown ? reqItems.map((n) => str(n)!) : undefined,
    requiresNode: reqNode,
    requiresKnown,
    networkMode: !nm || nm.type === 'null' ? undefined : isPh(nm) || nm.type !== 'string' ? null : (nm.value as string),
    networkModeNode: nm,
    ports(c) {
      const all = items(child(c.node, 'portMappings'));
      const mappings = portMappings(c.node, isPh);
      const complete = !c.opaque && !isPh(child(c.node, 'portMappings') ?? c.node) && all.every((m) => m.type === 'object' && !isPh(m)) && mappings.every((m) => !m.containerPortNode || m.containerPort !== undefined || m.range !== undefined);
      return { mappings, complete };
    },
    portNames() {
      const names = new Map<string, Node>();
      let complete = containers.complete;
      for (const c of containers.entries) {
        if (c.opaque) complete = false;
        for (const m of items(child(c.node, 'portMappings'))) {
          const n = child(m, 'name');
          if (m.type !== 'object' || isPh(m)) complete = false;
          else if (n && isPh(n)) complete = false;
          else if (str(n)) names.set(str(n)!, n!);
        }
      }
      return { names, complete };
    },
  };
}

/** The task's network mode is awsvpc: explicit, or implied by a task that can only run on Fargate. */
export function usesAwsvpc(task: ServiceTask): boolean {
  if (task.networkMode === 'awsvpc') return true;
  return task.networkMode === undefined && task.requiresKnown && task.requires?.length === 1 && task.requires[0] === 'FARGATE';
}
