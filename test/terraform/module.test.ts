/** A Terraform module is its folder: services, task definitions, locals and variables' defaults across its .tf files. */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { join } from 'node:path';
import { lint } from '../../server/src/core/lint';
import { applyTextEdits } from '../../server/src/core/fixes/edits';
import { completeAt } from '../../server/src/core/completion';
import { hoverAt } from '../../server/src/core/hover';
import { initHclFromDisk } from '../../server/src/lsp/node/hcl-wasm';
import { shortenAddress } from '../../server/src/core/documents/tf-names';
import { readTerraform } from '../../server/src/core/documents/tf-module';
import { lintLoadedContainers } from '../../server/src/core/documents/lint-terraform';
import { lintJson, workspace } from '../cli/cli-helpers';

export const MODULE = {
  'variables.tf': `variable "cpu" {
  type    = number
  default = 300 # not a Fargate size
}

variable "image" {
  default = "nginx:1.27"
}
`,
  'locals.tf': `locals {
  network_mode = "bridge"
  compat       = ["FARGATE"]
  name         = "web-\${var.env}"
}
`,
  'task.tf': `resource "aws_ecs_task_definition" "web" {
  family                   = "web"
  requires_compatibilities = local.compat
  network_mode             = local.network_mode
  cpu                      = var.cpu
  memory                   = 1024
  execution_role_arn       = aws_iam_role.exec.arn
  container_definitions = jsonencode([
    { name = "web", image = var.image, essential = true, portMappings = [{ containerPort = 80 }] }
  ])
}
`,
  'service.tf': `resource "aws_ecs_service" "web" {
  name            = "web"
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.web.arn
  desired_count   = 2

  load_balancer {
    target_group_arn = aws_lb_target_group.web.arn
    container_name   = "api"
    container_port   = 80
  }
}
`,
};

const siblings = (self: string) => Object.entries(MODULE).filter(([p]) => p !== self).map(([path, text]) => ({ path: `infra/${path}`, text }));
const lintIn = (file: keyof typeof MODULE, withModule = true) => lint(MODULE[file], { fileName: `infra/${file}`, ...(withModule ? { terraformModule: siblings(file) } : {}) });
const slice = (text: string, r: { offset: number; length: number }) => text.slice(r.offset, r.offset + r.length);

describe('Terraform module across files', () => {
  before(() => initHclFromDisk());

  it('reads locals and variables of other files: findings on the reference, where the value is used', () => {
    const d = lintIn('task.tf').diagnostics;
    const net = d.find((x) => x.code === 'fargate-network-mode');
    assert.ok(net, JSON.stringify(d.map((x) => x.code)));
    assert.equal(slice(MODULE['task.tf'], net.range), 'local.network_mode');
    assert.equal(net.severity, 'error');
    assert.match(net.related![0].message, /^local\.network_mode is "bridge", set in locals\.tf in locals\.$/);
    assert.equal(net.fixes, undefined, 'the value is in locals.tf: no fix rewrites the reference');
    const cpu = d.find((x) => x.code === 'fargate-cpu-memory');
    assert.ok(cpu, JSON.stringify(d.map((x) => x.code)));
    assert.equal(cpu.severity, 'warning', "a variable's default may be replaced: at most a warning");
    assert.ok(cpu.related!.some((r) => /^var\.cpu is "300" by its default in variables\.tf/.test(r.message) || /^var\.cpu is 300 by its default in variables\.tf/.test(r.message)), JSON.stringify(cpu.related));
  });

  it('without the other files the references stay placeholders, never errors', () => {
    const d = lintIn('task.tf', false).diagnostics;
    assert.ok(!d.some((x) => x.code === 'fargate-network-mode' || x.code === 'fargate-cpu-memory'), JSON.stringify(d.map((x) => x.code)));
  });

  it('a service in service.tf runs the task definition of task.tf: its findings stay in service.tf', () => {
    const d = lintIn('service.tf').diagnostics;
    const ref = d.find((x) => x.code === 'unknown-container-reference');
    assert.ok(ref, JSON.stringify(d.map((x) => `${x.code}: ${x.message}`)));
    assert.equal(slice(MODULE['service.tf'], ref.range), '"api"');
    assert.match(ref.message, /^aws_ecs_service\.web: /);
    // The task definition's own findings are task.tf's, not repeated here.
    assert.ok(!d.some((x) => x.code === 'fargate-network-mode'));
    // Related information into task.tf names the file and line instead of a range of another text.
    assert.ok(ref.related!.every((r) => r.range.offset + r.range.length <= MODULE['service.tf'].length));
    assert.ok(ref.related!.some((r) => /\(task\.tf:9\)$/.test(r.message)), JSON.stringify(ref.related));
    // FARGATE required (read from local.compat in locals.tf), no launch type or strategy in the service: EC2 by default.
    assert.ok(d.some((x) => x.code === 'launch-type-incompatible'), JSON.stringify(d.map((x) => x.code)));
    // Without the module the service's task definition is not in sight: nothing is guessed.
    assert.ok(!lintIn('service.tf', false).diagnostics.some((x) => x.code === 'unknown-container-reference'));
  });

  it('keeps messages within 160 characters for long module addresses', () => {
    const address = 'module.platform.module.services["checkout-api"].module.ecs_service.module.task.aws_ecs_task_definition.this';
    const msg = 'Fargate tasks must use network_mode \'awsvpc\'; \'bridge\' is refused when the task definition is registered. Set it to awsvpc.';
    const short = shortenAddress(address, msg);
    assert.ok(short.length <= 160, short);
    assert.match(short, /^….*aws_ecs_task_definition\.this: Fargate/);
    assert.equal(shortenAddress('aws_ecs_task_definition.web', 'x'), 'aws_ecs_task_definition.web: x');
  });

  it('CLI: lint DIR and lint file.tf read the folder as one module', () => {
    const dir = workspace(Object.fromEntries(Object.entries(MODULE).map(([p, t]) => [`infra/${p}`, t])));
    for (const args of [[dir], [join(dir, 'infra', 'service.tf')]]) {
      const { results } = lintJson(...args);
      const svc = results.find((r) => r.file.endsWith('service.tf'));
      assert.ok(svc, JSON.stringify(results.map((r) => r.file)));
      assert.ok(svc.diagnostics.some((x) => x.code === 'unknown-container-reference'), JSON.stringify(svc.diagnostics));
    }
    const { results } = lintJson(join(dir, 'infra', 'task.tf'));
    assert.deepEqual(results.map((r) => r.file.slice(dir.length + 1)), ['infra/task.tf']);
    assert.ok(results[0].diagnostics.some((x) => x.code === 'fargate-network-mode'), JSON.stringify(results[0].diagnostics));
  });
});

