/** Workflow-rule fixtures: each folder is a repository; its workflows are checked against its files as the CLI reads them. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readLinkedFiles } from '../../server/src/cli/workflow-files';
import { LineIndex } from '../../server/src/core/syntax/positions';
import { checkWorkflow } from '../../server/src/core/workspace/check-workflow';
import { loadWorkflowFixtures } from '../helpers/fixtures';

const fixtures = loadWorkflowFixtures();

describe('workflow rule fixtures (test/fixtures/rules/<id>/bad-*/ and good-*/)', () => {
  it('exist for both workflow rules', () => {
    for (const id of ['unknown-container-reference', 'unknown-task-definition-file']) {
      assert.ok(fixtures.some((f) => f.ruleId === id && f.kind === 'bad'), `${id}: no bad fixture`);
      assert.ok(fixtures.some((f) => f.ruleId === id && f.kind === 'good'), `${id}: no good fixture`);
    }
  });
  for (const fx of fixtures) {
    it(fx.file, () => {
      assert.ok(fx.workflows.length > 0, `${fx.file} holds no .github/workflows/*.yml`);
      for (const wf of fx.workflows) {
        const idx = new LineIndex(wf.text);
        const got = checkWorkflow(wf.text, readLinkedFiles(wf.path, wf.text)).filter((d) => d.code === fx.ruleId);
        const lines = got.map((d) => idx.positionAt(d.range.offset).line);
        if (fx.kind === 'good') {
          assert.deepEqual(got.map((d) => d.message), [], `${fx.file} must not trigger ${fx.ruleId}`);
          continue;
        }
        assert.ok(fx.expected.length > 0, `${fx.file} has no '# <- ${fx.ruleId}' marker`);
        assert.deepEqual(lines, wf.expected.map((e) => e.line), `${wf.path}: ${JSON.stringify(got.map((d) => d.message))}`);
        wf.expected.forEach((e, i) => e.severity && assert.equal(got[i].severity, e.severity));
        // Each fix removes its own finding and adds none of this rule.
        for (const d of got) {
          for (const fix of d.fixes ?? []) {
            let text = wf.text;
            for (const e of [...fix.edits].sort((a, b) => b.offset - a.offset)) text = text.slice(0, e.offset) + e.content + text.slice(e.offset + e.length);
            const after = checkWorkflow(text, readLinkedFiles(wf.path, text)).filter((x) => x.code === fx.ruleId);
            assert.equal(after.length, got.length - 1, `${fix.title} in ${wf.path}`);
          }
        }
      }
    });
  }
});
