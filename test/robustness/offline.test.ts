/**
 * Offline: the CLI and the language server give the same answers with networking blocked, and try no
 * connection, name lookup or datagram while doing so. Two independent blocks:
 * - no-network.cjs, a preload that records and refuses every outbound networking call (never skipped);
 * - a fresh network namespace (`unshare -n`: only a down loopback), where the whole process tree is offline.
 * Plus a positive control (the guard really records and refuses) and a static look at the bundles.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { workspace } from '../cli/cli-helpers';
import {
  attemptLog,
  attempts,
  GUARD,
  type LspScript,
  type LspTranscript,
  type Mode,
  NETNS_AVAILABLE,
  ROOT,
  runCli,
  runServer,
} from './offline-runs';

const NETNS_SKIP = NETNS_AVAILABLE ? false : '`unshare -n true` fails here (needs root or unprivileged user namespaces); the guard sub-cases still run';
const CORPUS = join(ROOT, 'test', 'corpus', 'files');

/** Corpus files with errors, ECR images, role and secret ARNs, placeholders, templates and a container array. */
const CORPUS_FILES = [
  '0xbageltoes__credit-cashflow-engine__task-definition.json', // ECR image, role ARNs, secret-value-from-format errors
  'aws-samples__aws-containers-task-definitions__tomcat__tomcat_fargate.json', // execution-role-required error
  '1clickcampaign__Backend_MVP__.aws__task-definition.json', // ECR image, ${…} placeholders
  'KevinDeNotariis__fargate-api-sample__scripts__templates__taskdef.json.tpl', // template tokens
  'NHSDigital__mavis-reporting-prototype__config__templates__task-definition.json.tpl',
  'kyhsa93__terraform-aws-ecs-example__container-definitions.json', // Terraform container array
  'MarcioLeoS__wordpress-aws-ecs-deploy__task-def.json', // role confusion
  'CrowdStrike__detection-container__ecs-task-definition.json',
];

/** A Fargate task with several mistakes, an ECR image and role/secret ARNs with a placeholder account. */
const MISTAKES = `{
  "family": "web",
  "requiresCompatibilities": ["FARGATE"],
  "networkMode": "⟨complete⟩bridge",
  "⟨hover⟩cpu": "300",
  "memory": "512",
  "taskRoleArn": "arn:aws:iam::\${AWS_ACCOUNT_ID}:role/web-task",
  "containerDefinitions": [
    {
      "name": "web",
      "image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/web:latest",
      "essential": "yes",
      "portMappings": [{ "containerPort": 80, "hostPort": 8080 }],
      "secrets": [{ "name": "DB_PASSWORD", "valueFrom": "arn:aws:secretsmanager:us-east-1:123456789012:secret:db" }]
    }
  ]
}
`;
const MISTAKES_TEXT = MISTAKES.replace('⟨complete⟩', '').replace('⟨hover⟩', '');

/** The config turns one hint off, so its absence shows that `.ecs-taskdef.json` was read. */
const CONFIG = '{ "rules": { "readonly-root-filesystem": "off" } }\n';

function offlineWorkspace(): string {
  const dir = workspace({
    '.ecs-taskdef.json': CONFIG,
    '.gitignore': 'build/\n',
    'task-definition.json': MISTAKES_TEXT,
    'build/task-definition.json': MISTAKES_TEXT,
  });
  mkdirSync(join(dir, 'svc'));
  copyFileSync(join(CORPUS, CORPUS_FILES[0]), join(dir, 'svc', 'task-definition.json'));
  return dir;
}

before(() => {
  const bundles = ['cli.js', 'server.js', 'client.js'].map((f) => join(ROOT, 'dist', f));
  if (bundles.some((b) => !existsSync(b))) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
});

