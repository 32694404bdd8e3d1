/** Terraform reading, broken HCL, loaded files and fixes written back as HCL. */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { lint } from '../../server/src/core/lint';
import { completeAt } from '../../server/src/core/completion';
import { applyTextEdits } from '../../server/src/core/fixes/edits';
import { initHclFromDisk } from '../../server/src/lsp/node/hcl-wasm';
import { readTerraform } from '../../server/src/core/documents/tf-module';
import { lintLoadedContainers } from '../../server/src/core/documents/lint-terraform';
import { looksLikeTerraformPlan } from '../../server/src/core/documents/tf-plan';
import { shouldLint } from '../../server/src/core/documents/file-detection';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const TF = `# the web service
resource "aws_ecs_task_definition" "web" {
  family                   = "web" # the family
  requires_compatibilities = ["FARGATE"]
  network_mode             = "bridge" // wrong for Fargate
  cpu                      = 256
  memory                   = 300
  execution_role_arn       = aws_iam_role.exec.arn
  container_definitions = jsonencode([
    {
      name       = "web" # main
      image      = "nginx:1.27"
      privileged = true
      essential  = true
      logConfiguration = { logDriver = "awslogs", options = { "awslogs-group" = "/ecs/web", "awslogs-region" = "eu-west-1", "awslogs-stream-prefix" = "web" } }
    }
  ])
  volume {
    name = "data"
    efs_volume_configuration {
      file_system_id = aws_efs_file_system.fs.id
    }
  }
}
`;

const codes = (text: string) => lint(text, { fileName: 'main.tf' }).diagnostics.map((d) => d.code);
const at = (text: string, code: string) => lint(text, { fileName: 'main.tf' }).diagnostics.find((d) => d.code === code)!;

