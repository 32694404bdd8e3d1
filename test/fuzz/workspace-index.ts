/**
 * The cross-file index under abuse: random sequences of edits (whole rewrites and raw character splices), renames
 * and deletions across task definitions and the workflows that link them (also to themselves, to missing files and
 * out of the repository). After every step:
 *   - nothing threw;
 *   - no stale answer: the index that saw the whole history answers every question (linked tasks, dependents,
 *     deploy contexts, container occurrences) exactly like an index built afresh from the files as they are now;
 *   - a rename loses no edit: every occurrence of the old name becomes the new name, edits never overlap, nothing
 *     else changes, and afterwards the new name has as many occurrences as the old one had.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isRenamableName } from '../../server/src/core/workspace/task-summary';
import { WorkspaceIndex } from '../../server/src/core/workspace/workspace-index';

const ROOT = '/r';
const TASKS = ['/r/.aws/a.json', '/r/.aws/b.json', '/r/svc/c.json'];
const WORKFLOWS = ['/r/.github/workflows/w0.yml', '/r/.github/workflows/w1.yml', '/r/.github/workflows/w2.yml'];
const NAMES = ['web', 'api', 'worker', 'log', 'web-2', '${APP}', ''];
const LINK_PATHS = ['.aws/a.json', './.aws/b.json', 'svc//c.json', '.github/workflows/w0.yml', '../outside.json', '.aws/missing.json', '${{ env.TD }}'];

const container = fc.record({
  name: fc.constantFrom(...NAMES),
  dependsOn: fc.option(fc.constantFrom(...NAMES), { nil: undefined }),
  link: fc.option(fc.constantFrom(...NAMES), { nil: undefined }),
  volumesFrom: fc.option(fc.constantFrom(...NAMES), { nil: undefined }),
});

const taskText = fc
  .record({ family: fc.constantFrom('shop', 'api', '${FAMILY}'), containers: fc.array(container, { minLength: 0, maxLength: 4 }), indent: fc.constantFrom(0, 2, '\t') })
  .map(({ family, containers, indent }) =>
    JSON.stringify(
      {
        family,
        containerDefinitions: containers.map((c) => ({
          name: c.name,
          image: 'x:1',
          ...(c.dependsOn !== undefined ? { dependsOn: [{ containerName: c.dependsOn, condition: 'START' }] } : {}),
          ...(c.link !== undefined ? { links: [`${c.link}:alias`] } : {}),
          ...(c.volumesFrom !== undefined ? { volumesFrom: [{ sourceContainer: c.volumesFrom }] } : {}),
        })),
      },
      null,
      indent,
    ),
  );

const step = fc.record({
  path: fc.constantFrom(...LINK_PATHS),
  name: fc.constantFrom(...NAMES),
  quote: fc.constantFrom('', "'", '"'),
  viaEnv: fc.boolean(),
  deploy: fc.boolean(),
});

const workflowText = fc.array(step, { minLength: 0, maxLength: 3 }).map((steps) => {
  // NAME at the workflow level is shared by every job that does not set its own: one value, several references.
  const lines = ['on: push', 'env:', '  TD: .aws/a.json', '  NAME: web', 'jobs:'];
  steps.forEach((s, i) => {
    lines.push(`  j${i}:`, '    runs-on: ubuntu-latest');
    if (s.viaEnv && s.quote !== '"') lines.push('    env:', `      NAME: ${s.quote}${s.name}${s.quote}`);
    lines.push(
      '    steps:',
      `      - id: r${i}`,
      '        uses: aws-actions/amazon-ecs-render-task-definition@v1',
      '        with:',
      `          task-definition: ${s.path}`,
      `          container-name: ${s.viaEnv ? '${{ env.NAME }}' : `${s.quote}${s.name}${s.quote}`}`,
      '          image: x',
    );
    if (s.deploy) lines.push('      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2', '        with:', `          task-definition: \${{ steps.r${i}.outputs.task-definition }}`);
  });
  return `${lines.join('\n')}\n`;
});

type Op =
  | { op: 'task'; i: number; text: string }
  | { op: 'workflow'; i: number; text: string }
  | { op: 'splice'; file: number; at: number; remove: number; insert: string }
  | { op: 'delete'; file: number }
  | { op: 'rename'; task: number; from: number; to: string }
  /** A workspace folder added or removed (the language server on didChangeWorkspaceFolders). */
  | { op: 'root'; root: string; add: boolean };

const ALL = [...TASKS, ...WORKFLOWS];

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant('task' as const), i: fc.nat(TASKS.length - 1), text: taskText }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('workflow' as const), i: fc.nat(WORKFLOWS.length - 1), text: workflowText }) },
  {
    weight: 2,
    arbitrary: fc.record({ op: fc.constant('splice' as const), file: fc.nat(ALL.length - 1), at: fc.nat(), remove: fc.nat(4), insert: fc.constantFrom('', '"', '}', 'web', '\n', ' ', 'name', ':', '[') }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('delete' as const), file: fc.nat(ALL.length - 1) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('rename' as const), task: fc.nat(TASKS.length - 1), from: fc.nat(), to: fc.constantFrom('renamed', 'api', 'x-1', 'web_2') }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('root' as const), root: fc.constantFrom(ROOT, '/r/svc', '/r/.github'), add: fc.boolean() }) },
);

