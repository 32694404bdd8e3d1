/**
 * Context that flows back from deploying files into a task definition: the ECS deploy action drops `null` and
 * empty values and the describe-only keys before it registers the file, and the render action sets the image of
 * the container it names. A task definition deployed that way gets those findings faded (null values, keys the
 * action drops) or left out (the image of a rendered container). The host says who deploys the file
 * (`LintOptions.deployedBy`): the language server from its workspace index, the CLI from the workflows it read.
 */
import type { Node } from 'jsonc-parser';
import type { Classification } from '../documents/classify';
import { containerIndex } from '../documents/task-index';
import type { ParsedDocument } from '../syntax/parse';
import { child } from '../syntax/tree';
import type { Diagnostic } from '../types';
import { readWorkflow } from './workflow';

export interface DeployContext {
  /** The deploying file as shown to the user (repository-relative path). */
  file: string;
  /** An amazon-ecs-deploy-task-definition step registers this file (directly or through a render step). */
  registers: boolean;
  /** Containers whose image an amazon-ecs-render-task-definition step sets. */
  renders: string[];
}

/**
 * Keys DescribeTaskDefinition returns that the deploy action removes before RegisterTaskDefinition
 * (IGNORED_TASK_DEFINITION_ATTRIBUTES in aws-actions/amazon-ecs-deploy-task-definition).
 */
export const DEPLOY_ACTION_DROPPED_KEYS: ReadonlySet<string> = new Set([
  'compatibilities',
  'taskDefinitionArn',
  'requiresAttributes',
  'revision',
  'status',
  'registeredAt',
  'deregisteredAt',
  'registeredBy',
]);

/** Per repository-relative task-definition path: what a workflow text does with it. */
export function workflowDeployments(file: string, text: string): Map<string, DeployContext> {
  const out = new Map<string, DeployContext>();
  for (const step of readWorkflow(text).steps) {
    const path = step.taskDefinition?.value;
    if (!path || step.generated) continue;
    let ctx = out.get(path);
    if (!ctx) out.set(path, (ctx = { file, registers: false, renders: [] }));
    if (step.action === 'deploy') ctx.registers = true;
    const name = step.containerName?.value;
    if (step.action === 'render' && name && !ctx.renders.includes(name)) ctx.renders.push(name);
  }
  return out;
}

/** Merges the contexts of several deploying files (for one task definition). */
export function mergeContexts(contexts: readonly DeployContext[]): { registeredBy?: string; renderedBy: Map<string, string> } {
  const registeredBy = contexts.find((c) => c.registers)?.file;
  const renderedBy = new Map<string, string>();
  for (const c of contexts) for (const n of c.renders) if (!renderedBy.has(n)) renderedBy.set(n, c.file);
  return { registeredBy, renderedBy };
}

/**
 * Applies the deploy context to finalized diagnostics, in place order kept: returns the list without the image
 * findings of rendered containers, with null values and dropped keys faded to hints that say which file deploys it.
 * `fade` is lint.ts's (hint, unnecessary, fixes no longer preferred).
 */
export function applyDeployContext(
  diagnostics: Diagnostic[],
  text: string,
  parsed: ParsedDocument,
  doc: Classification,
  contexts: readonly DeployContext[],
  fade: (d: Diagnostic) => void,
): Diagnostic[] {
  if (contexts.length === 0) return diagnostics;
  const { registeredBy, renderedBy } = mergeContexts(contexts);
  const rendered: Node[] = [];
  const images: Node[] = [];
  for (const entry of containerIndex(doc, parsed).entries) {
    const image = child(entry.node, 'image');
    if (image) images.push(image);
    if (entry.name !== undefined && !entry.templatedName && renderedBy.has(entry.name)) rendered.push(entry.node);
  }
  const within = (d: Diagnostic, n: Node): boolean => d.range.offset >= n.offset && d.range.offset + d.range.length <= n.offset + n.length;
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const container = rendered.find((c) => within(d, c));
    if (container) {
      const image = child(container, 'image');
      // The render step replaces the image: whatever was said about the old value no longer holds.
      if (image && within(d, image)) continue;
      if (d.code === 'missing-required' && d.range.offset === container.offset && /needs 'image'\.$/.test(d.message)) continue;
    }
    if (registeredBy && (d.code === 'null-value' || d.code === 'read-only-property')) {
      const key = d.code === 'read-only-property' ? keyAt(text, d) : undefined;
      // An empty image the action would drop leaves the container without one: that finding stays.
      const dropped = d.code === 'null-value' ? !images.some((n) => within(d, n)) : key !== undefined && DEPLOY_ACTION_DROPPED_KEYS.has(key);
      if (dropped) {
        fade(d);
        d.message = `${firstClause(d.message)}; ${baseName(registeredBy)} deploys this file with amazon-ecs-deploy-task-definition, which drops ${/ more keys? /.test(d.message) ? 'them' : 'it'}.`;
      }
    }
    out.push(d);
  }
  return out;
}

function keyAt(text: string, d: Diagnostic): string | undefined {
  const raw = text.slice(d.range.offset, d.range.offset + d.range.length);
  const m = /^"([^"\\]*)"$/.exec(raw) ?? /^([A-Za-z]+)$/.exec(raw);
  return m?.[1];
}

function firstClause(message: string): string {
  // The em dash as \u2014: esbuild keeps a regex literal's characters, and one non-ASCII character makes the whole
  // bundle a two-byte string for V8 (slower to read at every start, twice the memory; scripts/build.mjs checks).
  const m = /^(.*?)(,|;| \u2014 |\. )/.exec(message);
  const s = (m ? m[1] : message).replace(/\.$/, '');
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
