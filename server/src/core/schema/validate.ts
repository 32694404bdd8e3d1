/**
 * Schema validation with ajv, translated into our own diagnostics: every ajv error becomes one catalog rule
 * (unknown-property, misplaced-property, wrong-type, invalid-enum-value, missing-required, value-out-of-range,
 * invalid-format, null-value) placed on the offending key or value. Never ajv's wording.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Node } from 'jsonc-parser';
import taskSchema from '../../../../schemas/task-definition.schema.json';
import containersSchema from '../../../../schemas/container-definitions.schema.json';
import serviceSchema from '../../../../schemas/service-definition.schema.json';
import type { Classification } from '../documents/classify';
import { DESCRIBE_ONLY_KEYS } from '../documents/classify';
import type { Report } from '../rules/rule';
import { translateError } from './translate';
import { nodeValue } from '../syntax/node-value';
import type { PlaceholderPatterns } from '../syntax/placeholders';
import * as generated from './validators.generated';
export { nodeAtPointer } from './pointer';

// Precompiled by ajv standalone (scripts/schema/standalone-validators.ts): no schema compilation at start-up.
const validators = generated as unknown as { task: ValidateFunction; containers: ValidateFunction; service: ValidateFunction };

function getValidators(): { task: ValidateFunction; containers: ValidateFunction; service: ValidateFunction } {
  return validators;
}

export interface SchemaReport extends Report {
  code: string;
}

export interface SchemaCheckInput {
  text: string;
  doc: Classification;
  isPlaceholder(node: Node | undefined, field?: { enumField?: boolean; nameField?: boolean }): boolean;
  placeholders: PlaceholderPatterns;
  /** Stop after this many reports: a generated file can hold 100,000 bad elements, and each costs a tree lookup. */
  maxReports?: number;
}

/** Validates the task object (or container array) and returns translated reports. */
export function checkSchema(input: SchemaCheckInput): SchemaReport[] {
  const { doc } = input;
  const isArrayDoc = doc.kind === 'container-array';
  if (doc.loneContainer && doc.containers[0]) return checkLoneContainer(input, doc.containers[0]);
  const base = isArrayDoc ? doc.containersNode : doc.task;
  if (!base) return [];
  return checkBase(input, base, isArrayDoc, nodeValue(base));
}

/**
 * A lone container is checked as the only element of a container array: a stand-in array node is its parent
 * while the errors are translated (paths then read /0/…), and the tree is left as it was.
 */
function checkLoneContainer(input: SchemaCheckInput, container: Node): SchemaReport[] {
  const wrapper: Node = { type: 'array', offset: container.offset, length: container.length, children: [container] };
  const parent = container.parent;
  (container as { parent?: Node }).parent = wrapper;
  try {
    return checkBase(input, wrapper, true, [nodeValue(container)]);
  } finally {
    if (parent) (container as { parent?: Node }).parent = parent;
    else delete (container as { parent?: Node }).parent;
  }
}

function checkBase(input: SchemaCheckInput, base: Node, isArrayDoc: boolean, value: unknown): SchemaReport[] {
  const v = getValidators();
  const validate = isArrayDoc ? v.containers : v.task;
  if (validate(value)) return [];
  const requiredAt = (segs: ReadonlyArray<string | number>) => requiredAtPath(isArrayDoc ? 'A' : 'T', segs);
  const ctx = { base, isArrayDoc, text: input.text, isPlaceholder: input.isPlaceholder, placeholders: input.placeholders, requiredAt };
  return collectReports(validate.errors, (err) => (isDescribeOnly(err, isArrayDoc) ? undefined : translateError(err, ctx)), input.maxReports);
}

