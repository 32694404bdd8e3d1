import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addReferenceReader, fileReferences } from '../../server/src/core/workspace/references';

const WORKFLOW = `on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - id: render
        uses: aws-actions/amazon-ecs-render-task-definition@v1
        with:
          task-definition: ./.aws/task-definition.json
          container-name: web
          image: x
      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
        with:
          task-definition: \${{ steps.render.outputs.task-definition }}
`;

describe('fileReferences', () => {
  it('reads a workflow render step as a container reference to its task-definition file', () => {
    const refs = fileReferences('.github/workflows/deploy.yml', WORKFLOW);
    assert.equal(refs?.kind, 'workflow');
    assert.deepEqual(refs?.links.map((l) => (l.by === 'path' ? l.path : l.family)), ['.aws/task-definition.json']);
    assert.equal(refs?.containers.length, 1);
    const c = refs!.containers[0];
    assert.equal(c.name, 'web');
    assert.equal(WORKFLOW.slice(c.node.offset, c.node.offset + c.node.length), 'web');
  });

  it('leaves files no reader claims alone, and asks added readers in order', () => {
    assert.equal(fileReferences('src/app.yml', WORKFLOW), undefined);
    addReferenceReader((path) => (path.endsWith('appspec.yaml') ? { kind: 'appspec', links: [{ by: 'path', path: 'taskdef.json' }], containers: [] } : undefined));
    assert.equal(fileReferences('appspec.yaml', 'version: 0.0')?.kind, 'appspec');
  });
});
