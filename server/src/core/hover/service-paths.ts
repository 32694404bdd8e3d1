/**
 * Where a place in a service definition or a CodeDeploy appspec sits in the service schema (the SDK's CreateService
 * input, schemas/service-definition.schema.json), for hover and completion. A service definition's keys are the
 * schema's (update-service input and ecspresso's file too). An appspec's `Resources[].<name>.Properties` holds a
 * few of them in PascalCase, `LoadBalancerInfo` standing for one `loadBalancers` entry; the keys above it are the
 * appspec's own (facts/appspec.ts).
 */
import type { JSONPath } from 'jsonc-parser';
import { type RelativePath, schemaAt } from './schema-nav';

/** The `Properties` of an appspec's target service that CodeDeploy reads, and the schema path each stands for. */
export const APPSPEC_PROPERTIES: Readonly<Record<string, JSONPath>> = {
  TaskDefinition: ['taskDefinition'],
  LoadBalancerInfo: ['loadBalancers', 0],
  PlatformVersion: ['platformVersion'],
  NetworkConfiguration: ['networkConfiguration'],
  CapacityProviderStrategy: ['capacityProviderStrategy'],
};

/** `LoadBalancerInfo` holds only these two of a load balancer's fields. */
export const LOAD_BALANCER_INFO: Readonly<Record<string, string>> = { ContainerName: 'containerName', ContainerPort: 'containerPort' };

/** The appspec path of a target service's `Properties` object: `['Resources', i, name, 'Properties']`. */
export function isAppspecProperties(path: JSONPath): boolean {
  return path.length === 4 && path[0] === 'Resources' && typeof path[1] === 'number' && typeof path[2] === 'string' && path[3] === 'Properties';
}

/** A service definition's document path in the service schema. */
export function servicePath(path: JSONPath): RelativePath {
  return { base: 'service', path };
}

/** An appspec's document path in the service schema; undefined outside a target service's `Properties`. */
export function appspecPath(path: JSONPath): RelativePath | undefined {
  if (path.length < 5 || !isAppspecProperties(path.slice(0, 4))) return undefined;
  const [first, ...rest] = path.slice(4);
  const start = typeof first === 'string' ? APPSPEC_PROPERTIES[first] : undefined;
  if (!start) return undefined;
  const out: Array<string | number> = [...start];
  for (const [i, seg] of rest.entries()) {
    if (typeof seg === 'number') {
      out.push(seg);
      continue;
    }
    const api = first === 'LoadBalancerInfo' && i === 0 ? LOAD_BALANCER_INFO[seg] : schemaKey(out, seg);
    if (api === undefined) return undefined;
    out.push(api);
  }
  return { base: 'service', path: out };
}

/** The schema's key for a PascalCase key of the object at `path` (matching ignores case), if it has one. */
function schemaKey(path: JSONPath, key: string): string | undefined {
  const properties = schemaAt({ base: 'service', path })?.properties ?? {};
  const lower = key.toLowerCase();
  return Object.keys(properties).find((k) => k.toLowerCase() === lower);
}

/** An API name as an appspec spells it (`loadBalancers` is `LoadBalancerInfo` there). */
export function appspecName(apiName: string): string {
  return apiName === 'loadBalancers' ? 'LoadBalancerInfo' : apiName.charAt(0).toUpperCase() + apiName.slice(1);
}
