/** Open appspecs and service definitions are checked against the task definition they run (desktop: read from disk). */
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { LspDiagnostic } from '../helpers/lsp-client';
import { assertServerBuilt, useServer } from '../helpers/lsp-session';
import { TestClient } from '../helpers/lsp-client';
import { LineIndex } from '../../server/src/core/syntax/positions';
import { INDEX_STATUS_REQUEST, type IndexStatus } from '../../server/src/shared/protocol';
import { applyLspEdits, type LspTextEdit } from './editor-protocol';

const WORKSPACES = join(__dirname, '..', 'fixtures', 'workspaces');

interface Related {
  location: { uri: string; range: { start: { line: number; character: number } } };
  message: string;
}
type Diag = LspDiagnostic & { relatedInformation?: Related[] };

describe('LSP: appspec and service definition documents', () => {
  const { client } = useServer();
  let repo: string;
  before(() => {
    repo = mkdtempSync(join(tmpdir(), 'ecs-taskdef-lsp-deploy-'));
    cpSync(WORKSPACES, repo, { recursive: true });
  });
  after(() => rmSync(repo, { recursive: true, force: true }));

  async function diagnostics(uri: string): Promise<Diag[]> {
    return (await client.request<{ items: Diag[] }>('textDocument/diagnostic', { textDocument: { uri } })).items;
  }

  it('an appspec: the port finding points into taskdef.json, its fix applies, and a task definition changed on disk is seen', async () => {
    const dir = join(repo, 'codepipeline-blue-green');
    const uri = pathToFileURL(join(dir, 'appspec.yaml')).href;
    const text = readFileSync(join(dir, 'appspec.yaml'), 'utf8');
    await client.open(uri, text, 1, 'yaml');
    const found = (await diagnostics(uri)).filter((d) => d.severity !== 4);
    assert.deepEqual(found.map((d) => [d.code, d.range.start.line]), [['unknown-container-port', 9]]);
    const taskUri = pathToFileURL(join(dir, 'taskdef.json')).href;
    assert.deepEqual(found[0].relatedInformation?.map((r) => [r.location.uri, r.location.range.start.line]), [[taskUri, 12]]);

    const actions = await client.request<Array<{ title: string; edit: { changes: Record<string, LspTextEdit[]> } }>>('textDocument/codeAction', { textDocument: { uri }, range: found[0].range, context: { diagnostics: [found[0]] } });
    assert.deepEqual(actions.map((a) => a.title), ['Change to 8080']);
    assert.match(applyLspEdits(text, actions[0].edit.changes[uri]), /ContainerPort: 8080\n/);

    writeFileSync(join(dir, 'taskdef.json'), readFileSync(join(dir, 'taskdef.json'), 'utf8').replace('"containerPort": 8080', '"containerPort": 80'));
    assert.deepEqual((await diagnostics(uri)).filter((d) => d.severity !== 4), []);
  });

  it('a service definition found by family: the container finding names the task-definition file', async () => {
    const dir = join(repo, 'service-by-family');
    // The LSP looks for the family beside the service; put the task definition there.
    cpSync(join(dir, 'task-definitions', 'web.json'), join(dir, 'services', 'web-task.json'));
    const uri = pathToFileURL(join(dir, 'services', 'web-service.json')).href;
    await client.open(uri, readFileSync(join(dir, 'services', 'web-service.json'), 'utf8'), 1, 'json');
    const found = await diagnostics(uri);
    assert.deepEqual(found.map((d) => d.code), ['launch-type-incompatible', 'service-role-with-awsvpc', 'unknown-container-reference']);
    assert.match(found[2].message, /'webapp' is not a container of web-task\.json/);
    assert.equal(found[2].relatedInformation?.[0].location.uri, pathToFileURL(join(dir, 'services', 'web-task.json')).href);
  });

  it('a service definition is schema-checked while typed: a key typo on its key, with the rename as quick fix', async () => {
    const dir = join(repo, 'ecspresso');
    const uri = pathToFileURL(join(dir, 'ecs-service-def.json')).href;
    const clean = readFileSync(join(dir, 'ecs-service-def.json'), 'utf8');
    const text = clean.replace('"schedulingStrategy"', '"schedulingStrategie"');
    await client.open(uri, text, 1, 'json');
    const found = (await diagnostics(uri)).filter((d) => d.code === 'unknown-property');
    const line = text.split('\n').findIndex((l) => l.includes('schedulingStrategie'));
    assert.deepEqual(found.map((d) => [d.range.start.line, d.range.start.character, d.range.end.character]), [[line, 2, 23]]);
    assert.match(found[0].message, /Did you mean 'schedulingStrategy'\?/);
    const actions = await client.request<Array<{ title: string; edit: { changes: Record<string, LspTextEdit[]> } }>>('textDocument/codeAction', { textDocument: { uri }, range: found[0].range, context: { diagnostics: [found[0]] } });
    assert.equal(actions[0].title, "Rename to 'schedulingStrategy'");
    assert.equal(applyLspEdits(text, actions[0].edit.changes[uri]), clean);
  });
});