const ONE_FILE = `resource "aws_ecs_task_definition" "web" {
  family                   = "web"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  container_definitions = jsonencode([
    { name = "web", image = "nginx:1.27", essential = true, portMappings = [{ containerPort = 8080, name = "http" }] }
  ])
}

resource "aws_ecs_service" "web" {
  name            = "web"
  task_definition = aws_ecs_task_definition.web.arn
  launch_type     = "FARGATE"
  iam_role        = aws_iam_role.ecs_service.arn
  network_configuration {
    subnets = var.subnets
  }
  load_balancer {
    target_group_arn = aws_lb_target_group.web.arn
    container_name   = "wbe" # typo
    container_port   = 8080
  }
  load_balancer {
    target_group_arn = aws_lb_target_group.admin.arn
    container_name   = "web"
    container_port   = 80
  }
  service_connect_configuration {
    enabled = true
    service {
      port_name = "htp"
    }
  }
}
`;

describe('Terraform service quick fixes in HCL', () => {
  before(() => initHclFromDisk());
  const diags = () => lint(ONE_FILE, { fileName: 'main.tf' }).diagnostics;
  const fixed = (code: string, title: string) => {
    const d = diags().find((x) => x.code === code);
    assert.ok(d, `${code}: ${JSON.stringify(diags().map((x) => x.code))}`);
    const f = d.fixes?.find((x) => x.title === title);
    assert.ok(f, `${code}: ${JSON.stringify(d.fixes?.map((x) => x.title))}`);
    return applyTextEdits(ONE_FILE, f.edits);
  };

  it('renames a container_name to the closest container, keeping the comment', () => {
    const after = fixed('unknown-container-reference', "Change to 'web'");
    assert.equal(after, ONE_FILE.replace('"wbe" # typo', '"web" # typo'));
    assert.ok(!lint(after, { fileName: 'main.tf' }).diagnostics.some((x) => x.code === 'unknown-container-reference'));
  });

  it('offers the only mapped port for container_port, as a number', () => {
    const after = fixed('unknown-container-port', 'Change to 8080');
    assert.equal(after, ONE_FILE.replace('container_port   = 80\n', 'container_port   = 8080\n'));
    assert.equal(diags().find((x) => x.code === 'unknown-container-port')!.fixes![0].preferred, undefined, 'offered, not applied by fix');
  });

  it('renames a Service Connect port_name', () => {
    const after = fixed('service-connect-port-name', "Change to 'http'");
    assert.equal(after, ONE_FILE.replace('"htp"', '"http"'));
  });

  it('removes iam_role with its line on an awsvpc service', () => {
    const after = fixed('service-role-with-awsvpc', 'Remove iam_role');
    assert.equal(after, ONE_FILE.replace('  iam_role        = aws_iam_role.ecs_service.arn\n', ''));
    assert.ok(!lint(after, { fileName: 'main.tf' }).diagnostics.some((x) => x.code === 'service-role-with-awsvpc'));
  });

  it('no fix where the line holds a comment, or the value is a reference', () => {
    const text = ONE_FILE.replace('aws_iam_role.ecs_service.arn', 'aws_iam_role.ecs_service.arn # legacy').replace('"wbe" # typo', 'var.container');
    const d = lint(text, { fileName: 'main.tf' }).diagnostics;
    assert.equal(d.find((x) => x.code === 'service-role-with-awsvpc')?.fixes, undefined);
    assert.ok(!d.some((x) => x.code === 'unknown-container-reference'), 'a reference is unknown, never a finding');
  });
});

