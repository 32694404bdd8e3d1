/**
 * The Terraform row of `npm run bench`: a .tf file linted (HCL parse, conversion, every rule) against tree-sitter's
 * plain parse of the same text, in process. The HCL parser is loaded once before (as the CLI and server do).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from '../../server/src/core/lint';
import { parseHcl } from '../../server/src/core/syntax/hcl';
import { initHclFromDisk } from '../../server/src/lsp/node/hcl-wasm';
import { fixtureToTerraform } from '../../test/helpers/tf-hcl';
import { ratio, summarize, type Summary } from './stats';

export interface TerraformRow {
  name: string;
  bytes: number;
  treeSitterParse: Summary;
  lint: Summary;
  lintToParseMedian: number | undefined;
}

export async function measureTerraform(root: string, generatedJson: { name: string; text: string }, iterations: number): Promise<TerraformRow[]> {
  await initHclFromDisk();
  const docs = [
    { name: 'regression jsonencode-quoted-keys.tf', text: readFileSync(join(root, 'test', 'regression', 'terraform', 'files', 'jsonencode-quoted-keys.tf'), 'utf8') },
    { name: `${generatedJson.name} as .tf (jsonencode)`, text: fixtureToTerraform(generatedJson.text)?.text ?? '' },
  ];
  return docs.map((d) => {
    const parse: number[] = [];
    const full: number[] = [];
    for (let i = 0; i < iterations + 5; i++) {
      let t = performance.now();
      parseHcl(d.text)?.delete();
      const p = performance.now() - t;
      t = performance.now();
      lint(d.text, { fileName: 'main.tf' });
      const l = performance.now() - t;
      if (i >= 5) {
        parse.push(p);
        full.push(l);
      }
    }
    const treeSitterParse = summarize(parse);
    const lintS = summarize(full);
    return { name: d.name, bytes: d.text.length, treeSitterParse, lint: lintS, lintToParseMedian: ratio(lintS.median, treeSitterParse.median) };
  });
}
