import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GlobMatcher } from '../../server/src/core/config/glob-match';
import { isTaskDefinitionFileName } from '../../server/src/core/documents/file-detection';
import { chunk, isExcludedPath, Settle, summarize, summaryMessage, WORKSPACE_EXCLUDE, WORKSPACE_INCLUDE } from '../../client/src/workspace/workspace-lint';

describe('workspace lint helpers', () => {
  it('the include glob covers every file name the detection accepts', () => {
    const include = new GlobMatcher(WORKSPACE_INCLUDE);
    for (const p of ['task-def.json', 'infra/ecs/taskdef.jsonc', 'deploy/ecs-task.json.tpl', '.aws/task-definition.json', 'a/containers.json']) {
      assert.ok(include.matches(p), p);
    }
    for (const p of ['main.tf', 'README.md']) assert.ok(!include.matches(p) && !isTaskDefinitionFileName(p), p);
    // CloudFormation templates are candidates too; their content decides (never their name).
    for (const p of ['infra/service.yaml', 'stack.yml', 'app.template', 'cdk.out/App.template.json']) assert.ok(include.matches(p) && !isTaskDefinitionFileName(p), p);
  });

  it('the exclude glob skips dependencies and build output but not infra folders', () => {
    const exclude = new GlobMatcher(WORKSPACE_EXCLUDE);
    for (const p of ['node_modules/x/task-def.json', 'a/cdk.out/t.json', 'pkg/dist/task-def.json', 'x/.terraform/modules/m/c.json']) assert.ok(exclude.matches(p), p);
    for (const p of ['infra/task-def.json', 'distribution/task-def.json', 'ecs/build-task-def.json']) assert.ok(!exclude.matches(p), p);
  });

  it('chunks in order', () => {
    assert.deepEqual(chunk([1, 2, 3, 4, 5], 2), [[1, 2], [3, 4], [5]]);
    assert.deepEqual(chunk([], 3), []);
    assert.throws(() => chunk([1], 0));
  });

  it('counts findings of linted files only', () => {
    const s = summarize([
      { linted: true, severities: [1, 1, 2, 4] },
      { linted: true, severities: [] },
      { linted: false, severities: [] },
      { linted: true, severities: [3] },
    ]);
    assert.deepEqual(s, { files: 3, errors: 2, warnings: 1, others: 2, filesWithProblems: 2 });
    assert.equal(summaryMessage(s, 0), 'Linted 3 task definitions: 2 errors, 1 warning and 2 other findings in 2 files.');
  });

  it('words the edge cases', () => {
    const none = summarize([]);
    assert.equal(summaryMessage(none, 0), 'No task definitions found in the workspace.');
    assert.equal(summaryMessage(none, 2), 'Linted 0 task definitions (plus 2 open in the editor, checked there): no problems.');
    assert.equal(summaryMessage(summarize([{ linted: true, severities: [] }]), 0, true), 'Cancelled after linting 1 task definition: no problems.');
  });
});

describe('files changed on disk after a workspace lint', () => {
  it('events in dependency and build folders are ignored, like in the scan', () => {
    assert.equal(isExcludedPath('/w/node_modules/pkg/task-def.json'), true);
    assert.equal(isExcludedPath('/w/infra/cdk.out/task-def.json'), true);
    assert.equal(isExcludedPath('C:\\w\\.terraform\\x.json'), true);
    assert.equal(isExcludedPath('/w/infra/ecs/task-def.json'), false);
    assert.equal(isExcludedPath('/w/dist.json'), false, 'only folders count, not file names');
  });

  it('many writes to one file give one re-lint, after the file settled; files settle independently', (t) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    const acted: string[] = [];
    const settle = new Settle<string>(300, (k) => acted.push(k));
    settle.touch('a');
    t.mock.timers.tick(200);
    settle.touch('a');
    settle.touch('b');
    t.mock.timers.tick(200);
    assert.deepEqual(acted, []);
    t.mock.timers.tick(100);
    assert.deepEqual(acted, ['a', 'b']);
    settle.touch('a');
    settle.dispose();
    t.mock.timers.tick(1000);
    assert.deepEqual(acted, ['a', 'b'], 'nothing after dispose');
  });
});
