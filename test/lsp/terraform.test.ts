/** The language server on a Terraform file: the parser loads on the first .tf, then diagnostics, hover and a quick fix in HCL. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LspDiagnostic } from '../helpers/lsp-client';
import { useServer } from '../helpers/lsp-session';
import { applyLspEdits, codeActionsFor, completionItems, hoverMarkdown, type LspTextEdit, pullDiagnostics } from './editor-protocol';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const TF = `resource "aws_ecs_task_definition" "web" {
  family                   = "web"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "bridge" # from the EC2 days
  cpu                      = 256
  memory                   = 512
  execution_role_arn       = aws_iam_role.exec.arn
  container_definitions = jsonencode([
    { name = "web", image = "nginx:1.27", essential = true, readonlyRootFilesystem = true }
  ])
}

resource "aws_ecs_task_definition" "loaded" {
  family                = "loaded"
  container_definitions = file("\${path.module}/containers.json")
}
`;

describe('language server on a Terraform file', () => {
  const server = useServer();
  const { client } = server;
  const uri = 'file:///work/app/infra/main.tf';

  it('reports diagnostics with the rule id on the HCL value, named by resource address', async () => {
    await client.open(uri, TF, 1, 'terraform');
    const items = await pullDiagnostics(client, uri);
    const net = items.find((d) => d.code === 'fargate-network-mode');
    assert.ok(net, JSON.stringify(items));
    assert.deepEqual(net.range, { start: { line: 3, character: 29 }, end: { line: 3, character: 37 } });
    assert.match(net.message, /^aws_ecs_task_definition\.web: Fargate tasks must use network_mode 'awsvpc'/);
  });

  it('offers the quick fix in HCL, which keeps the comment', async () => {
    const net = (await pullDiagnostics(client, uri)).find((d) => d.code === 'fargate-network-mode')!;
    const actions = await codeActionsFor(client, uri, net);
    const fix = actions.find((a) => a.title === "Set network_mode to 'awsvpc'");
    assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(applyLspEdits(TF, fix.edit!.changes[uri]), TF.replace('"bridge" # from', '"awsvpc" # from'));
  });

  it('hovers an argument under its Terraform name, and a file() call with what it loads', async () => {
    const hover = await hoverMarkdown(client, uri, { line: 5, character: 4 });
    assert.ok(hover);
    assert.match(hover, /^\*\*`memory`\*\* \(task\)/);
    const link = await hoverMarkdown(client, uri, { line: 14, character: 30 });
    assert.ok(link);
    assert.match(link, /loaded from `containers\.json` with `file\(\)`/);
  });

  it('completes argument names, values and container keys inside jsonencode, in HCL', async () => {
    const text = TF.replace('  cpu                      = 256\n', '  cpu = \n  netw\n').replace('essential = true, readonlyRootFilesystem = true }', 'essential = true, readonlyRootFilesystem = true,\n      logC }');
    const u = 'file:///work/app/infra/complete.tf';
    await client.open(u, text, 1, 'terraform');
    const at = (line: number, character: number) => completionItems(client, u, { line, character });
    const sizes = await at(4, 8);
    assert.deepEqual(sizes.slice(0, 4).map((i) => i.label), ['256', '512', '1024', '2048']);
    assert.equal(sizes[0].textEdit?.newText, '"256"');
    const args = await at(5, 6);
    const nm = args.find((i) => i.label === 'network_mode');
    assert.ok(!nm, 'network_mode is already set');
    assert.ok(args.some((i) => i.label === 'task_role_arn' && i.textEdit?.newText.startsWith('task_role_arn = ')), JSON.stringify(args.map((i) => i.label)));
    assert.ok(args.some((i) => i.label === 'volume' && i.textEdit?.newText.startsWith('volume {')));
    assert.ok(!args.some((i) => /[A-Z]/.test(i.label)));
    const keys = await at(10, 10);
    const lc = keys.find((i) => i.label === 'logConfiguration');
    assert.ok(lc, JSON.stringify(keys.map((i) => i.label)));
    assert.match(lc.textEdit!.newText, /^logConfiguration = \{/);
    assert.ok(!keys.some((i) => i.label === 'essential'), 'essential is already set');
  });
});

describe('language server on a Terraform module (a folder of .tf files) and the JSON it loads', () => {
  const server = useServer();
  const { client } = server;
  const dir = mkdtempSync(join(tmpdir(), 'ecs-taskdef-tf-'));
  const files: Record<string, string> = {
    'task.tf': `resource "aws_ecs_task_definition" "web" {
  family                   = "web"
  requires_compatibilities = ["FARGATE"]
  network_mode             = local.network_mode
  cpu                      = 256
  memory                   = 512
  container_definitions    = jsonencode([{ name = "web", image = "nginx:1.27", essential = true, portMappings = [{ containerPort = 8080 }] }])
}

resource "aws_ecs_task_definition" "worker" {
  family                   = "worker"
  requires_compatibilities = ["FARGATE"]
  network_mode             = local.network_mode
  cpu                      = 256
  memory                   = 512
  container_definitions    = file("\${path.module}/containers/worker.json")
}
`,
    'locals.tf': 'locals {\n  network_mode = "awsvpc"\n}\n',
    'service.tf': `resource "aws_ecs_service" "web" {
  name            = "web"
  task_definition = aws_ecs_task_definition.web.arn
  launch_type     = "FARGATE"
  network_configuration {
    subnets = var.subnets
  }
  load_balancer {
    target_group_arn = aws_lb_target_group.web.arn
    container_name   = "api"
    container_port   = 8080
  }
}
`,
    'worker-service.tf': `resource "aws_ecs_service" "worker" {
  name            = "worker"
  task_definition = aws_ecs_task_definition.worker.arn
  launch_type     = "FARGATE"
  network_configuration {
    subnets = var.subnets
  }
  load_balancer {
    target_group_arn = aws_lb_target_group.worker.arn
    container_name   = "wrkr"
    container_port   = 8080
  }
}
`,
    'child/legacy.tf': 'resource "aws_ecs_task_definition" "legacy" {\n  family                   = "legacy"\n  requires_compatibilities = ["FARGATE"]\n  network_mode             = "awsvpc"\n  cpu                      = 256\n  memory                   = 512\n  container_definitions    = "${file("./child/legacy.json")}"\n}\n',
    'child/legacy.json': '[\n  { "name": "legacy", "image": "nginx:1.27", "essential": true, "privileged": true }\n]\n',
    'containers/worker.json': '[\n  { "name": "worker", "image": "nginx:1.27", "essential": true, "privileged": true, "portMappings": [{ "containerPort": 8080 }] }\n]\n',
  };
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  const uriOf = (rel: string) => pathToFileURL(join(dir, rel)).href;
  const diagnostics = async (uri: string) => (await client.request<{ items: LspDiagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } })).items;

  it('a service in service.tf is checked against the task definition in task.tf, read from disk', async () => {
    await client.open(uriOf('service.tf'), files['service.tf'], 1, 'terraform');
    // A request that arrives before the parser has loaded (an editor asks for symbols first) must not leave the
    // "parser is loading" note cached for this version.
    await client.request('textDocument/documentSymbol', { textDocument: { uri: uriOf('service.tf') } });
    const items = await diagnostics(uriOf('service.tf'));
    assert.ok(!items.some((d) => d.code === 'not-linted'), JSON.stringify(items));
    const ref = items.find((d) => d.code === 'unknown-container-reference');
    assert.ok(ref, JSON.stringify(items));
    assert.equal(ref.range.start.line, 9);
    assert.match(ref.message, /^aws_ecs_service\.web: /);
  });

  it('an open, unsaved task.tf wins over the disk, and the service follows it', async () => {
    const renamed = files['task.tf'].replace('name = "web"', 'name = "api"');
    await client.open(uriOf('task.tf'), renamed, 1, 'terraform');
    const items = await diagnostics(uriOf('service.tf'));
    assert.ok(!items.some((d) => d.code === 'unknown-container-reference'), JSON.stringify(items));
  });

  it('the JSON a resource loads, opened on its own, is linted with the resource settings, and hover says who loads it', async () => {
    const uri = uriOf('containers/worker.json');
    await client.open(uri, files['containers/worker.json'], 1, 'json');
    const items = await diagnostics(uri);
    const priv = items.find((d) => d.code === 'fargate-unsupported-parameter');
    assert.ok(priv, `privileged on a Fargate task is found only with the resource's context: ${JSON.stringify(items)}`);
    assert.equal(priv.range.start.line, 1);
    assert.match(priv.message, /^aws_ecs_task_definition\.worker: /);
    const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 8 } });
    assert.ok(hover);
    assert.match(hover.contents.value, /Loaded by `aws_ecs_task_definition\.worker` \(task\.tf\) with `file\(\)`: checked as its containers, with its launch type FARGATE, network mode awsvpc/);
  });

  it('a service is checked against the containers its task definition loads with file(), and follows the open JSON', async () => {
    const uri = uriOf('worker-service.tf');
    await client.open(uri, files['worker-service.tf'], 1, 'terraform');
    const ref = (await diagnostics(uri)).find((d) => d.code === 'unknown-container-reference');
    assert.ok(ref, 'containers/worker.json names its container worker, read from disk');
    assert.equal(ref.range.start.line, 9);
    assert.match(ref.message, /'wrkr'/);
    // The open JSON document (above) wins over the disk: renamed unsaved, the service follows it.
    const renamed = files['containers/worker.json'].replace('"name": "worker"', '"name": "wrkr"');
    await client.change(uriOf('containers/worker.json'), 2, [{ text: renamed }]);
    const after = await diagnostics(uri);
    assert.ok(!after.some((d) => d.code === 'unknown-container-reference'), JSON.stringify(after));
  });

  it('a bare relative file() path of a child module is found from the folder above (where terraform runs)', async () => {
    const uri = uriOf('child/legacy.json');
    await client.open(uri, files['child/legacy.json'], 1, 'json');
    const items = await diagnostics(uri);
    const priv = items.find((d) => d.code === 'fargate-unsupported-parameter');
    assert.ok(priv, `linked to child/legacy.tf through "./child/legacy.json": ${JSON.stringify(items)}`);
    assert.match(priv.message, /^aws_ecs_task_definition\.legacy: /);
  });

  it('service completion offers the containers of a task definition in another file, and of the JSON it loads', async () => {
    // Line 9 of both: `    container_name   = "…"`, the value at character 23. task.tf is open with its container renamed to api.
    const labels = async (rel: string) => (await completionItems(client, uriOf(rel), { line: 9, character: 23 })).map((i) => i.label);
    assert.deepEqual(await labels('service.tf'), ['api']);
    // worker's containers come from containers/worker.json, open and renamed to wrkr above.
    assert.deepEqual(await labels('worker-service.tf'), ['wrkr']);
  });
});
