import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { ruleDocsUrl } from '../../server/src/core/docs-url';
import { ALL_RULES } from '../../server/src/core/rules';
import { CONTAINER_ARRAY, FARGATE_TASK, WARNING_ONLY_TASK, spawnCli, workspace } from './cli-helpers';

const schema = JSON.parse(readFileSync(join(__dirname, 'sarif-schema-2.1.0.json'), 'utf8'));
// unicodeRegExp off: the schema's language pattern has a stray ']' that only non-unicode regexes accept.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validateSarif = ajv.compile(schema);

interface SarifRegion {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}
interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: SarifRegion } }>;
  relatedLocations?: Array<{ message: { text: string } }>;
}
interface SarifRule {
  id: string;
  shortDescription: { text: string };
  fullDescription?: { text: string };
  help?: { text: string; markdown: string };
  helpUri?: string;
  defaultConfiguration: { level: string };
}

interface SarifRun {
  tool: { driver: { name: string; version: string; rules: SarifRule[] } };
  columnKind: string;
  originalUriBaseIds: Record<string, { uri: string }>;
  results: SarifResult[];
}
interface SarifLog {
  version: string;
  runs: SarifRun[];
}

function sarifOf(args: string[], cwd: string): { status: number | null; log: SarifLog; run: SarifRun } {
  const r = spawnCli(['lint', '--format', 'sarif', ...args], { cwd });
  assert.equal(r.stderr, '');
  assert.ok(validateSarif(JSON.parse(r.stdout)), `SARIF schema errors: ${JSON.stringify(validateSarif.errors, null, 2)}`);
  const log = JSON.parse(r.stdout) as SarifLog;
  return { status: r.status, log, run: log.runs[0] };
}

describe('--format sarif', () => {
  it('the vendored schema rejects what it must (the validation can fail)', () => {
    assert.equal(validateSarif({ version: '2.1.0', runs: [{ tool: { driver: {} } }] }), false, 'driver.name is required');
    assert.equal(validateSarif({ version: '2.0.0', runs: [] }), false);
    assert.equal(validateSarif({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'fatal' }] }] }), false);
    assert.equal(validateSarif({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'error' }] }] }), true);
  });

  it('is valid SARIF 2.1.0 with results, exact regions and levels, relative URIs under %SRCROOT%', () => {
    const dir = workspace({ 'infra/task-def.json': FARGATE_TASK });
    const { status, log, run } = sarifOf(['infra'], dir);
    assert.equal(status, 1);
    assert.equal(log.version, '2.1.0');
    assert.equal(run.tool.driver.name, 'ecs-taskdef');
    assert.equal(run.columnKind, 'utf16CodeUnits');
    assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri, pathToFileURL(dir).href + '/');
    const results = run.results;
    const wrongType = results.find((r) => r.ruleId === 'wrong-type')!;
    assert.equal(wrongType.level, 'error');
    assert.match(wrongType.message.text, /'essential' must be a boolean/);
    assert.deepEqual(wrongType.locations[0].physicalLocation.artifactLocation, { uri: 'infra/task-def.json', uriBaseId: '%SRCROOT%' });
    // `"yes"` on line 8: columns 60..65 in the text format; SARIF's endColumn is the column after the region.
    assert.deepEqual(wrongType.locations[0].physicalLocation.region, { startLine: 8, startColumn: 60, endLine: 8, endColumn: 65 });
    assert.equal(results.find((r) => r.ruleId === 'image-mutable-tag')!.level, 'warning');
    assert.ok(results.some((r) => r.level === 'note'), 'hints and information are notes');
  });

  it('describes each reported rule with its summary, docs as help text and a link to its page', () => {
    const dir = workspace({ 'task-def.json': FARGATE_TASK });
    const { run } = sarifOf(['task-def.json'], dir);
    const rules = run.tool.driver.rules;
    const results = run.results;
    assert.deepEqual([...new Set(results.map((r) => r.ruleId))].sort(), rules.map((r) => r.id).sort(), 'exactly the rules that fired');
    for (const r of results) assert.equal(rules[r.ruleIndex].id, r.ruleId);
    for (const rule of rules) {
      const meta = ALL_RULES.find((m) => m.id === rule.id)!;
      assert.equal(rule.shortDescription.text, meta.summary);
      assert.equal(rule.helpUri, ruleDocsUrl(rule.id));
      assert.ok(rule.help!.markdown.startsWith(meta.docs.trim()), rule.id);
      assert.ok(rule.help!.markdown.includes(`(${ruleDocsUrl(rule.id)})`));
      assert.ok(!rule.help!.text.includes('`'), 'plain help text has no markdown code marks');
      assert.ok(rule.fullDescription!.text.length > 20);
      assert.equal(rule.defaultConfiguration.level, { error: 'error', warning: 'warning', information: 'note', hint: 'note' }[meta.severity]);
    }
  });

  it('related locations, not-linted results and files outside the working folder stay valid', () => {
    const dir = workspace({
      'task-def.json': FARGATE_TASK.replace('"containerDefinitions": [', '"containerDefinitions": [\n    { "name": "web", "image": "nginx:1.27", "essential": true },'),
      'template.json': '{ "AWSTemplateFormatVersion": "2010-09-09", "Resources": {} }',
    });
    const { run } = sarifOf(['task-def.json', 'template.json'], dir);
    const results = run.results;
    const dup = results.find((r) => r.ruleId === 'duplicate-container-name');
    assert.ok(dup?.relatedLocations?.length, 'duplicate-container-name points at the other container');
    const notLinted = results.find((r) => r.ruleId === 'not-linted');
    assert.ok(notLinted, 'CloudFormation templates get a not-linted note');
    assert.equal(run.tool.driver.rules[notLinted!.ruleIndex].id, 'not-linted');
    const outside = workspace({ 'x/task-def.json': WARNING_ONLY_TASK });
    const other = sarifOf([join(outside, 'x/task-def.json')], dir).run.results;
    assert.equal(other[0].locations[0].physicalLocation.artifactLocation.uri, pathToFileURL(join(outside, 'x/task-def.json')).href);
    assert.equal(other[0].locations[0].physicalLocation.artifactLocation.uriBaseId, undefined);
  });

  it('a clean run is a valid log with no results', () => {
    const dir = workspace({ 'containers.json': CONTAINER_ARRAY.replace(', "privileged": true', '') });
    const { status, run } = sarifOf(['--quiet', '.'], dir);
    assert.equal(status, 0);
    assert.deepEqual(run.results, []);
    assert.deepEqual(run.tool.driver.rules, []);
  });
});

