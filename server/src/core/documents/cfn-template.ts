/**
 * A CloudFormation template (JSON or YAML) and its task-definition subjects: each AWS::ECS::TaskDefinition's
 * Properties, converted to the API's names (`Memory` → `memory`) while every node keeps the span of its source
 * key or value, so rules read the usual model and their reports land on the template's own text.
 */
import type { Node } from 'jsonc-parser';
import { findDuplicateKeys, parseDocument, type DuplicateKey, type SyntaxProblem } from '../syntax/parse';
import { readYamlSteps, SHORT_FORM } from '../syntax/yaml';
import { child, entries, str } from '../syntax/tree';
import { TASK_DEFINITION_TYPE, type TemplateSyntax } from './cfn-detect';
import { apiName, childSpot, isFreeMap, itemSpot, ROOT_SPOT, schemaTypes, type SchemaSpot } from './cfn-names';
import { attachWriter } from '../fixes/writer';
import { templateWriter } from './template-writer';
import type { MutableNode as MNode } from '../syntax/tree';

export { looksLikeCfnTemplate, templateSyntax, isTemplateFileName, isYamlFileName, TASK_DEFINITION_TYPE, type TemplateSyntax } from './cfn-detect';

export interface TemplateSubject {
  logicalId: string;
  /** The resource's logical-id key in the template. */
  idNode: Node;
  /** `aws:cdk:path` metadata (the construct path in a CDK app), when present. */
  cdkPath?: string;
  /** The converted task definition: API names, template offsets. */
  root: Node;
  /** The `Properties` value in the template (undefined when the resource has none). */
  properties?: Node;
  /** The resource's mapping (`Type`, `Properties`, …): where a fix writes a `Properties` block when there is none. */
  resource?: Node;
  /** Offsets of nodes that stand for an intrinsic function (opaque values). */
  placeholderOffsets: Set<number>;
  duplicateKeys: DuplicateKey[];
  /** Key nodes and scalar value nodes of the converted tree, by offset: what a fix may replace. */
  keyOffsets: Set<number>;
  scalars: Map<number, Node>;
  /** The template's text. */
  sourceText: string;
  /** YAML anchored values: a fix there would change every alias of them too. */
  anchored: Array<{ start: number; end: number }>;
  /** YAML mappings with explicit or collection keys, which fixes leave alone. */
  irregular: Array<{ start: number; end: number }>;
  /** `!Ref Param` nodes by offset, with the parameter they name (resolved or not). */
  refs: Map<number, TemplateParameter>;
  /** `!Ref Param` nodes read as the parameter's Default (offset → length): checked, never rewritten by a fix. */
  resolved: Map<number, number>;
}

/** A template parameter a task definition refers to. */
export interface TemplateParameter {
  name: string;
  /** The `Default` value node, when it is a scalar. */
  default?: Node;
  /** The `AllowedValues` scalars, when listed. */
  allowed?: Node[];
}

export interface CfnTemplate {
  syntax: TemplateSyntax;
  root: Node | undefined;
  syntaxErrors: SyntaxProblem[];
  truncated?: { offset: number; message: string };
  /** True when the text is a template (false: a YAML file that is something else). */
  isTemplate: boolean;
  subjects: TemplateSubject[];
}

