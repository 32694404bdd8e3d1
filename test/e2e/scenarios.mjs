// What a person does with the extension in VS Code, step by step, through the real UI.
// Each scenario gets the harness session `vs` and throws on failure; they run in this order in
// one code-server session on a copy of test/e2e/workspace (later ones see earlier edits).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const WEB = 'web-fargate-taskdef.json';
/** One mistake each for several rules: the Problems panel screenshot. */
const API = 'api-taskdef.json';
const DESCRIBE = 'describe-output.json';

/** Problems of one file that came from our server. */
export const ours = (problems, file) => problems.filter((p) => p.file === file && p.source === 'ecs-taskdef');
const codesOf = (problems, file) => new Set(ours(problems, file).map((p) => p.code));
const show = (list) => list.map((p) => `  ${p.file}:${p.line}:${p.col} ${p.source}(${p.code}) ${p.message}`).join('\n') || '  (nothing)';

/** A problem VS Code's own JSON support reported (not ours). */
const builtInJson = (problems, file) => problems.some((p) => p.file === file && p.source !== 'ecs-taskdef' && /^json/i.test(p.source));

/** `env.workspace`: the folder VS Code has open (a copy), for scenarios that change files on disk. */
export function scenarios(all, env = {}) {
  const files = Object.keys(all);
  // In VS Code a file's 'vscode' entry replaces its present/absent lists (see expected.json).
  const expected = Object.fromEntries(files.map((f) => [f, { ...all[f], ...(all[f].vscode ?? {}) }]));
  const ready = (list, f) => expected[f].present.every((id) => codesOf(list, f).has(id)) && (!expected[f].editorSyntaxError || builtInJson(list, f));
  return [
    {
      name: 'Problems panel lists the expected rule ids for every file',
      async run(vs) {
        for (const f of files) await vs.openFileFromExplorer(f);
        let problems;
        try {
          problems = await vs.readProblems((list) => files.every((f) => ready(list, f)));
        } catch (err) {
          const seen = await vs.readProblems();
          const missing = files.flatMap((f) => [
            ...expected[f].present.filter((id) => !codesOf(seen, f).has(id)).map((id) => `${f}: ${id}`),
            ...(expected[f].editorSyntaxError && !builtInJson(seen, f) ? [`${f}: VS Code's own JSON syntax error`] : []),
          ]);
          throw new Error(`${err.message}\nMissing rule ids: ${missing.join(', ') || '(none now; they came late)'}\nProblems panel shows:\n${show(seen)}`);
        }
        // Each file's report from our server is one list, so a present id shows the absent ones were left out of it.
        for (const f of files) for (const id of expected[f].absent) assert.ok(!codesOf(problems, f).has(id), `${f}: unexpected ${id}\n${show(problems)}`);
        const cpu = ours(problems, WEB).find((p) => p.code === 'fargate-cpu-memory');
        assert.ok(cpu && cpu.line === 6 && cpu.severity === 'error', `fargate-cpu-memory should be an error on line 6 ("memory"): ${JSON.stringify(cpu)}`);
        // The status bar says what the server made of the file (pinned once; every later screenshot shows it).
        await vs.openFileFromExplorer(API);
        assert.equal(await vs.pinLanguageStatus('ECS task definition'), 'ECS task definition · FARGATE');
        const apiRules = new Set(ours(problems, API).map((p) => p.code));
        assert.ok(apiRules.size >= 6, `${API} shows several rules: ${[...apiRules].join(', ')}`);
        await vs.openProblems();
        await vs.foldProblemDetails();
        await vs.screenshot('problems-panel');
        await vs.hidePanel();
        const port = ours(problems, API).find((p) => p.code === 'awsvpc-host-port');
        await vs.hoverAt(port.line, port.col + 1);
        assert.match(await vs.readHover(), /hostPort[^]*8080/);
        await vs.screenshot('editor-squiggles');
        await vs.page.keyboard.press('Escape');
        await vs.openFileFromExplorer(WEB);
        await vs.hoverAt(cpu.line, cpu.col + 1);
        assert.match(await vs.readHover(), /Fargate has no 256 CPU \/ 4096 MiB size/);
        await vs.page.keyboard.press('Escape');
        return `${problems.length} problems; ` + files.map((f) => `${f}: ${[...codesOf(problems, f)].join(', ')}`).join('; ');
      },
    },
    {
      name: 'hover on executionRoleArn explains the execution role',
      async run(vs) {
        await vs.openFileFromExplorer(WEB);
        await vs.hidePanel();
        await vs.hoverAt(7, 8);
        const text = await vs.readHover();
        assert.match(text, /executionRoleArn/);
        assert.match(text, /ECS agent/);
        assert.match(text, /container web: the awslogs log driver/, 'the hover should say why this task needs the role');
        const size = await vs.growHoverToFit();
        assert.ok(size.fits, `the whole hover shows (${size.width}×${size.height} px)`);
        await vs.screenshot('hover-execution-role');
        await vs.page.keyboard.press('Escape');
      },
    },
    {
      name: 'quick fix "Set cpu to 512" repairs the Fargate size',
      async run(vs) {
        await vs.openFileFromExplorer(WEB);
        await vs.gotoLine(6, 15);
        await vs.triggerQuickFix();
        const menu = await vs.readQuickFixMenu();
        for (const t of ['Set cpu to 512', 'Set memory to 512', 'Set memory to 1024', 'Set memory to 2048']) assert.ok(menu.includes(t), `menu lacks '${t}': ${JSON.stringify(menu)}`);
        await vs.screenshot('quick-fix');
        await vs.chooseQuickFix('Set cpu to 512');
        await vs.waitForEditorText((t) => t.includes('"cpu": "512"') && t.includes('"memory": "4096"'), 'cpu 512 in the editor');
        await vs.readProblems((list) => !codesOf(list, WEB).has('fargate-cpu-memory'));
      },
    },
    {
      name: 'completion offers the Fargate memory sizes of the cpu, and container keys',
      async run(vs) {
        await vs.openFileFromExplorer(WEB);
        await vs.hidePanel();
        // Right after the opening quote of "memory": "4096" (cpu is 512 after the quick fix): a clean file, no
        // half-typed key.
        await vs.gotoLine(6, 14);
        await vs.triggerCompletion();
        const sizes = await vs.readCompletion();
        for (const m of ['1024', '2048', '3072', '4096']) assert.ok(sizes.some((s) => s.replace(/"/g, '') === m), `memory ${m} for cpu 512: ${JSON.stringify(sizes)}`);
        assert.ok(!sizes.some((s) => s.replace(/"/g, '') === '512'), `512 MiB does not fit cpu 512: ${JSON.stringify(sizes)}`);
        await vs.screenshot('completion', vs.page.locator('.part.editor'), { maxHeight: 560 });
        await vs.page.keyboard.press('Escape');
        await vs.gotoLine(12, 1); // "essential": true,
        await vs.page.keyboard.press('End');
        await vs.page.keyboard.press('Enter');
        await vs.page.keyboard.type('"environ');
        await vs.triggerCompletion();
        const items = await vs.readCompletion();
        assert.ok(items.includes('environment') && items.includes('environmentFiles'), `completion: ${JSON.stringify(items)}`);
        assert.ok(!items.includes('family'), 'a task-level key offered inside a container');
        await vs.page.keyboard.press('Enter');
        await vs.waitForEditorText((t) => /\n\s*"environment"\s*:/.test(t), '"environment" inserted');
      },
    },
    {
      name: 'command "ECS: Convert describe output to register input"',
      async run(vs) {
        await vs.openFileFromExplorer(DESCRIBE);
        await vs.runCommand('ECS: Convert describe output to register input');
        const text = await vs.waitForEditorText((t) => !t.includes('taskDefinitionArn') && !t.includes('"taskDefinition"'), 'the converted register input');
        for (const key of ['"family": "api"', '"containerDefinitions"', '"cpu": "512"']) assert.ok(text.includes(key), `converted text lacks ${key}:\n${text}`);
        for (const key of ['"revision"', '"registeredAt"', '"compatibilities"']) assert.ok(!text.includes(key), `converted text still has ${key}`);
        await vs.readProblems((list) => !codesOf(list, DESCRIBE).has('read-only-property'));
      },
    },
    {
      name: 'CloudFormation YAML template: diagnostics, hover, completion and a quick fix that inserts YAML',
      async run(vs) {
        assert.ok(env.workspace, 'scenarios(expected, { workspace }) must name the open folder');
        const STACK = 'stack.yaml';
        const text = [
          'AWSTemplateFormatVersion: "2010-09-09"',
          'Resources:',
          '  # the API task',
          '  ApiTask:',
          '    Type: AWS::ECS::TaskDefinition',
          '    Properties:',
          '      RequiresCompatibilities: [FARGATE]',
          '      NetworkMode: awsvpc',
          '      Cpu: "256" # a quarter vCPU',
          '      ExecutionRoleArn: !GetAtt ExecRole.Arn',
          '      ContainerDefinitions:',
          '        - Name: api',
          '          Image: public.ecr.aws/nginx/nginx:1.27',
          '          ReadonlyRootFilesystem: true',
          '',
        ].join('\n');
        fs.writeFileSync(path.join(env.workspace, STACK), text);
        await vs.openFileFromExplorer(STACK);
        const problems = await vs.readProblems((list) => codesOf(list, STACK).has('fargate-task-size-required'));
        const size = ours(problems, STACK).find((p) => p.code === 'fargate-task-size-required');
        assert.ok(size.line === 4 && /^ApiTask: /.test(size.message), `on the logical id, named after it: ${JSON.stringify(size)}`);
        await vs.hidePanel();
        await vs.hoverAt(9, 8);
        assert.match(await vs.readHover(), /Cpu/);
        await vs.page.keyboard.press('Escape');
        await vs.gotoLine(4, 3);
        await vs.triggerQuickFix();
        const menu = await vs.readQuickFixMenu();
        assert.ok(menu.some((t) => t.startsWith('Add Memory 512')), `menu: ${JSON.stringify(menu)}`);
        await vs.screenshot('cloudformation-quick-fix');
        await vs.chooseQuickFix('Add Memory 512');
        await vs.waitForEditorText((t) => t.includes('      Cpu: "256" # a quarter vCPU\n      Memory: "512"\n') && t.includes('  # the API task\n'), 'Memory inserted as YAML under Cpu, comments kept');
        await vs.readProblems((list) => !codesOf(list, STACK).has('fargate-task-size-required'));
        // Completion of a CloudFormation property name at the task level.
        await vs.gotoLine(8, 1);
        await vs.page.keyboard.press('End');
        await vs.page.keyboard.press('Enter');
        await vs.page.keyboard.type('Famil');
        await vs.triggerCompletion();
        const items = await vs.readCompletion();
        assert.ok(items.includes('Family') && !items.includes('family'), `completion: ${JSON.stringify(items)}`);
        await vs.page.keyboard.press('Escape');
        return `${ours(problems, STACK).length} problems; Memory inserted; completion ${items.length} items`;
      },
    },
    {
      name: 'Terraform .tf file: a Fargate task definition in HCL, its diagnostic and a quick fix written as HCL',
      async run(vs) {
        assert.ok(env.workspace, 'scenarios(expected, { workspace }) must name the open folder');
        const TF = 'main.tf';
        const text = [
          '# the API task',
          'resource "aws_ecs_task_definition" "api" {',
          '  family                   = "api"',
          '  requires_compatibilities = ["FARGATE"]',
          '  network_mode             = "bridge" # from the EC2 days',
          '  cpu                      = 256',
          '  memory                   = 512',
          '  execution_role_arn       = aws_iam_role.exec.arn',
          '  container_definitions = jsonencode([{',
          '    name = "api", image = "public.ecr.aws/nginx/nginx:1.27", essential = true, readonlyRootFilesystem = true',
          '    logConfiguration = { logDriver = "awslogs", options = { "awslogs-group" = "/ecs/api", "awslogs-region" = "eu-west-1", "awslogs-stream-prefix" = "api" } }',
          '  }])',
          '}',
          '',
        ].join('\n');
        fs.writeFileSync(path.join(env.workspace, TF), text);
        await vs.openFileFromExplorer(TF);
        const problems = await vs.readProblems((list) => codesOf(list, TF).has('fargate-network-mode'));
        const net = ours(problems, TF).find((p) => p.code === 'fargate-network-mode');
        assert.ok(net.line === 5 && net.severity === 'error' && /^aws_ecs_task_definition\.api: .*network_mode/.test(net.message), `on the HCL value, named by address: ${JSON.stringify(net)}`);
        await vs.hidePanel();
        await vs.gotoLine(net.line, net.col + 1);
        await vs.triggerQuickFix();
        const menu = await vs.readQuickFixMenu();
        const title = "Set network_mode to 'awsvpc'";
        assert.ok(menu.includes(title), `menu: ${JSON.stringify(menu)}`);
        await vs.screenshot('terraform-quick-fix');
        await vs.chooseQuickFix(title);
        await vs.waitForEditorText((t) => t.includes('  network_mode             = "awsvpc" # from the EC2 days\n') && t.startsWith('# the API task\n'), 'network_mode set in HCL, comments kept');
        // Nothing of main.tf is left in the Problems panel (a longer panel pushed a later scenario's file out of reach).
        await vs.readProblems((list) => ours(list, TF).length === 0);
        return `${ours(problems, TF).length} problems; network_mode fixed in HCL`;
      },
    },
    {
      name: 'workspace lint follows closed files as they change on disk',
      async run(vs) {
        assert.ok(env.workspace, 'scenarios(expected, { workspace }) must name the open folder');
        const dir = path.join(env.workspace, 'services');
        const file = path.join(dir, 'queue-taskdef.json');
        const QUEUE = 'queue-taskdef.json';
        const task = (memory) => JSON.stringify({
          family: 'queue', requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', cpu: '256', memory,
          containerDefinitions: [{ name: 'queue', image: 'public.ecr.aws/docker/library/busybox:1.36', essential: true }],
        }, null, 2);
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(file, task('4096'));
        await vs.runCommand('ECS: Lint all task definitions in workspace');
        await vs.readProblems((list) => codesOf(list, QUEUE).has('fargate-cpu-memory'));
        // Fixed outside the editor (a checkout, a generator): the result follows without another run.
        fs.writeFileSync(file, task('512'));
        await vs.readProblems((list) => !codesOf(list, QUEUE).has('fargate-cpu-memory'));
        fs.writeFileSync(file, task('3000'));
        await vs.readProblems((list) => codesOf(list, QUEUE).has('fargate-cpu-memory'));
        fs.rmSync(file);
        await vs.readProblems((list) => ours(list, QUEUE).length === 0);
        return 'found, cleared, found again, gone with the file';
      },
    },
    {
      name: 'a workflow is checked against its task definition, and a container renamed (F2) in both files',
      async run(vs) {
        assert.ok(env.workspace, 'scenarios(expected, { workspace }) must name the open folder');
        // Written now, not part of workspace/ (whose files expected.json lists for Neovim too).
        const task = {
          family: 'shop', requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', cpu: '256', memory: '512',
          executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
          containerDefinitions: [{ name: 'web', image: 'public.ecr.aws/nginx/nginx:1.27', essential: true }],
        };
        fs.mkdirSync(path.join(env.workspace, 'shop', '.aws'), { recursive: true });
        fs.mkdirSync(path.join(env.workspace, '.github', 'workflows'), { recursive: true });
        fs.writeFileSync(path.join(env.workspace, 'shop', '.aws', 'task-definition.json'), JSON.stringify(task, null, 2));
        const workflow = [
          'on: push',
          'jobs:',
          '  deploy:',
          '    runs-on: ubuntu-latest',
          '    steps:',
          '      - id: render',
          '        uses: aws-actions/amazon-ecs-render-task-definition@v1',
          '        with:',
          '          task-definition: shop/.aws/task-definition.json',
          '          container-name: webapp',
          '          image: shop:latest',
          '',
        ].join('\n');
        fs.writeFileSync(path.join(env.workspace, '.github', 'workflows', 'deploy.yml'), workflow);
        const WF = 'deploy.yml';
        await vs.openFileFromExplorer('.github/workflows/deploy.yml');
        const problems = await vs.readProblems((list) => codesOf(list, WF).has('unknown-container-reference'));
        const p = ours(problems, WF).find((x) => x.code === 'unknown-container-reference');
        assert.match(p.message, /'webapp' is not a container of shop\/\.aws\/task-definition\.json \(did you mean 'web'\?\)/);
        // The README's picture: the diagnostic on the reference, and the hover that names the task definition's containers.
        await vs.hidePanel();
        await vs.hoverAt(10, 29);
        const hover = await vs.readHover();
        assert.match(hover, /'webapp' is not a container of shop\/\.aws\/task-definition\.json/);
        assert.match(hover, /No container 'webapp' in `?shop\/\.aws\/task-definition\.json`? \(it has `?web`?\)/);
        // The hover is small and whole as shown (dragging its sash to grow it closed it).
        await vs.screenshot('cross-file-diagnostic', vs.page.locator('.part.editor'), { maxHeight: 420 });
        await vs.page.keyboard.press('Escape');
        // F2 on the container in the task definition: the workflow's diagnostic goes (it is refreshed, unsaved text).
        await vs.openFileFromExplorer('shop/.aws/task-definition.json');
        await vs.hidePanel();
        await vs.gotoLine(12, 17); // "name": "web"
        await vs.rename('webapp');
        await vs.waitForEditorText((t) => t.includes('"name": "webapp"'), 'the container renamed in the task definition');
        await vs.readProblems((list) => !codesOf(list, WF).has('unknown-container-reference'));
        // F2 in the workflow: the task definition (open, unsaved) changes with it.
        await vs.openFileFromExplorer('.github/workflows/deploy.yml');
        await vs.hidePanel();
        await vs.gotoLine(10, 29); // container-name: webapp
        await vs.rename('app');
        await vs.waitForEditorText((t) => t.includes('container-name: app'), 'the reference renamed in the workflow');
        await vs.openFileFromExplorer('shop/.aws/task-definition.json');
        await vs.waitForEditorText((t) => t.includes('"name": "app"'), 'the container renamed in the task definition from the workflow');
        await vs.readProblems((list) => !codesOf(list, WF).has('unknown-container-reference'));
        return 'cross-file diagnostic shown, gone after F2 in the task definition; F2 in the workflow renamed both files';
      },
    },
  ];
}