describe('--format github', () => {
  it('one workflow command per problem: severity, file relative to the working folder, range and rule', () => {
    const dir = workspace({ 'infra/task-def.json': FARGATE_TASK });
    const r = spawnCli(['lint', '--format', 'github', 'infra'], { cwd: dir });
    assert.equal(r.status, 1);
    const lines = r.stdout.trimEnd().split('\n');
    assert.ok(lines.slice(0, -1).every((l) => /^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=ecs-taskdef\(.+\)::.+$/.test(l)), r.stdout);
    assert.ok(lines.includes(`::error file=infra/task-def.json,line=8,col=60,endLine=8,endColumn=65,title=ecs-taskdef(wrong-type)::'essential' must be a boolean; got a string "yes".`), r.stdout);
    assert.ok(lines.some((l) => l.startsWith('::warning ') && l.includes('title=ecs-taskdef(image-mutable-tag)')));
    // Hints are left out by default; a plain log line (not an annotation) says how many.
    assert.ok(!lines.some((l) => l.startsWith('::notice ')), r.stdout);
    assert.match(lines[lines.length - 1], /^ecs-taskdef: \d+ hints not shown; --min-severity hint shows them$/);
    const all = spawnCli(['lint', '--format', 'github', '--min-severity', 'hint', 'infra'], { cwd: dir });
    const allLines = all.stdout.trimEnd().split('\n');
    assert.ok(allLines.some((l) => l.startsWith('::notice ') && l.includes('title=ecs-taskdef(readonly-root-filesystem)')), 'hints become notices when asked for');
    assert.ok(allLines.every((l) => l.startsWith('::')), 'nothing left out, nothing to say');
  });

  it('escapes %, newlines, colons and commas the way the Actions toolkit does', () => {
    const dir = workspace({ 'a,b:c%.json': '{ "family": "x", "containerDefinitions": [ { "name": "web", "image": "nginx:1.27", "essential": "yes" } ] }' });
    const r = spawnCli(['lint', '--format', 'github', '--quiet', 'a,b:c%.json'], { cwd: dir });
    assert.match(r.stdout, /^::error file=a%2Cb%3Ac%25\.json,line=1,/);
    const clean = spawnCli(['lint', '--format', 'github', '--quiet', '.'], { cwd: workspace({ 'task-def.json': WARNING_ONLY_TASK }) });
    assert.equal(clean.status, 0, clean.stderr);
    assert.equal(clean.stdout, '', 'no problems → no output');
  });
});

describe('--format json keeps its contract', () => {
  it('file, kind, launchType, diagnostics[code, severity, message, range, fixes[title, preferred]]', () => {
    const dir = workspace({ 'task-def.json': FARGATE_TASK });
    const r = spawnCli(['lint', '--format', 'json', 'task-def.json'], { cwd: dir });
    const [file] = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(file), ['file', 'kind', 'launchType', 'diagnostics']);
    for (const d of file.diagnostics) {
      assert.deepEqual(Object.keys(d), ['code', 'severity', 'message', 'range', 'fixes']);
      assert.deepEqual(Object.keys(d.range), ['start', 'end']);
      for (const f of d.fixes) assert.deepEqual(Object.keys(f), ['title', 'preferred']);
    }
  });
});
