/**
 * `ecsTaskdef.disableRule` [ruleId] (offered by the server's quick fixes): sets `ecsTaskdef.rules[ruleId]` to
 * "off" in the workspace settings (user settings when no folder is open), keeping the other entries.
 */
import { commands, ConfigurationTarget, window, workspace } from 'vscode';
import type { ClientFeature } from '../features';
import { isRuleId, withRuleOff } from '../settings/rule-settings';
import { COMMANDS } from './catalog';
import { pickRuleId } from './rule-picker';

export const registerDisableRule: ClientFeature = (context) => {
  context.subscriptions.push(
    commands.registerCommand(COMMANDS.disableRule.id, async (ruleId?: unknown) => {
      const id = isRuleId(ruleId) ? ruleId : await pickRuleId(context.extensionUri, 'Rule to turn off in this workspace');
      if (id) await disableRule(id);
    }),
  );
};

async function disableRule(id: string): Promise<void> {
  const inWorkspace = !!workspace.workspaceFolders?.length;
  const target = inWorkspace ? ConfigurationTarget.Workspace : ConfigurationTarget.Global;
  const config = workspace.getConfiguration('ecsTaskdef');
  const current = config.inspect<Record<string, string>>('rules');
  await config.update('rules', withRuleOff(inWorkspace ? current?.workspaceValue : current?.globalValue, id), target);
  const where = inWorkspace ? 'workspace' : 'user';
  const choice = await window.showInformationMessage(`Rule ${id} is off in the ${where} settings (ecsTaskdef.rules).`, 'Open Settings');
  if (choice) await commands.executeCommand(inWorkspace ? 'workbench.action.openWorkspaceSettingsFile' : 'workbench.action.openSettingsJson');
}
