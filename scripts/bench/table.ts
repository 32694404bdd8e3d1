/** The markdown tables of a bench run (docs/performance.md shows the latest). */
import type { BenchResults } from './run';

const ms = (x: number) => (x < 1 ? x.toFixed(3) : x < 100 ? x.toFixed(2) : x.toFixed(0));
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
const mark = (ok: boolean) => (ok ? '✅' : '❌');

export function markdownTable(r: BenchResults): string {
  const lines: string[] = [];
  const m = r.machine;
  lines.push(`Run ${r.date.slice(0, 16).replace('T', ' ')} UTC on ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node} (load average ${m.loadAverageBefore[0]} → ${m.loadAverageAfter[0]}).`);
  lines.push('');
  lines.push('| documents | (a) jsonc-parser parse | (b) vscode-json-languageservice | (c) ecs-taskdef full lint | c/a | c/b |');
  lines.push('|---|---|---|---|---|---|');
  for (const p of r.pipeline) {
    const ca = p.ratios.pipelineToParseP99 ?? NaN;
    const cb = p.ratios.pipelineToJsonLanguageServiceP99 ?? NaN;
    lines.push(
      `| ${p.name}, ${(p.bytes / 1024).toFixed(0)} KiB | ${ms(p.parse.median)} / ${ms(p.parse.p99)} | ${ms(p.jsonLanguageService.median)} / ${ms(p.jsonLanguageService.p99)} | ${ms(p.pipeline.median)} / ${ms(p.pipeline.p99)} | ${ca.toFixed(2)} ${mark(ca <= 1.5)} | ${cb.toFixed(2)} ${mark(cb <= 0.5)} |`,
    );
  }
  lines.push('');
  lines.push('Cells are median / p99 in ms; ratios are of the p99s (targets: c/a ≤ 1.5, c/b ≤ 0.5).');
  lines.push('');
  if (r.yamlPipeline.length > 0) {
    lines.push('| CloudFormation YAML | (a) `yaml` parse | (b) yaml-language-server parse + validate | (c) ecs-taskdef full lint | c/a | c/b |');
    lines.push('|---|---|---|---|---|---|');
    for (const p of r.yamlPipeline) {
      const ca = p.ratios.pipelineToParseP99 ?? NaN;
      const cb = p.ratios.pipelineToYamlLanguageServiceP99 ?? NaN;
      lines.push(`| ${p.name}, ${(p.bytes / 1024).toFixed(0)} KiB | ${ms(p.parse.median)} / ${ms(p.parse.p99)} | ${ms(p.yamlLanguageService.median)} / ${ms(p.yamlLanguageService.p99)} | ${ms(p.pipeline.median)} / ${ms(p.pipeline.p99)} | ${ca.toFixed(2)} | ${cb.toFixed(2)} ${mark(cb <= 1)} |`);
    }
    lines.push('');
    lines.push('Same cells and ratios; (b) validates against a template schema whose task-definition Properties are our schema in PascalCase (target c/b ≤ 1).');
    lines.push('');
  }
  lines.push('| measurement | median | p99 | target |');
  lines.push('|---|---|---|---|');
  lines.push(`| (d) one character typed in the 1 MB document → its diagnostics (server, pull) | ${ms(r.incrementalEdit1MB.median)} ms | ${ms(r.incrementalEdit1MB.p99)} ms | |`);
  for (const f of r.features) {
    lines.push(`| (e) hover, ${f.name} document (analysis cached) | ${ms(f.hover.median)} ms | ${ms(f.hover.p99)} ms | ≤ 0.1 ms p99 ${mark(f.hover.p99 <= 0.1)} |`);
    lines.push(`| (e) completion, ${f.name} document (analysis cached) | ${ms(f.completion.median)} ms | ${ms(f.completion.p99)} ms | ≤ 0.1 ms p99 ${mark(f.completion.p99 <= 0.1)} |`);
  }
  const c = r.coldStart;
  lines.push(`| (f) empty \`node -e ""\` | ${ms(c.emptyNode.median)} ms | ${ms(c.emptyNode.p99)} ms | |`);
  lines.push(`| (f) node loading vscode-languageserver alone (the floor of any server built on it) | ${ms(c.languageServerLibrary.median)} ms | ${ms(c.languageServerLibrary.p99)} ms | |`);
  lines.push(`| (f) server cold start → first diagnostics (20 KB document), no code cache | ${ms(c.server.median)} ms | ${ms(c.server.p99)} ms | |`);
  lines.push(`| (f) the same with the V8 code cache (ECS_TASKDEF_CACHE_DIR, as VS Code starts it) | ${ms(c.serverCached.median)} ms | ${ms(c.serverCached.p99)} ms | |`);
  lines.push(`| (f) uncached cold start minus the vscode-languageserver floor | ${ms(c.server.median - c.languageServerLibrary.median)} ms | ${ms(c.server.p99 - c.languageServerLibrary.p99)} ms | |`);
  lines.push(`| (f) cached cold start minus the vscode-languageserver floor | ${ms(c.cachedOverFloor.median)} ms | ${ms(c.cachedOverFloor.p99)} ms | ≤ 20 ms ${mark(c.cachedOverFloor.median <= 20)} (median) |`);
  lines.push(`| (f) cold start minus empty node | ${ms(c.overhead.median)} ms | ${ms(c.overhead.p99)} ms | ≤ 40 ms ${mark(c.overhead.median <= 40)} (median) |`);
  lines.push(`| (g) \`ecs-taskdef lint\` on the corpus (${r.cliCorpus.files} files), wall | ${ms(r.cliCorpus.median)} ms | ${ms(r.cliCorpus.p99)} ms | < 1 s ${mark(r.cliCorpus.p99 < 1000)} |`);
  const cc = r.cliCorpus.cached;
  if (cc) lines.push(`| (g) the same with the V8 code cache (ECS_TASKDEF_CACHE_DIR) | ${ms(cc.median)} ms | ${ms(cc.p99)} ms | < 1 s ${mark(cc.p99 < 1000)} |`);
  lines.push(`| (h) server RSS, 1 MB document open: ours / vscode-json-languageservice | ${mb(r.rss1MB.oursBytes)} / ${mb(r.rss1MB.jsonLanguageServiceBytes)} | ratio ${r.rss1MB.ratio} | ≤ 1 ${mark((r.rss1MB.ratio ?? 9) <= 1)} |`);
  if (r.rss1MB.oursCachedBytes !== undefined) {
    lines.push(`| (h) the same with the V8 code cache (as VS Code starts it) | ${mb(r.rss1MB.oursCachedBytes)} / ${mb(r.rss1MB.jsonLanguageServiceBytes)} | ratio ${r.rss1MB.cachedRatio} | ≤ 1 ${mark((r.rss1MB.cachedRatio ?? 9) <= 1)} |`);
  }
  lines.push(`| (i) .vsix size | ${(r.vsixBytes / 1024).toFixed(0)} KiB | | < 1 MiB ${mark(r.vsixBytes < 2 ** 20)} |`);
  return lines.join('\n') + '\n';
}
