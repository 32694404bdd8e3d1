/**
 * textDocument/codeAction: per ecs-taskdef diagnostic its fixes, "fix all of this rule", "disable this rule"
 * and "show documentation"; and `source.fixAll.ecs-taskdef` (every preferred fix, for fix-on-save).
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type CodeAction, CodeActionKind, type Diagnostic as LspDiagnostic, type TextEdit as LspTextEdit } from 'vscode-languageserver';
import { minimalEdit } from '../core/fixes/edits';
import { fixAll, preferredFix } from '../core/fixes/fix-all';
import type { LintOutput } from '../core/lint';
import type { Diagnostic, LintOptions, TextEdit } from '../core/types';
import { DISABLE_RULE_COMMAND, FIX_ALL_CODE_ACTION_KIND, SHOW_RULE_DOCS_COMMAND } from '../shared/protocol';
import { lintOptionsFor } from './analysis';
import { toLspRange } from './convert';
import { analyseWorkflow, type DeployReadContext, isDeployingDocument } from './workflow-diagnostics';
import type { FeatureContext } from './server';

export const SOURCE = 'ecs-taskdef';

export function registerCodeActions(ctx: FeatureContext): void {
  ctx.connection.onCodeAction(async (params) => {
    const doc = ctx.documents.get(params.textDocument.uri);
    if (!doc) return [];
    const settings = await ctx.settingsFor(doc.uri);
    if (isDeployingDocument(doc)) return workflowQuickFixes(doc, lintOptionsFor(doc.uri, settings), params.context.diagnostics, ctx.deployReadContext(doc));
    const analysis = ctx.cache.get(doc, settings);
    if (!analysis.enabled || !analysis.output) return [];
    const output = analysis.output;
    const options = lintOptionsFor(doc.uri, settings);
    const only = params.context.only;
    const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
    const actions: CodeAction[] = [];
    if (wants(CodeActionKind.QuickFix)) {
      actions.push(...quickFixes(doc, output, options, params.context.diagnostics));
    }
    // Source actions only when asked for (save, "Source Action…"), never in the light bulb.
    if (only && wants(FIX_ALL_CODE_ACTION_KIND)) {
      const edit = fixAllEdit(doc, output, options);
      if (edit) actions.push({ title: 'Fix all ecs-taskdef problems', kind: FIX_ALL_CODE_ACTION_KIND, edit: workspaceEdit(doc, [edit]) });
    }
    return actions;
  });
}

/** A workflow's fixes (replace a name or a path), matched to the editor's diagnostics by rule and range. */
function workflowQuickFixes(doc: TextDocument, options: LintOptions, diagnostics: readonly LspDiagnostic[], context: DeployReadContext): CodeAction[] {
  const analysis = analyseWorkflow(doc, options, context);
  if (!analysis) return [];
  return diagnostics.flatMap((d) => {
    if (d.source !== SOURCE) return [];
    const start = doc.offsetAt(d.range.start);
    const end = doc.offsetAt(d.range.end);
    const core = analysis.diagnostics.find((c) => c.code === d.code && c.range.offset === start && c.range.offset + c.range.length === end);
    return (core?.fixes ?? []).map((f): CodeAction => ({
      title: f.title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      isPreferred: f.preferred === true,
      edit: workspaceEdit(doc, f.edits),
    }));
  });
}

function quickFixes(doc: TextDocument, output: LintOutput, options: LintOptions, diagnostics: readonly LspDiagnostic[]): CodeAction[] {
  const fixes: CodeAction[] = [];
  const perRule: CodeAction[] = [];
  const rulesDone = new Set<string>();
  for (const d of diagnostics) {
    if (d.source !== SOURCE || d.code === undefined) continue;
    const rule = String(d.code);
    const core = findCoreDiagnostic(doc, output, d);
    for (const fix of core?.fixes ?? []) {
      if (fix.edits.length === 0) continue;
      fixes.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: !!fix.preferred, edit: workspaceEdit(doc, fix.edits) });
    }
    if (rulesDone.has(rule) || rule === 'not-linted') continue;
    rulesDone.add(rule);
    const fixable = output.diagnostics.filter((x) => x.code === rule && preferredFix(x));
    if (fixable.length > 1) {
      const edit = fixAllEdit(doc, output, options, rule);
      if (edit) perRule.push({ title: `Fix all ${rule} problems in this file`, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: workspaceEdit(doc, [edit]) });
    }
    perRule.push({
      title: `Disable ${rule} in settings`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      command: { title: `Disable ${rule} in settings`, command: DISABLE_RULE_COMMAND, arguments: [rule] },
    });
    perRule.push({
      title: `Show documentation for ${rule}`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      command: { title: `Show documentation for ${rule}`, command: SHOW_RULE_DOCS_COMMAND, arguments: [rule] },
    });
  }
  return [...fixes, ...perRule];
}

/**
 * The core diagnostic behind an LSP diagnostic: by `data.index` when it was made for this very document
 * version, else by code and range (a client may send diagnostics it kept from an earlier version).
 */
export function findCoreDiagnostic(doc: TextDocument, output: LintOutput, d: LspDiagnostic): Diagnostic | undefined {
  const offset = doc.offsetAt(d.range.start);
  const length = doc.offsetAt(d.range.end) - offset;
  const sameRange = (c: Diagnostic) => c.range.offset === offset && c.range.length === length;
  const data = d.data as { index?: unknown; version?: unknown } | undefined;
  if (data && data.version === doc.version && typeof data.index === 'number') {
    const c = output.diagnostics[data.index];
    if (c && c.code === d.code && sameRange(c)) return c;
  }
  return output.diagnostics.find((c) => c.code === d.code && sameRange(c) && c.message === d.message) ?? output.diagnostics.find((c) => c.code === d.code && sameRange(c));
}

function fixAllEdit(doc: TextDocument, output: LintOutput, options: LintOptions, rule?: string): TextEdit | undefined {
  const text = doc.getText();
  const result = fixAll(text, { lint: options, initial: output, rules: rule ? [rule] : undefined });
  return minimalEdit(text, result.text);
}

function workspaceEdit(doc: TextDocument, edits: readonly TextEdit[]) {
  const lspEdits: LspTextEdit[] = edits.map((e) => ({ range: toLspRange(doc, e), newText: e.content }));
  return { changes: { [doc.uri]: lspEdits } };
}
