/** In VS Code our json-syntax errors are left to the built-in JSON support; everything else is shown. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { editorReportsJsonSyntax, withoutEditorDuplicates } from '../../client/src/editor-json-syntax';
import { lint } from '../../server/src/core/lint';

// vscode.DiagnosticSeverity: Error 0, Warning 1, Information 2, Hint 3; codes carry a docs link as { value, target }.
const VS_SEVERITY = { error: 0, warning: 1, information: 2, hint: 3 } as const;
const asVscode = (text: string) =>
  lint(text).diagnostics.map((d) => ({ code: { value: d.code, target: `docs/rules/${d.code}.md` }, severity: VS_SEVERITY[d.severity], message: d.message }));

const BROKEN_TEMPLATE = `{
  "family": "worker",
  "containerDefinitions": [
    { "name": "worker" "image": "busybox:1.36", "memory": 128, "portMappings": [ { "containerPort": \${PORT} } ] }
  ]
}`;

describe('json-syntax next to VS Code’s own JSON validation', () => {
  it('drops our syntax errors only, keeping the placeholder notes and every other rule', () => {
    const all = asVscode(BROKEN_TEMPLATE);
    const syntaxErrors = all.filter((d) => d.code.value === 'json-syntax' && d.severity === 0);
    const notes = all.filter((d) => d.code.value === 'json-syntax' && d.severity === 2);
    assert.ok(syntaxErrors.length > 0 && notes.length > 0, JSON.stringify(all));
    const shown = withoutEditorDuplicates(all, true);
    assert.equal(shown.length, all.length - syntaxErrors.length);
    assert.ok(!shown.some((d) => d.code.value === 'json-syntax' && d.severity === 0));
    assert.deepEqual(shown.filter((d) => d.code.value === 'json-syntax'), notes);
    assert.ok(shown.some((d) => d.code.value !== 'json-syntax'), 'the other rules still report');
  });

  it('keeps everything when the editor does not validate JSON itself', () => {
    const all = asVscode(BROKEN_TEMPLATE);
    assert.deepEqual(withoutEditorDuplicates(all, false), all);
  });

  it('plain string or number codes work too', () => {
    const ds = [{ code: 'json-syntax', severity: 0 }, { code: 3, severity: 0 }, { code: 'json-syntax', severity: 1 }];
    assert.deepEqual(withoutEditorDuplicates(ds, true), ds.slice(1));
  });

  it('the editor reports syntax only for JSON and JSONC with json.validate.enable on and the built-in extension present', () => {
    assert.equal(editorReportsJsonSyntax('json', true, true), true);
    assert.equal(editorReportsJsonSyntax('jsonc', true, true), true);
    assert.equal(editorReportsJsonSyntax('json', false, true), false);
    assert.equal(editorReportsJsonSyntax('json', true, false), false);
    assert.equal(editorReportsJsonSyntax('yaml', true, true), false);
    assert.equal(editorReportsJsonSyntax(undefined, true, true), false);
  });
});