/** The server indexes the workspace folder: families found anywhere in the repository, the config's mapping, hovers that say why. */
describe('LSP: deploying files linked through the workspace index and .ecs-taskdef.json', () => {
  const client = new TestClient();
  let repo: string;
  const uriOf = (...p: string[]) => pathToFileURL(join(repo, ...p)).href;
  const appspec = 'version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n        TaskDefinition: <TASK_DEFINITION>\n        LoadBalancerInfo:\n          ContainerName: worker\n          ContainerPort: 8080\n';
  const workflow = [
    'on: push',
    'jobs:',
    '  deploy:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - run: aws ecs describe-task-definition --task-definition web --query taskDefinition > task-definition.json',
    '      - id: render',
    '        uses: aws-actions/amazon-ecs-render-task-definition@v1',
    '        with:',
    '          task-definition: task-definition.json',
    '          container-name: web',
    '          image: web:1',
    '  other:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2',
    '        with:',
    '          task-definition: task-definitions/web.json',
    '',
  ].join('\n');

  before(async () => {
    assertServerBuilt();
    repo = mkdtempSync(join(tmpdir(), 'ecs-taskdef-lsp-links-'));
    cpSync(join(WORKSPACES, 'service-by-family'), repo, { recursive: true });
    const task = JSON.stringify({ family: 'api', containerDefinitions: [{ name: 'api', image: 'api:1', memory: 256, portMappings: [{ containerPort: 8080 }] }] }, null, 2);
    for (const [rel, text] of Object.entries({
      'deploy/appspec.yaml': appspec,
      'other/appspec.yaml': appspec,
      'ecs/taskdef.prod.json': task,
      '.ecs-taskdef.json': JSON.stringify({ taskDefinitions: { 'deploy/appspec.yaml': 'ecs/taskdef.prod.json' } }),
      '.github/workflows/deploy.yml': workflow,
    })) {
      mkdirSync(dirname(join(repo, rel)), { recursive: true });
      writeFileSync(join(repo, rel), text);
    }
    await client.initialize({ pull: true, workspaceFolders: [pathToFileURL(repo).href] });
    await indexed(client);
  });
  after(async () => {
    await client.shutdown();
    rmSync(repo, { recursive: true, force: true });
  });

  async function diagnostics(uri: string): Promise<Diag[]> {
    return (await client.request<{ items: Diag[] }>('textDocument/diagnostic', { textDocument: { uri } })).items;
  }
  async function hover(uri: string, text: string, needle: string): Promise<string> {
    const at = new LineIndex(text).positionAt(text.indexOf(needle) + 2);
    const h = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: at });
    return h?.contents.value ?? '';
  }

  it('a service in services/ runs the task definition in task-definitions/ found by family in the index', async () => {
    const uri = uriOf('services', 'web-service.json');
    const text = readFileSync(join(repo, 'services', 'web-service.json'), 'utf8');
    await client.open(uri, text, 1, 'json');
    const found = await diagnostics(uri);
    assert.deepEqual(found.map((d) => d.code), ['launch-type-incompatible', 'service-role-with-awsvpc', 'unknown-container-reference']);
    assert.match(found[2].message, /'webapp' is not a container of \.\.\/task-definitions\/web\.json/);
    assert.equal(found[2].relatedInformation?.[0].location.uri, uriOf('task-definitions', 'web.json'));
    assert.match(await hover(uri, text, 'arn:aws:ecs'), /^\*\*Runs `\.\.\/task-definitions\/web\.json`\*\*: the only task-definition file in the workspace with `family` `web`/);
  });

  it('two files with the family: nothing links, and the hover names both', async () => {
    const uri = uriOf('services', 'web-service.json');
    const text = readFileSync(join(repo, 'services', 'web-service.json'), 'utf8');
    mkdirSync(join(repo, 'legacy'), { recursive: true });
    writeFileSync(join(repo, 'legacy', 'web-old.json'), readFileSync(join(repo, 'task-definitions', 'web.json'), 'utf8'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('legacy', 'web-old.json'), type: 1 }] });
    let said = '';
    for (let i = 0; i < 200 && !/2 files have/.test(said); i++) {
      said = await hover(uri, text, 'arn:aws:ecs');
      if (!/2 files have/.test(said)) await new Promise((r) => setTimeout(r, 20));
    }
    assert.match(said, /^\*\*No task definition linked\.\*\* 2 files have `family` `web` \(`\.\.\/legacy\/web-old\.json`, `\.\.\/task-definitions\/web\.json`\)|2 files have `family` `web` \(`\.\.\/task-definitions\/web\.json`, `\.\.\/legacy\/web-old\.json`\)/);
    // Fargate alone makes it awsvpc: that finding needs no task definition; the container and launch-type ones do.
    assert.deepEqual((await diagnostics(uri)).map((d) => d.code), ['service-role-with-awsvpc']);
    rmSync(join(repo, 'legacy'), { recursive: true, force: true });
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('legacy', 'web-old.json'), type: 3 }] });
  });

  it('the taskDefinitions mapping of .ecs-taskdef.json links an appspec; without one the hover says no taskdef.json is beside it', async () => {
    const mapped = uriOf('deploy', 'appspec.yaml');
    await client.open(mapped, appspec, 1, 'yaml');
    const found = await diagnostics(mapped);
    assert.deepEqual(found.map((d) => [d.code, d.range.start.line]), [['unknown-container-reference', 7]]);
    assert.match(found[0].message, /'worker' is not a container of \.\.\/ecs\/taskdef\.prod\.json/);
    assert.equal(found[0].relatedInformation?.[0].location.uri, uriOf('ecs', 'taskdef.prod.json'));
    assert.equal(await hover(mapped, appspec, 'TargetService'), '**Runs `../ecs/taskdef.prod.json`** (mapped in .ecs-taskdef.json).');
    // The index follows the mapping too: hover and definition on the container name reach the mapped file, named as
    // the diagnostic and the link hover name it (from the appspec's folder).
    assert.match(await hover(mapped, appspec, 'worker'), /^No container 'worker' in `\.\.\/ecs\/taskdef\.prod\.json` \(it has `api`\)\.$/);

    const alone = uriOf('other', 'appspec.yaml');
    await client.open(alone, appspec, 1, 'yaml');
    assert.deepEqual((await diagnostics(alone)).filter((d) => d.severity === 1), []);
    assert.match(await hover(alone, appspec, '<TASK_DEFINITION>'), /^\*\*No task definition linked\.\*\* Looked for `taskdef\.json` \(taskdef\.json beside the appspec \(CodePipeline convention\)\): there is no such file/);
  });

  it('a workflow: hover on task-definition names the linked file, or says an earlier step writes it', async () => {
    const uri = uriOf('.github', 'workflows', 'deploy.yml');
    await client.open(uri, workflow, 1, 'github-actions-workflow');
    assert.match(await hover(uri, workflow, 'task-definition.json\n          container'), /^\*\*Task definition `task-definition\.json`: not linked\.\*\* An earlier step of the job may write it/);
    assert.equal(await hover(uri, workflow, 'task-definitions/web.json'), '**Runs `task-definitions/web.json`** (relative to the repository root).');
  });
});

async function indexed(client: TestClient): Promise<void> {
  for (;;) {
    if (!(await client.request<IndexStatus>(INDEX_STATUS_REQUEST, {})).indexing) return;
    await new Promise((r) => setTimeout(r, 20));
  }
}
