/**
 * SARIF 2.1.0 output (GitHub code scanning and other SARIF viewers). Every rule that produced a result is
 * described with its summary, its documentation as help text and a link to its page.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_URL, ruleDocsUrl } from '../core/docs-url';
import { LineIndex } from '../core/syntax/positions';
import { ALL_RULES } from '../core/rules';
import type { Rule } from '../core/rules/rule';
import type { Diagnostic, OffsetRange, Severity } from '../core/types';
import type { FileResult } from './format';

const SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };
const SRCROOT = '%SRCROOT%';

/** Codes the linter reports that are not catalog rules. */
const EXTRA_CODES: Record<string, { summary: string; severity: Severity }> = {
  'not-linted': { summary: 'The file was only partly checked (too large, or a CloudFormation template).', severity: 'information' },
};

export interface SarifOptions {
  /** Paths are written relative to this folder (the repository root in CI). */
  cwd: string;
  version: string;
}

export function formatSarif(results: readonly FileResult[], opts: SarifOptions): string {
  const ruleIds: string[] = [];
  const indexOf = (code: string): number => {
    let i = ruleIds.indexOf(code);
    if (i < 0) i = ruleIds.push(code) - 1;
    return i;
  };
  const sarifResults: object[] = [];
  for (const { file, text, result } of results) {
    const idx = new LineIndex(text);
    const uri = artifactUri(file, opts.cwd);
    for (const d of result.diagnostics) sarifResults.push(sarifResult(d, indexOf(d.code), uri, idx));
  }
  const log = {
    $schema: SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'ecs-taskdef',
            semanticVersion: /^\d+\.\d+\.\d+/.test(opts.version) ? opts.version : undefined,
            version: opts.version,
            informationUri: REPO_URL,
            rules: ruleIds.map(descriptor),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: `${pathToFileURL(resolve(opts.cwd)).href.replace(/\/?$/, '/')}` } },
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

type ArtifactLocation = { uri: string; uriBaseId?: string };

function artifactUri(file: string, cwd: string): ArtifactLocation {
  const abs = resolve(cwd, file);
  const rel = relative(resolve(cwd), abs);
  if (rel && !rel.startsWith('..') && !isAbsolute(rel)) {
    return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
  }
  return { uri: pathToFileURL(abs).href };
}

function region(range: OffsetRange, idx: LineIndex) {
  const s = idx.positionAt(range.offset);
  const e = idx.positionAt(range.offset + range.length);
  // SARIF lines and columns are 1-based; endColumn is the column just after the region.
  return { startLine: s.line + 1, startColumn: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
}

function sarifResult(d: Diagnostic, ruleIndex: number, artifactLocation: ArtifactLocation, idx: LineIndex): object {
  const out: Record<string, unknown> = {
    ruleId: d.code,
    ruleIndex,
    level: LEVEL[d.severity],
    message: { text: d.message },
    locations: [{ physicalLocation: { artifactLocation, region: region(d.range, idx) } }],
  };
  // A faded hint (part of a mistake another result reports): SARIF viewers can filter on the tag.
  if (d.unnecessary) out.properties = { tags: ['unnecessary'] };
  if (d.related?.length) {
    // A range in another file (a workflow's or service's task definition) has no text here to place it by: message only.
    out.relatedLocations = d.related.map((r, i) => ({
      id: i + 1,
      message: { text: r.file === undefined ? r.message : `${r.message} (${r.file})` },
      ...(r.file === undefined ? { physicalLocation: { artifactLocation, region: region(r.range, idx) } } : {}),
    }));
  }
  return out;
}

function descriptor(id: string): object {
  const rule = ALL_RULES.find((r) => r.id === id);
  if (!rule) {
    const extra = EXTRA_CODES[id] ?? { summary: id, severity: 'warning' as Severity };
    return {
      id,
      shortDescription: { text: extra.summary },
      defaultConfiguration: { level: LEVEL[extra.severity] },
    };
  }
  const markdown = helpMarkdown(rule);
  return {
    id,
    name: id.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase()),
    shortDescription: { text: rule.summary },
    fullDescription: { text: firstParagraph(rule.docs) },
    helpUri: ruleDocsUrl(id),
    help: { text: plain(markdown), markdown },
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: { tags: ['ecs', 'task-definition', rule.category], category: rule.category },
  };
}

function helpMarkdown(rule: Rule): string {
  const parts = [rule.docs.trim()];
  if (rule.subCases?.length) parts.push(`Other severities:\n\n${rule.subCases.map((s) => `- ${s}`).join('\n')}`);
  if (rule.examples) parts.push(`Flagged:\n\n\`\`\`jsonc\n${rule.examples.bad}\n\`\`\``, `Fine:\n\n\`\`\`jsonc\n${rule.examples.good}\n\`\`\``);
  if (rule.fixDocs) parts.push(`Quick fixes: ${rule.fixDocs.trim()}`);
  parts.push(`[Full documentation of ${rule.id}](${ruleDocsUrl(rule.id)})`);
  return parts.join('\n\n');
}

function firstParagraph(md: string): string {
  return plain(md.trim().split(/\n\s*\n/)[0]).replace(/\s*\n\s*/g, ' ');
}

/** Markdown → readable plain text (links keep their target, code keeps its text). */
function plain(md: string): string {
  return md
    .replace(/\[([^\]]+)\]\(([^)]+)\)/g, '$1 ($2)')
    .replace(/`{3}\w*\n?/g, '')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\*\*([^*]+)\*\*/g, '$1');
}
