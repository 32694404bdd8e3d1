/** A service whose task definition loads its containers with file()/templatefile(): the service checks read that JSON. */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { join } from 'node:path';
import { lint } from '../../server/src/core/lint';
import { initHclFromDisk } from '../../server/src/lsp/node/hcl-wasm';
import { terraformLoadPaths } from '../../server/src/core/documents/lint-terraform';
import { lintJson, workspace } from '../cli/cli-helpers';

const TASK = `resource "aws_ecs_task_definition" "web" {
  family                   = "web"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  container_definitions    = templatefile("\${path.module}/containers.json.tpl", { image = var.image })
}
`;

const SERVICE = `resource "aws_ecs_service" "web" {
  name            = "web"
  task_definition = aws_ecs_task_definition.web.arn
  launch_type     = "FARGATE"
  network_configuration {
    subnets = var.subnets
  }
  load_balancer {
    target_group_arn = aws_lb_target_group.web.arn
    container_name   = "wbe"
    container_port   = 8080
  }
  load_balancer {
    target_group_arn = aws_lb_target_group.admin.arn
    container_name   = "web"
    container_port   = 9000
  }
  service_connect_configuration {
    enabled = true
    service {
      port_name = "htp"
    }
  }
}
`;

const CONTAINERS = `[
  {
    "name": "web",
    "image": "\${image}",
    "essential": true,
    "portMappings": [{ "containerPort": 8080, "name": "http" }]
  }
]
`;

const LOADED = [{ path: 'containers.json.tpl', text: CONTAINERS }];
const slice = (text: string, r: { offset: number; length: number }) => text.slice(r.offset, r.offset + r.length);
const SEAMS = ['unknown-container-reference', 'unknown-container-port', 'service-connect-port-name'];

