/**
 * A Terraform file (.tf): its resources, locals and variables, and its task-definition and service subjects. Each
 * `resource "aws_ecs_task_definition"` block becomes the API-named tree rules read (tf-task-read.ts: snake_case
 * arguments and nested blocks → RegisterTaskDefinition members, `container_definitions` from `jsonencode([...])`,
 * JSON text or a `file(...)`/`templatefile(...)` link); each `resource "aws_ecs_service"` the service model's input
 * (tf-service-read.ts). Every node keeps the offsets of the HCL it came from (tf-builder.ts). References, function
 * calls, conditionals, `for` expressions and interpolations are placeholders: known only when Terraform runs.
 */
import { firstOf, firstSyntaxError, literalString, named, parseHcl, type SyntaxNode } from '../syntax/hcl';
import type { Node } from 'jsonc-parser';
import type { DuplicateKey, SyntaxProblem } from '../syntax/parse';
import { TF_SERVICE, TF_TASK_DEFINITION, type TfField } from './tf-names';
import { readValues, type TfValue } from './tf-values';
import { readTask } from './tf-task-read';
import { readService } from './tf-service-read';

export { TF_SERVICE, TF_TASK_DEFINITION };

/** A `file("…")` or `templatefile("…", {…})` that loads the container definitions. */
export interface TfLink {
  fn: 'file' | 'templatefile';
  /** The path as written (`${path.module}/` taken off); undefined when computed. */
  path?: string;
  /**
   * True when written `${path.module}/…`: relative to the module's folder. A bare relative path is relative to the
   * folder Terraform runs in (the root module's), which for a child module is a folder above it.
   */
  fromModule: boolean;
  /** The call, where a missing file or a cycle is reported. */
  call: { offset: number; length: number };
  /** templatefile's variable names (their values are not known here). */
  vars: string[];
}

/** A block body and what a fix needs to add an argument to it. */
export interface TfBlockSpot {
  offset: number;
  length: number;
  fields: Record<string, TfField>;
  /** Indentation of the block's arguments. */
  indent: string;
  /** End of the last argument or nested block; a new argument goes on a line after it. */
  lastArgumentEnd?: number;
  /** Just after the opening brace (for an empty block). */
  bodyOffset: number;
}

export interface TfSubject {
  /** `aws_ecs_task_definition.web`. */
  address: string;
  name: string;
  /** The block's header (`resource "aws_ecs_task_definition" "web"`): where reports about the whole task go. */
  header: { offset: number; length: number };
  /** The whole block. */
  block: { offset: number; length: number };
  /** The resource's body: where a new argument goes. */
  body: TfBlockSpot;
  /** Nested blocks (volume, efs_volume_configuration, …): where a new argument of theirs goes. */
  blocks: TfBlockSpot[];
  root: Node;
  placeholderOffsets: Set<number>;
  duplicateKeys: DuplicateKey[];
  /** Key nodes and scalar value nodes of the converted tree, by offset: what a fix may replace. */
  keyOffsets: Set<number>;
  scalars: Map<number, Node>;
  /** Spans holding JSON-like object literals (`jsonencode([...])`) or JSON text (heredoc): JSON edits may land there. */
  jsonSpans: Array<{ offset: number; length: number; kind: 'jsonencode' | 'json-text' }>;
  /** Syntax errors of a heredoc or string of JSON. */
  jsonSyntaxErrors: SyntaxProblem[];
  link?: TfLink;
  /** `var.x`/`local.x` references read as the module's literal value, by the reference's offset (no fix edits them). */
  resolved: Map<number, TfValue>;
  sourceText: string;
}

/** An aws_ecs_service block: what the service rules need from it (issue 15's model reads this). */
export interface TfService {
  address: string;
  name: string;
  header: { offset: number; length: number };
  /** `aws_ecs_task_definition.x` when task_definition references a resource of this file. */
  taskDefinitionRef?: string;
  root: Node;
  placeholderOffsets: Set<number>;
  /** `var.x`/`local.x` references read as the module's literal value, by offset. */
  resolved: Map<number, TfValue>;
  /** Literal scalar values by offset: what a fix may replace. */
  scalars: Map<number, Node>;
  /** Blocks written as `dynamic "name" { … }`: their content is known only when Terraform runs. */
  dynamicBlocks: Map<string, { offset: number; length: number }>;
  /**
   * `task_definition` written as something that is never a family, `family:revision` or ARN: container JSON
   * (`jsonencode(…)`, `file(…)`, a heredoc) or a task definition's `container_definitions` attribute.
   */
  taskDefinitionMisuse?: { offset: number; length: number; what: string };
}

export interface TfModule {
  syntaxError?: { offset: number; length: number; message: string };
  subjects: TfSubject[];
  services: TfService[];
  /** Every resource address of the file (`aws_iam_role.exec`): a reference to one of them counts as set. */
  resources: Set<string>;
  /** Locals and variables' defaults this file declares (literals only). */
  values: Map<string, TfValue>;
}

/** Undefined when the HCL parser is not loaded yet (the host loads it before the first .tf lint). */
export function readTerraform(text: string, moduleValues?: ReadonlyMap<string, TfValue>): TfModule | undefined {
  const tree = parseHcl(text);
  if (!tree) return undefined;
  try {
    const root = tree.rootNode;
    const out: TfModule = { subjects: [], services: [], resources: new Set(), values: new Map() };
    const err = firstSyntaxError(root);
    if (err) out.syntaxError = { ...err, message: syntaxMessage(text, err) };
    const blocks = topBlocks(root);
    readValues(blocks, out.values);
    // The module's other files declare the rest (a folder is one module); this file's own come first.
    const scope = new Map(out.values);
    for (const [k, v] of moduleValues ?? []) if (!scope.has(k)) scope.set(k, v);
    for (const block of blocks) {
      const labels = named(block).filter((c) => c.type === 'string_lit');
      if (firstOf(block, 'identifier')?.text !== 'resource' || labels.length !== 2) continue;
      const type = literalString(labels[0]);
      const name = literalString(labels[1]);
      if (!type || !name) continue;
      out.resources.add(`${type}.${name}`);
      // A broken block is not read: the syntax error is its one finding.
      if (block.hasError) continue;
      if (type === TF_TASK_DEFINITION) out.subjects.push(readTask(text, block, name, scope));
      else if (type === TF_SERVICE) out.services.push(readService(text, block, name, scope));
    }
    return out;
  } finally {
    tree.delete();
  }
}

function syntaxMessage(text: string, err: { offset: number; length: number; missing?: string }): string {
  if (err.missing) return `HCL syntax error: a '${err.missing}' is missing here; ecs-taskdef checks the task definitions once the file parses.`;
  const shown = text.slice(err.offset, err.offset + Math.min(err.length, 30)).replace(/\s+/g, ' ').trim();
  return `HCL syntax error at '${shown}'; ecs-taskdef checks the task definitions once the file parses.`;
}

function topBlocks(root: SyntaxNode): SyntaxNode[] {
  const body = firstOf(root, 'body');
  return named(body).filter((c) => c.type === 'block');
}
