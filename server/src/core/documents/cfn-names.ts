/**
 * CloudFormation property names ↔ the ECS API names our rules use, derived from our generated task-definition
 * schema (schemas/task-definition.schema.json, itself generated from the AWS SDK model). AWS::ECS::TaskDefinition
 * spells every API member in PascalCase; matching ignores case, so `EFSVolumeConfiguration`, `FilesystemId` and
 * `IAM` find `efsVolumeConfiguration`, `fileSystemId` and `iam`. The one member CloudFormation renames is listed
 * in RENAMED. Objects whose schema is a free map (log options, docker labels, driver options) keep user keys as written.
 */
import taskSchema from '../../../../schemas/task-definition.schema.json';

type Schema = { $ref?: string; type?: string | string[]; properties?: Record<string, Schema>; items?: Schema; additionalProperties?: boolean | Schema };

/** CloudFormation name → API name, where they differ by more than case (keyed by the schema definition). */
const RENAMED: Record<string, Record<string, string>> = {
  ProxyConfiguration: { proxyconfigurationproperties: 'properties' },
};

const definitions = (taskSchema as { definitions: Record<string, Schema> }).definitions;

export interface SchemaSpot {
  schema: Schema | undefined;
  /** The definition name the schema came from (for RENAMED), if any. */
  definition?: string;
}

export const ROOT_SPOT: SchemaSpot = { schema: taskSchema as Schema };

export function deref(spot: SchemaSpot): SchemaSpot {
  let s = spot.schema;
  let definition = spot.definition;
  for (let guard = 0; s?.$ref && guard < 10; guard++) {
    definition = s.$ref.split('/').pop();
    s = definition ? definitions[definition] : undefined;
  }
  return { schema: s, definition };
}

const lowerIndex = new WeakMap<object, Map<string, string>>();

/** The API name of a CloudFormation key inside `spot`; keys of free maps and keys the schema does not know stay as written. */
export function apiName(spot: SchemaSpot, cfnKey: string): string {
  const s = spot.schema;
  if (!s?.properties) return cfnKey;
  let index = lowerIndex.get(s.properties);
  if (!index) {
    index = new Map(Object.keys(s.properties).map((k) => [k.toLowerCase(), k]));
    lowerIndex.set(s.properties, index);
  }
  const lower = cfnKey.toLowerCase();
  return RENAMED[spot.definition ?? '']?.[lower] ?? index.get(lower) ?? cfnKey;
}

/** True when the object at `spot` is a map of user keys (no named members). */
export function isFreeMap(spot: SchemaSpot): boolean {
  const s = spot.schema;
  return !!s && !s.properties && (s.type === 'object' || !!s.additionalProperties);
}

export function childSpot(spot: SchemaSpot, apiKey: string): SchemaSpot {
  const s = spot.schema;
  if (!s) return { schema: undefined };
  if (s.properties) return deref({ schema: s.properties[apiKey], definition: undefined });
  if (s.additionalProperties && s.additionalProperties !== true) return deref({ schema: s.additionalProperties });
  return { schema: undefined };
}

export function itemSpot(spot: SchemaSpot): SchemaSpot {
  return deref({ schema: spot.schema?.items });
}

export function schemaTypes(spot: SchemaSpot): string[] {
  const t = spot.schema?.type;
  return t === undefined ? [] : Array.isArray(t) ? t : [t];
}

/** API name → CloudFormation name for every member in the schema (for messages shown in a template). */
let reverse: Map<string, string> | undefined;
export function cfnNameOf(api: string): string | undefined {
  if (!reverse) {
    reverse = new Map();
    const visit = (props: Record<string, Schema> | undefined, definition?: string) => {
      for (const k of Object.keys(props ?? {})) {
        const renamed = Object.entries(RENAMED[definition ?? ''] ?? {}).find(([, v]) => v === k)?.[0];
        if (!reverse!.has(k)) reverse!.set(k, renamed ? CFN_SPELLING[renamed] ?? pascal(k) : CFN_SPELLING[k.toLowerCase()] ?? pascal(k));
      }
    };
    visit((taskSchema as Schema).properties);
    for (const [name, def] of Object.entries(definitions)) visit(def.properties, name);
  }
  return reverse.get(api);
}

/** CloudFormation's spelling where it is not just the API name with a capital first letter. */
const CFN_SPELLING: Record<string, string> = {
  proxyconfigurationproperties: 'ProxyConfigurationProperties',
  efsvolumeconfiguration: 'EFSVolumeConfiguration',
  fsxwindowsfileservervolumeconfiguration: 'FSxWindowsFileServerVolumeConfiguration',
  filesystemid: 'FilesystemId',
  iam: 'IAM',
};

function pascal(key: string): string {
  return key.length > 0 ? key[0].toUpperCase() + key.slice(1) : key;
}
