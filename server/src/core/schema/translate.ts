/** One ajv error → one of our diagnostics, on the offending key or value, in our own words. */
import type { ErrorObject } from 'ajv';
import type { Node } from 'jsonc-parser';
import { removeAllEdits, removeEdits, renameKeyEdit, replaceNodeEdit } from '../fixes/edits';
import { isValuedTmpfsMountOption } from '../facts/limits';
import { type PlaceholderPatterns, replacePlaceholders } from '../syntax/placeholders';
import { anchorOf, entries, isEmptyValue, keyOf, propNode, rangeOf } from '../syntax/tree';
import type { Fix } from '../types';
import { misplacedTarget, placeOf } from './misplaced';
import { describeLocation, nodeAtPointer, segmentsOf } from './pointer';
import { closestKeys, suggestEnumValues, suggestKeys } from './suggest';
import type { SchemaReport } from './validate';

export interface TranslateContext {
  base: Node;
  isArrayDoc: boolean;
  text: string;
  isPlaceholder(node: Node | undefined, field?: { enumField?: boolean; nameField?: boolean }): boolean;
  /** The user placeholder patterns (a partial placeholder's literal part is judged alone). */
  placeholders: PlaceholderPatterns;
  /** The `required` list of the schema object at this instance path. */
  requiredAt(segs: ReadonlyArray<string | number>): string[];
  /** What the document is: a task definition (default) or a service definition. */
  subject?: 'task' | 'service';
  /** Top-level keys that only describe output holds (reported as such, not as typos). */
  describeOnly?: readonly string[];
}

/** A readable location for messages; the root of a service file is "the service definition". */
function whereOf(segs: ReadonlyArray<string | number>, ctx: TranslateContext): string {
  if (ctx.subject === 'service' && segs.length === 0) return 'the service definition';
  return describeLocation(ctx.base, segs, ctx.isArrayDoc);
}

type SchemaObject = Record<string, unknown> & { properties?: Record<string, unknown>; required?: string[] };

const NAME_KEYS = new Set(['name', 'family', 'containerName', 'sourceVolume', 'sourceContainer']);

export function translateError(err: ErrorObject, ctx: TranslateContext): SchemaReport | undefined {
  const node = nodeAtPointer(ctx.base, err.instancePath);
  if (!node) return undefined;
  const segs = segmentsOf(err.instancePath);
  const key = lastKey(segs);
  const parentSchema = (err.parentSchema ?? {}) as SchemaObject;
  switch (err.keyword) {
    case 'additionalProperties':
      return unknownKey(node, (err.params as { additionalProperty: string }).additionalProperty, segs, parentSchema, ctx);
    case 'required':
      return missing(node, (err.params as { missingProperty: string }).missingProperty, segs, ctx);
    case 'type':
      return wrongType(node, key, String((err.params as { type: string | string[] }).type), parentSchema, segs, ctx);
    case 'enum':
      return badEnum(node, key, (err.params as { allowedValues: unknown[] }).allowedValues, segs, ctx);
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return outOfRange(node, key, parentSchema, ctx);
    case 'minItems':
    case 'maxItems':
    case 'minLength':
    case 'maxLength':
      return badSize(node, key, err.keyword, Number((err.params as { limit: number }).limit), segs, ctx);
    case 'pattern':
      return badPattern(node, key, parentSchema, ctx);
    default:
      return undefined; // combinators and the like: their branches already reported the real problem
  }
}

function lastKey(segs: ReadonlyArray<string | number>): string {
  for (let i = segs.length - 1; i >= 0; i--) if (typeof segs[i] === 'string') return segs[i] as string;
  return 'value';
}

