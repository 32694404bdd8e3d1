/**
 * Port mappings read leniently for the networking rules (awsvpc-host-port, duplicate-port-mapping,
 * network-mode-incompatible): numbers or integer strings (wrong-type reports the latter), placeholders skipped.
 */
import type { Node } from 'jsonc-parser';
import { child, items, str } from '../syntax/tree';

export interface PortMapping {
  node: Node;
  containerPortNode?: Node;
  hostPortNode?: Node;
  rangeNode?: Node;
  containerPort?: number;
  hostPort?: number;
  /** Inclusive bounds of `containerPortRange`. */
  range?: [number, number];
  /** Lower-cased; `tcp` when omitted. */
  protocol: string;
}

/** A port as a number: JSON integers and integer strings; undefined for anything else (placeholders included). */
export function portNumber(node: Node | undefined, isPlaceholder: (n: Node) => boolean): number | undefined {
  if (!node || isPlaceholder(node)) return undefined;
  if (node.type === 'number' && Number.isInteger(node.value)) return node.value as number;
  const s = str(node)?.trim();
  return s && /^\d+$/.test(s) ? Number(s) : undefined;
}

export function portMappings(container: Node, isPlaceholder: (n: Node) => boolean): PortMapping[] {
  const out: PortMapping[] = [];
  for (const m of items(child(container, 'portMappings'))) {
    if (m.type !== 'object') continue;
    const containerPortNode = child(m, 'containerPort');
    const hostPortNode = child(m, 'hostPort');
    const rangeNode = child(m, 'containerPortRange');
    const protocolText = str(child(m, 'protocol'));
    const pm: PortMapping = {
      node: m,
      containerPortNode,
      hostPortNode,
      rangeNode,
      containerPort: portNumber(containerPortNode, isPlaceholder),
      hostPort: portNumber(hostPortNode, isPlaceholder),
      protocol: protocolText && protocolText !== '' ? protocolText.toLowerCase() : 'tcp',
    };
    const r = rangeNode && !isPlaceholder(rangeNode) ? /^\s*(\d+)-(\d+)\s*$/.exec(str(rangeNode) ?? '') : null;
    if (r && Number(r[1]) <= Number(r[2])) pm.range = [Number(r[1]), Number(r[2])];
    out.push(pm);
  }
  return out;
}

/** The ports a mapping uses inside the container: its containerPort, or its range. */
export function containerPortsOf(pm: PortMapping): [number, number] | undefined {
  if (pm.range) return pm.range;
  return pm.containerPort !== undefined ? [pm.containerPort, pm.containerPort] : undefined;
}

export function overlaps(a: [number, number], b: [number, number]): boolean {
  return a[0] <= b[1] && b[0] <= a[1];
}
