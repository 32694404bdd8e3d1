/** textDocument/completion: adapts the core completion (offset ranges, snippets) to LSP CompletionItems. */
import { type CompletionItem, CompletionItemKind, InsertTextFormat } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { completeAt, type CompletionEntry } from '../core/completion';
import { completeInAppspec, completeInServiceFile } from '../core/completion/deploy-file-completion';
import { deployFileKind } from '../core/workspace/deploy-files';
import { URI_PATH } from './uri';
import { toLspRange } from './convert';
import { crossFileCompletion } from './cross-file';
import type { FeatureContext } from './server';

/** Typing a quote starts a key or string value; a colon or space after it starts a value. */
export const COMPLETION_TRIGGER_CHARACTERS = ['"', ':'];

const KIND: Record<CompletionEntry['kind'], CompletionItemKind> = {
  property: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  reference: CompletionItemKind.Reference,
  keyword: CompletionItemKind.Keyword,
};

/** `"a": "${1|x,y|}"` → `"a": "x"`, `[$1]` → `[]` for clients without snippet support. */
export function snippetToPlain(snippet: string): string {
  return snippet.replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1').replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d+/g, '');
}

export function registerCompletion(ctx: FeatureContext): void {
  ctx.connection.onCompletion(async (params): Promise<CompletionItem[]> => {
    if (!ctx.documents.get(params.textDocument.uri)) return [];
    await ctx.links.ensureLinked(params.textDocument.uri);
    const doc = ctx.documents.get(params.textDocument.uri);
    if (!doc) return [];
    const offset = doc.offsetAt(params.position);
    const snippets = !!ctx.clientCapabilities().textDocument?.completion?.completionItem?.snippetSupport;
    // A deploying file: container names and ports of the task definitions it links; elsewhere in a service
    // definition or an appspec, keys and values from the service schema.
    const crossFile = crossFileCompletion(ctx.links, doc, offset);
    if (crossFile?.length) return crossFile;
    const path = URI_PATH(doc.uri);
    const kind = deployFileKind(path, doc.getText());
    if (kind === 'service') return toItems(doc, completeInServiceFile(doc.getText(), offset), snippets);
    if (kind === 'appspec') return toItems(doc, completeInAppspec(doc.getText(), offset, !/\.json$/i.test(path)), snippets);
    if (crossFile) return crossFile;
    // The analysis the diagnostics were computed from, when current: no settings round trip or config-file stat per request.
    const analysis = ctx.cache.peek(doc.uri, doc.version) ?? ctx.cache.get(doc, await ctx.settingsFor(doc.uri));
    if (!analysis.enabled || !analysis.output) return [];
    return toItems(doc, completeAt(analysis.output, offset), snippets);
  });
}

/** Core entries as LSP items (snippets made plain for clients without snippet support). */
function toItems(doc: TextDocument, entries: CompletionEntry[], snippets: boolean): CompletionItem[] {
  // Entries share one range: convert it once, not once per item.
  let lastRange: CompletionEntry['range'] | undefined;
  let lspRange: ReturnType<typeof toLspRange> | undefined;
  return entries.map((e) => {
    const snippet = !!e.snippet && snippets;
    if (e.range !== lastRange || !lspRange) {
      lastRange = e.range;
      lspRange = toLspRange(doc, e.range);
    }
    const item: CompletionItem = {
      label: e.label,
      kind: KIND[e.kind],
      textEdit: { range: lspRange, newText: e.snippet && !snippets ? snippetToPlain(e.insertText) : e.insertText },
      insertTextFormat: snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    };
    if (e.filterText) item.filterText = e.filterText;
    if (e.detail) item.detail = e.detail;
    if (e.documentation) item.documentation = { kind: 'markdown', value: e.documentation };
    if (e.sortText) item.sortText = e.sortText;
    return item;
  });
}
