/**
 * `npm run bench`: one run, same documents, every number the performance issue asks for, written to
 * bench/results.json (and a markdown table to bench/results.md and stdout). Not part of `npm test`.
 *   --quick         fewer iterations (for a fast look while working; the committed results use the full run)
 *   --only=a,b,...  only these parts: pipeline, yaml, features, terraform, edit, cold, rss, cli, vsix (implies --quick's file)
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, setPriority, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { build, type BuildOptions } from 'esbuild';
import { parseTree, type ParseError } from 'jsonc-parser';
import { generateTaskDefinition } from './generate';
import { type DocSet, type FeatureRow, measureFeatures, measurePipeline, measureYamlPipeline, type PipelineRow, type YamlRow } from './inproc';
import { measureCli, measureColdStart, measureEdit, measureRss } from './servers';
import { ratio, round } from './stats';
import { markdownTable } from './table';
import { measureTerraform, type TerraformRow } from './terraform';

const ROOT = resolve(__dirname, '..', '..');
const WORK = join(ROOT, '.bench');
const quick = process.argv.includes('--quick') || process.argv.some((a) => a.startsWith('--only='));
const scale = quick ? 0.2 : 1;
const n = (full: number) => Math.max(5, Math.round(full * scale));
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
const wanted = (part: string) => !only || only.includes(part);

/** An empty folder (the code cache of an earlier run must not count). */
function freshDir(dir: string): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

function step(msg: string): void {
  process.stderr.write(`bench: ${msg}\n`);
}