describe('the no-network guard itself', () => {
  it('records and refuses fetch, DNS, sockets, TLS, HTTP and UDP (positive control)', () => {
    const log = attemptLog();
    const probe = `
      const tries = {
        fetch: () => fetch('http://example.com/'),
        lookup: () => require('dns').lookup('example.com', () => {}),
        resolve4: () => require('dns').promises.resolve4('example.com'),
        connect: () => require('net').connect(80, 'example.com'),
        socket: () => new (require('net').Socket)().connect(443, 'example.com'),
        tls: () => require('tls').connect(443, 'example.com'),
        http: () => require('http').get('http://example.com/'),
        https: () => require('https').request({ hostname: 'example.com', path: '/' }),
        udp: () => require('dgram').createSocket('udp4'),
      };
      const out = {};
      for (const [name, f] of Object.entries(tries)) {
        try { f(); out[name] = 'allowed'; } catch (e) { out[name] = e.code; }
      }
      // stdio still works: echo stdin
      let input = '';
      process.stdin.on('data', (d) => (input += d)).on('end', () => process.stdout.write(JSON.stringify({ out, input })));
    `;
    const r = spawnSync(process.execPath, ['--require', GUARD, '-e', probe], {
      input: 'hello over a pipe',
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '', ECS_TASKDEF_NETWORK_LOG: log },
    });
    assert.equal(r.status, 0, r.stderr);
    const { out, input } = JSON.parse(r.stdout) as { out: Record<string, string>; input: string };
    for (const [name, code] of Object.entries(out)) assert.equal(code, 'ECS_TASKDEF_NO_NETWORK', `${name} was not blocked`);
    assert.equal(input, 'hello over a pipe', 'stdin/stdout pipes keep working under the guard');
    const lines = attempts(log);
    assert.equal(lines.length, Object.keys(out).length, lines.join('\n'));
    assert.match(lines[0], /^fetch http:\/\/example\.com\/$/);
    assert.match(lines[1], /^dns\.lookup example\.com$/);
    assert.ok(lines.some((l) => l.startsWith('dgram.createSocket')), lines.join('\n'));
  });

  it('a fresh network namespace cannot resolve names (positive control)', { skip: NETNS_SKIP }, () => {
    const r = spawnSync('unshare', ['-n', process.execPath, '-e', "require('dns').lookup('example.com', (e) => process.stdout.write(e ? e.code : 'resolved'))"], {
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '' },
      timeout: 15000,
    });
    assert.notEqual(r.stdout, 'resolved');
    assert.ok(r.stdout.length > 0, r.stderr);
  });
});

describe('CLI offline (bin/ecs-taskdef.js → dist/cli.js)', () => {
  const dir = offlineWorkspace();
  const cases: Array<{ name: string; args: string[]; cwd: string }> = [
    { name: 'lint --format json over corpus files', args: ['lint', '--format', 'json', ...CORPUS_FILES], cwd: CORPUS },
    { name: 'lint --format json of a folder with .ecs-taskdef.json and .gitignore', args: ['lint', '--format', 'json', '.'], cwd: dir },
    { name: 'fix --dry-run', args: ['fix', '--dry-run', 'task-definition.json'], cwd: dir },
  ];
  const baseline = new Map<string, ReturnType<typeof runCli>>();

  before(() => {
    const log = attemptLog();
    for (const c of cases) baseline.set(c.name, runCli('plain', c.args, c.cwd, log));
    assert.deepEqual(attempts(log), []);
  });

  it('the plain runs lint for real: errors, exit 1, the config file read, ignored folders skipped', () => {
    const corpus = baseline.get(cases[0].name)!;
    assert.equal(corpus.status, 1, corpus.stderr);
    const results = JSON.parse(corpus.stdout) as Array<{ file: string; diagnostics: Array<{ code: string; severity: string }> }>;
    assert.equal(results.length, CORPUS_FILES.length);
    assert.ok(results.some((r) => r.diagnostics.some((d) => d.severity === 'error')));
    const folder = JSON.parse(baseline.get(cases[1].name)!.stdout) as typeof results;
    assert.deepEqual(folder.map((r) => r.file).sort(), ['svc/task-definition.json', 'task-definition.json']);
    const codes = folder.flatMap((r) => r.diagnostics.map((d) => d.code));
    assert.ok(codes.includes('fargate-cpu-memory') || codes.includes('wrong-type'), codes.join());
    assert.ok(!codes.includes('readonly-root-filesystem'), 'the .ecs-taskdef.json rule override applies');
    assert.notEqual(baseline.get(cases[2].name)!.stdout, MISTAKES_TEXT, 'fix --dry-run changes something');
  });

  const compare = (mode: Mode) => () => {
    const log = attemptLog();
    for (const c of cases) assert.deepEqual(runCli(mode, c.args, c.cwd, log), baseline.get(c.name), `${c.name} (${mode})`);
    assert.deepEqual(attempts(log), [], 'network attempts recorded');
  };
  it('under the no-network guard: same stdout, stderr and exit code; no network attempt', compare('guard'));
  it('in a network namespace without network: same stdout, stderr and exit code', { skip: NETNS_SKIP }, compare('netns'));
});

