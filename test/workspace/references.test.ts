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

describe('fileReferences: appspecs and service definitions', () => {
  it('an appspec links taskdef.json beside it and names a container with its port', () => {
    const text = 'version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n        TaskDefinition: <TASK_DEFINITION>\n        LoadBalancerInfo:\n          ContainerName: "web"\n          ContainerPort: 8080\n';
    const refs = fileReferences('deploy/appspec.yaml', text);
    assert.equal(refs?.kind, 'appspec');
    assert.deepEqual(refs?.links, [{ by: 'path', path: 'deploy/taskdef.json' }]);
    const c = refs!.containers[0];
    assert.equal(text.slice(c.node.offset, c.node.offset + c.node.length), '"web"');
    assert.equal(c.name, 'web');
    assert.equal(c.port?.value, 8080);
  });

  it('a service definition links the family of its taskDefinition ARN and names its load balancer and registry containers', () => {
    const text = JSON.stringify({ serviceName: 's', taskDefinition: 'arn:aws:ecs:us-east-1:111122223333:task-definition/web:7', loadBalancers: [{ containerName: 'web', containerPort: 80 }], serviceRegistries: [{ containerName: 'sidecar' }] });
    const refs = fileReferences('services/web.json', text);
    assert.equal(refs?.kind, 'service');
    assert.deepEqual(refs?.links.map((l) => (l.by === 'family' ? l.family : l.path)), ['web']);
    assert.deepEqual(refs?.containers.map((c) => [c.name, c.port?.value]), [['web', 80], ['sidecar', undefined]]);
  });
});
