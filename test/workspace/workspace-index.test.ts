import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseTree } from 'jsonc-parser';
import { addReferenceReader, type FileReferences } from '../../server/src/core/workspace/references';
import { replaceScalar, WorkspaceIndex } from '../../server/src/core/workspace/workspace-index';
import { summarizeTask } from '../../server/src/core/workspace/task-summary';
import { checkManyLinks } from '../fuzz/workspace-index';

const TASK = JSON.stringify(
  {
    family: 'shop',
    containerDefinitions: [
      { name: 'web', image: 'shop:1', portMappings: [{ containerPort: 8080, protocol: 'tcp' }] },
      { name: 'proxy', image: 'nginx:1', essential: false, dependsOn: [{ containerName: 'web', condition: 'START' }], links: ['web:app'], volumesFrom: [{ sourceContainer: 'web' }] },
    ],
  },
  null,
  2,
);

const workflow = (path: string, container: string) => `on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - id: render
        uses: aws-actions/amazon-ecs-render-task-definition@v1
        with:
          task-definition: ${path}
          container-name: '${container}'
          image: x
      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
        with:
          task-definition: \${{ steps.render.outputs.task-definition }}
`;

// A stand-in for a service-definition reader (part A's readers plug in the same way): links by family.
addReferenceReader((path, text): FileReferences | undefined => {
  if (!path.endsWith('.svc.json')) return undefined;
  const root = parseTree(text);
  const td = root?.children?.find((p) => p.children?.[0].value === 'taskDefinition')?.children?.[1];
  const lb = root?.children?.find((p) => p.children?.[0].value === 'containerName')?.children?.[1];
  if (!td || typeof td.value !== 'string') return undefined;
  const link = { by: 'family' as const, family: String(td.value).split(':')[0] };
  return { kind: 'service', links: [link], containers: lb ? [{ link, name: String(lb.value), node: lb }] : [] };
});

function sliceOf(text: string, r: { offset: number; length: number }): string {
  return text.slice(r.offset, r.offset + r.length);
}

describe('task summary', () => {
  it('lists containers with image, ports and essential, and every in-file reference with the exact name range', () => {
    const s = summarizeTask(TASK)!;
    assert.equal(s.family, 'shop');
    assert.deepEqual(s.containers.map((c) => [c.name, c.image, c.ports.map((p) => p.value), c.essential]), [
      ['web', 'shop:1', [8080], true],
      ['proxy', 'nginx:1', [], false],
    ]);
    assert.deepEqual(s.references.map((r) => [r.kind, sliceOf(TASK, r.nameRange)]), [
      ['dependsOn', 'web'],
      ['volumesFrom', 'web'],
      ['links', 'web'],
    ]);
    assert.equal(summarizeTask('{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {}}'), undefined);
    assert.equal(summarizeTask('not json'), undefined);
  });
});

