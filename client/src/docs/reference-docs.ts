/**
 * Read-only markdown pages generated in the extension (scheme `ecs-taskdef-docs:`), shown in the markdown
 * preview: no untitled buffer that asks to be saved, and nothing fetched from the network. The language server
 * writes them from the core facts (`ecsTaskdef/referencePage`, server/src/lsp/reference-pages.ts).
 */
import { commands, EventEmitter, Uri, window, workspace } from 'vscode';
import { REFERENCE_PAGE_REQUEST, type ReferencePageParams, type ReferencePageResult } from '../../../server/src/shared/protocol';
import type { ClientFeature } from '../features';

export const DOCS_SCHEME = 'ecs-taskdef-docs';

export const registerReferenceDocs: ClientFeature = (context, client) => {
  const changed = new EventEmitter<Uri>();
  context.subscriptions.push(
    changed,
    workspace.registerTextDocumentContentProvider(DOCS_SCHEME, {
      onDidChange: changed.event,
      provideTextDocumentContent: async (uri) => {
        const page = await client.sendRequest<ReferencePageResult>(REFERENCE_PAGE_REQUEST, { path: uri.path } satisfies ReferencePageParams);
        return page?.markdown ?? `# Not found\n\nNo page named ${uri.path}.\n`;
      },
    }),
  );
};

export function referencePageUri(path: string): Uri {
  return Uri.from({ scheme: DOCS_SCHEME, path });
}

/**
 * Opens a markdown document in the preview: beside a text editor, or in place when a preview already has the
 * focus (so pages stack as tabs instead of adding a column each). Falls back to the plain text.
 */
export async function showMarkdown(uri: Uri): Promise<void> {
  try {
    await commands.executeCommand(window.activeTextEditor ? 'markdown.showPreviewToSide' : 'markdown.showPreview', uri);
  } catch {
    await window.showTextDocument(await workspace.openTextDocument(uri), { preview: true });
  }
}
