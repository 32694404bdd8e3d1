import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkWorkflow, workflowLinks } from '../../server/src/core/workspace/check-workflow';
import { normalisePath, readWorkflow } from '../../server/src/core/workspace/workflow';

const TASK = '{ "family": "app", "containerDefinitions": [ { "name": "web", "image": "nginx:1.27" }, { "name": "log-router", "image": "fluent-bit:3" } ] }';

function workflow(steps: string, env = '', jobEnv = ''): string {
  return `name: Deploy\non: push\n${env}jobs:\n  deploy:\n    runs-on: ubuntu-latest\n${jobEnv}    steps:\n      - uses: actions/checkout@v4\n${steps}`;
}
const RENDER = (td: string, name: string, extra = '') =>
  `      - name: Render\n        id: task-def\n        uses: aws-actions/amazon-ecs-render-task-definition@v1\n${extra}        with:\n          task-definition: ${td}\n          container-name: ${name}\n          image: x\n`;
const DEPLOY = (td = '${{ steps.task-def.outputs.task-definition }}') =>
  `      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2\n        with:\n          task-definition: ${td}\n          service: s\n`;

function run(text: string, files: Record<string, string | null>, listings: Record<string, string[]> = {}) {
  return checkWorkflow(text, { files: new Map(Object.entries(files)), listings: new Map(Object.entries(listings)) });
}
const slice = (text: string, d: { range: { offset: number; length: number } } | { offset: number; length: number }) => {
  const r = 'range' in d ? d.range : d;
  return text.slice(r.offset, r.offset + r.length);
};

describe('workflow model: path, env and step-output resolution', () => {
  it('resolves a literal path and follows the render output into the deploy step', () => {
    const steps = readWorkflow(workflow(RENDER('./.aws//task-definition.json', 'web') + DEPLOY())).steps;
    assert.deepEqual(steps.map((s) => [s.action, s.taskDefinition?.value, s.containerName?.value]), [
      ['render', '.aws/task-definition.json', 'web'],
      ['deploy', '.aws/task-definition.json', undefined],
    ]);
  });

  it('resolves ${{ env.X }} from step, then job, then workflow env', () => {
    const text = workflow(
      RENDER('${{ env.ECS_TASK_DEFINITION }}', '${{ env.CONTAINER_NAME }}', '        env:\n          CONTAINER_NAME: step-name\n'),
      'env:\n  ECS_TASK_DEFINITION: wf.json\n  CONTAINER_NAME: wf-name\n',
      '    env:\n      ECS_TASK_DEFINITION: job.json\n',
    );
    const [s] = readWorkflow(text).steps;
    assert.equal(s.taskDefinition?.value, 'job.json');
    assert.equal(s.containerName?.value, 'step-name');
    assert.equal(slice(text, s.containerName!.node), 'step-name');
  });

  it('leaves other expressions, mixed text and env values that are expressions unknown', () => {
    const text = workflow(RENDER('${{ matrix.svc }}.json', '${{ env.NAME }}'), 'env:\n  NAME: ${{ vars.NAME }}\n');
    const [s] = readWorkflow(text).steps;
    assert.equal(s.taskDefinition, undefined);
    assert.equal(s.containerName, undefined);
    assert.deepEqual(workflowLinks(text).files, []);
  });

  it('does not take a run step that only reads the file (cat, xxd | head) for one that writes it', () => {
    const read = workflow('      - run: |\n          xxd .aws/task-definition.json | head -1\n          cat .aws/task-definition.json | head -c 100\n' + RENDER('.aws/task-definition.json', 'web') + DEPLOY());
    assert.ok(readWorkflow(read).steps.every((s) => !s.generated));
    const write = workflow('      - run: |\n          cat base.json > .aws/task-definition.json\n' + RENDER('.aws/task-definition.json', 'web') + DEPLOY());
    assert.ok(readWorkflow(write).steps.every((s) => s.generated));
    const sed = workflow("      - run: sed -i 's/X/Y/' .aws/task-definition.json\n" + RENDER('.aws/task-definition.json', 'web') + DEPLOY());
    assert.ok(readWorkflow(sed).steps.every((s) => s.generated));
  });

  it('marks a file written by an earlier run step (describe-task-definition) as generated and does not link it', () => {
    const text = workflow('      - run: aws ecs describe-task-definition --task-definition app --query taskDefinition > task-definition.json\n' + RENDER('task-definition.json', 'webapp') + DEPLOY());
    assert.ok(readWorkflow(text).steps.every((s) => s.generated));
    assert.deepEqual(workflowLinks(text).files, []);
    assert.deepEqual(run(text, { 'task-definition.json': null }), []);
  });

  it('a build-layer cache or Docker build before the render step does not hide the file; a third-party action does', () => {
    const cached = workflow('      - uses: actions/cache@v4\n        with:\n          path: /tmp/.buildx-cache\n      - uses: docker/build-push-action@v6\n' + RENDER('td.json', 'webapp'));
    assert.deepEqual(run(cached, { 'td.json': TASK }).map((d) => d.code), ['unknown-container-reference']);
    const thirdParty = workflow('      - uses: someone/fetch-task-definition@v1\n' + RENDER('td.json', 'webapp'));
    assert.deepEqual(run(thirdParty, { 'td.json': TASK }), []);
  });

  it('normalises paths and refuses ones outside the repository', () => {
    assert.equal(normalisePath('./a/./b/../c.json'), 'a/c.json');
    assert.equal(normalisePath('../x.json'), undefined);
    assert.equal(normalisePath('/abs/x.json'), undefined);
  });

  it('links the files and their folders; nothing for other workflows or bad YAML', () => {
    assert.deepEqual(workflowLinks(workflow(RENDER('.aws/task-definition.json', 'web') + DEPLOY())), { files: ['.aws/task-definition.json'], dirs: ['.aws'] });
    assert.deepEqual(workflowLinks('on: push\njobs:\n  a:\n    steps:\n      - run: echo hi\n'), { files: [], dirs: [] });
    assert.deepEqual(workflowLinks('jobs: [aws-actions/amazon-ecs-deploy-task-definition\n  : :'), { files: [], dirs: [] });
  });
});

