/** Where each rule's documentation lives (the LSP `codeDescription` and CLI/SARIF help links). */
export const REPO_URL = 'https://github.com/ecs-taskdef/ecs-taskdef';

export function ruleDocsUrl(id: string): string {
  return `${REPO_URL}/blob/main/docs/rules/${id}.md`;
}
