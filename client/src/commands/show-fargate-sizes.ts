/** "ECS: Show Fargate CPU/memory sizes": the size table from the core facts, in the markdown preview. */
import { commands } from 'vscode';
import { referencePageUri, showMarkdown } from '../docs/reference-docs';
import type { ClientFeature } from '../features';
import { COMMANDS } from './catalog';

export const registerShowFargateSizes: ClientFeature = (context) => {
  context.subscriptions.push(commands.registerCommand(COMMANDS.showFargateSizes.id, () => showMarkdown(referencePageUri('/fargate-sizes.md'))));
};
