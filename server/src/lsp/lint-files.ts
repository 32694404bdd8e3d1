/**
 * `ecsTaskdef/lintFiles`: lints files the editor has not opened (the client's "Lint all task definitions in
 * workspace" command sends their text). Same detection, settings and diagnostics as open documents; nothing
 * is cached, so open documents' analyses are never disturbed.
 */
import type { CancellationToken } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisCache } from './analysis';
import { toLspDiagnostic } from './convert';
import type { FeatureContext } from './server';
import { LINT_FILES_REQUEST, type LintFilesParams, type LintFilesResult } from '../shared/protocol';

export function registerLintFiles(ctx: FeatureContext): void {
  ctx.connection.onRequest(LINT_FILES_REQUEST, (params: LintFilesParams, token: CancellationToken) => lintFiles(ctx, params, token));
}

export async function lintFiles(
  ctx: Pick<FeatureContext, 'settingsFor'> & { log?: (m: string) => void },
  params: LintFilesParams,
  token?: CancellationToken,
): Promise<LintFilesResult> {
  const scratch = new AnalysisCache(ctx.log ?? (() => undefined));
  const files: LintFilesResult['files'] = [];
  for (const file of params.files ?? []) {
    if (token?.isCancellationRequested) break;
    if (typeof file?.uri !== 'string' || typeof file.text !== 'string') continue;
    const doc = TextDocument.create(file.uri, 'json', 0, file.text);
    const analysis = scratch.get(doc, await ctx.settingsFor(file.uri));
    scratch.delete(file.uri);
    const output = analysis.enabled ? analysis.output : undefined;
    files.push({
      uri: file.uri,
      linted: !!output,
      diagnostics: output ? output.diagnostics.map((d, i) => toLspDiagnostic(doc, d, i)) : [],
    });
  }
  return { files };
}
