/**
 * Rule fixtures: test/fixtures/rules/<rule-id>/{bad,good}-<case>.json[c].
 * In a bad fixture, every line that must carry a diagnostic of that rule ends with a marker comment
 * `// <- <rule-id>` (optionally `// <- <rule-id> <severity>`); the diagnostic must START on that line.
 * A good fixture must produce no diagnostic of that rule. A first-line comment
 * `// ecs-taskdef: launchType=FARGATE` sets the launch type of a container array.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
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
      out.push({ ruleId, file: join(ruleId, f), kind: m[1] as 'bad' | 'good', text, expected: expectedLines(text, ruleId, [MARKER]) });
    }
  }
  return out;
}

/** The lines of `text` that end with a marker for `ruleId`, with the severity the marker names. */
function expectedLines(text: string, ruleId: string, markers: readonly RegExp[]): Fixture['expected'] {
  const expected: Fixture['expected'] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    for (const re of markers) for (const mm of line.matchAll(re)) if (mm[1] === ruleId) expected.push({ line: i, severity: mm[2] });
  });
  return expected;
}

/** The fixture folders of workflow and service rules: test/fixtures/rules/<rule-id>/{bad,good}-<case>/. */
function* caseFolders(): Generator<{ ruleId: string; file: string; kind: 'bad' | 'good'; root: string }> {
  for (const ruleId of readdirSync(FIXTURE_ROOT).sort()) {
    const ruleDir = join(FIXTURE_ROOT, ruleId);
    if (!statSync(ruleDir).isDirectory()) continue;
    for (const f of readdirSync(ruleDir).sort()) {
      const m = /^(bad|good)-/.exec(f);
      const root = join(ruleDir, f);
      if (m && statSync(root).isDirectory()) yield { ruleId, file: join(ruleId, f), kind: m[1] as 'bad' | 'good', root };
    }
  }
}

/**
 * Workflow-rule fixtures (kind W): test/fixtures/rules/<rule-id>/{bad,good}-<case>/, each a small repository whose
 * `.github/workflows/*.yml` marks expected lines with `# <- <rule-id> [severity]`.
 */
export interface WorkflowFixture extends Omit<Fixture, 'text'> {
  /** The fixture repository's folder. */
  root: string;
  workflows: Array<{ path: string; text: string; expected: Fixture['expected'] }>;
}

const YAML_MARKER = /#\s*<-\s*([a-z0-9-]+)(?:\s+(error|warning|information|hint))?/g;

export function loadWorkflowFixtures(): WorkflowFixture[] {
  const out: WorkflowFixture[] = [];
  for (const c of caseFolders()) {
    const wfDir = join(c.root, '.github', 'workflows');
    if (!existsSync(wfDir)) continue; // a service fixture (loadServiceFixtures)
    const workflows = readdirSync(wfDir)
      .filter((n) => /\.ya?ml$/.test(n))
      .sort()
      .map((n) => {
        const text = readFileSync(join(wfDir, n), 'utf8');
        return { path: join(wfDir, n), text, expected: expectedLines(text, c.ruleId, [YAML_MARKER]) };
      });
    out.push({ ...c, workflows, expected: workflows.flatMap((w) => w.expected) });
  }
  return out;
}

/**
 * Service-rule fixtures (kind S): test/fixtures/rules/<rule-id>/{bad,good}-<case>/ without `.github`, each a folder
 * with a deploying file (appspec.yaml|json, a service definition JSON; ecspresso.yml may link them) and the task
 * definition it runs. Expected lines end with `# <- <rule-id>` (YAML) or `// <- <rule-id>` (JSONC).
 */
export interface ServiceFixture extends Omit<Fixture, 'text'> {
  root: string;
  files: Array<{ path: string; text: string; expected: Fixture['expected'] }>;
}

export function loadServiceFixtures(isDeployFile: (path: string, text: string) => boolean): ServiceFixture[] {
  const out: ServiceFixture[] = [];
  for (const c of caseFolders()) {
    if (existsSync(join(c.root, '.github'))) continue; // a workflow fixture (loadWorkflowFixtures)
    const files = readdirSync(c.root)
      .sort()
      .map((n) => ({ path: join(c.root, n), text: readFileSync(join(c.root, n), 'utf8') }))
      .filter((x) => isDeployFile(x.path, x.text))
      .map((x) => ({ ...x, expected: expectedLines(x.text, c.ruleId, [YAML_MARKER, MARKER]) }));
    out.push({ ...c, files, expected: files.flatMap((x) => x.expected) });
  }
  return out;
}