function unknownKey(obj: Node, prop: string, segs: ReadonlyArray<string | number>, schema: SchemaObject, ctx: TranslateContext): SchemaReport | undefined {
  const keyNode = propNode(obj, prop)?.children?.[0];
  if (!keyNode) return undefined;
  const where = whereOf(segs, ctx);
  const remove = (): Fix => ({ title: `Remove '${prop}'`, edits: removeEdits(ctx.text, keyNode) });
  if (ctx.subject === 'service' && segs.length === 0 && ctx.describeOnly?.includes(prop)) {
    return {
      code: 'unknown-property',
      node: keyNode,
      message: `'${prop}' is describe-services output, not create-service or update-service input; the AWS CLI rejects it, so remove it.`,
      fixes: () => [{ ...remove(), preferred: true }],
    };
  }
  const target = ctx.subject === 'service' ? undefined : misplacedTarget(placeOf(segs, ctx.isArrayDoc), prop, ctx.isArrayDoc);
  if (target) {
    return {
      code: 'misplaced-property',
      node: keyNode,
      // In a container array (Terraform's container_definitions) the key is dropped and the task deploys without it.
      severity: target.droppedByTerraform ? 'warning' : undefined,
      message: target.droppedByTerraform
        ? `'${prop}' belongs on ${target.target}, not in ${where}; here it is dropped silently.`
        : `'${prop}' belongs in ${target.target}, not in ${where}; move it there.`,
      fixes: () => [remove()],
    };
  }
  const valid = Object.keys(schema.properties ?? {});
  const suggestions = suggestKeys(prop, valid);
  const caseOnly = suggestions[0] !== undefined && suggestions[0].toLowerCase() === prop.toLowerCase();
  const hint = suggestions.length > 0
    ? `Did you mean '${suggestions[0]}'?`
    : `Valid keys here include: ${closestKeys(prop, valid).join(', ')}.`;
  const extra = caseOnly && ctx.isArrayDoc ? ' Terraform accepts the wrong case, but the AWS CLI rejects it.' : '';
  return {
    code: 'unknown-property',
    node: keyNode,
    severity: caseOnly && ctx.isArrayDoc ? 'warning' : undefined,
    message: `Unknown property '${prop}' in ${where}. ${hint}${extra}`,
    fixes: () => [
      ...suggestions.map((s, i) => ({ title: `Rename to '${s}'`, preferred: i === 0, edits: [renameKeyEdit(keyNode, s)] })),
      remove(),
    ],
  };
}

function missing(obj: Node, prop: string, segs: ReadonlyArray<string | number>, ctx: TranslateContext): SchemaReport | undefined {
  if (obj.type !== 'object') return undefined;
  const present = propNode(obj, prop);
  if (present) return undefined; // present but null/empty: the type/minLength error reports it
  const all = entries(obj);
  if (all.length > 0 && all.every(([, , v]) => isEmptyValue(v))) return allEmpty(obj, ctx);
  const where = whereOf(segs, ctx);
  // a service path reads as the path it is ('deploymentConfiguration.alarms'), not a capitalised phrase
  const label = ctx.subject === 'service' && segs.length > 0 ? `'${where}'` : where.charAt(0).toUpperCase() + where.slice(1);
  return {
    code: 'missing-required',
    range: anchorOf(obj),
    message: `${label} needs '${prop}'.`,
    dedupeKey: `missing:${obj.offset}:${prop}`,
  };
}

/** An object whose every key is null/empty is as good as absent: report it once, as a whole. */
function allEmpty(obj: Node, ctx: TranslateContext): SchemaReport {
  const keyNode = keyOf(obj);
  const name = typeof keyNode?.value === 'string' ? keyNode.value : 'this object';
  return {
    code: 'null-value',
    node: keyNode ?? obj,
    message: `'${name}' holds only empty values, which the AWS CLI rejects; remove it to get the default.`,
    dedupeKey: `allempty:${obj.offset}`,
    fixes: keyNode ? () => [{ title: `Remove '${name}'`, preferred: true, edits: removeEdits(ctx.text, obj) }] : [],
    group: keyNode && obj.parent?.parent?.type === 'object' ? nullsGroup(obj, name, obj.parent.parent, ctx) : undefined,
  };
}

function isRequired(node: Node, key: string, ctx: TranslateContext): boolean {
  const valueSegs = segmentsOf(pointerOf(node, ctx.base));
  return ctx.requiredAt(valueSegs.slice(0, -1)).includes(key);
}

/** The JSON pointer of `node` relative to `base`. */
function pointerOf(node: Node, base: Node): string {
  const parts: string[] = [];
  let n: Node | undefined = node;
  while (n && n !== base) {
    const p: Node | undefined = n.parent;
    if (!p) break;
    if (p.type === 'property') {
      parts.unshift(String(p.children?.[0]?.value));
      n = p.parent;
    } else {
      if (p.type === 'array') parts.unshift(String(p.children!.indexOf(n)));
      n = p;
    }
  }
  return parts.length ? '/' + parts.join('/') : '';
}

