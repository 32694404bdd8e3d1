/**
 * What the in-process measurements call, bundled by scripts/bench/run.ts with the production esbuild settings
 * (minified, no tsx helpers), so the numbers are those of the shipped code.
 */
export { parseTree } from 'jsonc-parser';
export { getLanguageService } from 'vscode-json-languageservice';
export { TextDocument } from 'vscode-languageserver-textdocument';
export { lint } from '../../server/src/core/lint';
export { AnalysisCache } from '../../server/src/lsp/analysis';
export { registerHover } from '../../server/src/lsp/hover';
export { registerCompletion } from '../../server/src/lsp/completion';
export { WorkspaceLinks } from '../../server/src/lsp/workspace-links';
export { DEFAULT_SETTINGS } from '../../server/src/lsp/settings';
export { parseDocument as parseYaml } from 'yaml';
export { getLanguageService as getYamlLanguageService } from 'yaml-language-server';
export { CFN_SHORT_TAGS } from '../../server/src/core/syntax/yaml';