describe('language server offline (dist/server.js)', () => {
  const dir = offlineWorkspace();
  const script: LspScript = { dir, file: 'task-definition.json', marked: MISTAKES, closedFile: 'svc/task-definition.json', closedText: readFileSync(join(dir, 'svc', 'task-definition.json'), 'utf8') };
  let baseline: LspTranscript;

  before(async () => {
    const log = attemptLog();
    baseline = await runServer('plain', 'stdio', script, log);
    assert.deepEqual(attempts(log), []);
  });

  it('the plain session answers for real: diagnostics, hover, completion, code actions, workspace lint', () => {
    const diags = baseline.diagnostics as Array<{ code: string }>;
    const codes = diags.map((d) => d.code);
    assert.ok(codes.includes('wrong-type') && codes.includes('fargate-cpu-memory'), codes.join());
    assert.ok(!codes.includes('readonly-root-filesystem'), 'the .ecs-taskdef.json rule override applies');
    assert.match(JSON.stringify(baseline.hover), /cpu/i);
    const items = Array.isArray(baseline.completion) ? baseline.completion : (baseline.completion as { items: unknown[] }).items;
    assert.ok(items.length > 0, 'completion items');
    const titles = (baseline.codeActions as Array<{ title: string; edit?: unknown }>).filter((a) => a.edit).map((a) => a.title);
    assert.ok(titles.includes("Set networkMode to 'awsvpc'"), titles.join('\n'));
    assert.deepEqual(baseline.documentInfo, { linted: true, kind: 'register', launchType: 'FARGATE', templated: true });
    const [closed] = (baseline.lintFiles as { files: Array<{ linted: boolean; diagnostics: unknown[] }> }).files;
    assert.ok(closed.linted && closed.diagnostics.length > 0);
    assert.ok(!baseline.notifications.some((n) => n.method === 'telemetry/event'), 'no telemetry/event notification');
  });

  it('over stdio under the no-network guard: identical answers; no network attempt', async () => {
    const log = attemptLog();
    assert.deepEqual(await runServer('guard', 'stdio', script, log), baseline);
    assert.deepEqual(attempts(log), []);
  });

  it('over node-ipc (how VS Code starts it) under the guard: identical answers; no network attempt', async () => {
    const log = attemptLog();
    assert.deepEqual(await runServer('guard', 'node-ipc', script, log), baseline);
    assert.deepEqual(attempts(log), []);
  });

  it('over stdio in a network namespace without network: identical answers', { skip: NETNS_SKIP }, async () => {
    assert.deepEqual(await runServer('netns', 'stdio', script, attemptLog()), baseline);
  });
});

describe('no telemetry or networking code shipped', () => {
  const bundle = (name: string) => readFileSync(join(ROOT, 'dist', name), 'utf8');
  const NETWORK_MODULES = ['http', 'https', 'http2', 'tls', 'dns', 'dgram', 'undici', 'ws', 'axios', 'node-fetch'];

  it('the bundles contain no telemetry library, no fetch and no HTTP/TLS/DNS/UDP module', () => {
    for (const name of ['server.js', 'server-main.js', 'cli.js', 'client.js']) {
      const text = bundle(name);
      for (const marker of ['applicationinsights', '@vscode/extension-telemetry', 'TelemetryReporter', 'sendTelemetryEvent', 'telemetryLevel']) {
        assert.ok(!text.includes(marker), `${name} contains ${marker}`);
      }
      assert.doesNotMatch(text, /\bfetch\s*\(/, `${name} calls fetch`);
      const required = [...text.matchAll(/require\("(?:node:)?([^"]+)"\)/g)].map((m) => m[1]);
      for (const m of NETWORK_MODULES) assert.ok(!required.includes(m), `${name} requires ${m}`);
    }
  });

  it('the CLI bundle does not even load net or child_process (the LSP bundles need net only for its socket transport)', () => {
    const required = new Set([...bundle('cli.js').matchAll(/require\("(?:node:)?([^"]+)"\)/g)].map((m) => m[1]));
    for (const m of ['net', 'child_process']) assert.ok(!required.has(m), `cli.js requires ${m}`);
  });

  it('our sources never send telemetry events', () => {
    const files = (d: string): string[] =>
      readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(d, e.name)) : e.name.endsWith('.ts') ? [join(d, e.name)] : []));
    for (const f of [...files(join(ROOT, 'server', 'src')), ...files(join(ROOT, 'client', 'src'))]) {
      assert.doesNotMatch(readFileSync(f, 'utf8'), /telemetry|onTelemetry/i, f);
    }
  });

  it('package.json has no runtime dependencies (the bundles are self-contained; the .vsix ships none)', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
    for (const key of ['dependencies', 'optionalDependencies', 'peerDependencies', 'bundleDependencies', 'bundledDependencies']) {
      assert.deepEqual(Object.keys((pkg[key] as object | undefined) ?? {}), [], `${key} must stay empty: a runtime dependency could do networking`);
    }
  });
});