/** Objects whose values are all empty; one object with n null values yields n errors, so each is looked at once. */
const onlyEmpty = new WeakMap<Node, boolean>();
function holdsOnlyEmpty(obj: Node): boolean {
  let known = onlyEmpty.get(obj);
  if (known === undefined) {
    const all = entries(obj);
    known = all.length > 0 && all.every(([, , v]) => isEmptyValue(v));
    onlyEmpty.set(obj, known);
  }
  return known;
}

function emptyOrNull(node: Node, key: string, ctx: TranslateContext): SchemaReport | undefined {
  const parentObj = node.parent?.parent;
  if (parentObj?.type === 'object' && holdsOnlyEmpty(parentObj) && keyOf(parentObj)) return allEmpty(parentObj, ctx);
  const what = node.type === 'null' ? 'null' : 'empty';
  const fixes = (): Fix[] => [{ title: `Remove '${key}'`, preferred: true, edits: removeEdits(ctx.text, node) }];
  if (key === 'image' && node.type === 'string') {
    return { code: 'null-value', node, severity: 'information', message: `'image' is empty; a render step (such as amazon-ecs-render-task-definition) must fill it before registering.`, fixes: [] };
  }
  if (isRequired(node, key, ctx) && node.parent?.type === 'property') {
    return { code: 'missing-required', node, message: `'${key}' is required and must not be ${what}.`, dedupeKey: `missing:${parentObj?.offset}:${key}` };
  }
  return {
    code: 'null-value',
    node,
    message: `'${key}' is ${what}, which the AWS CLI rejects; remove the key to get the default.`,
    fixes,
    group: parentObj?.type === 'object' ? nullsGroup(node, key, parentObj, ctx) : undefined,
  };
}

function nullsGroup(node: Node, key: string, obj: Node, ctx: TranslateContext): SchemaReport['group'] {
  return { key: `nulls@${obj.offset}`, lead: (others) => nullsLead(node, key, obj, others, ctx) };
}

/** One finding for all the null or empty keys of one object: named here, listed in related, removed at once. */
function nullsLead(node: Node, key: string, obj: Node, others: ReadonlyArray<{ range: { offset: number } }>, ctx: TranslateContext): Pick<SchemaReport, 'message' | 'related' | 'fixes'> {
  // A member sits on its value (null, "") or, for an object of empty values, on its key.
  const byOffset = new Map<number, { k: string; keyNode: Node; v: Node }>();
  for (const [k, keyNode, v] of entries(obj)) {
    if (!v) continue;
    byOffset.set(v.offset, { k, keyNode, v });
    byOffset.set(keyNode.offset, { k, keyNode, v });
  }
  const rest = others.map((o) => byOffset.get(o.range.offset)).filter((e) => e !== undefined);
  const n = rest.length + 1;
  return {
    message: `'${key}' and ${n - 1} more key${n > 2 ? 's' : ''} here are null or empty, which the AWS CLI rejects; remove them to get the defaults.`,
    related: rest.map((e) => ({ node: e.keyNode, message: `'${e.k}' is ${e.v.type === 'null' ? 'null' : 'empty'} too` })),
    fixes: () => [
      { title: `Remove the ${n} null or empty keys of this object`, preferred: true, edits: removeAllEdits(ctx.text, [node, ...rest.map((e) => e.v)]) },
      { title: `Remove '${key}'`, edits: removeEdits(ctx.text, node) },
    ],
  };
}

