/** textDocument/hover: adapts the core hover (offsets, markdown) to LSP, on the cached analysis. */
import type { Hover } from 'vscode-languageserver';
import { hoverAt } from '../core/hover';
import { toLspRange } from './convert';
import type { FeatureContext } from './server';

export function registerHover(ctx: FeatureContext): void {
  ctx.connection.onHover(async (params): Promise<Hover | null> => {
    const doc = ctx.documents.get(params.textDocument.uri);
    if (!doc) return null;
    // The analysis the diagnostics were computed from, when current: no settings round trip or config-file stat per request.
    const analysis = ctx.cache.peek(doc.uri, doc.version) ?? ctx.cache.get(doc, await ctx.settingsFor(doc.uri));
    if (!analysis.enabled || !analysis.output) return null;
    const result = hoverAt(analysis.output, doc.offsetAt(params.position));
    if (!result) return null;
    return { contents: { kind: 'markdown', value: result.markdown }, range: toLspRange(doc, result.range) };
  });
}
