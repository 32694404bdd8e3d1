/**
 * Rewrites test/corpus/expected.json from the current linter (`npm run corpus:update`), then prints what
 * changed per file so the diff can be reviewed before committing.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { corpusFiles, EXPECTED_PATH, isSkipped, lintCorpusFile, serializeExpected, type CorpusResult } from '../test/corpus/corpus-lint';

function key(d: CorpusResult['diagnostics'][number]): string {
  return `${d.line} ${d.code} ${d.severity}: ${d.message}`;
}

function main(): void {
  const files = corpusFiles();
  const skipped = files.filter(isSkipped);
  const results = new Map<string, CorpusResult>();
  for (const f of files.filter((x) => !isSkipped(x))) results.set(f, lintCorpusFile(f));

  const before: Record<string, CorpusResult> = existsSync(EXPECTED_PATH) ? JSON.parse(readFileSync(EXPECTED_PATH, 'utf8')).files ?? {} : {};
  let changed = 0;
  for (const [file, r] of results) {
    const old = before[file];
    const gone = (old?.diagnostics ?? []).map(key).filter((k) => !r.diagnostics.map(key).includes(k));
    const added = r.diagnostics.map(key).filter((k) => !(old?.diagnostics ?? []).map(key).includes(k));
    const meta = old && (old.kind !== r.kind || old.launchType !== r.launchType || old.detected !== r.detected);
    if (!gone.length && !added.length && !meta) continue;
    changed++;
    console.log(`\n${file}${old ? '' : ' (new)'}`);
    if (meta) console.log(`  ~ kind/launch/detected: ${old.kind}/${old.launchType}/${old.detected} → ${r.kind}/${r.launchType}/${r.detected}`);
    for (const k of gone) console.log(`  - ${k}`);
    for (const k of added) console.log(`  + ${k}`);
  }
  writeFileSync(EXPECTED_PATH, serializeExpected(results, skipped));
  const all = [...results.values()].flatMap((r) => r.diagnostics);
  const bySeverity = ['error', 'warning', 'information', 'hint'].map((s) => `${all.filter((d) => d.severity === s).length} ${s}`);
  console.log(`\ncorpus: ${results.size} files linted, ${skipped.length} skipped; ${all.length} diagnostics (${bySeverity.join(', ')}); ${changed} file(s) changed`);
}

main();
