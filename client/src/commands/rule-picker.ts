/** Picks a rule id when disable-rule or show-rule-docs runs from the palette without one. */
import { FileType, languages, Uri, window, workspace } from 'vscode';
import { isRuleId, ruleIdsOf } from '../settings/rule-settings';

/** Rule ids with a page in the extension's docs/rules folder. */
export async function documentedRuleIds(extensionUri: Uri): Promise<string[]> {
  try {
    const entries = await workspace.fs.readDirectory(Uri.joinPath(extensionUri, 'docs', 'rules'));
    return entries
      .filter(([name, type]) => type === FileType.File && name.endsWith('.md'))
      .map(([name]) => name.slice(0, -3))
      .filter(isRuleId)
      .sort();
  } catch {
    return [];
  }
}

/** Rules reported in the active editor first, then every documented rule. */
export async function pickRuleId(extensionUri: Uri, placeHolder: string): Promise<string | undefined> {
  const uri = window.activeTextEditor?.document.uri;
  const reported = uri ? ruleIdsOf(languages.getDiagnostics(uri)) : [];
  const documented = (await documentedRuleIds(extensionUri)).filter((id) => !reported.includes(id));
  const items = [
    ...reported.map((id) => ({ label: id, description: 'reported in this file' })),
    ...documented.map((id) => ({ label: id })),
  ];
  return (await window.showQuickPick(items, { placeHolder, matchOnDescription: true }))?.label;
}
