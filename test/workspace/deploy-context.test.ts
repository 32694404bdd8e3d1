import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint } from '../../server/src/core/lint';
import type { LintOptions } from '../../server/src/core/types';
import { workflowDeployments } from '../../server/src/core/workspace/deploy-context';

const DESCRIBED = JSON.stringify(
  {
    family: 'x',
    taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/x:1',
    revision: 3,
    executionRoleArn: null,
    containerDefinitions: [
      { name: 'app', essential: true, memory: 512 },
      { name: 'cache', image: 'redis:latest', memory: 256 },
      { name: 'side', image: '', memory: 256 },
    ],
  },
  null,
  2,
);

const codes = (text: string, deployedBy?: LintOptions['deployedBy']) =>
  lint(text, deployedBy ? { deployedBy } : {}).diagnostics.filter((d) => d.severity !== 'hint' || d.code === 'null-value' || d.code === 'read-only-property').map((d) => `${d.code}:${d.severity}`);

describe('context that flows back from deploying workflows', () => {
  it('without a deployer: missing image, null value and describe-only keys are reported as usual', () => {
    const found = codes(DESCRIBED);
    assert.ok(found.includes('missing-required:error'));
    assert.ok(found.includes('null-value:warning'));
    assert.ok(found.includes('read-only-property:warning'));
    assert.ok(found.includes('image-mutable-tag:information'));
  });

  it('the deploy action drops null values and describe-only keys (faded hints); a render step fills the image of the container it names', () => {
    const d = lint(DESCRIBED, { deployedBy: [{ file: '.github/workflows/deploy.yml', registers: true, renders: ['app', 'cache'] }] }).diagnostics;
    assert.equal(d.find((x) => x.code === 'missing-required'), undefined, "app's missing image is filled by the render step");
    assert.equal(d.find((x) => x.code === 'image-mutable-tag'), undefined, "cache's image is replaced by the render step");
    const nulls = d.filter((x) => x.code === 'null-value');
    assert.deepEqual(nulls.map((x) => [x.severity, !!x.unnecessary]), [['hint', true], ['information', false]], "side's empty image stays: the action would drop it and leave the container without one");
    assert.ok(d.filter((x) => x.code === 'read-only-property').every((x) => x.severity === 'hint' && x.unnecessary));
    for (const x of d) assert.ok(x.message.length <= 160, x.message);
  });

  it('a render step alone changes only the image findings of the container it names', () => {
    const d = lint(DESCRIBED, { deployedBy: [{ file: 'render.yml', registers: false, renders: ['cache'] }] }).diagnostics;
    assert.ok(d.some((x) => x.code === 'missing-required'));
    assert.ok(d.some((x) => x.code === 'null-value' && x.severity === 'warning'));
    assert.equal(d.find((x) => x.code === 'image-mutable-tag'), undefined);
  });

  it('reads render and deploy steps of a workflow, following the render output; generated files are not claimed', () => {
    const wf = `on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - id: r1
        uses: aws-actions/amazon-ecs-render-task-definition@v1
        with: { task-definition: td.json, container-name: web, image: x }
      - id: r2
        uses: aws-actions/amazon-ecs-render-task-definition@v1
        with: { task-definition: "\${{ steps.r1.outputs.task-definition }}", container-name: log, image: y }
      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
        with: { task-definition: "\${{ steps.r2.outputs.task-definition }}" }
  b:
    runs-on: ubuntu-latest
    steps:
      - run: aws ecs describe-task-definition --task-definition x > gen.json
      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
        with: { task-definition: gen.json }
`;
    assert.deepEqual([...workflowDeployments('.github/workflows/d.yml', wf)], [['td.json', { file: '.github/workflows/d.yml', registers: true, renders: ['web', 'log'] }]]);
  });
});
