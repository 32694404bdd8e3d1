/**
 * Read-only markdown pages generated in the extension (scheme `ecs-taskdef-docs:`), shown in the markdown
 * preview: no untitled buffer that asks to be saved, and nothing fetched from the network.
 */
import { commands, EventEmitter, Uri, window, workspace } from 'vscode';
import type { ClientFeature } from '../features';
import { fargateSizesMarkdown, rolesMarkdown } from './facts-markdown';

export const DOCS_SCHEME = 'ecs-taskdef-docs';

const PAGES: Record<string, () => string> = {
  '/fargate-sizes.md': fargateSizesMarkdown,
  '/task-role-vs-execution-role.md': rolesMarkdown,
};

export const registerReferenceDocs: ClientFeature = (context) => {
  const changed = new EventEmitter<Uri>();
  context.subscriptions.push(
    changed,
    workspace.registerTextDocumentContentProvider(DOCS_SCHEME, {
      onDidChange: changed.event,
      provideTextDocumentContent: (uri) => PAGES[uri.path]?.() ?? `# Not found\n\nNo page named ${uri.path}.\n`,
    }),
  );
};

export function referencePageUri(path: keyof typeof PAGES | string): Uri {
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