describe('Terraform drops unknown container keys', () => {
  before(() => initHclFromDisk());
  const TASK = `resource "aws_ecs_task_definition" "x" {
  family = "x"
  memory = 512
  container_definitions = jsonencode([{ name = "a", image = "nginx:1.27", essential = true, enviroment = [{ name = "A", value = "1" }], Command = ["run"] }])
}
`;

  it('a typo says the key is dropped, keeps the rename fix, and stays within 160 characters', () => {
    const d = lint(TASK, { fileName: 'main.tf' }).diagnostics.filter((x) => x.code === 'unknown-property');
    const typo = d.find((x) => x.message.includes("'enviroment'"));
    assert.ok(typo, JSON.stringify(d));
    assert.equal(typo.message, "aws_ecs_task_definition.x: Unknown property 'enviroment' in container 'a': Terraform drops it without a word. Did you mean 'environment'?");
    assert.equal(typo.severity, 'error');
    assert.ok(typo.fixes?.some((f) => f.title === "Rename to 'environment'"));
    assert.ok(d.every((x) => x.message.length <= 160));
  });

  it('a key in the wrong case works in Terraform (Go matches keys regardless of case): a warning that says so', () => {
    const d = lint(TASK, { fileName: 'main.tf' }).diagnostics.find((x) => x.code === 'unknown-property' && x.message.includes("'Command'"));
    assert.ok(d);
    assert.equal(d.severity, 'warning');
    assert.match(d.message, /works in Terraform, which matches keys regardless of case; the API's name is 'command'\.$/);
    const strict = lint(TASK, { fileName: 'main.tf', rules: { 'unknown-property': 'error' } }).diagnostics.find((x) => x.message.includes("'Command'"));
    assert.equal(strict?.severity, 'error', "the user's severity is kept");
  });

  it('the same in a file() loaded JSON', () => {
    const tf = 'resource "aws_ecs_task_definition" "x" {\n  family = "x"\n  container_definitions = file("c.json")\n}\n';
    const subject = readTerraform(tf)!.subjects[0];
    const d = lintLoadedContainers('[{ "name": "a", "image": "nginx:1.27", "essential": true, "enviroment": [] }]', subject, { fileName: 'c.json' });
    const typo = d.find((x) => x.code === 'unknown-property');
    assert.match(typo!.message, /^aws_ecs_task_definition\.x: Unknown property 'enviroment' in container 'a': Terraform drops it without a word\./);
  });
});

describe('Terraform service completion and hover', () => {
  before(() => initHclFromDisk());
  const TASK = `resource "aws_ecs_task_definition" "web" {
  family = "web"
  container_definitions = jsonencode([
    { name = "web", image = "nginx:1.27", essential = true, portMappings = [{ containerPort = 8080, name = "http" }] },
    { name = "sidecar", image = "envoy:1.30", essential = false }
  ])
}
`;
  const complete = (withCursor: string) => {
    const offset = withCursor.indexOf('|');
    const text = withCursor.replace('|', '');
    return completeAt(lint(text, { fileName: 'main.tf' }) as never, offset);
  };
  const svc = (body: string) => `${TASK}\nresource "aws_ecs_service" "web" {\n  task_definition = aws_ecs_task_definition.web.arn\n${body}\n}\n`;

  it('argument and block names, without those already set', () => {
    const names = complete(svc('  laun|'));
    assert.ok(names.some((e) => e.label === 'launch_type' && e.insertText === 'launch_type = $1'), JSON.stringify(names.map((e) => e.label)));
    assert.ok(names.some((e) => e.label === 'load_balancer' && e.insertText.startsWith('load_balancer {\n')));
    assert.ok(!names.some((e) => e.label === 'task_definition'), 'already set');
    assert.ok(names.find((e) => e.label === 'launch_type')!.documentation?.includes('FARGATE'));
  });

  it('enum values and the linked task definition\'s containers and ports', () => {
    assert.deepEqual(complete(svc('  launch_type = |')).map((e) => e.insertText), ['"EC2"', '"EXTERNAL"', '"FARGATE"', '"MANAGED_INSTANCES"']);
    assert.deepEqual(complete(svc('  scheduling_strategy = "|"')).map((e) => e.label), ['DAEMON', 'REPLICA']);
    assert.deepEqual(complete(svc('  load_balancer {\n    container_name = |\n  }')).map((e) => e.insertText), ['"web"', '"sidecar"']);
    assert.deepEqual(complete(svc('  load_balancer {\n    container_port = |\n  }')).map((e) => e.insertText), ['8080']);
    assert.deepEqual(complete(svc('  service_connect_configuration {\n    service {\n      port_name = |\n    }\n  }')).map((e) => e.insertText), ['"http"']);
    const inBlock = complete(svc('  network_configuration {\n    |\n  }'));
    assert.deepEqual(inBlock.map((e) => e.label).sort(), ['assign_public_ip', 'security_groups', 'subnets']);
  });

  it('offers the containers of a task definition in another file of the module, or loaded with file()', () => {
    const inModule = (withCursor: string, options: Parameters<typeof lint>[1]) => {
      const offset = withCursor.indexOf('|');
      const text = withCursor.replace('|', '');
      return completeAt(lint(text, { fileName: 'infra/service.tf', ...options }) as never, offset).map((e) => e.insertText);
    };
    const service = (body: string) => `resource "aws_ecs_service" "web" {\n  task_definition = aws_ecs_task_definition.web.arn\n${body}\n}\n`;
    const module = { terraformModule: [{ path: 'infra/task.tf', text: TASK }] };
    assert.deepEqual(inModule(service('  load_balancer {\n    container_name = |\n  }'), module), ['"web"', '"sidecar"']);
    assert.deepEqual(inModule(service('  load_balancer {\n    container_port = |\n  }'), module), ['8080']);
    assert.deepEqual(inModule(service('  service_connect_configuration {\n    service {\n      port_name = |\n    }\n  }'), module), ['"http"']);
    // While the line being typed does not parse, the block's task_definition is read from the text.
    assert.deepEqual(inModule(service('  load_balancer {\n    container_name = "|\n  }'), module), ['"web"', '"sidecar"']);
    // Without the module file in sight, nothing is offered.
    assert.deepEqual(inModule(service('  load_balancer {\n    container_name = |\n  }'), {}), []);
    const loadedTask = 'resource "aws_ecs_task_definition" "web" {\n  family = "web"\n  container_definitions = file("${path.module}/containers.json")\n}\n';
    const loaded = {
      terraformModule: [{ path: 'infra/task.tf', text: loadedTask }],
      terraformLoaded: [{ path: 'containers.json', text: '[{ "name": "app", "image": "app:1", "portMappings": [{ "containerPort": 3000, "name": "api" }] }]' }],
    };
    assert.deepEqual(inModule(service('  load_balancer {\n    container_name = |\n  }'), loaded), ['"app"']);
    assert.deepEqual(inModule(service('  load_balancer {\n    container_port = |\n  }'), loaded), ['3000']);
  });

  it('hovers an argument with its description and values', () => {
    const text = svc('  launch_type = "FARGATE"\n  network_configuration {\n    assign_public_ip = true\n  }');
    const out = lint(text, { fileName: 'main.tf' });
    const at = (needle: string) => hoverAt(out as never, text.indexOf(needle) + 2);
    const lt = at('launch_type');
    assert.ok(lt, 'hover on launch_type');
    assert.match(lt.markdown, /^\*\*`launch_type`\*\* \(argument of `aws_ecs_service`, API `launchType`\)\n\nWhere the tasks run/);
    assert.match(lt.markdown, /Values: `EC2`, `EXTERNAL`, `FARGATE`, `MANAGED_INSTANCES`\./);
    assert.match(at('assign_public_ip')!.markdown, /API `networkConfiguration\.awsvpcConfiguration\.assignPublicIp`/);
    assert.match(at('"FARGATE"')!.markdown, /launch_type/, 'a value hovers as its argument');
  });
});
