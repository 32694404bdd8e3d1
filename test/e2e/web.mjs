// The extension as a web extension: the same .vsix in code-server, with VS Code told to run it in the
// browser's web worker extension host (`remote.extensionKind: ["web"]`), so dist/web/client.js runs in
// Chromium and starts dist/web/server.js in a web worker — what vscode.dev and github.dev do.
// Called from run.mjs (phase "VS Code for the Web"); each scenario gets the harness session `vs`.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const WEB = 'web-fargate-taskdef.json';
const WORKER = 'worker-taskdef.json';

/** Settings for launchVSCode: run ecs-taskdef in the browser, not in code-server's Node extension host. */
export const WEB_SETTINGS = {
  'remote.extensionKind': { 'ecs-taskdef.ecs-taskdef': ['web'] },
  'extensions.webWorker': true,
  'workbench.editor.enablePreview': false,
};

const ours = (problems, file) => problems.filter((p) => (!file || p.file === file) && p.source === 'ecs-taskdef');
const codes = (problems, file) => new Set(ours(problems, file).map((p) => p.code));

/** Node processes running this session's desktop server (dist/server.js under its extensions dir). */
function nodeServers(extensionsDir) {
  const out = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  return out.split('\n').filter((l) => l.includes(extensionsDir) && /dist[\\/]server\.js/.test(l));
}

export function webScenarios(env) {
  return [
    {
      name: 'web worker: diagnostics in the Problems panel, and no Node language server started',
      async run(vs) {
        // Two files, so that the Problems panel still lists something after the quick fix clears WEB.
        await vs.openFileFromExplorer(WORKER);
        await vs.openFileFromExplorer(WEB);
        // VS Code's JSON server (code-server's Node host) marks WORKER's syntax error too: both owners' markers must
        // stand side by side (issue 18: with the same generated owner name, one replaced the other's).
        const jsonMarks = (list) => list.some((p) => p.file === WORKER && p.source === 'json');
        const ready = (list) => codes(list, WEB).has('fargate-cpu-memory') && codes(list, WORKER).has('image-mutable-tag') && jsonMarks(list);
        // The first answer waits for the web worker host and the worker to load: allow it twice the step timeout.
        const problems = await vs.readProblems(ready).catch(() => vs.readProblems(ready));
        const cpu = ours(problems, WEB).find((p) => p.code === 'fargate-cpu-memory');
        assert.ok(cpu.line === 6 && cpu.severity === 'error', JSON.stringify(cpu));
        assert.ok(!codes(problems, WEB).has('json-syntax'), 'no syntax error on a valid file');
        // The diagnostics came from the worker: code-server never spawned the Node server for this session.
        assert.deepEqual(nodeServers(vs.extensionsDir), []);
        env.sizeProblem = cpu;
        return `${ours(problems).length} problems from ecs-taskdef: ${[...codes(problems, WEB), ...codes(problems, WORKER)].join(', ')}`;
      },
    },
    {
      name: 'web worker: hover on the Fargate size explains it',
      async run(vs) {
        const at = env.sizeProblem ?? { line: 6, col: 15 };
        await vs.openFileFromExplorer(WEB);
        await vs.hoverAt(at.line, at.col + 1);
        // The marker's part shows first; the worker's hover part joins it when its answer arrives.
        let text = await vs.readHover();
        for (let i = 0; i < 20 && !(/This task: "4096"/.test(text) && /Fargate has no/.test(text)); i++) {
          await vs.page.waitForTimeout(500);
          text = await vs.readHover();
        }
        assert.match(text, /Fargate has no 256 CPU \/ 4096 MiB size/, 'the diagnostic');
        assert.match(text, /This task: "4096" = 4096 MiB = 4 GB/, 'the hover provider of the worker server');
        await vs.page.keyboard.press('Escape');
      },
    },
    {
      name: 'web worker: quick fix "Set cpu to 512" repairs the Fargate size',
      async run(vs) {
        await vs.openFileFromExplorer(WEB);
        await vs.gotoLine(6, 15);
        await vs.triggerQuickFix();
        const menu = await vs.readQuickFixMenu();
        assert.ok(menu.includes('Set cpu to 512'), `menu lacks 'Set cpu to 512': ${JSON.stringify(menu)}`);
        await vs.chooseQuickFix('Set cpu to 512');
        await vs.waitForEditorText((t) => t.includes('"cpu": "512"') && t.includes('"memory": "4096"'), 'cpu 512 in the editor');
        await vs.readProblems((list) => !codes(list, WEB).has('fargate-cpu-memory'));
      },
    },
    {
      name: 'web worker: .ecs-taskdef.json is read through the editor\'s file system',
      async run(vs) {
        await vs.openFileFromExplorer(WORKER);
        await vs.readProblems((list) => codes(list, WORKER).has('image-mutable-tag'));
        // Written behind the editor's back: the client's file watcher tells the worker, which reads it via workspace.fs.
        fs.writeFileSync(path.join(env.workspace, '.ecs-taskdef.json'), '{ "rules": { "image-mutable-tag": "off" } }\n');
        const applied = (list) => list.some((p) => p.file === WORKER) && !codes(list, WORKER).has('image-mutable-tag');
        await vs.readProblems(applied).catch(() => vs.readProblems(applied)); // watcher → worker → re-read → re-pull
      },
    },
  ];
}