function wrongType(node: Node, key: string, expected: string, schema: SchemaObject, segs: ReadonlyArray<string | number>, ctx: TranslateContext): SchemaReport | undefined {
  if (node.type === 'null') return emptyOrNull(node, key, ctx);
  if (ctx.isPlaceholder(node)) return undefined;
  const value = node.value;
  const numericString = node.type === 'string' && /^-?\d+$/.test(String(value).trim());
  const fixes: Fix[] = [];
  let converted: unknown;
  if (expected === 'integer' || expected === 'number') {
    if (numericString) converted = Number(String(value).trim());
  } else if (expected === 'string' && (node.type === 'number' || node.type === 'boolean')) converted = String(value);
  else if (expected === 'boolean' && node.type === 'string' && /^(true|false)$/.test(String(value))) converted = value === 'true';
  if (converted !== undefined && fitsSchema(converted, schema) && plausibleString(converted, node, segs)) fixes.push({ title: `Convert to ${expected} ${JSON.stringify(converted)}`, preferred: true, edits: [replaceNodeEdit(node, converted)] });
  const subCase = numericString && (expected === 'integer' || expected === 'number');
  return {
    code: 'wrong-type',
    node,
    severity: subCase ? 'warning' : undefined,
    message:
      `'${key}' must be ${article(expected)}; got ${article(jsonType(node))} ${preview(node, ctx.text)}.` +
      (subCase ? (ctx.subject === 'service' ? ' The AWS CLI rejects a quoted number.' : ' The AWS CLI rejects a quoted number; only the GitHub deploy action converts it for you.') : ''),
    fixes,
  };
}

/** A conversion is offered only when the schema accepts its result: `true` → "true" for memory would trade one error for another. */
function fitsSchema(value: unknown, s: SchemaObject): boolean {
  if (Array.isArray(s.enum) && !s.enum.includes(value)) return false;
  if (typeof value === 'string' && typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(value)) return false;
  if (typeof value === 'number' && ((typeof s.minimum === 'number' && value < s.minimum) || (typeof s.maximum === 'number' && value > s.maximum))) return false;
  return true;
}

/** Fields whose strings code checks (invalid-format, value-out-of-range): a number or boolean turned into text fails them. */
const CHECKED_STRINGS = new Set(['credentialSpecs', 'dockerSecurityOptions', 'namespace', 'ipAddress', 'image', 'user', 'awslogs-region', 'environmentFiles', 'valueFrom', 'taskRoleArn', 'executionRoleArn', 'credentialsParameter']);

/** true/false become "true"/"false" only in free-form values (environment, labels, options); numbers anywhere but checked fields. */
function plausibleString(converted: unknown, node: Node, segs: ReadonlyArray<string | number>): boolean {
  if (typeof converted !== 'string') return true;
  if (segs.some((s) => typeof s === 'string' && CHECKED_STRINGS.has(s))) return false;
  if (node.type !== 'boolean') return true;
  const parentKey = [...segs].reverse().find((s, i) => i > 0 && typeof s === 'string');
  return segs[segs.length - 1] === 'value' || ['dockerLabels', 'options', 'labels', 'driverOpts'].includes(String(parentKey));
}

function badEnum(node: Node, key: string, allowed: unknown[], segs: ReadonlyArray<string | number>, ctx: TranslateContext): SchemaReport | undefined {
  if (node.type === 'null' || (node.type === 'string' && node.value === '')) return emptyOrNull(node, key, ctx);
  if (node.type !== 'string' || ctx.isPlaceholder(node, { enumField: true })) return undefined; // the type error covers non-strings
  const values = allowed.map(String);
  const value = String(node.value);
  // `mode=1777`, `uid=1000`: the API lists the option names, Docker takes them with a value (facts/limits.ts).
  if (key === 'mountOptions' && segs.includes('tmpfs') && isValuedTmpfsMountOption(value)) return undefined;
  const candidates = suggestEnumValues(value, values);
  const capPrefix = /^CAP_/i.test(value) && candidates.length > 0 && candidates[0] === value.slice(4).toUpperCase();
  const listed = values.length > 16 ? `${candidates.length ? candidates.join(', ') + ', or another of ' : ''}the ${values.length} values listed in the docs` : values.join(', ');
  return {
    code: 'invalid-enum-value',
    node,
    severity: capPrefix ? 'warning' : undefined,
    message: capPrefix
      ? `'${value}' carries the CAP_ prefix; ECS capability names are written without it: '${candidates[0]}'.`
      : `'${value}' is not a valid ${key}. Use one of: ${listed}.`,
    fixes: candidates.map((c, i) => ({ title: `Change to '${c}'`, preferred: i === 0, edits: [replaceNodeEdit(node, c)] })),
  };
}