describe('unknown-container-reference', () => {
  it('reports the container-name with a suggestion, related containers in the task file, and a fix', () => {
    const text = workflow(RENDER('.aws/task-definition.json', 'webb') + DEPLOY());
    const ds = run(text, { '.aws/task-definition.json': TASK });
    assert.deepEqual(ds.map((d) => d.code), ['unknown-container-reference']);
    const [d] = ds;
    assert.equal(slice(text, d), 'webb');
    assert.equal(d.message, "'webb' is not a container of .aws/task-definition.json (did you mean 'web'?).");
    assert.deepEqual(d.related?.map((r) => [r.file, TASK.slice(r.range.offset, r.range.offset + r.range.length)]), [
      ['.aws/task-definition.json', '"web"'],
      ['.aws/task-definition.json', '"log-router"'],
    ]);
    const e = d.fixes![0].edits[0];
    const fixed = text.slice(0, e.offset) + e.content + text.slice(e.offset + e.length);
    assert.match(fixed, /container-name: web\n/);
    assert.deepEqual(run(fixed, { '.aws/task-definition.json': TASK }), []);
  });

  it('reports on the env value the name comes from, keeping its quotes in the fix', () => {
    const text = workflow(RENDER('${{ env.TD }}', '${{ env.CONTAINER_NAME }}') + DEPLOY(), 'env:\n  TD: .aws/task-definition.json\n  CONTAINER_NAME: "webapp" # the app\n');
    const [d] = run(text, { '.aws/task-definition.json': TASK });
    assert.equal(slice(text, d), '"webapp"');
    assert.equal(d.fixes![0].edits[0].content, '"web"');
  });

  it('lists the containers when none is close', () => {
    const [d] = run(workflow(RENDER('td.json', 'database')), { 'td.json': TASK });
    assert.equal(d.message, "'database' is not a container of td.json; it has 'web', 'log-router'.");
    assert.deepEqual(d.fixes, undefined);
  });

  it('follows a long chain of render outputs, caps the reports per rule, and says nothing on a workflow that links itself', () => {
    let steps = RENDER('td.json', 'webb').replace('id: task-def', 'id: s0');
    for (let i = 1; i < 300; i++) steps += RENDER(`\${{ steps.s${i - 1}.outputs.task-definition }}`, 'webb').replace('id: task-def', `id: s${i}`);
    const ds = run(workflow(steps), { 'td.json': TASK });
    assert.equal(ds.length, 100);
    assert.ok(ds.every((d) => d.code === 'unknown-container-reference'));
    const self = workflow(RENDER('.github/workflows/deploy.yml', 'web'));
    assert.deepEqual(run(self, { '.github/workflows/deploy.yml': self }), []);
  });

  it('is silent for a known name, placeholders, templated tasks, unread files and the starter workflow', () => {
    assert.deepEqual(run(workflow(RENDER('td.json', 'web')), { 'td.json': TASK }), []);
    assert.deepEqual(run(workflow(RENDER('td.json', 'MY_CONTAINER_NAME')), { 'td.json': TASK }), []);
    assert.deepEqual(run(workflow(RENDER('td.json', '"<container>"')), { 'td.json': TASK }), []);
    assert.deepEqual(run(workflow(RENDER('td.json', 'webapp')), { 'td.json': '{ "family": "a", "containerDefinitions": [ { "name": "${name}", "image": "x" } ] }' }), []);
    assert.deepEqual(run(workflow(RENDER('td.json', 'webapp')), {}), []);
    assert.deepEqual(run(workflow(RENDER('td.json', 'webapp')), { 'td.json': '{ not json' }), []);
  });
});

