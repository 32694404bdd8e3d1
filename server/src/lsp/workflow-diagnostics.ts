/**
 * Diagnostics of an open file that deploys a task definition: a GitHub workflow that uses the ECS actions, a
 * CodeDeploy appspec, or a service definition. The linked task-definition files come from a `LinkedFileSource` (the
 * local disk in the Node server, node/disk-linked-files.ts; the workspace index's texts in the web worker and for
 * virtual folders, client-workspace-source.ts). Nothing is cached: a deploying file links one or two small files,
 * read again on each request, so a task definition changed on disk is seen next time.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { TextDocument as TextDoc } from 'vscode-languageserver-textdocument';
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import { checkDeployFile } from '../core/workspace/check-service';
import { checkWorkflow, type LinkedFiles } from '../core/workspace/check-workflow';
import { isDeployingService } from '../core/workspace/deploy-files';
import { isWorkflowPath, mentionsEcsActions } from '../core/workspace/workflow';
import type { Diagnostic, LintOptions } from '../core/types';
import { toLspDiagnostic, toLspRange } from './convert';
import { URI_PATH } from './uri';

export interface LinkedFileSource {
  handles(uri: string): boolean;
  /** What the workflow at `uri` links, read now; undefined when the workflow's repository cannot be found. */
  read(uri: string, text: string): LinkedFiles | undefined;
  /** The URI of a repository-relative path, for related information. */
  uriOf(workflowUri: string, path: string): string | undefined;
  /** What an appspec or service definition at `uri` links (paths relative to its folder); undefined when unknown. */
  readDeploy?(uri: string, text: string, context: DeployReadContext): LinkedFiles | undefined;
  /** The URI of a path relative to the deploying file's folder. */
  uriOfDeploy?(uri: string, path: string): string | undefined;
}

/** What the server knows beyond the deploying file itself: the config's mapping and the workspace index's families. */
export interface DeployReadContext {
  /** The task-definition path `.ecs-taskdef.json` maps this file to (relative to its folder). */
  mapped?: string;
  /** URIs of the indexed task-definition files that register `family` (the same repository's when it has any). */
  familyUris?(family: string): string[];
  /** How messages and hovers name the linked file at `uri` (WorkspaceLinks.displayPath); its relative path when absent. */
  nameOf?(uri: string): string;
}

const sources: LinkedFileSource[] = [];

/** Open documents' text (typed, not yet saved) wins over the source's copy of a linked file. */
let overlay: ((uri: string) => string | undefined) | undefined;

export function setLinkedOverlay(textOf: ((uri: string) => string | undefined) | undefined): void {
  overlay = textOf;
}

export function addLinkedFileSource(source: LinkedFileSource): void {
  sources.push(source);
}

/** True for a `.github/workflows/*.yml` document that uses the ECS render or deploy action. */
export function isEcsWorkflow(doc: TextDocument): boolean {
  return isWorkflowPath(URI_PATH(doc.uri)) && mentionsEcsActions(doc.getText());
}

/** A workflow, appspec or service definition: checked against the files it links rather than linted alone. */
export function isDeployingDocument(doc: TextDocument): boolean {
  return isEcsWorkflow(doc) || isDeployingService(URI_PATH(doc.uri), doc.getText());
}

export interface WorkflowAnalysis {
  diagnostics: Diagnostic[];
  linked: LinkedFiles;
  /** Linked paths are relative to the deploying file's folder (appspec, service), not to the repository. */
  relative?: boolean;
}

export function analyseWorkflow(doc: TextDocument, options: LintOptions, context: DeployReadContext = {}): WorkflowAnalysis | undefined {
  const text = doc.getText();
  if (!isEcsWorkflow(doc)) {
    const linked = readDeployLinked(doc, context);
    return { diagnostics: checkDeployFile(URI_PATH(doc.uri), text, linked, options, context.mapped).diagnostics, linked, relative: true };
  }
  const linked = readWorkflowLinked(doc);
  return linked && { diagnostics: checkWorkflow(text, linked, options), linked };
}

/** What an appspec or service definition links, open documents' text first; without a source it links nothing. */
export function readDeployLinked(doc: TextDocument, context: DeployReadContext = {}): LinkedFiles {
  const source = sources.find((s) => s.handles(doc.uri));
  const read = source?.readDeploy?.(doc.uri, doc.getText(), context) ?? { files: new Map() };
  const uriOf = (path: string) => source?.uriOfDeploy?.(doc.uri, path);
  const nameOf = context.nameOf;
  const named: LinkedFiles = nameOf
    ? {
        ...read,
        label: (path) => {
          const uri = uriOf(path);
          return uri === undefined ? path : nameOf(uri);
        },
      }
    : read;
  return withOverlay(named, uriOf);
}

/** What a workflow links (repository-relative paths), open documents' text first; undefined without a repository. */
export function readWorkflowLinked(doc: TextDocument): LinkedFiles | undefined {
  const source = sources.find((s) => s.handles(doc.uri));
  const read = source?.read(doc.uri, doc.getText());
  return source && read ? withOverlay(read, (path) => source.uriOf(doc.uri, path)) : undefined;
}

/** The URI of a path a deploying file links (relative to its folder, or to the repository for a workflow). */
export function linkedUri(doc: TextDocument, path: string, relative: boolean): string | undefined {
  const source = sources.find((s) => s.handles(doc.uri));
  return relative ? source?.uriOfDeploy?.(doc.uri, path) : source?.uriOf(doc.uri, path);
}

/** The linked files with the text of those open in the editor in place of the source's copy. */
function withOverlay(linked: LinkedFiles, uriOf: (path: string) => string | undefined): LinkedFiles {
  if (!overlay) return linked;
  const files = new Map(linked.files);
  for (const path of files.keys()) {
    const uri = uriOf(path);
    const open = uri === undefined ? undefined : overlay(uri);
    if (open !== undefined) files.set(path, open);
  }
  return { ...linked, files };
}

export function workflowLspDiagnostics(doc: TextDocument, analysis: WorkflowAnalysis): LspDiagnostic[] {
  const source = sources.find((s) => s.handles(doc.uri));
  const linkedDocs = new Map<string, TextDocument | undefined>();
  const linkedDoc = (path: string): TextDocument | undefined => {
    if (!linkedDocs.has(path)) {
      const text = analysis.linked.files.get(path);
      const uri = analysis.relative ? source?.uriOfDeploy?.(doc.uri, path) : source?.uriOf(doc.uri, path);
      linkedDocs.set(path, text && uri ? TextDoc.create(uri, 'json', 0, text) : undefined);
    }
    return linkedDocs.get(path);
  };
  return analysis.diagnostics.map((d, i) => {
    const out = toLspDiagnostic(doc, { ...d, related: undefined }, i);
    const related = (d.related ?? []).flatMap((r) => {
      const target = r.file === undefined ? doc : linkedDoc(r.file);
      return target ? [{ location: { uri: target.uri, range: toLspRange(target, r.range) }, message: r.message }] : [];
    });
    if (related.length) out.relatedInformation = related;
    return out;
  });
}
