/** The client features (commands, status item, workspace lint), each in its own file, registered after the server starts. */
import type { ExtensionContext } from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { registerConvertDescribeOutput } from './commands/convert-describe-output';
import { registerDisableRule } from './commands/disable-rule';
import { registerExplainRoles } from './commands/explain-roles';
import { registerFixAll } from './commands/fix-all';
import { registerLintWorkspace } from './commands/lint-workspace';
import { registerNewTaskDefinition } from './commands/new-task-definition';
import { registerShowFargateSizes } from './commands/show-fargate-sizes';
import { registerShowRuleDocs } from './commands/show-rule-docs';
import { registerReferenceDocs } from './docs/reference-docs';
import { registerLanguageStatus } from './status/language-status';

export type ClientFeature = (context: ExtensionContext, client: LanguageClient) => void;

export const CLIENT_FEATURES: ClientFeature[] = [
  registerReferenceDocs,
  registerNewTaskDefinition,
  registerConvertDescribeOutput,
  registerShowFargateSizes,
  registerExplainRoles,
  registerFixAll,
  registerLintWorkspace,
  registerDisableRule,
  registerShowRuleDocs,
  registerLanguageStatus,
];
