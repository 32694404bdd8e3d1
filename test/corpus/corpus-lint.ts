/**
 * Lints the corpus the way the regression test and `npm run corpus:update` see it. Shared by both so the
 * expectation file is produced by exactly the code that checks it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { shouldLint } from '../../server/src/core/documents/file-detection';
import { lint } from '../../server/src/core/lint';
import { LineIndex } from '../../server/src/core/syntax/positions';

export const CORPUS_DIR = __dirname;
export const FILES_DIR = join(CORPUS_DIR, 'files');
export const EXPECTED_PATH = join(CORPUS_DIR, 'expected.json');

/** One diagnostic as the expectation file records it (line is 1-based, where the range starts). */
export interface CorpusDiagnostic {
  line: number;
  code: string;
  severity: string;
  message: string;
}

export interface CorpusResult {
  kind: string;
  launchType: string;
  /** Whether the file detection of the CLI and the editor picks the file up on its own. */
  detected: boolean;
  diagnostics: CorpusDiagnostic[];
}

export interface IndexRow {
  file: string;
  repo: string;
  kind: string;
  launch: string;
  notes: string;
}

export function corpusFiles(): string[] {
  return readdirSync(FILES_DIR).sort();
}

/** No corpus file is skipped any more: the YAML CloudFormation templates are linted like the rest. */
export function isSkipped(_file: string): boolean {
  return false;
}

export function readCorpusFile(file: string): string {
  return readFileSync(join(FILES_DIR, file), 'utf8');
}

export function lintCorpusFile(file: string): CorpusResult {
  const text = readCorpusFile(file);
  const out = lint(text, { fileName: file });
  const idx = new LineIndex(text);
  return {
    kind: out.kind,
    launchType: out.launchType,
    detected: shouldLint(file, text),
    diagnostics: out.diagnostics.map((d) => ({
      line: idx.positionAt(d.range.offset).line + 1,
      code: d.code,
      severity: d.severity,
      message: d.message,
    })),
  };
}

export function readIndex(): IndexRow[] {
  const lines = readFileSync(join(CORPUS_DIR, 'INDEX.tsv'), 'utf8').split('\n').filter((l) => l.trim());
  const header = lines[0].split('\t');
  const col = (name: string) => header.indexOf(name);
  return lines.slice(1).map((l) => {
    const c = l.split('\t');
    return { file: c[col('file')], repo: c[col('repo')], kind: c[col('kind')], launch: c[col('launch')], notes: c[col('notes')] };
  });
}

/** The expectation file as written by scripts/corpus-update.ts: one diagnostic per line, for readable diffs. */
export function serializeExpected(results: ReadonlyMap<string, CorpusResult>, skipped: readonly string[]): string {
  const out: string[] = ['{'];
  out.push('  "about": "Reviewed lint results for test/corpus/files. Regenerate with `npm run corpus:update`, then review the diff file by file.",');
  out.push(`  "skipped": ${JSON.stringify(skipped)},`);
  out.push('  "files": {');
  const entries = [...results];
  entries.forEach(([file, r], i) => {
    out.push(`    ${JSON.stringify(file)}: {`);
    out.push(`      "kind": ${JSON.stringify(r.kind)}, "launchType": ${JSON.stringify(r.launchType)}, "detected": ${r.detected},`);
    if (r.diagnostics.length === 0) out.push('      "diagnostics": []');
    else {
      out.push('      "diagnostics": [');
      r.diagnostics.forEach((d, j) => out.push(`        ${JSON.stringify(d)}${j < r.diagnostics.length - 1 ? ',' : ''}`));
      out.push('      ]');
    }
    out.push(`    }${i < entries.length - 1 ? ',' : ''}`);
  });
  out.push('  }', '}', '');
  return out.join('\n');
}
