/** Service-rule fixtures: each folder holds a deploying file and the task definition it runs, read as the CLI reads them. */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { readDeployLinkedFiles } from '../../server/src/cli/deploy-linked-files';
import { ALL_RULES } from '../../server/src/core/rules';
import { LineIndex } from '../../server/src/core/syntax/positions';
import { looksLikeCfnTemplate } from '../../server/src/core/documents/cfn-detect';
import { lint } from '../../server/src/core/lint';
import { checkDeployFile } from '../../server/src/core/workspace/check-service';
import { deployFileKind } from '../../server/src/core/workspace/deploy-files';
import { loadServiceFixtures } from '../helpers/fixtures';
import { initHclFromDisk } from '../../server/src/lsp/node/hcl-wasm';

// A folder holds an appspec or service definition (with the files it links), or a CloudFormation template whose
// AWS::ECS::Service is checked against the task definition of the same template, or a .tf file whose aws_ecs_service
// is checked against the aws_ecs_task_definition of the same file.
const isTemplate = (p: string, t: string) => (/\.(ya?ml|json)$/.test(p) && !deployFileKind(p, t) && looksLikeCfnTemplate(t)) || (/\.tf$/.test(p) && /resource\s+"aws_ecs_service"/.test(t));
const fixtures = loadServiceFixtures((p, t) => ['appspec', 'service'].includes(deployFileKind(p, t) ?? '') || isTemplate(p, t));
const check = (path: string, text: string) => (isTemplate(path, text) ? lint(text, { fileName: path }).diagnostics : checkDeployFile(path, text, readDeployLinkedFiles(path, text)).diagnostics);

describe('service rule fixtures (test/fixtures/rules/<id>/bad-*/ and good-*/)', () => {
  before(() => initHclFromDisk());
  it('exist for every service rule', () => {
    for (const rule of ALL_RULES.filter((r) => r.kinds.includes('S'))) {
      assert.ok(fixtures.some((f) => f.ruleId === rule.id && f.kind === 'bad'), `${rule.id}: no bad service fixture`);
      assert.ok(fixtures.some((f) => f.ruleId === rule.id && f.kind === 'good'), `${rule.id}: no good service fixture`);
    }
  });
  for (const fx of fixtures) {
    it(fx.file, () => {
      assert.ok(fx.files.length > 0, `${fx.file} holds no appspec or service definition`);
      for (const f of fx.files) {
        const idx = new LineIndex(f.text);
        const got = check(f.path, f.text).filter((d) => d.code === fx.ruleId);
        if (fx.kind === 'good') {
          assert.deepEqual(got.map((d) => d.message), [], `${f.path} must not trigger ${fx.ruleId}`);
          continue;
        }
        assert.deepEqual(got.map((d) => idx.positionAt(d.range.offset).line), f.expected.map((e) => e.line), `${f.path}: ${JSON.stringify(got.map((d) => d.message))}`);
        f.expected.forEach((e, i) => e.severity && assert.equal(got[i].severity, e.severity));
        for (const d of got) {
          assert.ok(d.message.length <= 160, `message too long: ${d.message}`);
          for (const fix of d.fixes ?? []) {
            let text = f.text;
            for (const e of [...fix.edits].sort((a, b) => b.offset - a.offset)) text = text.slice(0, e.offset) + e.content + text.slice(e.offset + e.length);
            const after = check(f.path, text).filter((x) => x.code === fx.ruleId);
            assert.equal(after.length, got.length - 1, `${fix.title} in ${f.path}`);
          }
        }
      }
      assert.ok(fx.kind === 'good' || fx.expected.length > 0, `${fx.file} has no marker`);
    });
  }
});
