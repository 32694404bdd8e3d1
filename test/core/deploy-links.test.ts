/** The pure link collector the CLI, the Node server and the web worker share, and the path arithmetic of the config mapping. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { collectDeployLinks, relativePath } from '../../server/src/core/workspace/deploy-files';
import { addConfigSource, applyConfigFile, configEntry } from '../../server/src/lsp/config-file';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings';

const SERVICE = JSON.stringify({ serviceName: 'web', taskDefinition: 'web:3', desiredCount: 1, launchType: 'FARGATE' });
const APPSPEC = 'version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n        TaskDefinition: x\n';

describe('collectDeployLinks', () => {
  it('a service: asks for the ecspresso configs, then reads the family files it is given', () => {
    const asked: string[] = [];
    const out = collectDeployLinks('svc/web-service.json', SERVICE, (rel) => (asked.push(rel), rel === '../td/web.json' ? '{"family":"web"}' : rel.startsWith('ecspresso') ? null : undefined), (f) => (f === 'web' ? ['../td/web.json'] : []));
    assert.deepEqual([...out.families], [['web', ['../td/web.json']]]);
    assert.equal(out.files.get('../td/web.json'), '{"family":"web"}');
    assert.equal(out.files.get('ecspresso.yml'), null);
    assert.deepEqual(asked.filter((a) => a === '../td/web.json'), ['../td/web.json']);
  });

  it('a path that cannot be read is left out (not judged missing) and not asked for forever', () => {
    let calls = 0;
    const out = collectDeployLinks('appspec.yaml', APPSPEC, () => (calls++, undefined), () => []);
    assert.equal(out.files.has('taskdef.json'), false);
    assert.ok(calls <= 4);
  });

  it('a mapping wins over taskdef.json beside the appspec', () => {
    const out = collectDeployLinks('deploy/appspec.yaml', APPSPEC, (rel) => (rel === '../ecs/prod.json' ? '{}' : null), () => [], '../ecs/prod.json');
    assert.deepEqual([...out.files.keys()], ['../ecs/prod.json']);
  });
});

describe('relativePath', () => {
  it('climbs out of the common folder and down again', () => {
    assert.equal(relativePath('deploy', 'ecs/taskdef.prod.json'), '../ecs/taskdef.prod.json');
    assert.equal(relativePath('', 'ecs/t.json'), 'ecs/t.json');
    assert.equal(relativePath('a/b', 'a/c/t.json'), '../c/t.json');
    assert.equal(relativePath('a/b', 'a/b/t.json'), 't.json');
  });
});

describe('applyConfigFile: taskDefinitions', () => {
  it('gives the mapped path relative to the document folder; unmatched documents get none', () => {
    const entry = configEntry('.ecs-taskdef.json', '1', JSON.stringify({ taskDefinitions: { 'deploy/*.yaml': './ecs/../ecs/prod.json' } }));
    const remove = addConfigSource(
      { handles: (uri) => uri.startsWith('test-mapping:'), nearest: (uri) => ({ file: '.ecs-taskdef.json', entry, rel: uri.slice('test-mapping:'.length) }) },
      true,
    );
    try {
      assert.equal(applyConfigFile('test-mapping:deploy/appspec.yaml', 'deploy/appspec.yaml', DEFAULT_SETTINGS).taskDefinition, '../ecs/prod.json');
      assert.equal(applyConfigFile('test-mapping:other/appspec.yaml', 'other/appspec.yaml', DEFAULT_SETTINGS).taskDefinition, undefined);
    } finally {
      remove();
    }
  });
});