export const indexOps = fc.array(op, { minLength: 1, maxLength: 12 });

/** Everything the index says, in a comparable form. */
function answers(index: WorkspaceIndex, files: ReadonlyMap<string, string>): unknown {
  const out: Record<string, unknown> = {};
  for (const path of [...files.keys()].sort()) {
    const task = index.task(path);
    out[path] = {
      linked: index.linkedTasks(path).sort(),
      dependents: index.dependents(path).sort(),
      contexts: index.deployContexts(path),
      occurrences: [...new Set(task?.containers.map((c) => c.name) ?? [])].sort().map((n) => index.occurrences(path, n).map((o) => `${o.path}:${o.range.offset}:${o.kind}`)),
    };
  }
  return out;
}

function fresh(files: ReadonlyMap<string, string>, roots: ReadonlySet<string>): WorkspaceIndex {
  const index = new WorkspaceIndex();
  for (const r of roots) index.addRoot(r);
  for (const [p, t] of files) index.set(p, t);
  return index;
}

export function checkIndexOps(ops: readonly Op[]): void {
  const index = new WorkspaceIndex();
  index.addRoot(ROOT);
  const roots = new Set([ROOT]);
  const files = new Map<string, string>();
  const set = (p: string, t: string) => {
    index.set(p, t);
    // The index keeps only files it has a use for; the model mirrors what was given.
    files.set(p, t);
  };
  for (const o of ops) {
    if (o.op === 'task') set(TASKS[o.i], o.text);
    else if (o.op === 'workflow') set(WORKFLOWS[o.i], o.text);
    else if (o.op === 'splice') {
      const path = ALL[o.file];
      const t = files.get(path);
      if (t === undefined) continue;
      const at = o.at % (t.length + 1);
      set(path, t.slice(0, at) + o.insert + t.slice(at + o.remove));
    } else if (o.op === 'delete') {
      index.delete(ALL[o.file]);
      files.delete(ALL[o.file]);
    } else if (o.op === 'root') {
      if (o.add) {
        index.addRoot(o.root);
        roots.add(o.root);
      } else {
        index.removeRoot(o.root);
        roots.delete(o.root);
      }
    } else rename(index, files, TASKS[o.task], o.from, o.to);
    assert.deepEqual(answers(index, files), answers(fresh(files, roots), files), `stale answer after ${JSON.stringify(o)}`);
  }
}

function rename(index: WorkspaceIndex, files: Map<string, string>, taskPath: string, pick: number, to: string): void {
  const task = index.task(taskPath);
  const names = [...new Set(task?.containers.map((c) => c.name) ?? [])];
  if (!task || task.broken || names.length === 0) return;
  const from = names[pick % names.length];
  // What the language server refuses: a templated or invalid name, a new name already taken.
  if (!isRenamableName(from) || from === to || names.includes(to)) return;
  const before = index.occurrences(taskPath, from);
  const byFile = new Map<string, typeof before>();
  for (const o of before) byFile.set(o.path, [...(byFile.get(o.path) ?? []), o]);
  const toCount = index.occurrences(taskPath, to).length;
  for (const [path, occ] of byFile) {
    const text = files.get(path)!;
    const sorted = [...occ].sort((a, b) => b.range.offset - a.range.offset);
    for (let i = 1; i < sorted.length; i++) assert.ok(sorted[i].range.offset + sorted[i].range.length <= sorted[i - 1].range.offset, `overlapping rename edits in ${path}`);
    let out = text;
    for (const o of sorted) {
      const old = out.slice(o.range.offset, o.range.offset + o.range.length);
      assert.ok(old.includes(from), `a rename edit of '${from}' covers '${old}' in ${path}`);
      out = out.slice(0, o.range.offset) + o.replacement(to) + out.slice(o.range.offset + o.range.length);
    }
    index.set(path, out);
    files.set(path, out);
  }
  // Every occurrence moved to the new name; none of the old name is left in what the rename touched.
  const after = index.occurrences(taskPath, to);
  assert.equal(after.length, before.length + toCount, `rename '${from}' → '${to}' in ${taskPath}: ${before.length} edits, ${after.length - toCount} occurrences after`);
  assert.equal(index.occurrences(taskPath, from).length, 0, `'${from}' is still used after the rename`);
}

/** One task definition linked from `n` workflows: every one is a dependent, and a rename edits each exactly once. */
export function checkManyLinks(n: number): void {
  const index = new WorkspaceIndex({ maxFiles: n + 10, maxFileSize: 1 << 20 });
  index.addRoot(ROOT);
  index.set(TASKS[0], JSON.stringify({ family: 'shop', containerDefinitions: [{ name: 'web', image: 'x:1' }] }));
  for (let i = 0; i < n; i++) {
    index.set(`/r/.github/workflows/d${i}.yml`, `on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: aws-actions/amazon-ecs-render-task-definition@v1\n        with:\n          task-definition: .aws/a.json\n          container-name: web\n          image: x\n`);
  }
  assert.equal(index.dependents(TASKS[0]).length, n);
  const occ = index.occurrences(TASKS[0], 'web');
  assert.equal(occ.length, n + 1);
  assert.equal(new Set(occ.map((o) => o.path)).size, n + 1);
}