export function readTemplate(text: string, syntax: TemplateSyntax): CfnTemplate {
  const steps = readTemplateSteps(text, syntax);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** readTemplate as steps: it yields after the parse, the conversion and each task definition read. */
export function* readTemplateSteps(text: string, syntax: TemplateSyntax): Generator<void, CfnTemplate, void> {
  let root: Node | undefined;
  let syntaxErrors: SyntaxProblem[];
  let truncated: CfnTemplate['truncated'];
  let anchored: TemplateSubject['anchored'] = [];
  let irregular: TemplateSubject['irregular'] = [];
  if (syntax === 'yaml') {
    const y = yield* readYamlSteps(text);
    anchored = y.anchored;
    irregular = y.irregular;
    root = y.root;
    syntaxErrors = y.syntaxErrors;
    truncated = y.truncated;
  } else {
    const p = parseDocument(text);
    yield;
    root = p.unreadable ? undefined : p.root;
    syntaxErrors = p.syntaxErrors;
    if (p.unreadable?.reason === 'too-deep') truncated = { offset: p.unreadable.offset, message: 'Brackets nest too deep here; the template was not checked.' };
  }
  const resources = child(root, 'Resources');
  const isTemplate = root?.type === 'object' && (child(root, 'AWSTemplateFormatVersion') !== undefined || resources?.type === 'object');
  const subjects: TemplateSubject[] = [];
  const parameters = readParameters(child(root, 'Parameters'));
  // A broken template gets its one syntax error, not findings on a half-read tree.
  if (isTemplate && syntaxErrors.length === 0) {
    for (const [logicalId, idNode, resource] of entries(resources)) {
      if (str(child(resource, 'Type')) !== TASK_DEFINITION_TYPE) continue;
      const properties = child(resource, 'Properties');
      if (properties && properties.type !== 'object') continue; // `Properties: !If …`: nothing to read literally
      if (properties && isIntrinsic(properties)) continue;
      const cdkPath = str(child(child(resource, 'Metadata'), 'aws:cdk:path'));
      yield;
      const subject: TemplateSubject = { ...toSubject(text, logicalId, idNode, properties, cdkPath, parameters), resource, anchored, irregular };
      // Fixes on this subject are written in the template's syntax and names; chained steps re-read the template.
      attachWriter(subject.root, templateWriter(subject, syntax, (t) => readTemplate(t, syntax).subjects.find((x) => x.logicalId === logicalId)?.root));
      subjects.push(subject);
    }
  }
  return { syntax, root, syntaxErrors, truncated, isTemplate, subjects };
}

const isScalar = (n: Node | undefined): n is Node => n?.type === 'string' || n?.type === 'number' || n?.type === 'boolean';

function readParameters(params: Node | undefined): Map<string, TemplateParameter> {
  const out = new Map<string, TemplateParameter>();
  for (const [name, , p] of entries(params)) {
    if (p?.type !== 'object' || isIntrinsic(p)) continue;
    const d = child(p, 'Default');
    const allowed = child(p, 'AllowedValues');
    const values = allowed?.type === 'array' ? (allowed.children ?? []).filter(isScalar) : undefined;
    out.set(name, { name, default: isScalar(d) ? d : undefined, allowed: values && values.length > 0 ? values : undefined });
  }
  return out;
}

function toSubject(sourceText: string, logicalId: string, idNode: Node, properties: Node | undefined, cdkPath: string | undefined, parameters: Map<string, TemplateParameter>): TemplateSubject {
  const s: TemplateSubject = { logicalId, idNode, cdkPath, properties, root: undefined as unknown as Node, placeholderOffsets: new Set(), duplicateKeys: [], keyOffsets: new Set(), scalars: new Map(), sourceText, anchored: [], irregular: [], refs: new Map(), resolved: new Map() };
  const root = properties ? convert(properties, ROOT_SPOT, undefined, s, parameters) : undefined;
  const task = root ?? { type: 'object', offset: idNode.offset, length: 0, children: [] };
  if (!task.children!.some((p) => p.children?.[0]?.value === 'family')) addStackFamily(task);
  s.root = task as Node;
  s.duplicateKeys = findDuplicateKeys(s.root);
  return s;
}

/**
 * CloudFormation names the family after the stack and resource when `Family` is left out, so the subject gets an
 * opaque family (a placeholder by its text) of zero length, first among the properties at the object's start:
 * removal fixes look at neighbours, and nothing before the first property holds a comma.
 */
function addStackFamily(task: MNode): void {
  const at = task.offset;
  const prop: MNode = { type: 'property', offset: at, length: 0, parent: task, children: [] };
  prop.children!.push({ type: 'string', value: 'family', offset: at, length: 0, parent: prop }, { type: 'string', value: '${AWS::StackName}', offset: at, length: 0, parent: prop });
  task.children!.unshift(prop);
}

/** `{ Ref: … }`, `{ "Fn::…": … }` or a short-form tag: a value known only at deploy time. */
export function isIntrinsic(n: Node | undefined): boolean {
  if (n?.type !== 'object' || n.children?.length !== 1) return false;
  if (SHORT_FORM.has(n)) return true;
  const key = n.children[0].children?.[0]?.value;
  return key === 'Ref' || (typeof key === 'string' && key.startsWith('Fn::'));
}

function isNoValue(n: Node): boolean {
  const p = n.children?.[0];
  return p?.children?.[0]?.value === 'Ref' && p.children[1]?.value === 'AWS::NoValue';
}

/** `${Ref MemoryParam}`: a placeholder the rules already skip, naming what it stands for. */
function placeholderLabel(n: Node): string {
  const p = n.children![0];
  const fn = String(p.children?.[0]?.value ?? 'Fn');
  const arg = p.children?.[1];
  const shown = arg?.type === 'string' ? String(arg.value) : arg?.type === 'array' && arg.children?.[0]?.type === 'string' ? `${arg.children[0].value as string} …` : '…';
  return `\${${fn} ${shown.replace(/[{}]/g, '').slice(0, 60)}}`;
}

function convert(n: Node, spot: SchemaSpot, parent: MNode | undefined, s: TemplateSubject, params: Map<string, TemplateParameter>): MNode | undefined {
  if (isIntrinsic(n)) {
    if (isNoValue(n)) return undefined;
    const ref = n.children![0].children?.[0]?.value === 'Ref' ? n.children![0].children?.[1] : undefined;
    const param = ref?.type === 'string' ? params.get(ref.value as string) : undefined;
    if (param) s.refs.set(n.offset, param);
    // `!Ref Param` with a scalar Default, where a scalar belongs: checked as that value (a deploy may override it).
    const types = schemaTypes(spot);
    if (param?.default && types.length > 0 && types.every((t) => t === 'string' || t === 'number' || t === 'integer' || t === 'boolean')) {
      s.resolved.set(n.offset, n.length);
      const d = param.default;
      return coerce({ ...d, offset: n.offset, length: n.length } as Node, spot, parent);
    }
    s.placeholderOffsets.add(n.offset);
    return { type: 'string', value: placeholderLabel(n), offset: n.offset, length: n.length, parent };
  }
  if (n.type === 'object') {
    const obj: MNode = { type: 'object', offset: n.offset, length: n.length, children: [], parent };
    const free = isFreeMap(spot);
    for (const prop of n.children ?? []) {
      const keyNode = prop.children?.[0];
      if (!keyNode || typeof keyNode.value !== 'string') continue;
      const key = free ? keyNode.value : apiName(spot, keyNode.value);
      const p: MNode = { type: 'property', offset: prop.offset, length: prop.length, colonOffset: prop.colonOffset, parent: obj, children: [] };
      p.children!.push({ type: 'string', value: key, offset: keyNode.offset, length: keyNode.length, parent: p });
      s.keyOffsets.add(keyNode.offset);
      const valueNode = prop.children?.[1];
      if (valueNode) {
        const v = convert(valueNode, free ? { schema: spot.schema?.additionalProperties as SchemaSpot['schema'] } : childSpot(spot, key), p, s, params);
        if (!v) continue; // !Ref AWS::NoValue: the property is absent
        p.children!.push(v);
      }
      obj.children!.push(p);
    }
    return obj;
  }
  if (n.type === 'array') {
    const arr: MNode = { type: 'array', offset: n.offset, length: n.length, children: [], parent };
    const inner = itemSpot(spot);
    for (const el of n.children ?? []) {
      const v = convert(el, inner, arr, s, params);
      if (v) arr.children!.push(v);
    }
    return arr;
  }
  const out = coerce(n, spot, parent);
  s.scalars.set(out.offset, out as Node);
  return out;
}

/**
 * CloudFormation converts scalars to the property's type (`Memory: 512` is the string "512", `ContainerPort: "80"`
 * the number 80), so a template is not wrong where a JSON task definition would be.
 */
function coerce(n: Node, spot: SchemaSpot, parent: MNode | undefined): MNode {
  const base = { offset: n.offset, length: n.length, parent };
  const types = schemaTypes(spot);
  if ((n.type === 'number' || n.type === 'boolean') && types.includes('string') && !types.includes(n.type === 'number' ? 'integer' : 'boolean') && !types.includes('number')) {
    return { ...base, type: 'string', value: String(n.value) };
  }
  if (n.type === 'string' && !types.includes('string')) {
    const v = n.value as string;
    if ((types.includes('integer') || types.includes('number')) && /^-?\d+(\.\d+)?$/.test(v.trim())) return { ...base, type: 'number', value: Number(v) };
    if (types.includes('boolean') && /^(true|false)$/i.test(v.trim())) return { ...base, type: 'boolean', value: v.trim().toLowerCase() === 'true' };
  }
  return { ...base, type: n.type, value: n.value };
}
