/** Starting texts for mutation: the real-world corpus, every rule fixture (each triggers its rule and fix), examples, snippets. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

function filesUnder(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) filesUnder(p, out);
    else if (/\.(json|jsonc|tpl)$/.test(name)) out.push(p);
  }
  return out;
}

export interface Seed {
  name: string;
  text: string;
}

let cache: Seed[] | undefined;

export function loadSeeds(): Seed[] {
  if (cache) return cache;
  const dirs = ['test/corpus/files', 'test/fixtures/rules', 'examples'];
  const paths = dirs.flatMap((d) => filesUnder(join(ROOT, d)));
  cache = paths.map((p) => ({ name: p.slice(ROOT.length + 1), text: readFileSync(p, 'utf8') }));
  return cache;
}

let templates: Seed[] | undefined;

/**
 * Real CloudFormation templates to mutate as they are (services, load balancers, parameters, anchors, comments):
 * the template fixtures of the rules and the public templates of the regression folder, YAML and JSON.
 */
export function loadTemplateSeeds(): Seed[] {
  if (templates) return templates;
  const paths: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(ya?ml|json|template)$/.test(name)) paths.push(p);
    }
  };
  walk(join(ROOT, 'test/fixtures/rules'));
  walk(join(ROOT, 'test/regression/cloudformation/files'));
  templates = paths
    .map((p) => ({ name: p.slice(ROOT.length + 1), text: readFileSync(p, 'utf8') }))
    .filter((s) => /AWS::ECS::TaskDefinition/.test(s.text));
  return templates;
}
