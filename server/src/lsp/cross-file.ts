/**
 * Navigation across files, on the workspace index: go to definition, find references and rename of a container
 * name (from a deploying file or from the task definition itself), hover on a referenced container, completion
 * of container names and ports in deploying files. Works for every kind `fileReferences` reads.
 */
import {
  type CompletionItem,
  CompletionItemKind,
  ErrorCodes,
  type Hover,
  type Location,
  type Range,
  ResponseError,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { OffsetRange } from '../core/types';
import { mergeContexts } from '../core/workspace/deploy-context';
import { isRenamableName, type SummaryContainer, type TaskSummary } from '../core/workspace/task-summary';
import type { ContainerReference } from '../core/workspace/references';
import type { ContainerOccurrence } from '../core/workspace/workspace-index';
import { toLspRange } from './convert';
import type { FeatureContext } from './server';
import type { WorkspaceLinks } from './workspace-links';

/** What the cursor is on: a container name (in a task definition or a deploying file), or a port next to one. */
export interface Target {
  /** The task-definition files the name belongs to. */
  tasks: string[];
  name: string;
  /** The name's range in the document at the cursor (without quotes). */
  range: OffsetRange;
  /** A port in a deploying file, when the cursor is on it. */
  port?: number;
  /** The cross-file reference the cursor is on (undefined in the task definition itself). */
  reference?: ContainerReference;
  /** Why the name cannot be followed or renamed (a templated name, no linked task definition). */
  problem?: string;
}

const within = (offset: number, r: OffsetRange): boolean => offset >= r.offset && offset <= r.offset + r.length;

/** The container name or port at `offset` of the document at `path`, if any. */
export function targetAt(links: WorkspaceLinks, path: string, text: string, offset: number): Target | undefined {
  const index = links.index;
  const task = index.task(path);
  if (task) {
    for (const c of task.containers) {
      if (within(offset, c.nodeRange)) return { tasks: [path], name: c.name, range: c.nameRange, ...(c.templated ? { problem: `'${c.name}' is templated` } : {}) };
    }
    for (const r of task.references) if (within(offset, r.nameRange)) return { tasks: [path], name: r.name, range: r.nameRange };
    return undefined;
  }
  for (const { reference, tasks } of index.resolvedReferences(path)) {
    const onName = within(offset, reference.node);
    const onPort = !!reference.port && within(offset, reference.port.node);
    if (!onName && !onPort) continue;
    const node = onPort ? reference.port!.node : reference.node;
    const range = unquoted(text, { offset: node.offset, length: node.length });
    const problem = !isRenamableName(reference.name)
      ? `'${reference.name}' is templated or not a literal container name`
      : tasks.length === 0
        ? `no task definition in the workspace matches ${linkText(reference)}`
        : undefined;
    return { tasks, name: reference.name, range, reference, ...(onPort ? { port: reference.port!.value } : {}), ...(problem ? { problem } : {}) };
  }
  return undefined;
}

function linkText(r: ContainerReference): string {
  return r.link.by === 'path' ? `'${r.link.path}'` : `family '${r.link.family}'`;
}

function unquoted(text: string, r: OffsetRange): OffsetRange {
  const raw = text.slice(r.offset, r.offset + r.length);
  return /^(["']).*\1$/s.test(raw) && raw.length >= 2 ? { offset: r.offset + 1, length: r.length - 2 } : r;
}

export function registerCrossFile(ctx: FeatureContext): void {
  const { connection, documents, links } = ctx;

  /** The target at the position, once the files the document names are indexed (read now if they appeared unannounced). */
  async function at(uri: string, position: { line: number; character: number }): Promise<{ doc: TextDocument; path: string; target?: Target } | undefined> {
    if (!documents.get(uri)) return undefined;
    await links.ensureLinked(uri);
    const doc = documents.get(uri);
    if (!doc) return undefined;
    const path = links.pathOf(uri);
    return { doc, path, target: targetAt(links, path, doc.getText(), doc.offsetAt(position)) };
  }

  const location = (path: string, r: OffsetRange): Location | undefined => {
    const doc = documents.get(links.uriOf(path)) ?? links.document(path);
    return doc ? { uri: doc.uri, range: toLspRange(doc, r) } : undefined;
  };

  connection.onDefinition(async (params) => {
    const found = await at(params.textDocument.uri, params.position);
    const t = found?.target;
    if (!t) return null;
    const out: Location[] = [];
    for (const taskPath of t.tasks) {
      const c = links.index.task(taskPath)?.containers.find((x) => x.name === t.name);
      if (!c) continue;
      const port = t.port === undefined ? undefined : c.ports.find((p) => p.value === t.port);
      const loc = location(taskPath, port ? port.range : c.nameRange);
      if (loc) out.push(loc);
    }
    return out;
  });

  connection.onReferences(async (params) => {
    const found = await at(params.textDocument.uri, params.position);
    const t = found?.target;
    if (!t) return null;
    return occurrencesOf(links, t)
      .filter((o) => params.context.includeDeclaration || o.kind !== 'definition')
      .flatMap((o) => location(o.path, o.kind === 'cross-file' ? unquoted(links.index.text(o.path) ?? '', o.range) : o.range) ?? []);
  });

  connection.onPrepareRename(async (params) => {
    const found = await at(params.textDocument.uri, params.position);
    const t = found?.target;
    if (!found || !t || t.port !== undefined) throw new ResponseError(ErrorCodes.InvalidRequest, 'Place the cursor on a container name to rename it.');
    const refusal = renameRefusal(links, t);
    if (refusal) throw new ResponseError(ErrorCodes.InvalidRequest, refusal);
    return { range: toLspRange(found.doc, t.range), placeholder: t.name };
  });

  connection.onRenameRequest(async (params): Promise<WorkspaceEdit> => {
    const found = await at(params.textDocument.uri, params.position);
    const t = found?.target;
    if (!t || t.port !== undefined) throw new ResponseError(ErrorCodes.InvalidRequest, 'Place the cursor on a container name to rename it.');
    const refusal = renameRefusal(links, t) ?? newNameProblem(links, t, params.newName);
    if (refusal) throw new ResponseError(ErrorCodes.InvalidRequest, refusal);
    return renameEdit(links, t, params.newName, (path) => documents.get(links.uriOf(path)) ?? links.document(path));
  });
}

/** Every occurrence of the target's container across the files of its task definitions. */
export function occurrencesOf(links: WorkspaceLinks, t: Target): ContainerOccurrence[] {
  const seen = new Set<string>();
  const out: ContainerOccurrence[] = [];
  for (const task of t.tasks) {
    for (const o of links.index.occurrences(task, t.name)) {
      const key = `${o.path}\n${o.range.offset}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(o);
    }
  }
  return out;
}

function renameRefusal(links: WorkspaceLinks, t: Target): string | undefined {
  if (t.problem) return `Cannot rename: ${t.problem}.`;
  if (!isRenamableName(t.name)) return `Cannot rename '${t.name}': it is templated or not a literal container name.`;
  const broken = t.tasks.find((p) => links.index.task(p)?.broken);
  if (broken) return `Cannot rename '${t.name}': ${broken.slice(broken.lastIndexOf('/') + 1)} has syntax errors; fix them first.`;
  const defined = t.tasks.some((p) => links.index.task(p)?.containers.some((c) => c.name === t.name && !c.templated));
  if (!defined) return `Cannot rename '${t.name}': no container of that name in ${t.tasks.length ? 'the linked task definition' : 'the workspace'}.`;
  return undefined;
}

function newNameProblem(links: WorkspaceLinks, t: Target, newName: string): string | undefined {
  if (!/^[A-Za-z0-9_-]{1,255}$/.test(newName)) return `'${newName}' is not a valid container name (letters, digits, hyphens and underscores, up to 255).`;
  if (newName === t.name) return undefined;
  const taken = t.tasks.find((p) => links.index.task(p)?.containers.some((c) => c.name === newName));
  return taken ? `A container named '${newName}' already exists in ${taken.slice(taken.lastIndexOf('/') + 1)}.` : undefined;
}

/** The edit that renames the target's container in its task definitions and in every file that names it. */
export function renameEdit(links: WorkspaceLinks, t: Target, newName: string, docOf: (path: string) => TextDocument | undefined): WorkspaceEdit {
  const changes: Record<string, TextEdit[]> = {};
  for (const o of occurrencesOf(links, t)) {
    const doc = docOf(o.path);
    if (!doc) continue;
    (changes[doc.uri] ??= []).push({ range: toLspRange(doc, o.range), newText: o.replacement(newName) });
  }
  return { changes };
}

/** Hover on a referenced container name or port in a deploying file: the container, or why it is not found. */
export function crossFileHover(links: WorkspaceLinks, doc: TextDocument): ((offset: number) => Hover | null) | undefined {
  const path = links.pathOf(doc.uri);
  if (!links.index.references(path)) return undefined;
  return (offset) => {
    const t = targetAt(links, path, doc.getText(), offset);
    if (!t) return null;
    const range = toLspRange(doc, t.range);
    const parts: string[] = [];
    for (const taskPath of t.tasks) {
      const task = links.index.task(taskPath)!;
      const c = task.containers.find((x) => x.name === t.name);
      parts.push(c ? describeContainer(c, links.displayPath(path, taskPath), t.port) : `No container '${t.name}' in \`${links.displayPath(path, taskPath)}\`${containersList(task)}.`);
    }
    if (parts.length === 0) parts.push(`'${t.name}' is not checked: ${t.problem ?? 'no linked task definition was found'}.`);
    return { contents: { kind: 'markdown', value: parts.join('\n\n---\n\n') }, range };
  };
}

function containersList(task: TaskSummary): string {
  const names = task.containers.map((c) => `\`${c.name}\``);
  return names.length ? ` (it has ${names.join(', ')})` : '';
}

function describeContainer(c: SummaryContainer, file: string, port?: number): string {
  const ports = c.ports.map((p) => `${p.value}${p.protocol ? `/${p.protocol}` : ''}${p.name ? ` (${p.name})` : ''}`);
  const lines = [
    `**Container \`${c.name}\`** in \`${file}\``,
    '',
    `- image: ${c.image !== undefined ? `\`${c.image || '(empty)'}\`` : '(none)'}`,
    `- ports: ${ports.length ? ports.join(', ') : '(none)'}`,
    `- essential: ${c.essential === undefined ? 'templated' : c.essential ? 'yes' : 'no'}`,
  ];
  if (port !== undefined && !c.ports.some((p) => p.value === port)) lines.push('', `Port ${port} is not among its port mappings.`);
  return lines.join('\n');
}

/** The hover line a task definition gets from the files that deploy it (empty when none does). */
export function deployedByMarkdown(links: WorkspaceLinks, uri: string): string {
  const contexts = links.deployContexts(uri);
  if (contexts.length === 0) return '';
  const { registeredBy, renderedBy } = mergeContexts(contexts);
  const files = [...new Set(contexts.map((c) => c.file))].map((f) => `\`${f}\``);
  const lines = [`**Deployed by** ${files.join(', ')}`];
  if (registeredBy) lines.push(`- amazon-ecs-deploy-task-definition registers this file: null values and describe-only keys are dropped first.`);
  for (const [name, file] of renderedBy) lines.push(`- the render step in \`${file}\` sets the image of \`${name}\`.`);
  return lines.join('\n');
}

/** Completion in a deploying file: container names at a container reference, that container's ports at a port. */
export function crossFileCompletion(links: WorkspaceLinks, doc: TextDocument, offset: number): CompletionItem[] | undefined {
  const path = links.pathOf(doc.uri);
  const refs = links.index.references(path);
  if (!refs) return undefined;
  const text = doc.getText();
  for (const { reference, tasks } of links.index.resolvedReferences(path)) {
    const containers = tasks.flatMap((p) => links.index.task(p)?.containers ?? []);
    if (within(offset, reference.node)) {
      const raw = text.slice(reference.node.offset, reference.node.offset + reference.node.length);
      const range = toLspRange(doc, { offset: reference.node.offset, length: reference.node.length });
      return uniqueBy(containers, (c) => c.name)
        .filter((c) => !c.templated)
        .map((c) => nameItem(c, raw, range));
    }
    if (reference.port && within(offset, reference.port.node)) {
      const range = toLspRange(doc, { offset: reference.port.node.offset, length: reference.port.node.length });
      return portItems(containers.filter((c) => c.name === reference.name), range);
    }
  }
  // An empty value after a container-name key: the names of every task definition the file links.
  const line = text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset);
  if (/(container-name|ContainerName|containerName)"?\s*:\s*"?$/.test(line)) {
    const containers = links.index.linkedTasks(path).flatMap((p) => links.index.task(p)?.containers ?? []);
    const quoted = /"$/.test(line);
    return uniqueBy(containers, (c) => c.name)
      .filter((c) => !c.templated)
      .map((c) => ({ label: c.name, kind: CompletionItemKind.Reference, detail: c.image ?? 'container', insertText: quoted ? c.name : c.name }));
  }
  return [];
}

function nameItem(c: SummaryContainer, raw: string, range: Range): CompletionItem {
  const quote = /^["']/.test(raw) ? raw[0] : '';
  return {
    label: c.name,
    kind: CompletionItemKind.Reference,
    detail: c.image ?? 'container',
    filterText: `${quote}${c.name}`,
    textEdit: { range, newText: `${quote}${c.name}${quote}` },
  };
}

function portItems(containers: SummaryContainer[], range: Range): CompletionItem[] {
  const ports = uniqueBy(
    containers.flatMap((c) => c.ports.map((p) => ({ ...p, container: c.name }))),
    (p) => String(p.value),
  );
  return ports.map((p) => ({
    label: String(p.value),
    kind: CompletionItemKind.Value,
    detail: `${p.container}${p.protocol ? ` ${p.protocol}` : ''}${p.name ? ` (${p.name})` : ''}`,
    textEdit: { range, newText: String(p.value) },
  }));
}

function uniqueBy<T>(xs: T[], key: (x: T) => string): T[] {
  const seen = new Set<string>();
  return xs.filter((x) => !seen.has(key(x)) && !!seen.add(key(x)));
}
