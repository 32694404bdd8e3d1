/**
 * Diagnostics of an open GitHub workflow that deploys to ECS: the linked task-definition files come from a
 * `LinkedFileSource` (the local disk in the Node server, node/disk-linked-files.ts). The web worker registers
 * none yet, so there workflows get no diagnostics (desktop only, like the CLI). Nothing is cached: a workflow links
 * one or two small files, read again on each request, so a task definition changed on disk is seen next time.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { TextDocument as TextDoc } from 'vscode-languageserver-textdocument';
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import { checkWorkflow, type LinkedFiles } from '../core/workspace/check-workflow';
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

export interface WorkflowAnalysis {
  diagnostics: Diagnostic[];
  linked: LinkedFiles;
}

export function analyseWorkflow(doc: TextDocument, options: LintOptions): WorkflowAnalysis | undefined {
  const source = sources.find((s) => s.handles(doc.uri));
  const text = doc.getText();
  let linked = source?.read(doc.uri, text);
  if (!source || !linked) return undefined;
  if (overlay) {
    const files = new Map(linked.files);
    for (const path of files.keys()) {
      const uri = source.uriOf(doc.uri, path);
      const open = uri === undefined ? undefined : overlay(uri);
      if (open !== undefined) files.set(path, open);
    }
    linked = { ...linked, files };
  }
  return { diagnostics: checkWorkflow(text, linked, options), linked };
}

export function workflowLspDiagnostics(doc: TextDocument, analysis: WorkflowAnalysis): LspDiagnostic[] {
  const source = sources.find((s) => s.handles(doc.uri));
  const linkedDocs = new Map<string, TextDocument | undefined>();
  const linkedDoc = (path: string): TextDocument | undefined => {
    if (!linkedDocs.has(path)) {
      const text = analysis.linked.files.get(path);
      const uri = source?.uriOf(doc.uri, path);
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