function outOfRange(node: Node, key: string, schema: SchemaObject, ctx: TranslateContext): SchemaReport | undefined {
  if (node.type !== 'number') return undefined;
  const min = (schema.minimum ?? schema.exclusiveMinimum) as number | undefined;
  const max = (schema.maximum ?? schema.exclusiveMaximum) as number | undefined;
  const value = node.value as number;
  const range = min !== undefined && max !== undefined ? `allowed range is ${min}–${max}` : min !== undefined ? `it must be at least ${min}` : `it must be at most ${max}`;
  const fixes: Fix[] = [];
  // A port clamped to the limit is another port (and may clash with one in use): the user has to choose.
  const clamp = !/Port$/.test(key);
  if (clamp && min !== undefined && value < min) fixes.push({ title: `Set to ${min}`, preferred: true, edits: [replaceNodeEdit(node, min)] });
  if (clamp && max !== undefined && value > max) fixes.push({ title: `Set to ${max}`, preferred: true, edits: [replaceNodeEdit(node, max)] });
  void ctx;
  return { code: 'value-out-of-range', node, message: `${key} is ${value}; ${range}.`, fixes };
}

function badSize(node: Node, key: string, keyword: string, limit: number, segs: ReadonlyArray<string | number>, ctx: TranslateContext): SchemaReport | undefined {
  if (keyword === 'minLength' && node.type === 'string' && node.value === '') return emptyOrNull(node, key, ctx);
  if (keyword === 'minItems' && (node.children?.length ?? 0) === 0) {
    const where = whereOf(segs, ctx);
    const what = key === 'containerDefinitions' ? 'at least one container' : `at least ${limit} item${limit === 1 ? '' : 's'}`;
    return { code: 'missing-required', node: keyOf(node) ?? node, message: `'${key}' in ${where} is empty; it needs ${what}.`, dedupeKey: `missing:${node.parent?.parent?.offset}:${key}` };
  }
  if (ctx.isPlaceholder(node)) return undefined;
  if (keyword === 'maxItems') {
    const n = node.children?.length ?? 0;
    return { code: 'value-out-of-range', node: keyOf(node) ?? node, message: `'${key}' has ${n} entries; at most ${limit} are allowed.` };
  }
  if (keyword === 'maxLength' && node.type === 'string') {
    return { code: 'value-out-of-range', node, message: `'${key}' is ${String(node.value).length} characters long; at most ${limit} are allowed.` };
  }
  if (keyword === 'minItems') {
    return { code: 'value-out-of-range', node: keyOf(node) ?? node, message: `'${key}' has ${node.children?.length ?? 0} entries; it needs at least ${limit}.` };
  }
  return undefined;
}

function badPattern(node: Node, key: string, schema: SchemaObject, ctx: TranslateContext): SchemaReport | undefined {
  if (node.type !== 'string') return undefined;
  const nameField = NAME_KEYS.has(key);
  if (ctx.isPlaceholder(node, { nameField })) return undefined;
  const value = String(node.value);
  const pattern = String(schema.pattern ?? '');
  // A partial placeholder: judge only the literal part ("${env}-web" is a fine container name).
  const literal = replacePlaceholders(value, ctx.placeholders, 'x');
  if (literal !== value && safeTest(pattern, literal)) return undefined;
  const what = (schema['x-format-name'] as string | undefined) ?? key;
  const hint = (schema['x-format-hint'] as string | undefined) ?? formatHint(pattern);
  return { code: 'invalid-format', node, message: `'${value}' is not a valid ${what}: ${hint}.` };
}

function safeTest(pattern: string, value: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(value);
  } catch {
    return false;
  }
}

function formatHint(pattern: string): string {
  if (pattern.includes('A-Za-z0-9_-]{1,255}')) return "use 1–255 letters, digits, '-' or '_'";
  if (pattern.includes('[a-z0-9_][a-z0-9_-]{0,63}')) return "use up to 64 lowercase letters, digits, '_' or '-', not starting with '-'";
  return `expected the form ${pattern}`;
}

function jsonType(node: Node): string {
  return node.type === 'number' ? (Number.isInteger(node.value) ? 'integer' : 'number') : node.type;
}

function article(type: string): string {
  const word = type === 'integer' ? 'an integer' : type === 'object' ? 'an object' : type === 'array' ? 'an array' : `a ${type}`;
  return word.replace(/,/g, ' or ');
}

function preview(node: Node, text: string): string {
  const raw = text.slice(node.offset, node.offset + node.length);
  return raw.length > 40 ? `${raw.slice(0, 37)}…` : raw;
}

export { rangeOf };
