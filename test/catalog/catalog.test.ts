/**
 * Meta-tests over the whole rule catalog: metadata, fixtures, generated docs, README table, rule index, and
 * coverage of the catalog ids (RULES.md §3, copied to catalog-ids.json so CI needs nothing outside the repo).
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT, RULES_END, RULES_START, renderDocs, severityCell, severitySubCases, staleRulePages } from '../../scripts/gen-docs';
import { ALL_RULES } from '../../server/src/core/rules';
import { SEVERITIES } from '../../server/src/core/types';
import catalog from './catalog-ids.json';

const RULES_DIR = join(REPO_ROOT, 'server', 'src', 'core', 'rules');
const FIXTURES_DIR = join(REPO_ROOT, 'test', 'fixtures', 'rules');
const STALE = 'stale: run `npm run docs` and commit the result';

const catalogIds = catalog.rules.map((r) => r.id);
const implemented = new Map(ALL_RULES.map((r) => [r.id, r]));

/** `- \`rule-id\` — reason` lines of docs/not-implemented.md. */
function notImplemented(): Map<string, string> {
  const text = readFileSync(join(REPO_ROOT, 'docs', 'not-implemented.md'), 'utf8');
  const out = new Map<string, string>();
  for (const m of text.matchAll(/^- `([a-z0-9-]+)` — (.*)$/gm)) out.set(m[1], m[2].trim());
  return out;
}

describe('catalog id list (test/catalog/catalog-ids.json)', () => {
  it('holds the 92 distinct ids of RULES.md §3, issue 14, issue 15 (the workflow and service rules) and issue 17 (service-task-definition-format)', () => {
    assert.equal(catalog.count, catalog.rules.length);
    assert.equal(catalogIds.length, 92);
    assert.equal(new Set(catalogIds).size, catalogIds.length, 'duplicate id in catalog-ids.json');
  });
});

