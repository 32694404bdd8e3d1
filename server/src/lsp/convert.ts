/** Core diagnostics (offsets) → LSP diagnostics (positions), at the edge only. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import { ruleDocsUrl } from '../core/docs-url';
import type { Diagnostic, OffsetRange, Severity } from '../core/types';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toLspRange(doc: TextDocument, r: OffsetRange) {
  return { start: doc.positionAt(r.offset), end: doc.positionAt(r.offset + r.length) };
}

export function toLspDiagnostic(doc: TextDocument, d: Diagnostic, index: number): LspDiagnostic {
  const out: LspDiagnostic = {
    range: toLspRange(doc, d.range),
    severity: SEVERITY[d.severity],
    code: d.code,
    source: 'ecs-taskdef',
    message: d.message,
    // Lets code actions find the core diagnostic (and its fixes) again for this document version.
    data: { index, version: doc.version },
  };
  // Part of a mistake another diagnostic carries: the editor fades the text instead of underlining it.
  if (d.unnecessary) out.tags = [DiagnosticTag.Unnecessary];
  if (d.code !== 'not-linted') out.codeDescription = { href: ruleDocsUrl(d.code) };
  if (d.related?.length) {
    out.relatedInformation = d.related.map((r) => ({ location: { uri: doc.uri, range: toLspRange(doc, r.range) }, message: r.message }));
  }
  return out;
}
