/**
 * Rule fixtures: test/fixtures/rules/<rule-id>/{bad,good}-<case>.json[c].
 * In a bad fixture, every line that must carry a diagnostic of that rule ends with a marker comment
 * `// <- <rule-id>` (optionally `// <- <rule-id> <severity>`); the diagnostic must START on that line.
 * A good fixture must produce no diagnostic of that rule. A first-line comment
 * `// ecs-taskdef: launchType=FARGATE` sets the launch type of a container array.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const FIXTURE_ROOT = join(__dirname, '..', 'fixtures', 'rules');

export interface Fixture {
  ruleId: string;
  file: string;
  kind: 'bad' | 'good';
  text: string;
  /** Expected (0-based line, severity?) pairs for bad fixtures. */
  expected: Array<{ line: number; severity?: string }>;
}

const MARKER = /\/\/\s*<-\s*([a-z0-9-]+)(?:\s+(error|warning|information|hint))?/g;

export function loadFixtures(): Fixture[] {
  const out: Fixture[] = [];
  let dirs: string[] = [];
  try {
    dirs = readdirSync(FIXTURE_ROOT).filter((d) => statSync(join(FIXTURE_ROOT, d)).isDirectory());
  } catch {
    return out;
  }
  for (const ruleId of dirs.sort()) {
    for (const f of readdirSync(join(FIXTURE_ROOT, ruleId)).sort()) {
      const m = /^(bad|good)-.*\.jsonc?$/.exec(f);
      if (!m) continue;
      const text = readFileSync(join(FIXTURE_ROOT, ruleId, f), 'utf8');
      const expected: Fixture['expected'] = [];
      text.split(/\r?\n/).forEach((line, i) => {
        for (const mm of line.matchAll(MARKER)) if (mm[1] === ruleId) expected.push({ line: i, severity: mm[2] });
      });
      out.push({ ruleId, file: join(ruleId, f), kind: m[1] as 'bad' | 'good', text, expected });
    }
  }
  return out;
}