/** Runs ahead of other work on a shared machine when allowed (root), so neighbours' jobs disturb the tails less. */
function raisePriority(): boolean {
  try {
    setPriority(-15); // inherited by the servers and CLI processes started below
    return true;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  mkdirSync(join(WORK, 'docs'), { recursive: true });
  const raisedPriority = raisePriority();
  const loadBefore = loadavg();

  let vsixBytes = NaN;
  if (wanted('vsix')) {
    step('packaging the .vsix (production build of dist/)');
    const vsix = join(WORK, 'ecs-taskdef.vsix');
    execFileSync(join(ROOT, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '-o', vsix], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    vsixBytes = statSync(vsix).size;
  } else {
    step('production build of dist/');
    execFileSync(process.execPath, ['scripts/build.mjs', '--production'], { cwd: ROOT, stdio: 'inherit' });
  }

  step('bundling the in-process entry and the comparison server');
  const common: BuildOptions = { bundle: true, platform: 'node', target: 'node18', format: 'cjs', minify: true, mainFields: ['module', 'main'], logLevel: 'warning', absWorkingDir: ROOT };
  await build({ ...common, entryPoints: [join(__dirname, 'inproc-entry.ts')], outfile: join(WORK, 'inproc.cjs'), define: { ECS_TASKDEF_VERSION: '"bench"' } });
  await build({ ...common, entryPoints: [join(__dirname, 'json-ls-server.ts')], outfile: join(WORK, 'json-ls-server.cjs') });
  await build({ ...common, entryPoints: [join(ROOT, 'node_modules', 'vscode-languageserver', 'lib', 'node', 'main.js')], outfile: join(WORK, 'vscode-languageserver.cjs') });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const api = require(join(WORK, 'inproc.cjs')) as typeof import('./inproc-entry');
  const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'task-definition.schema.json'), 'utf8')) as object;

  const corpusDir = join(ROOT, 'test', 'corpus', 'files');
  const corpus = readdirSync(corpusDir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => ({ path: join(corpusDir, f), text: readFileSync(join(corpusDir, f), 'utf8') }))
    .filter((f) => {
      const errors: ParseError[] = [];
      parseTree(f.text, errors, { allowTrailingComma: true });
      return errors.length === 0;
    });
  const generated = [
    { name: '20 KB', size: 20_000, iterations: 400 },
    { name: '400 KB', size: 400_000, iterations: 60 },
    { name: '1 MB', size: 1_000_000, iterations: 30 },
  ].map((g) => {
    const path = join(WORK, 'docs', `generated-${g.size}-task-definition.json`);
    const text = generateTaskDefinition(g.size);
    writeFileSync(path, text);
    return { ...g, path, text };
  });
  const sets: DocSet[] = [
    { name: `corpus (${corpus.length} files)`, files: corpus, iterations: n(100) },
    ...generated.map((g) => ({ name: g.name, files: [{ path: g.path, text: g.text }], iterations: n(g.iterations) })),
  ];

  const pipeline: PipelineRow[] = [];
  for (const set of wanted('pipeline') ? sets : []) {
    step(`pipeline: ${set.name}`);
    pipeline.push(await measurePipeline(api, set, schema));
  }
  // CloudFormation YAML: a small real template of the corpus (2 task definitions, 9 KB), and a large one made of
  // its resources repeated under new logical ids (about 400 KB, 90 task definitions).
  const realTemplatePath = join(corpusDir, 'aws__aws-app-mesh-examples__walkthroughs__howto-grpc-ingress-gateway__app.yaml');
  const realTemplate = readFileSync(realTemplatePath, 'utf8');
  const bigTemplatePath = join(WORK, 'docs', 'generated-400k-template.yaml');
  writeFileSync(bigTemplatePath, repeatResources(realTemplate, 400_000));
  const yamlSets: DocSet[] = [
    { name: 'real template (app-mesh howto-grpc-ingress-gateway)', files: [{ path: realTemplatePath, text: realTemplate }], iterations: n(200) },
    { name: 'large template (its resources repeated)', files: [{ path: bigTemplatePath, text: readFileSync(bigTemplatePath, 'utf8') }], iterations: n(30) },
  ];
  const yamlPipeline: YamlRow[] = [];
  for (const set of wanted('yaml') ? yamlSets : []) {
    step(`YAML template pipeline: ${set.name}`);
    yamlPipeline.push(await measureYamlPipeline(api, set, schema));
  }
  const features: FeatureRow[] = [];
  for (const g of wanted('features') ? [generated[0], generated[2]] : []) {
    step(`hover and completion: ${g.name}`);
    features.push(await measureFeatures(api, g.name, g.path, g.text, n(10)));
  }
  step('Terraform: lint of a .tf file vs tree-sitter parse');
  const terraform = wanted('terraform') ? await measureTerraform(ROOT, generated[0], n(50)) : [];
  const server = join(ROOT, 'dist', 'server.js');
  const big = generated[2];
  const none = { n: 0, median: NaN, p99: NaN };
  step('incremental edit in the 1 MB document');
  const edit = wanted('edit') ? await measureEdit(server, big.path, big.text, n(30)) : none;
  step('cold start');
  const cold = wanted('cold')
    ? await measureColdStart(server, join(WORK, 'vscode-languageserver.cjs'), generated[0].path, generated[0].text, n(20), freshDir(join(WORK, 'v8-cache')))
    : { emptyNode: none, languageServerLibrary: none, server: none, serverCached: none, overhead: none, cachedOverFloor: none };
  step('memory with the 1 MB document open');
  const rssOurs = wanted('rss') ? await measureRss(server, big.path, big.text) : NaN;
  const rssJson = wanted('rss') ? await measureRss(join(WORK, 'json-ls-server.cjs'), big.path, big.text) : NaN;
  // As VS Code starts the server: with the code cache (the first start writes it at exit, the second is measured).
  const rssEnv = { ...process.env, ECS_TASKDEF_CACHE_DIR: freshDir(join(WORK, 'rss-v8-cache')) };
  const rssOursCached = wanted('rss') ? ((await measureRss(server, big.path, big.text, rssEnv)), await measureRss(server, big.path, big.text, rssEnv)) : NaN;
  step('CLI on the corpus');
  const cli = wanted('cli') ? await measureCli(join(ROOT, 'bin', 'ecs-taskdef.js'), corpusDir, n(10), freshDir(join(WORK, 'cli-v8-cache'))) : { plain: none, cached: none };

  const results = {
    date: new Date().toISOString(),
    quick,
    machine: {
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      memoryGiB: round(totalmem() / 2 ** 30, 1),
      node: process.version,
      raisedPriority,
      loadAverageBefore: loadBefore.map((x) => round(x, 2)),
      loadAverageAfter: loadavg().map((x) => round(x, 2)),
    },
    unit: 'milliseconds unless named otherwise',
    pipeline: pipeline.map((r) => ({
      ...r,
      ratios: {
        pipelineToParseP99: ratio(r.pipeline.p99, r.parse.p99),
        pipelineToJsonLanguageServiceP99: ratio(r.pipeline.p99, r.jsonLanguageService.p99),
        pipelineToParseMedian: ratio(r.pipeline.median, r.parse.median),
        pipelineToJsonLanguageServiceMedian: ratio(r.pipeline.median, r.jsonLanguageService.median),
      },
    })),
    yamlPipeline: yamlPipeline.map((r) => ({
      ...r,
      ratios: {
        pipelineToParseP99: ratio(r.pipeline.p99, r.parse.p99),
        pipelineToYamlLanguageServiceP99: ratio(r.pipeline.p99, r.yamlLanguageService.p99),
        pipelineToParseMedian: ratio(r.pipeline.median, r.parse.median),
        pipelineToYamlLanguageServiceMedian: ratio(r.pipeline.median, r.yamlLanguageService.median),
      },
    })),
    incrementalEdit1MB: edit,
    features,
    terraform,
    coldStart: cold,
    rss1MB: { oursBytes: rssOurs, jsonLanguageServiceBytes: rssJson, ratio: ratio(rssOurs, rssJson), oursCachedBytes: rssOursCached, cachedRatio: ratio(rssOursCached, rssJson) },
    cliCorpus: { files: readdirSync(corpusDir).length, ...cli.plain, cached: cli.cached },
    vsixBytes,
  };
  mkdirSync(join(ROOT, 'bench'), { recursive: true });
  if (!quick) writeFileSync(join(ROOT, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n');
  const table = markdownTable(results);
  if (!quick) writeFileSync(join(ROOT, 'bench', 'results.md'), table);
  else writeFileSync(join(WORK, 'results-quick.json'), JSON.stringify(results, null, 2) + '\n');
  process.stdout.write(table);
  for (const t of terraform) process.stdout.write(`\nTerraform ${t.name} (${t.bytes} chars): lint median ${round(t.lint.median, 2)} ms, p99 ${round(t.lint.p99, 2)} ms; tree-sitter parse median ${round(t.treeSitterParse.median, 2)} ms (×${t.lintToParseMedian})\n`);
}

export type BenchResults = Awaited<ReturnType<typeof collectType>>;
// Only for the type of the results object (table.ts reads it).
declare function collectType(): Promise<{
  date: string;
  quick: boolean;
  machine: { cpu: string; cores: number; memoryGiB: number; node: string; raisedPriority: boolean; loadAverageBefore: number[]; loadAverageAfter: number[] };
  pipeline: Array<PipelineRow & { ratios: Record<string, number | undefined> }>;
  yamlPipeline: Array<YamlRow & { ratios: Record<string, number | undefined> }>;
  incrementalEdit1MB: import('./stats').Summary;
  features: FeatureRow[];
  terraform: TerraformRow[];
  coldStart: import('./servers').ColdStart;
  rss1MB: { oursBytes: number; jsonLanguageServiceBytes: number; ratio: number | undefined; oursCachedBytes?: number; cachedRatio?: number | undefined };
  cliCorpus: import('./stats').Summary & { files: number; cached?: import('./stats').Summary };
  vsixBytes: number;
}>;

/** `template` with its Resources section repeated (logical ids suffixed) until the text is about `size` characters. */
function repeatResources(template: string, size: number): string {
  const start = template.indexOf('\n', template.search(/^Resources:\s*$/m)) + 1;
  const next = template.slice(start).search(/^\S/m);
  const end = next < 0 ? template.length : start + next;
  const body = template.slice(start, end);
  if (!body.trim()) throw new Error('repeatResources: no Resources section');
  const ids = [...body.matchAll(/^ {2}([A-Za-z0-9]+):/gm)].map((m) => m[1]);
  let out = template.slice(0, end);
  for (let k = 1; out.length < size; k++) {
    let copy = body;
    for (const id of ids) copy = copy.replace(new RegExp(`\\b${id}\\b`, 'g'), `${id}${k}`);
    out += copy;
  }
  return out + template.slice(end);
}

main().catch((e) => {
  process.stderr.write(`bench failed: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