describe('Terraform service checks against loaded containers', () => {
  before(() => initHclFromDisk());

  it('names the paths the module loads, as written (path.module taken off, .tf and computed paths left out)', () => {
    const other = 'resource "aws_ecs_task_definition" "x" {\n  container_definitions = file("${var.dir}/c.json")\n}\n';
    const cycle = 'resource "aws_ecs_task_definition" "y" {\n  container_definitions = file("main.tf")\n}\n';
    const bare = 'resource "aws_ecs_task_definition" "z" {\n  container_definitions = file("./ecs/z.json")\n}\n';
    assert.deepEqual(terraformLoadPaths([TASK, SERVICE, other, cycle, bare]), [
      { path: 'containers.json.tpl', fromModule: true },
      { path: './ecs/z.json', fromModule: false },
    ]);
  });

  it('same file: container, port and port name are checked against the JSON, with a fix and related info in the .tf', () => {
    const text = `${TASK}\n${SERVICE}`;
    const d = lint(text, { fileName: 'infra/main.tf', terraformLoaded: LOADED }).diagnostics;
    const ref = d.find((x) => x.code === 'unknown-container-reference');
    assert.ok(ref, JSON.stringify(d.map((x) => `${x.code}: ${x.message}`)));
    assert.equal(slice(text, ref.range), '"wbe"');
    assert.equal(ref.fixes?.[0].edits[0].content, '"web"');
    // The container's name is in the JSON file: named by file and line, shown on the service.
    assert.ok(ref.related!.some((r) => /\(containers\.json\.tpl:3\)$/.test(r.message)), JSON.stringify(ref.related));
    assert.ok(ref.related!.every((r) => r.range.offset + r.range.length <= text.length));
    const port = d.find((x) => x.code === 'unknown-container-port');
    assert.ok(port, JSON.stringify(d.map((x) => x.code)));
    assert.equal(slice(text, port.range), '9000');
    assert.equal(port.fixes?.[0].edits[0].content, '8080');
    const name = d.find((x) => x.code === 'service-connect-port-name');
    assert.ok(name, JSON.stringify(d.map((x) => x.code)));
    assert.equal(slice(text, name.range), '"htp"');
    assert.equal(name.fixes?.[0].edits[0].content, '"http"');
  });

  it('without the loaded text the containers stay unknown: no seam finding is guessed', () => {
    const d = lint(`${TASK}\n${SERVICE}`, { fileName: 'infra/main.tf' }).diagnostics;
    assert.deepEqual(d.filter((x) => SEAMS.includes(x.code)).map((x) => x.code), []);
    // Broken JSON is the loaded file's own finding: the service does not judge against it.
    const broken = lint(`${TASK}\n${SERVICE}`, { fileName: 'infra/main.tf', terraformLoaded: [{ path: 'containers.json.tpl', text: '[{ "name": "web",' }] }).diagnostics;
    assert.deepEqual(broken.filter((x) => SEAMS.includes(x.code)).map((x) => x.code), []);
  });

  it('templated containers in the JSON (a %{ for } or a ${} list) are unknown, never an error', () => {
    const tpl = '[\n  ${jsonencode(containers)}\n]\n';
    const d = lint(`${TASK}\n${SERVICE}`, { fileName: 'infra/main.tf', terraformLoaded: [{ path: 'containers.json.tpl', text: tpl }] }).diagnostics;
    assert.deepEqual(d.filter((x) => SEAMS.includes(x.code)).map((x) => x.code), []);
  });

  it('task in another file of the module: related info names the JSON file, task arguments name the .tf file', () => {
    const d = lint(SERVICE, { fileName: 'infra/service.tf', terraformModule: [{ path: 'infra/task.tf', text: TASK }], terraformLoaded: LOADED }).diagnostics;
    const codes = d.map((x) => x.code);
    for (const c of SEAMS) assert.ok(codes.includes(c), `${c}: ${JSON.stringify(codes)}`);
    const ref = d.find((x) => x.code === 'unknown-container-reference')!;
    assert.ok(ref.related!.some((r) => /\(containers\.json\.tpl:3\)$/.test(r.message)), JSON.stringify(ref.related));
    assert.ok(ref.related!.every((r) => r.range.offset + r.range.length <= SERVICE.length));
  });

  it('a task argument in related info points at its HCL (requires_compatibilities), not into the JSON file', () => {
    const ec2 = SERVICE.replace('launch_type     = "FARGATE"', 'launch_type     = "EC2"');
    const own = `${TASK}\n${ec2}`;
    const d = lint(own, { fileName: 'infra/main.tf', terraformLoaded: LOADED }).diagnostics;
    const lt = d.find((x) => x.code === 'launch-type-incompatible');
    assert.ok(lt, JSON.stringify(d.map((x) => x.code)));
    assert.ok(lt.related!.some((r) => slice(own, r.range) === '["FARGATE"]'), JSON.stringify(lt.related));
    const apart = lint(ec2, { fileName: 'infra/service.tf', terraformModule: [{ path: 'infra/task.tf', text: TASK }], terraformLoaded: LOADED }).diagnostics;
    const lt2 = apart.find((x) => x.code === 'launch-type-incompatible');
    assert.ok(lt2, JSON.stringify(apart.map((x) => x.code)));
    assert.ok(lt2.related!.some((r) => /\(task\.tf:3\)$/.test(r.message)), JSON.stringify(lt2.related));
    assert.ok(!lt2.related!.some((r) => /containers\.json\.tpl:1\)$/.test(r.message)), JSON.stringify(lt2.related));
  });

  it('CLI: a bare relative path is read from where terraform runs (a folder above a child module), as public modules write it', () => {
    // Shape of meshhq/terraform-ecs-cluster ecs/task-definition.tf: file("./ecs/task-definition.json"), run from the root.
    const legacy = 'resource "aws_ecs_task_definition" "web" {\n  family                = "web"\n  container_definitions = "${file("./ecs/task-definition.json")}"\n}\n';
    const dir = workspace({ 'main.tf': 'module "ecs" {\n  source = "./ecs"\n}\n', 'ecs/task.tf': legacy, 'ecs/service.tf': SERVICE, 'ecs/task-definition.json': CONTAINERS });
    const { results } = lintJson(join(dir, 'ecs'));
    const all = results.flatMap((r: { diagnostics: Array<{ code: string }> }) => r.diagnostics.map((x) => x.code));
    assert.ok(!all.includes('unknown-task-definition-file'), JSON.stringify(all));
    const svc = results.find((r: { file: string }) => r.file.endsWith('service.tf'))!;
    assert.ok(svc.diagnostics.some((x: { code: string }) => x.code === 'unknown-container-reference'), JSON.stringify(svc.diagnostics));
    assert.ok(results.some((r: { file: string }) => r.file.endsWith('task-definition.json')), 'the loaded file is linted too');
  });

  it('CLI: a missing file is an error with ${path.module}, a warning for a bare path (the working folder is unknown)', () => {
    const missing = (arg: string) => `resource "aws_ecs_task_definition" "web" {\n  family                = "web"\n  container_definitions = file(${arg})\n}\n`;
    const dir = workspace({ 'a/task.tf': missing('"${path.module}/nope.json"'), 'b/task.tf': missing('"nope.json"') });
    const find = (sub: string) => lintJson(join(dir, sub, 'task.tf')).results[0].diagnostics.find((x: { code: string }) => x.code === 'unknown-task-definition-file');
    const certain = find('a');
    assert.equal(certain?.severity, 'error', JSON.stringify(certain));
    assert.match(certain.message, /file\("\$\{path\.module\}\/nope\.json"\) names no file in this module's folder/);
    const bare = find('b');
    assert.equal(bare?.severity, 'warning', JSON.stringify(bare));
    assert.ok(bare.message.length <= 160 && certain.message.length <= 160);
  });

  it('CLI: lint DIR reads the loaded file from disk relative to the module folder', () => {
    const dir = workspace({ 'infra/task.tf': TASK, 'infra/service.tf': SERVICE, 'infra/containers.json.tpl': CONTAINERS });
    for (const args of [[dir], [join(dir, 'infra', 'service.tf')]]) {
      const { results } = lintJson(...args);
      const svc = results.find((r) => r.file.endsWith('service.tf'));
      assert.ok(svc, JSON.stringify(results.map((r) => r.file)));
      const codes = svc.diagnostics.map((x: { code: string }) => x.code);
      for (const c of SEAMS) assert.ok(codes.includes(c), `${c}: ${JSON.stringify(codes)}`);
    }
  });
});
