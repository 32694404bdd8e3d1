/**
 * The documents the language server checks as you type (no `vscode` import, so tests can read it): JSON and
 * JSONC on disk, unsaved ones, and files of a virtual workspace opened with Remote Repositories (`vscode-vfs`,
 * GitHub and Azure Repos; github.dev too), and, for the web extension, the files of a remote server as a browser's
 * extension host sees them (`vscode-remote`: code-server, VS Code Server in a browser). The server only needs their
 * text. Other schemes (git: and diff views, output channels, …) are copies or not files at all and would repeat the
 * same problems. YAML documents are sent too: the server lints the CloudFormation templates among them (by content)
 * and leaves every other YAML file alone. With GitHub's Actions extension installed, workflow files have the
 * `github-actions-workflow` language id instead of `yaml`: the server checks the ones that deploy with the ECS actions
 * against the task definition they name (server/src/lsp/workflow-diagnostics.ts), and link them for cross-file navigation.
 */
export const DOCUMENT_SCHEMES = ['file', 'untitled', 'vscode-vfs', 'vscode-remote'] as const;
export const DOCUMENT_LANGUAGES = ['json', 'jsonc', 'yaml', 'github-actions-workflow', 'terraform'] as const;

/**
 * Terraform files: the `terraform` language id comes with a Terraform extension; without one a `.tf` file has
 * another id (plain text), so the name pattern catches those. The server lints the ones that declare an
 * aws_ecs_task_definition.
 */
export const TERRAFORM_PATTERN = '**/*.tf';

export const DOCUMENT_SELECTOR: Array<{ scheme: string; language?: string; pattern?: string }> = [
  ...DOCUMENT_SCHEMES.flatMap((scheme) => DOCUMENT_LANGUAGES.map((language) => ({ scheme, language }))),
  ...DOCUMENT_SCHEMES.map((scheme) => ({ scheme, pattern: TERRAFORM_PATTERN })),
];