describe('rule metadata', () => {
  it('ids are unique and each rule lives in <id>.ts', () => {
    assert.equal(implemented.size, ALL_RULES.length, 'two rules share an id');
    const files = readdirSync(RULES_DIR)
      .filter((f) => f.endsWith('.ts') && !['index.ts', 'rule.ts'].includes(f) && !f.startsWith('_'))
      .sort();
    assert.deepEqual(ALL_RULES.map((r) => `${r.id}.ts`), files, 'ALL_RULES (in index order) must match the rule file names');
  });

  for (const rule of ALL_RULES) {
    describe(rule.id, () => {
      it('has a kebab-case id without severity words', () => {
        assert.match(rule.id, /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
        assert.doesNotMatch(rule.id, /(^|-)(error|errors|warn|warning|warnings|info|information|hint|hints|severity)(-|$)/);
      });
      it('has a known severity, kinds and launch types', () => {
        assert.ok(SEVERITIES.includes(rule.severity), `severity ${rule.severity}`);
        assert.ok(rule.kinds.length > 0, 'kinds must not be empty');
        for (const k of rule.kinds) assert.ok(['R', 'D', 'A', 'W', 'S'].includes(k), `kind ${k}`);
        // Workflow rules run through checkWorkflow, service rules through checkService; neither judges a task definition.
        assert.equal(rule.kinds.includes('W'), !!rule.checkWorkflow, 'kind W ⇔ checkWorkflow');
        assert.equal(rule.kinds.includes('S'), !!rule.checkService, 'kind S ⇔ checkService');
        if (rule.kinds.includes('W') || rule.kinds.includes('S')) assert.deepEqual(rule.kinds.filter((k) => k !== 'W' && k !== 'S'), [], 'a deployment rule is of kinds W and S only');
        assert.equal(new Set(rule.kinds).size, rule.kinds.length, 'repeated kind');
        if (rule.launch !== 'any') {
          assert.ok(rule.launch.length > 0, "launch list must not be empty (use 'any')");
          for (const l of rule.launch) assert.ok(['F', 'E', 'X', 'M', 'U'].includes(l), `launch ${l}`);
        }
        for (const s of rule.subCases ?? []) assert.ok(s.trim().length > 0, 'empty sub-case');
      });
      it('has a one-line summary and docs of at least 200 characters', () => {
        assert.ok(rule.summary.trim().length > 0 && !rule.summary.includes('\n'), 'summary must be one non-empty line');
        assert.ok(rule.docs.trim().length >= 200, `docs are ${rule.docs.trim().length} characters`);
      });
      it('has bad and good examples', () => {
        assert.ok(rule.examples?.bad.trim(), 'examples.bad missing');
        assert.ok(rule.examples?.good.trim(), 'examples.good missing');
        assert.notEqual(rule.examples!.bad.trim(), rule.examples!.good.trim(), 'bad and good examples are identical');
      });
      it('has at least one bad and one good fixture', () => {
        const dir = join(FIXTURES_DIR, rule.id);
        const files = existsSync(dir) ? readdirSync(dir) : [];
        // A workflow rule's fixture is a folder: a small repository with .github/workflows and the files it links.
        const folders = rule.kinds.includes('W') || rule.kinds.includes('S');
        const shape = folders ? /^(bad|good)-[^.]+$/ : /^(bad|good)-.*\.jsonc?$/;
        const what = folders ? '-*/ folder' : '-*.json[c]';
        assert.ok(files.some((f) => f.startsWith('bad-') && shape.test(f)), `no test/fixtures/rules/${rule.id}/bad${what}`);
        assert.ok(files.some((f) => f.startsWith('good-') && shape.test(f)), `no test/fixtures/rules/${rule.id}/good${what}`);
      });
      it('matches the catalog row (severity, kinds, launch types)', () => {
        const row = catalog.rules.find((r) => r.id === rule.id);
        assert.ok(row, `${rule.id} is not a catalog id`);
        assert.equal(rule.severity, row.severity, 'default severity differs from RULES.md §3');
        const kinds = row.kinds.match(/\b[RDAWS]\b/g) ?? [];
        assert.deepEqual([...rule.kinds].sort(), [...kinds].sort(), `kinds differ from RULES.md §3 (${row.kinds})`);
        const launch = expectedLaunch(row.launch);
        if (launch) assert.deepEqual(rule.launch === 'any' ? 'any' : [...rule.launch].sort(), launch, `launch differs from RULES.md §3 (${row.launch})`);
      });
    });
  }
});

/** The launch cell as data, or undefined when the cell is prose ("per trigger", "F (a: any)"). */
function expectedLaunch(cell: string): 'any' | string[] | undefined {
  if (/^any\b/.test(cell)) return 'any';
  if (/^[FEXMU]( [FEXMU])*$/.test(cell)) return cell.split(' ').sort();
  return undefined;
}

describe('fixtures', () => {
  it('every fixture folder belongs to a rule', () => {
    const dirs = existsSync(FIXTURES_DIR) ? readdirSync(FIXTURES_DIR) : [];
    assert.deepEqual(dirs.filter((d) => !implemented.has(d)), [], 'fixture folders without a rule');
  });
});

describe('catalog coverage (RULES.md §3 ↔ server/src/core/rules ↔ docs/not-implemented.md)', () => {
  const missing = notImplemented();
  for (const id of catalogIds) {
    it(`${id} is implemented or listed in docs/not-implemented.md`, () => {
      assert.ok(implemented.has(id) || missing.has(id), `${id}: add server/src/core/rules/${id}.ts, or list it with a reason in docs/not-implemented.md`);
    });
  }
  it('no rule exists outside the catalog', () => {
    assert.deepEqual(ALL_RULES.map((r) => r.id).filter((id) => !catalogIds.includes(id)), []);
  });
  it('docs/not-implemented.md lists only catalog ids that are really missing, each with a reason', () => {
    for (const [id, reason] of missing) {
      assert.ok(catalogIds.includes(id), `${id} is not a catalog id`);
      assert.ok(!implemented.has(id), `${id} is implemented; remove it from docs/not-implemented.md`);
      assert.ok(reason.length >= 10, `${id}: give a reason`);
    }
  });
});

describe('generated docs', () => {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const expected = renderDocs(ALL_RULES, readme);
  for (const [path, text] of expected) {
    it(`${path} is up to date`, () => {
      const file = join(REPO_ROOT, path);
      assert.ok(existsSync(file), `${path} is missing: run \`npm run docs\``);
      assert.ok(readFileSync(file, 'utf8') === text, `${path} is ${STALE}`);
    });
  }
  it('docs/rules/ holds no page for a rule that does not exist', () => {
    assert.deepEqual(staleRulePages(ALL_RULES, readdirSync(join(REPO_ROOT, 'docs', 'rules'))), [], STALE);
  });
  it('the README rules table has one row per rule', () => {
    const block = readme.slice(readme.indexOf(RULES_START), readme.indexOf(RULES_END));
    const rows = [...block.matchAll(/^\| \[`([a-z0-9-]+)`\]\(docs\/rules\/\1\.md\) \| (\w+)( \([^|]*\))? \|/gm)];
    assert.deepEqual(rows.map((m) => m[1]).sort(), ALL_RULES.map((r) => r.id).sort(), `README rules table is ${STALE}`);
    for (const m of rows) assert.equal(m[2], implemented.get(m[1])!.severity, `README severity of ${m[1]}`);
  });
  it('the README rules table says where the severity depends on context', () => {
    const block = readme.slice(readme.indexOf(RULES_START), readme.indexOf(RULES_END));
    const withSubCases = ALL_RULES.filter((r) => severitySubCases(r).length > 0);
    assert.ok(withSubCases.some((r) => r.id === 'image-mutable-tag'), 'image-mutable-tag turns warning when versionConsistency is disabled');
    for (const r of withSubCases) {
      const row = block.split('\n').find((l) => l.startsWith(`| [\`${r.id}\`]`)) ?? '';
      for (const [sev] of severitySubCases(r)) assert.match(row, new RegExp(`^\\| \\S+ \\| ${r.severity} \\(.*\\b${sev}: `), `${r.id}: the ${sev} sub-case is missing from its README row`);
    }
    assert.equal(severityCell(ALL_RULES.find((r) => r.id === 'wrong-type')!), 'error (warning: a numeric string where an integer is expected)');
  });
});

describe('rule index', () => {
  it('server/src/core/rules/index.ts equals the output of scripts/gen-rule-index.mjs', async () => {
    const gen = (await import(pathToFileURL(join(REPO_ROOT, 'scripts', 'gen-rule-index.mjs')).href)) as { ruleIndexSource(): string };
    const current = readFileSync(join(RULES_DIR, 'index.ts'), 'utf8');
    assert.ok(current === gen.ruleIndexSource(), 'rules/index.ts is stale: run `node scripts/gen-rule-index.mjs` (or `npm run docs`)');
  });
});
