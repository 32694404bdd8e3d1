/**
 * `ecsTaskdef.showRuleDocs` [ruleId] (offered by the server's quick fixes): opens docs/rules/<id>.md, shipped
 * inside the extension, in the markdown preview — works offline.
 */
import { commands, Uri, window, workspace } from 'vscode';
import { showMarkdown } from '../docs/reference-docs';
import type { ClientFeature } from '../features';
import { isRuleId, ruleDocsPath } from '../settings/rule-settings';
import { COMMANDS } from './catalog';
import { pickRuleId } from './rule-picker';

export const registerShowRuleDocs: ClientFeature = (context) => {
  context.subscriptions.push(
    commands.registerCommand(COMMANDS.showRuleDocs.id, async (ruleId?: unknown) => {
      const id = isRuleId(ruleId) ? ruleId : await pickRuleId(context.extensionUri, 'Rule to read about');
      if (!id) return;
      const uri = Uri.joinPath(context.extensionUri, ...ruleDocsPath(id).split('/'));
      try {
        await workspace.fs.stat(uri);
      } catch {
        void window.showErrorMessage(`No documentation for rule '${id}' in this version of the extension.`);
        return;
      }
      await showMarkdown(uri);
    }),
  );
};
