// Turns the SDK model plus the hand-written overlay into the two JSON Schemas (draft-07).
import type { DefinitionOverlay, Overlay, PropOverlay, ValueRules } from './overlay/index.ts';
import type { Field, FieldType, SdkModel } from './sdk-model.ts';

export const TASK_SCHEMA_ID = 'https://ecs-taskdef.dev/schemas/task-definition.schema.json';
export const CONTAINERS_SCHEMA_ID = 'https://ecs-taskdef.dev/schemas/container-definitions.schema.json';
export const SERVICE_SCHEMA_ID = 'https://ecs-taskdef.dev/schemas/service-definition.schema.json';
export const ROOT_STRUCTURE = 'RegisterTaskDefinitionRequest';
export const SERVICE_ROOT_STRUCTURE = 'CreateServiceRequest';
const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';

export type JsonObject = { [key: string]: unknown };

/** Markdown → plain text for the `description` keyword (drops code ticks, bold and link targets). */
export function plainText(md: string): string {
  return md
    .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/`([^`]*)`/g, '$1');
}

export function buildSchemas(model: SdkModel, overlay: Overlay): { task: JsonObject; containers: JsonObject; service: JsonObject } {
  const b = new Builder(model, overlay);
  const root = b.objectSchema(ROOT_STRUCTURE);
  const definitions = b.emitQueued();
  // The service schema is self-contained (its own definitions): the web worker and ajv standalone load it alone.
  const sb = new Builder(model, overlay);
  const serviceRoot = sb.objectSchema(SERVICE_ROOT_STRUCTURE);
  const serviceDefinitions = sb.emitQueued();
  const roots = new Set([ROOT_STRUCTURE, SERVICE_ROOT_STRUCTURE]);
  const unused = Object.keys(overlay).filter((n) => !roots.has(n) && !(n in definitions) && !(n in serviceDefinitions));
  if (unused.length) throw new Error(`overlay describes structures the model never reaches: ${unused.join(', ')}`);
  const { description: _d, markdownDescription: _m, ...rootBody } = root;
  const task: JsonObject = {
    $schema: DRAFT_07,
    $id: TASK_SCHEMA_ID,
    title: 'Amazon ECS task definition (RegisterTaskDefinition input)',
    description: root.description,
    markdownDescription: root.markdownDescription,
    ...rootBody,
    definitions,
  };
  const about = 'Array of ECS container definitions, as Terraform container_definitions and similar tools take it.';
  const containers: JsonObject = {
    $schema: DRAFT_07,
    $id: CONTAINERS_SCHEMA_ID,
    title: 'Amazon ECS container definitions',
    description: about,
    markdownDescription: about.replace('container_definitions', '`container_definitions`'),
    type: 'array',
    items: { $ref: 'task-definition.schema.json#/definitions/ContainerDefinition' },
  };
  const { description: sd, markdownDescription: smd, ...serviceBody } = serviceRoot;
  // describe-services output fields that no create/update input takes (ecspresso's `init` writes some, e.g. platformFamily)
  const inputKeys = new Set(Object.keys(serviceRoot.properties as JsonObject));
  const describeOnly = (model.interfaces.get('Service') ?? []).map((f) => f.name).filter((n) => !inputKeys.has(n));
  if (!describeOnly.length) throw new Error('the SDK model has no Service structure (describe-services output)');
  const service: JsonObject = {
    $schema: DRAFT_07,
    $id: SERVICE_SCHEMA_ID,
    title: 'Amazon ECS service definition (CreateService or UpdateService input, ecspresso service definition)',
    description: sd,
    markdownDescription: smd,
    ...serviceBody,
    'x-describe-only': describeOnly,
    definitions: serviceDefinitions,
  };
  return { task, containers, service };
}

class Builder {
  private readonly queue: string[] = [];
  /** definition name → SDK structure it was requested from */
  private readonly sources = new Map<string, string>();
  private readonly definitions = new Map<string, JsonObject>();

  constructor(private readonly model: SdkModel, private readonly overlay: Overlay) {}

  emitQueued(): JsonObject {
    while (this.queue.length) {
      const name = this.queue.shift()!;
      if (!this.definitions.has(name)) this.definitions.set(name, this.objectSchema(name));
    }
    const out: JsonObject = {};
    for (const name of [...this.definitions.keys()].sort()) out[name] = this.definitions.get(name);
    return out;
  }

  objectSchema(defName: string): JsonObject {
    const ov = this.overlayFor(defName);
    const sdkName = ov.from ?? defName;
    const own = this.model.interfaces.get(sdkName) ?? this.model.unions.get(sdkName);
    if (!own) throw new Error(`${defName}: no structure ${sdkName} in the SDK model`);
    let fields = own;
    if (ov.alsoFrom) {
      const also = this.model.interfaces.get(ov.alsoFrom);
      if (!also) throw new Error(`${defName}: no structure ${ov.alsoFrom} in the SDK model`);
      const have = new Set(own.map((f) => f.name));
      fields = [...own, ...also.filter((f) => !have.has(f.name))];
    }
    const known = new Set(fields.map((f) => f.name));
    const stale = Object.keys(ov.props).filter((p) => !known.has(p));
    if (stale.length) throw new Error(`${defName}: overlay has fields the model lacks: ${stale.join(', ')}`);
    const properties: JsonObject = {};
    const required: string[] = [];
    for (const field of fields) {
      const po = ov.props[field.name];
      if (!po) throw new Error(`${defName}.${field.name}: missing from the overlay (every field needs a description)`);
      properties[field.name] = this.propertySchema(`${defName}.${field.name}`, field, po);
      if (po.required) required.push(field.name);
    }
    const schema: JsonObject = {
      type: 'object',
      description: plainText(ov.about),
      markdownDescription: ov.about,
      properties,
      additionalProperties: false,
    };
    if (required.length) schema.required = required;
    return { ...schema, ...(ov.extra ?? {}) };
  }

  private overlayFor(defName: string): DefinitionOverlay {
    const ov = this.overlay[defName];
    if (!ov) throw new Error(`${defName}: structure missing from the overlay`);
    return ov;
  }

  private propertySchema(where: string, field: Field, po: PropOverlay): JsonObject {
    const t = field.type;
    const meta: JsonObject = { description: plainText(po.md), markdownDescription: po.md };
    const launch: JsonObject = po.launch ? { 'x-launch-note': po.launch } : {};
    if (po.anyValue) {
      if (t.kind !== 'ref' || this.isStructure(t.name) || this.model.enums.has(t.name)) throw new Error(`${where}: anyValue is for free-form document fields`);
      checkNoValueRules(where, po);
      return { ...meta };
    }
    if (t.kind !== 'array' && (po.items || po.minItems !== undefined || po.maxItems !== undefined)) {
      throw new Error(`${where}: array settings on a non-array field`);
    }
    if (t.kind === 'array') {
      const items = this.itemSchema(where, t.items, po);
      const schema: JsonObject = { type: 'array', ...meta, ...launch, items };
      if (po.minItems !== undefined) schema.minItems = po.minItems;
      if (po.maxItems !== undefined) schema.maxItems = po.maxItems;
      checkNoValueRules(where, po);
      return schema;
    }
    if (t.kind === 'ref' && this.isStructure(t.name)) {
      checkNoValueRules(where, po);
      return { $ref: `#/definitions/${this.requestDefinition(where, t.name, po.definition)}`, ...meta, ...launch };
    }
    if (po.definition) throw new Error(`${where}: 'definition' needs a structure-typed field`);
    const { type, ...sdkEnum } = this.valueSchema(where, t, po);
    return { type, ...meta, ...sdkEnum, ...valueRules(where, t, po, !po.allowEmpty), ...launch };
  }

  private itemSchema(where: string, t: FieldType, po: PropOverlay): JsonObject {
    if (t.kind === 'ref' && this.isStructure(t.name)) {
      if (po.items) throw new Error(`${where}: item rules on structure items`);
      return { $ref: `#/definitions/${this.requestDefinition(where, t.name, po.definition)}` };
    }
    if (po.definition) throw new Error(`${where}: 'definition' needs structure items`);
    const rules = po.items ?? {};
    return { ...this.valueSchema(`${where}[]`, t, rules), ...valueRules(`${where}[]`, t, rules, false) };
  }

  /** type (and enum) of a scalar or string map */
  private valueSchema(where: string, t: FieldType, rules: ValueRules): JsonObject {
    switch (t.kind) {
      case 'string': return { type: 'string' };
      case 'integer': return { type: 'integer' };
      case 'boolean': return { type: 'boolean' };
      case 'stringMap': return { type: 'object' };
      case 'ref': {
        const values = this.model.enums.get(t.name);
        if (!values) throw new Error(`${where}: type ${t.name} is neither a structure nor an enum`);
        if (rules.enum) throw new Error(`${where}: the SDK already gives the enum ${t.name}`);
        return { type: 'string', enum: [...values] };
      }
      default: throw new Error(`${where}: nested arrays are not supported`);
    }
  }

  private isStructure(name: string): boolean {
    return this.model.interfaces.has(name) || this.model.unions.has(name);
  }

  private requestDefinition(where: string, sdkName: string, variant: string | undefined): string {
    const defName = variant ?? sdkName;
    const from = variant ? (this.overlayFor(variant).from ?? variant) : sdkName;
    if (from !== sdkName) throw new Error(`${where}: definition ${defName} is built from ${from}, not ${sdkName}`);
    const seen = this.sources.get(defName);
    if (seen && seen !== sdkName) throw new Error(`${where}: definition ${defName} requested from ${seen} and ${sdkName}`);
    if (!seen) {
      this.sources.set(defName, sdkName);
      this.queue.push(defName);
    }
    return defName;
  }
}