describe('Terraform', () => {
  before(() => initHclFromDisk());

  it('reads the resource with API names and .tf offsets, and reports at the HCL key or value', () => {
    const d = at(TF, 'fargate-network-mode');
    assert.equal(TF.slice(d.range.offset, d.range.offset + d.range.length), '"bridge"');
    assert.match(d.message, /^aws_ecs_task_definition\.web: .*network_mode/);
    const p = at(TF, 'fargate-unsupported-parameter');
    assert.equal(TF.slice(p.range.offset, p.range.offset + 10), 'privileged');
    const m = readTerraform(TF)!;
    assert.equal(m.subjects.length, 1);
    assert.ok(m.resources.has('aws_ecs_task_definition.web'));
  });

  it('references, calls and interpolations are placeholders, never errors', () => {
    const text = `resource "aws_ecs_task_definition" "x" {
  family = "\${var.env}-x"
  requires_compatibilities = [var.launch]
  network_mode = local.mode
  cpu = var.cpu
  memory = tostring(var.memory)
  execution_role_arn = data.aws_iam_role.exec.arn
  container_definitions = jsonencode([for c in var.containers : merge(c, { essential = true })])
}
`;
    assert.deepEqual(lint(text, { fileName: 'main.tf' }).diagnostics.filter((d) => d.severity === 'error'), []);
  });

  it('fixes: a value replaced in HCL keeps comments and layout; an argument added on its own line', () => {
    const fix = at(TF, 'fargate-network-mode').fixes![0];
    const fixed = applyTextEdits(TF, fix.edits);
    assert.match(fixed, /network_mode {13}= "awsvpc" \/\/ wrong for Fargate/);
    assert.deepEqual(readTerraform(fixed)!.syntaxError, undefined);
    const efs = at(TF, 'efs-transit-encryption').fixes![0];
    const added = applyTextEdits(TF, efs.edits);
    assert.match(added, /file_system_id = aws_efs_file_system\.fs\.id\n {6}transit_encryption = "ENABLED"\n/);
    assert.ok(!codes(added).includes('efs-transit-encryption'));
    const memory = at(TF, 'fargate-cpu-memory').fixes![0];
    assert.match(applyTextEdits(TF, memory.edits), /\n  memory {19}= 512\n/, 'a number stays a number');
  });

  it('fixes inside jsonencode are written as HCL and keep the other members', () => {
    const fix = at(TF, 'fargate-unsupported-parameter').fixes![0];
    const fixed = applyTextEdits(TF, fix.edits);
    assert.ok(!fixed.includes('privileged'));
    assert.ok(fixed.includes('name       = "web" # main'));
    assert.ok(!codes(fixed).includes('fargate-unsupported-parameter'));
  });

  it('broken HCL gets one syntax diagnostic, never a cascade', () => {
    const cuts = [TF.slice(0, 200), TF.replace('= "web" #', '= "web #'), TF.replace('volume {', 'volume {{'), TF.replace(/\}\n$/, ''), '}}}{{{', 'resource "aws_ecs_task_definition" {'];
    for (const text of cuts) {
      const ds = lint(text, { fileName: 'main.tf' }).diagnostics;
      assert.equal(ds.filter((d) => d.code === 'json-syntax').length, 1, text);
      assert.ok(ds.length <= 1 + ds.filter((d) => d.code !== 'json-syntax').length);
    }
  });

  it('a heredoc of JSON is read at its offsets; its syntax errors are reported there', () => {
    const text = `resource "aws_ecs_task_definition" "h" {
  family = "h"
  container_definitions = <<JSON
[{ "name": "a", "image": "nginx:1.27", "essential": true, "memory": 256, "privileged": true, }]
JSON
  requires_compatibilities = ["FARGATE"]
}
`;
    const d = at(text, 'fargate-unsupported-parameter');
    assert.equal(text.slice(d.range.offset, d.range.offset + 12), '"privileged"');
    const broken = text.replace('"memory": 256,', '"memory": 256 "x": 1,');
    assert.equal(lint(broken, { fileName: 'main.tf' }).diagnostics.filter((x) => x.code === 'json-syntax').length, 1);
  });

  it('a loaded JSON file is linted with the resource launch type, size and volumes', () => {
    const text = `resource "aws_ecs_task_definition" "app" {
  family = "app"
  requires_compatibilities = ["FARGATE"]
  network_mode = "awsvpc"
  cpu = 256
  memory = 512
  execution_role_arn = aws_iam_role.exec.arn
  container_definitions = file("\${path.module}/containers.json")
  volume { name = "data" }
}
`;
    const out = lint(text, { fileName: 'main.tf' }) as import('../../server/src/core/documents/lint-terraform').TerraformOutput;
    const subject = out.module!.subjects[0];
    assert.deepEqual(subject.link, { fn: 'file', path: 'containers.json', fromModule: true, call: subject.link!.call, vars: [] });
    const json = '[{ "name": "a", "image": "nginx:1.27", "essential": true, "memory": 1024, "privileged": true, "mountPoints": [{ "sourceVolume": "data", "containerPath": "/d" }] }]';
    const ds = lintLoadedContainers(json, subject, {});
    const got = ds.map((d) => d.code).sort();
    assert.ok(got.includes('fargate-unsupported-parameter'));
    assert.ok(got.includes('container-memory-exceeds-task'));
    assert.ok(!got.includes('mount-point-unknown-volume'));
    for (const d of ds) for (const f of d.fixes ?? []) for (const e of f.edits) assert.ok(e.offset > 0 || e.length > 0, 'no fix writes into the task-level members that live in the .tf');
  });

  it('plan JSON: each task definition Terraform will register, named by its address, unknown values as placeholders', () => {
    const text = readFileSync(join(__dirname, '..', 'fixtures', 'terraform', 'plan.json'), 'utf8');
    assert.ok(looksLikeTerraformPlan(text));
    assert.ok(shouldLint('plan.json', text));
    const out = lint(text, { fileName: 'plan.json' });
    assert.equal(out.kind, 'terraform');
    const errors = out.diagnostics.filter((d) => d.severity === 'error');
    assert.deepEqual(errors.map((d) => d.code).sort(), ['container-memory-exceeds-task', 'fargate-unsupported-parameter']);
    const defs = text.indexOf('"container_definitions"');
    for (const d of errors) {
      assert.match(d.message, /^module\.app\.aws_ecs_task_definition\.this: /);
      assert.ok(d.range.offset > defs && d.range.offset < defs + 40, 'on the container_definitions string');
      assert.equal(d.fixes, undefined);
    }
    // execution_role_arn is known only after apply: not reported as missing.
    assert.ok(!out.diagnostics.some((d) => d.code === 'execution-role-required'));
  });
});

const TASK = `resource "aws_ecs_task_definition" "web" {
  family                   = "web"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  execution_role_arn       = aws_iam_role.exec.arn
  container_definitions = jsonencode([
    { name = "web", image = "nginx:1.27", essential = true, portMappings = [{ containerPort = 80, name = "http" }] }
  ])
}
`;
const serviceCodes = (text: string) =>
  lint(text, { fileName: 'main.tf' })
    .diagnostics.filter((d) => d.message.startsWith('aws_ecs_service.') && d.severity !== 'hint')
    .map((d) => `${d.code} ${text.slice(d.range.offset, d.range.offset + d.range.length).split('\n')[0]}`);

