/**
 * The fuzz properties as fast-check properties, with the share of cases each gets. The seeded run in
 * `npm test` (fuzz.test.ts) and `npm run fuzz` (scripts/fuzz.ts) run exactly these.
 */
import fc from 'fast-check';
import { anyText, editorEdit, wellFormedText } from './arbitraries';
import { checkCore, checkFix, checkFixAllIdempotent, checkIncremental, fixesOf } from './properties';
import { checkJsonTemplateCore, checkJsonTemplateFixes, checkYamlCore, checkYamlFixes, jsonTemplateText, yamlTemplateText } from './yaml-templates';
import { checkTerraformCore, checkTerraformFixes, terraformText } from './terraform-files';
import { checkIndexOps, checkManyLinks, indexOps } from './workspace-index';

export interface FuzzProperty {
  name: string;
  /** Share of the total case count. */
  share: number;
  property: fc.IPropertyWithHooks<never>;
  /** Re-runs the check on one text (for minimizing a failure), when the property takes a single text. */
  recheck?: (text: string) => void;
}

const allFixes = (text: string) => {
  const out = checkCore(text);
  for (const [d, f] of fixesOf(out, Infinity, () => 0)) checkFix(text, out, d, f);
};

export const PROPERTIES: FuzzProperty[] = [
  {
    name: 'core: never throws, ranges inside the document, same text same diagnostics',
    share: 0.28,
    property: fc.property(anyText, (text) => {
      checkCore(text);
    }) as fc.IPropertyWithHooks<never>,
    recheck: (text) => void checkCore(text),
  },
  {
    name: 'fixes: parse, keep comments, no new errors of another rule',
    share: 0.24,
    property: fc.property(wellFormedText, fc.infiniteStream(fc.nat()), (text, picks) => {
      const out = checkCore(text);
      const it = picks[Symbol.iterator]();
      for (const [d, f] of fixesOf(out, 6, (n) => it.next().value % n)) checkFix(text, out, d, f);
    }) as fc.IPropertyWithHooks<never>,
    recheck: allFixes,
  },
  {
    name: 'fix-all twice equals once',
    share: 0.1,
    property: fc.property(wellFormedText, (text) => checkFixAllIdempotent(text)) as fc.IPropertyWithHooks<never>,
    recheck: checkFixAllIdempotent,
  },
  {
    name: 'incremental edits: same text as plain edits, diagnostics inside the document',
    share: 0.12,
    property: fc.property(fc.oneof(wellFormedText, anyText), fc.array(editorEdit, { minLength: 1, maxLength: 6 }), (text, edits) =>
      checkIncremental(text, edits),
    ) as fc.IPropertyWithHooks<never>,
  },
  {
    name: 'YAML templates: never throws, ranges inside the document, same text same diagnostics',
    share: 0.1,
    property: fc.property(yamlTemplateText, (text) => {
      checkYamlCore(text);
    }) as fc.IPropertyWithHooks<never>,
    recheck: (text) => void checkYamlCore(text),
  },
  {
    name: 'YAML fixes: the template still parses, comments stay, the finding goes',
    share: 0.04,
    property: fc.property(yamlTemplateText, fc.infiniteStream(fc.nat()), (text, picks) => {
      const it = picks[Symbol.iterator]();
      checkYamlFixes(text, 6, (n) => it.next().value % n);
    }) as fc.IPropertyWithHooks<never>,
    recheck: (text) => checkYamlFixes(text),
  },
  {
    name: 'Terraform files: never throws, ranges inside the document, one syntax error at most, same text same diagnostics',
    share: 0.04,
    property: fc.property(terraformText, (text) => {
      checkTerraformCore(text);
    }) as fc.IPropertyWithHooks<never>,
    recheck: (text) => void checkTerraformCore(text),
  },
  {
    name: 'Terraform fixes: the file still parses and comments stay',
    share: 0.02,
    property: fc.property(terraformText, fc.infiniteStream(fc.nat()), (text, picks) => {
      const it = picks[Symbol.iterator]();
      checkTerraformFixes(text, 6, (n) => it.next().value % n);
    }) as fc.IPropertyWithHooks<never>,
    recheck: (text) => checkTerraformFixes(text),
  },
  {
    name: 'cross-file index: random edits, renames and deletions; no stale answer, no lost rename edit',
    share: 0.02,
    property: fc.property(indexOps, (ops) => checkIndexOps(ops)) as fc.IPropertyWithHooks<never>,
  },
  {
    name: 'cross-file index: one task definition linked from 1,000 workflows',
    share: 0.0003,
    property: fc.property(fc.constant(1000), (n) => checkManyLinks(n)) as fc.IPropertyWithHooks<never>,
  },
  {
    name: 'JSON templates: never throws, ranges inside the document, same text same diagnostics',
    share: 0.05,
    property: fc.property(jsonTemplateText, (text) => {
      checkJsonTemplateCore(text);
    }) as fc.IPropertyWithHooks<never>,
    recheck: (text) => void checkJsonTemplateCore(text),
  },
  {
    name: 'JSON template fixes: the template still parses, the finding goes',
    share: 0.03,
    property: fc.property(jsonTemplateText, fc.infiniteStream(fc.nat()), (text, picks) => {
      const it = picks[Symbol.iterator]();
      checkJsonTemplateFixes(text, 6, (n) => it.next().value % n);
    }) as fc.IPropertyWithHooks<never>,
    recheck: (text) => checkJsonTemplateFixes(text),
  },
];

export interface PropertyResult {
  name: string;
  runs: number;
  ms: number;
  failure?: { seed: number; path?: string; message: string; counterexample: string };
}

/** Runs one property for `runs` cases from `seed`; never throws, reports the failure instead. */
export function runProperty(p: FuzzProperty, runs: number, seed: number): PropertyResult {
  const start = performance.now();
  const details = fc.check(p.property, { numRuns: runs, seed, endOnFailure: false });
  const ms = Math.round(performance.now() - start);
  if (!details.failed) return { name: p.name, runs: details.numRuns, ms };
  const example = details.counterexample?.[0];
  return {
    name: p.name,
    runs: details.numRuns,
    ms,
    failure: {
      seed: details.seed,
      path: details.counterexamplePath ?? undefined,
      message: (details.errorInstance as unknown as Error | undefined)?.message ?? String(details.errorInstance),
      counterexample: typeof example === 'string' ? example : JSON.stringify(details.counterexample),
    },
  };
}
