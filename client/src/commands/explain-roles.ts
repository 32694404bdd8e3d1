/** "ECS: Explain task role vs execution role": the role tables from the core facts, in the markdown preview. */
import { commands } from 'vscode';
import { referencePageUri, showMarkdown } from '../docs/reference-docs';
import type { ClientFeature } from '../features';
import { COMMANDS } from './catalog';

export const registerExplainRoles: ClientFeature = (context) => {
  context.subscriptions.push(
    commands.registerCommand(COMMANDS.explainRoles.id, () => showMarkdown(referencePageUri('/task-role-vs-execution-role.md'))),
  );
};