describe('Terraform aws_ecs_service', () => {
  before(() => initHclFromDisk());

  it('links task_definition = aws_ecs_task_definition.x.arn and reports on the service HCL, named by its address', () => {
    const text = `${TASK}
resource "aws_ecs_service" "web" {
  name            = "web"
  task_definition = aws_ecs_task_definition.web.arn
  launch_type     = "EC2" # wrong: the task is FARGATE only
  load_balancer {
    target_group_arn = aws_lb_target_group.web.arn
    container_name   = "web"
    container_port   = 8080
  }
  service_connect_configuration {
    enabled = true
    service {
      port_name = "grpc"
    }
  }
  network_configuration {
    subnets = var.subnets
  }
}
`;
    const ds = lint(text, { fileName: 'main.tf' }).diagnostics.filter((d) => d.message.startsWith('aws_ecs_service.web: '));
    const lt = ds.find((d) => d.code === 'launch-type-incompatible')!;
    assert.equal(text.slice(lt.range.offset, lt.range.offset + lt.range.length), '"EC2"');
    assert.match(lt.message, /launch_type EC2, which aws_ecs_task_definition\.web does not support: its requires_compatibilities is \[FARGATE\]/);
    assert.deepEqual(serviceCodes(text).sort(), ['launch-type-incompatible "EC2"', 'service-connect-port-name "grpc"', 'unknown-container-port 8080']);
    assert.ok(ds.every((d) => d.related?.some((r) => r.message === 'In resource aws_ecs_service.web.')));
  });

  it('links through .family, "${….family}:${….revision}", [each.key] and a literal family', () => {
    for (const td of ['aws_ecs_task_definition.web.family', '"${aws_ecs_task_definition.web.family}:${aws_ecs_task_definition.web.revision}"', 'aws_ecs_task_definition.web[each.key].arn_without_revision', '"web"', '"web:3"']) {
      const text = `${TASK}\nresource "aws_ecs_service" "web" {\n  task_definition = ${td}\n  launch_type = "FARGATE"\n}\n`;
      assert.deepEqual(serviceCodes(text), ['network-configuration-required resource "aws_ecs_service" "web"'], td);
    }
  });

  it('references, variables, functions and dynamic blocks are unknown, never a finding', () => {
    const text = `${TASK}
resource "aws_ecs_service" "web" {
  task_definition = aws_ecs_task_definition.web.arn
  launch_type     = var.launch_type
  desired_count   = var.count
  deployment_maximum_percent         = local.max
  deployment_minimum_healthy_percent = 100
  dynamic "network_configuration" {
    for_each = var.awsvpc ? [1] : []
    content {
      subnets          = var.subnets
      assign_public_ip = var.public
    }
  }
  load_balancer {
    target_group_arn = var.tg
    container_name   = var.container
    container_port   = var.port
  }
  scheduling_strategy = var.strategy
}
`;
    assert.deepEqual(serviceCodes(text), []);
  });

  it('task_definition written as container JSON is reported; a reference or variable is not', () => {
    const text = `${TASK}
resource "aws_ecs_service" "a" {
  task_definition = jsonencode([{ name = "web" }])
  launch_type     = "FARGATE"
  network_configuration { subnets = var.subnets }
}
resource "aws_ecs_service" "b" {
  task_definition = aws_ecs_task_definition.web.container_definitions
  launch_type     = "FARGATE"
  network_configuration { subnets = var.subnets }
}
resource "aws_ecs_service" "c" {
  task_definition = <<EOT
[{"name": "web"}]
EOT
  launch_type     = "FARGATE"
  network_configuration { subnets = var.subnets }
}
resource "aws_ecs_service" "e" {
  task_definition = "[{\\"name\\": \\"web\\"}]"
  launch_type     = "FARGATE"
  network_configuration { subnets = var.subnets }
}
resource "aws_ecs_service" "d" {
  task_definition = var.task_definition
  launch_type     = "FARGATE"
  network_configuration { subnets = var.subnets }
}
`;
    const got = lint(text, { fileName: 'main.tf' }).diagnostics.filter((d) => d.code === 'service-task-definition-format');
    assert.deepEqual(got.map((d) => d.message.split(':')[0]), ['aws_ecs_service.a', 'aws_ecs_service.b', 'aws_ecs_service.c', 'aws_ecs_service.e']);
    assert.match(got[3].message, /is JSON, not a task definition name/);
    assert.match(got[0].message, /task_definition is the result of jsonencode\(…\), not a task definition/);
    assert.ok(got.every((d) => d.message.length <= 160));
  });

  it('no launch type nor strategy: a warning for a FARGATE-only task, unless the module sets a cluster default strategy', () => {
    const svc = `resource "aws_ecs_service" "web" {\n  task_definition = aws_ecs_task_definition.web.arn\n  network_configuration { subnets = var.subnets }\n}\n`;
    const d = lint(`${TASK}${svc}`, { fileName: 'main.tf' }).diagnostics.find((x) => x.code === 'launch-type-incompatible')!;
    assert.equal(d.severity, 'warning');
    assert.match(d.message, /^aws_ecs_service\.web: No launch_type or capacity_provider_strategy/);
    const withDefault = `${TASK}${svc}resource "aws_ecs_cluster_capacity_providers" "c" {\n  cluster_name = "main"\n  capacity_providers = ["FARGATE"]\n  default_capacity_provider_strategy {\n    capacity_provider = "FARGATE"\n  }\n}\n`;
    assert.deepEqual(serviceCodes(withDefault), []);
    const ec2Task = TASK.replace('["FARGATE"]', '["FARGATE", "EC2"]');
    assert.deepEqual(serviceCodes(`${ec2Task}${svc}`), []);
  });

  it('assign_public_ip = true only off Fargate', () => {
    const svc = (lt: string) => `${TASK.replace('["FARGATE"]', '["FARGATE", "EC2"]')}resource "aws_ecs_service" "web" {\n  task_definition = aws_ecs_task_definition.web.arn\n  ${lt}\n  network_configuration {\n    subnets = var.subnets\n    assign_public_ip = true\n  }\n}\n`;
    assert.deepEqual(serviceCodes(svc('launch_type = "EC2"')), ['launch-type-incompatible true']);
    assert.deepEqual(serviceCodes(svc('launch_type = "FARGATE"')), []);
    assert.deepEqual(serviceCodes(svc('capacity_provider_strategy {\n    capacity_provider = "FARGATE_SPOT"\n  }')), []);
    assert.deepEqual(serviceCodes(svc('capacity_provider_strategy {\n    capacity_provider = aws_ecs_capacity_provider.x.name\n  }')), []);
  });

  it('a file with only an aws_ecs_service is linted (a module service.tf), its service checked alone', () => {
    const text = `resource "aws_ecs_service" "web" {\n  task_definition = file("containers.json")\n}\n`;
    assert.ok(shouldLint('service.tf', text));
    assert.deepEqual(codes(text).filter((c) => c !== 'deployment-rollback-disabled'), ['service-task-definition-format']);
  });
});

