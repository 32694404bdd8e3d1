/**
 * Hover in a service definition or a CodeDeploy appspec: a key or value of the service gets what the service schema
 * says of it (the task definition's hover machinery on the service schema, hover/index.ts schemaHoverAt); an
 * appspec's own keys (version, Resources, Hooks and the hook names) get their note from facts/appspec.ts.
 */
import { findNodeAtOffset, type JSONPath, type Node } from 'jsonc-parser';
import { APPSPEC_HOOKS, APPSPEC_RESOURCE, APPSPEC_TARGET, APPSPEC_TOP, type AppspecKey, LOAD_BALANCER_INFO_DOC } from '../facts/appspec';
import { pathOf } from '../syntax/tree';
import { type HoverResult, schemaHoverAt } from './index';
import { appspecName, appspecPath, servicePath } from './service-paths';

export type DeployFileHoverKind = 'service' | 'appspec';

/** The hover at `offset` of a service definition's or an appspec's tree (JSON or YAML, read by the caller). */
export function deployFileHoverAt(kind: DeployFileHoverKind, root: Node | undefined, offset: number): HoverResult | undefined {
  if (kind === 'service') return schemaHoverAt(root, offset, servicePath);
  return appspecKeyHover(root, offset) ?? schemaHoverAt(root, offset, appspecPath, appspecName);
}

/** An appspec's own key under the cursor (not a service property), with its note. */
function appspecKeyHover(root: Node | undefined, offset: number): HoverResult | undefined {
  const node = root && findNodeAtOffset(root, offset, true);
  const isKey = node?.parent?.type === 'property' && node.parent.children?.[0] === node;
  if (!node || !isKey || typeof node.value !== 'string') return undefined;
  const found = appspecKeyAt(pathOf(node));
  return found && { markdown: `**\`${found.key}\`** (appspec)\n\n${found.doc}`, range: { offset: node.offset, length: node.length } };
}

/** The appspec key a document path names, when it is one of the appspec's own. */
export function appspecKeyAt(path: JSONPath): AppspecKey | undefined {
  const key = path[path.length - 1];
  if (typeof key !== 'string') return undefined;
  const among = (list: readonly AppspecKey[]) => list.find((k) => k.key === key);
  if (path.length === 1) return among(APPSPEC_TOP);
  if (path[0] === 'Resources' && typeof path[1] === 'number') {
    if (path.length === 3) return { ...APPSPEC_RESOURCE, key };
    if (path.length === 4) return among(APPSPEC_TARGET);
    if (path.length === 5 && path[3] === 'Properties' && key === 'LoadBalancerInfo') return { key, doc: LOAD_BALANCER_INFO_DOC };
  }
  if (path[0] === 'Hooks' && typeof path[1] === 'number' && path.length === 3) return among(APPSPEC_HOOKS);
  return undefined;
}