/** The translated errors (undefined: left out), one report per place and code, at most `max`. */
function collectReports(errors: readonly ErrorObject[] | null | undefined, translate: (err: ErrorObject) => SchemaReport | undefined, max = Infinity): SchemaReport[] {
  const out: SchemaReport[] = [];
  const seen = new Set<string>();
  for (const err of errors ?? []) {
    const report = translate(err);
    if (!report) continue;
    const key = report.dedupeKey ?? `${report.node?.offset ?? report.range?.offset}:${report.code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(report);
    if (out.length >= max) break;
  }
  return out;
}

export interface ServiceSchemaInput {
  text: string;
  /** The service object: the file's root. */
  root: Node;
  isPlaceholder(node: Node | undefined): boolean;
  placeholders: PlaceholderPatterns;
  /**
   * ecspresso reads the file into its describe-services shape: describe-only keys (`platformFamily`, which
   * `ecspresso init` writes) are accepted, and empty values are Go zero values, not mistakes.
   */
  ecspresso: boolean;
  maxReports?: number;
}

/** Describe-services output keys that create-service and update-service do not take. */
export const SERVICE_DESCRIBE_ONLY_KEYS: readonly string[] = (serviceSchema as { 'x-describe-only': string[] })['x-describe-only'];

/** Validates a service definition (create-service/update-service input, ecspresso service definition). */
export function checkServiceSchema(input: ServiceSchemaInput): SchemaReport[] {
  const { root } = input;
  if (root.type !== 'object') return [];
  const validate = getValidators().service;
  if (validate(nodeValue(root))) return [];
  const isPlaceholder = (n: Node | undefined) => input.isPlaceholder(n);
  const ctx = {
    base: root, isArrayDoc: false, text: input.text, isPlaceholder, placeholders: input.placeholders, subject: 'service' as const,
    describeOnly: SERVICE_DESCRIBE_ONLY_KEYS, requiredAt: (segs: ReadonlyArray<string | number>) => requiredAtPath('S', segs),
  };
  return collectReports(validate.errors, (err) => {
    const describeOnly = err.keyword === 'additionalProperties' && err.instancePath === '' &&
      SERVICE_DESCRIBE_ONLY_KEYS.includes((err.params as { additionalProperty: string }).additionalProperty);
    if (describeOnly && input.ecspresso) return undefined;
    if (input.ecspresso && isMissingList(err)) return undefined;
    const report = translateError(err, ctx);
    return input.ecspresso && report?.code === 'null-value' ? undefined : report;
  }, input.maxReports);
}

/**
 * A required list left out: to ecspresso (Go) an absent list is an empty one, and `ecspresso init` writes
 * `"alarms": { "enable": false, "rollback": false }` without `alarmNames` for a service that has none.
 */
function isMissingList(err: ErrorObject): boolean {
  if (err.keyword !== 'required') return false;
  const missing = (err.params as { missingProperty: string }).missingProperty;
  const props = (err.parentSchema as { properties?: Record<string, { type?: string }> } | undefined)?.properties;
  return props?.[missing]?.type === 'array';
}

function isDescribeOnly(err: ErrorObject, isArrayDoc: boolean): boolean {
  return (
    !isArrayDoc &&
    err.keyword === 'additionalProperties' &&
    err.instancePath === '' &&
    (DESCRIBE_ONLY_KEYS as readonly string[]).includes((err.params as { additionalProperty: string }).additionalProperty)
  );
}


type Schema = Record<string, unknown>;

function deref(schema: Schema | undefined, root: Schema = taskSchema as Schema): Schema | undefined {
  let s = schema;
  for (let guard = 0; s && typeof s.$ref === 'string' && guard < 10; guard++) {
    const fragment = (s.$ref as string).split('#')[1] ?? '';
    let target: unknown = root;
    for (const part of fragment.split('/').filter(Boolean)) target = (target as Schema | undefined)?.[part];
    s = target as Schema | undefined;
  }
  return s;
}

/** The schema is fixed, so each path shape (indexes as '#') is walked once: describe dumps ask for every null. */
const requiredCache = new Map<string, string[]>();
const NONE: string[] = [];

/** Walks the schema along an instance path and returns that object's `required` list. */
function requiredAtPath(which: 'A' | 'T' | 'S', segs: ReadonlyArray<string | number>): string[] {
  let key: string = which;
  for (const seg of segs) key += typeof seg === 'number' ? '/#' : `/${seg}`;
  let required = requiredCache.get(key);
  if (required) return required;
  const root = (which === 'S' ? serviceSchema : taskSchema) as Schema;
  let s = deref((which === 'A' ? containersSchema : root) as Schema, root);
  for (const seg of segs) {
    if (!s) break;
    s = typeof seg === 'number' ? deref(s.items as Schema, root) : deref((s.properties as Record<string, Schema> | undefined)?.[seg], root);
  }
  required = (s?.required as string[] | undefined) ?? NONE;
  // Keys come from the user's document; bound the cache like any other per-input memo.
  if (requiredCache.size >= 10_000) requiredCache.clear();
  requiredCache.set(key, required);
  return required;
}
