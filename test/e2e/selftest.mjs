// Proves the harness against VS Code's built-in features only (no extension needed):
// JSON syntax problems, a settings hover, completion, TypeScript code actions, the command
// palette and reading editor text. Run: node test/e2e/selftest.mjs [imagesDir]
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO, copyWorkspace, launchVSCode, removeWorkspace } from './harness.mjs';

const imagesDir = process.argv[2] ?? fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-taskdef-selftest-img-'));
const t0 = Date.now();
const ws = copyWorkspace(path.join(REPO, 'test/e2e/selftest-workspace'));
const vs = await launchVSCode({ folder: ws, imagesDir });
const checks = [];
const check = async (name, fn) => { await vs.step(name, fn); checks.push(name); console.log(`ok - ${name}`); };
try {
  await check('problems from the JSON language server', async () => {
    await vs.openFileFromExplorer('broken.json');
    const problems = await vs.readProblems((l) => l.length >= 2);
    assert.deepEqual(problems.map((p) => [p.source, p.line, p.severity]), [['json', 3, 'error'], ['json', 4, 'error']]);
    assert.match(problems[0].message, /Property expected/);
    await vs.screenshot('selftest-problems');
  });
  await check('hover from the settings schema', async () => {
    await vs.openFileFromExplorer('.vscode/settings.json');
    assert.equal(await vs.readEditorText(), '{\n  "editor.fontSize": 14\n}\n');
    await vs.hoverAt(2, 6);
    assert.match(await vs.readHover(), /font size/i);
    await vs.screenshot('selftest-hover');
    await vs.page.keyboard.press('Escape');
  });
  await check('completion', async () => {
    await vs.gotoLine(2, 1);
    await vs.page.keyboard.press('End');
    await vs.page.keyboard.type(',\n"editor.tabSi');
    await vs.triggerCompletion();
    assert.ok((await vs.readCompletion()).includes('editor.tabSize'));
    await vs.page.keyboard.press('Escape');
  });
  await check('code actions and choosing one', async () => {
    await vs.openFileFromExplorer('sample.ts');
    await vs.gotoLine(1, 18);
    await vs.triggerQuickFix();
    assert.ok((await vs.readQuickFixMenu()).includes('Infer function return type'));
    await vs.chooseQuickFix('Infer function return type');
    await vs.waitForEditorText((t) => /add\(a: number, b: number\): number \{/.test(t), 'the inferred return type');
  });
  await check('command palette', async () => {
    await vs.runCommand('View: Toggle Word Wrap');
  });
} finally {
  await vs.close();
  removeWorkspace(ws);
}
console.log(`harness selftest: ${checks.length} passed, 0 failed (${((Date.now() - t0) / 1000).toFixed(1)} s, images in ${imagesDir})`);