describe('unknown-task-definition-file', () => {
  it('reports a missing path with the nearest file of its folder and fixes it', () => {
    const text = workflow(RENDER('.aws/task-defintion.json', 'web') + DEPLOY());
    const ds = run(text, { '.aws/task-defintion.json': null }, { '.aws': ['task-definition.json', 'README.md'] });
    assert.deepEqual(ds.map((d) => [d.code, slice(text, d)]), [['unknown-task-definition-file', '.aws/task-defintion.json']]);
    assert.equal(ds[0].message, "No file .aws/task-defintion.json in this repository (did you mean '.aws/task-definition.json'?).");
    assert.equal(ds[0].fixes![0].edits[0].content, '.aws/task-definition.json');
  });

  it('reports once when an env path is used by two steps; no suggestion without a close name', () => {
    const text = workflow(RENDER('${{ env.TD }}', 'web') + DEPLOY('${{ env.TD }}'), 'env:\n  TD: deploy/app.json\n');
    const ds = run(text, { 'deploy/app.json': null }, { deploy: ['service.json'] });
    assert.equal(ds.length, 1);
    assert.equal(ds[0].message, 'No file deploy/app.json in this repository; the step would fail.');
  });

  it('is silent for existing files, the starter placeholder, generated files and severity off', () => {
    const text = workflow(RENDER('${{ env.ECS_TASK_DEFINITION }}', 'web'), 'env:\n  ECS_TASK_DEFINITION: MY_ECS_TASK_DEFINITION\n');
    assert.deepEqual(run(text, { MY_ECS_TASK_DEFINITION: null }), []);
    assert.deepEqual(run(workflow(RENDER('td.json', 'web')), { 'td.json': TASK }), []);
    const dl = workflow('      - uses: actions/download-artifact@v4\n' + RENDER('td.json', 'web'));
    assert.deepEqual(run(dl, { 'td.json': null }), []);
    const off = checkWorkflow(workflow(RENDER('td.json', 'web')), { files: new Map([['td.json', null]]) }, { rules: { 'unknown-task-definition-file': 'off' } });
    assert.deepEqual(off, []);
  });
});