describe('WorkspaceIndex', () => {
  it('links a workflow to its task definition by path from the folder that holds .github, also in a monorepo', () => {
    const index = new WorkspaceIndex();
    index.addRoot('/w');
    index.set('/w/apps/shop/.aws/td.json', TASK);
    index.set('/w/apps/shop/.github/workflows/deploy.yml', workflow('./.aws/td.json', 'web'));
    index.set('/w/.aws/td.json', TASK);
    assert.deepEqual(index.linkedTasks('/w/apps/shop/.github/workflows/deploy.yml'), ['/w/apps/shop/.aws/td.json']);
    assert.deepEqual(index.dependents('/w/apps/shop/.aws/td.json'), ['/w/apps/shop/.github/workflows/deploy.yml']);
    assert.deepEqual(index.dependents('/w/.aws/td.json'), []);
  });

  it('links by family, preferring task definitions in the same repository', () => {
    const index = new WorkspaceIndex();
    index.addRoot('/a');
    index.addRoot('/b');
    index.set('/a/td.json', TASK);
    index.set('/b/td.json', TASK);
    index.set('/a/prod.svc.json', '{"taskDefinition": "shop:12", "containerName": "web"}');
    assert.deepEqual(index.linkedTasks('/a/prod.svc.json'), ['/a/td.json']);
    index.set('/c/other.svc.json', '{"taskDefinition": "shop"}');
    assert.deepEqual(index.linkedTasks('/c/other.svc.json').sort(), ['/a/td.json', '/b/td.json']);
    // The family changes: the link goes away.
    index.set('/a/td.json', TASK.replace('"shop"', '"shop-v2"'));
    assert.deepEqual(index.linkedTasks('/a/prod.svc.json'), ['/b/td.json']);
  });

  it('finds every occurrence of a container: definition, dependsOn, volumesFrom, links and each deploying file', () => {
    const index = new WorkspaceIndex();
    index.addRoot('/r');
    index.set('/r/.aws/td.json', TASK);
    const wf = workflow('.aws/td.json', 'web');
    index.set('/r/.github/workflows/a.yml', wf);
    index.set('/r/prod.svc.json', '{"taskDefinition": "shop", "containerName": "web"}');
    const occ = index.occurrences('/r/.aws/td.json', 'web');
    assert.deepEqual(occ.map((o) => [o.path, o.kind]).sort(), [
      ['/r/.aws/td.json', 'definition'],
      ['/r/.aws/td.json', 'dependsOn'],
      ['/r/.aws/td.json', 'links'],
      ['/r/.aws/td.json', 'volumesFrom'],
      ['/r/.github/workflows/a.yml', 'cross-file'],
      ['/r/prod.svc.json', 'cross-file'],
    ].sort());
    const inWorkflow = occ.find((o) => o.path.endsWith('a.yml'))!;
    assert.equal(sliceOf(wf, inWorkflow.range), "'web'");
    assert.equal(inWorkflow.replacement('api'), "'api'");
    assert.deepEqual(index.occurrences('/r/.aws/td.json', 'proxy').map((o) => o.kind), ['definition']);
  });

  it('gives one occurrence for an env value that several render steps use', () => {
    const index = new WorkspaceIndex();
    index.set('/r/.aws/td.json', TASK);
    const job = (n: number) =>
      `  j${n}:\n    runs-on: x\n    steps:\n      - uses: aws-actions/amazon-ecs-render-task-definition@v1\n        with:\n          task-definition: .aws/td.json\n          container-name: \${{ env.NAME }}\n          image: x\n`;
    index.set('/r/.github/workflows/w.yml', `on: push\nenv:\n  NAME: web\njobs:\n${job(0)}${job(1)}`);
    assert.deepEqual(index.occurrences('/r/.aws/td.json', 'web').filter((o) => o.kind === 'cross-file').length, 1);
  });

  it('handles one task definition linked from 1,000 workflows', () => {
    checkManyLinks(1000);
  });

  it('says which workflows deploy a task definition and which containers they render', () => {
    const index = new WorkspaceIndex();
    index.set('/r/.aws/td.json', TASK);
    index.set('/r/.github/workflows/a.yml', workflow('.aws/td.json', 'web'));
    assert.deepEqual(index.deployContexts('/r/.aws/td.json'), [{ file: '.github/workflows/a.yml', registers: true, renders: ['web'] }]);
    index.delete('/r/.github/workflows/a.yml');
    assert.deepEqual(index.deployContexts('/r/.aws/td.json'), []);
  });

  it('keeps at most maxFiles files and no file above maxFileSize, except the ones forced in (open documents)', () => {
    const index = new WorkspaceIndex({ maxFiles: 2, maxFileSize: 10_000 });
    assert.equal(index.set('/r/1.json', TASK), true);
    assert.equal(index.set('/r/2.json', TASK), true);
    assert.equal(index.set('/r/3.json', TASK), false);
    assert.equal(index.set('/r/4.json', TASK, true), true);
    assert.equal(index.set('/r/big.json', TASK + ' '.repeat(10_000)), false);
    assert.equal(index.set('/r/package.json', '{"name": "x"}'), false, 'files that are neither deploying nor task definitions are not kept');
    assert.equal(index.size, 3);
  });

  it('survives a workflow that links to itself and a path that leaves the repository', () => {
    const index = new WorkspaceIndex();
    index.set('/r/.github/workflows/self.yml', workflow('.github/workflows/self.yml', 'web'));
    index.set('/r/.github/workflows/out.yml', workflow('../../etc/td.json', 'web'));
    assert.deepEqual(index.linkedTasks('/r/.github/workflows/self.yml'), []);
    assert.deepEqual(index.related('/r/.github/workflows/self.yml'), []);
    assert.deepEqual(index.linkedTasks('/r/.github/workflows/out.yml'), []);
  });

  it('names the paths a deploying file links whether it holds them or not (what the host reads on demand)', () => {
    const index = new WorkspaceIndex();
    index.set('/r/.github/workflows/deploy.yml', workflow('./.aws/../.aws/td.json', 'web'));
    index.set('/r/.github/workflows/out.yml', workflow('../../etc/td.json', 'web'));
    index.set('/r/prod.svc.json', '{"taskDefinition": "shop:12", "containerName": "web"}');
    assert.deepEqual(index.linkedPaths('/r/.github/workflows/deploy.yml'), ['/r/.aws/td.json']);
    assert.deepEqual(index.linkedTasks('/r/.github/workflows/deploy.yml'), [], 'not held: not linked');
    assert.deepEqual(index.linkedPaths('/r/.github/workflows/out.yml'), [], 'a path that leaves the repository is never read');
    assert.deepEqual(index.linkedPaths('/r/prod.svc.json'), [], 'a family names no path');
    index.set('/r/.aws/td.json', TASK);
    assert.deepEqual(index.linkedTasks('/r/.github/workflows/deploy.yml'), ['/r/.aws/td.json']);
  });
});

describe('replaceScalar', () => {
  it('keeps the quoting style of the value it replaces', () => {
    assert.equal(replaceScalar('"web"', 'api'), '"api"');
    assert.equal(replaceScalar("'web'", 'api'), "'api'");
    assert.equal(replaceScalar('web', 'api'), 'api');
  });
});