/** Overlay constraints for a scalar value, in a fixed key order; `nonEmpty` adds `minLength: 1` to strings. */
function valueRules(where: string, t: FieldType, r: ValueRules & { allowEmpty?: boolean }, nonEmpty: boolean): JsonObject {
  const out: JsonObject = {};
  const isString = t.kind === 'string' || t.kind === 'ref';
  const isInteger = t.kind === 'integer';
  if (r.enum) {
    if (t.kind !== 'string') throw new Error(`${where}: enum on a non-string field`);
    out.enum = [...r.enum];
  }
  if (r.minimum !== undefined || r.maximum !== undefined) {
    if (!isInteger) throw new Error(`${where}: range on a non-integer field`);
    if (r.minimum !== undefined) out.minimum = r.minimum;
    if (r.maximum !== undefined) out.maximum = r.maximum;
  }
  if (!isString && (r.minLength !== undefined || r.maxLength !== undefined || r.pattern || r.allowEmpty)) {
    throw new Error(`${where}: string rules on a non-string field`);
  }
  if (isString) {
    const minLength = r.minLength ?? (nonEmpty ? 1 : undefined);
    if (minLength !== undefined) out.minLength = minLength;
    if (r.maxLength !== undefined) out.maxLength = r.maxLength;
  }
  if (Boolean(r.pattern) !== Boolean(r.formatName)) throw new Error(`${where}: pattern and formatName go together`);
  if (r.pattern) {
    out.pattern = r.pattern;
    out['x-format-name'] = r.formatName;
  }
  if (t.kind === 'stringMap') out.additionalProperties = { type: 'string' };
  return out;
}

function checkNoValueRules(where: string, po: PropOverlay): void {
  const keys = ['enum', 'minimum', 'maximum', 'minLength', 'maxLength', 'pattern', 'formatName', 'allowEmpty'] as const;
  const bad = keys.filter((k) => po[k] !== undefined);
  if (bad.length) throw new Error(`${where}: ${bad.join(', ')} only apply to scalar fields (use 'items' for arrays)`);
}
