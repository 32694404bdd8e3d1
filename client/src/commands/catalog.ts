/**
 * Every command the client contributes: id and title, as package.json declares them (a test keeps the two in
 * step). Titles are stable: end-to-end tests run them from the command palette as "ECS: <title>".
 */
import { DISABLE_RULE_COMMAND, SHOW_RULE_DOCS_COMMAND } from '../../../server/src/shared/protocol';

export const COMMAND_CATEGORY = 'ECS';

export const COMMANDS = {
  newTaskDefinition: { id: 'ecsTaskdef.newTaskDefinition', title: 'New Task Definition…' },
  convertDescribeOutput: { id: 'ecsTaskdef.convertDescribeOutput', title: 'Convert describe output to register input' },
  showFargateSizes: { id: 'ecsTaskdef.showFargateSizes', title: 'Show Fargate CPU/memory sizes' },
  explainRoles: { id: 'ecsTaskdef.explainRoles', title: 'Explain task role vs execution role' },
  fixAll: { id: 'ecsTaskdef.fixAll', title: 'Fix all problems in file' },
  lintWorkspace: { id: 'ecsTaskdef.lintWorkspace', title: 'Lint all task definitions in workspace' },
  disableRule: { id: DISABLE_RULE_COMMAND, title: 'Disable a rule in workspace settings' },
  showRuleDocs: { id: SHOW_RULE_DOCS_COMMAND, title: 'Show rule documentation' },
} as const;

export type CommandName = keyof typeof COMMANDS;