describe('Terraform completion', () => {
  before(() => initHclFromDisk());
  const complete = (withCursor: string) => {
    const offset = withCursor.indexOf('|');
    const text = withCursor.replace('|', '');
    return completeAt(lint(text, { fileName: 'main.tf' }) as never, offset);
  };

  it('argument names in snake_case (blocks as blocks), values, and container keys inside jsonencode', () => {
    const names = complete('resource "aws_ecs_task_definition" "web" {\n  family = "web"\n  netw|\n}\n');
    assert.ok(names.some((e) => e.label === 'network_mode' && e.insertText.startsWith('network_mode = "${1|awsvpc')));
    assert.ok(names.some((e) => e.label === 'runtime_platform' && e.insertText.startsWith('runtime_platform {\n')));
    assert.ok(!names.some((e) => e.label === 'family'), 'family is already set');
    assert.deepEqual(complete('resource "aws_ecs_task_definition" "web" {\n  network_mode = |\n}\n').map((e) => e.insertText), ['"awsvpc"', '"bridge"', '"host"', '"none"']);
    assert.ok(complete('resource "aws_ecs_task_definition" "web" {\n  requires_compatibilities = [|]\n}\n').some((e) => e.insertText === '"FARGATE"'));
    const inVolume = complete('resource "aws_ecs_task_definition" "web" {\n  dynamic "volume" {\n    for_each = var.v\n    content {\n      |\n    }\n  }\n}\n');
    assert.ok(inVolume.some((e) => e.label === 'efs_volume_configuration'), JSON.stringify(inVolume.map((e) => e.label)));
    const keys = complete('resource "aws_ecs_task_definition" "web" {\n  container_definitions = jsonencode([\n    { name = "web", essential = true,\n      por| }\n  ])\n}\n');
    assert.ok(keys.some((e) => e.label === 'portMappings' && e.insertText.startsWith('portMappings = [')));
    assert.ok(!keys.some((e) => e.label === 'essential' || e.label === 'name'));
    const driver = complete('resource "aws_ecs_task_definition" "web" {\n  container_definitions = jsonencode([{\n    logConfiguration = { logDriver = "aw|" }\n  }])\n}\n');
    const awslogs = driver.find((e) => e.label === 'awslogs')!;
    assert.equal(awslogs.insertText, '"awslogs"');
  });

  it('nothing inside a string, a comment, a heredoc or another resource', () => {
    assert.deepEqual(complete('resource "aws_ecs_task_definition" "web" {\n  family = "we|b"\n}\n'), []);
    assert.deepEqual(complete('resource "aws_ecs_task_definition" "web" {\n  # netw|\n}\n'), []);
    assert.deepEqual(complete('resource "aws_ecs_task_definition" "web" {\n  container_definitions = <<EOF\n[{"na|"}]\nEOF\n}\n'), []);
    assert.deepEqual(complete('resource "aws_s3_bucket" "b" {\n  netw|\n}\n'), []);
  });
});
