/**
 * One report per mistake, across the editor: VS Code's own JSON support (the built-in JSON Language Features
 * extension, on while `json.validate.enable` is true) already marks syntax errors in every JSON and JSONC
 * document, so our `json-syntax` errors would sit on the same spots twice. In VS Code they are left to it.
 * Our information notes about unrendered template placeholders (also `json-syntax`) stay: the built-in support
 * says "Value expected" there, and the note says why. Other editors, the CLI and CI get every diagnostic.
 * No `vscode` import here, so tests can use it; extension.ts supplies the editor's state.
 */
export const JSON_SYNTAX_CODE = 'json-syntax';
const JSON_LANGUAGES = new Set(['json', 'jsonc']);
/** vscode.DiagnosticSeverity.Error (the API's enum starts at 0, LSP's at 1). */
const VSCODE_ERROR = 0;

export interface DiagnosticLike {
  code?: string | number | { value: string | number };
  severity: number;
}

function codeOf(d: DiagnosticLike): string | number | undefined {
  return typeof d.code === 'object' ? d.code.value : d.code;
}

/** True when VS Code itself reports JSON syntax errors for a document of this language. */
export function editorReportsJsonSyntax(languageId: string | undefined, jsonValidateEnabled: boolean, jsonExtensionPresent: boolean): boolean {
  return jsonValidateEnabled && jsonExtensionPresent && languageId !== undefined && JSON_LANGUAGES.has(languageId);
}

/** The diagnostics to show: without our syntax errors when the editor reports them itself. */
export function withoutEditorDuplicates<D extends DiagnosticLike>(diagnostics: D[], editorReportsSyntax: boolean): D[] {
  if (!editorReportsSyntax) return diagnostics;
  return diagnostics.filter((d) => !(codeOf(d) === JSON_SYNTAX_CODE && d.severity === VSCODE_ERROR));
}
