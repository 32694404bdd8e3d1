/** Pure parts of "Lint all task definitions in workspace": which files to look at, batching, the summary. */

/** Candidate files; the content check (core/documents/file-detection.ts `shouldLint`) decides which ones are task definitions or templates. */
export const WORKSPACE_INCLUDE = '**/*.{json,jsonc,json.tpl,yaml,yml,template}';
/** Folders that hold dependencies or build output, never hand-written task definitions. */
export const EXCLUDED_FOLDERS = ['node_modules', '.git', '.hg', '.svn', 'dist', 'out', 'build', 'coverage', 'cdk.out', '.terraform', '.venv', 'venv', '__pycache__'] as const;
export const WORKSPACE_EXCLUDE = `**/{${EXCLUDED_FOLDERS.join(',')}}/**`;
/** How long a file must stay unchanged on disk before its workspace result is renewed (a checkout writes many). */
export const DISK_CHANGE_SETTLE_MS = 300;

/** True when a path (of a file event) lies in a folder the workspace lint skips. */
export function isExcludedPath(path: string): boolean {
  const folders = path.split(/[\\/]/).slice(0, -1);
  return folders.some((f) => (EXCLUDED_FOLDERS as readonly string[]).includes(f));
}

/**
 * Runs `act` once per key after `quietMs` without another `touch` of that key: many writes to one file (a
 * checkout, a formatter, a save) give one re-lint.
 */
export class Settle<K> {
  private readonly timers = new Map<K, ReturnType<typeof setTimeout>>();
  constructor(
    private readonly quietMs: number,
    private readonly act: (key: K) => void,
  ) {}

  touch(key: K): void {
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.act(key);
      }, this.quietMs),
    );
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}
/** Upper bound on candidate files, so a huge monorepo cannot stall the editor. */
export const MAX_CANDIDATE_FILES = 5000;
/** Files larger than this are skipped (the server would only check their syntax anyway). */
export const MAX_CANDIDATE_BYTES = 4 * 1024 * 1024;
/** Files per server request: small enough to report progress and to cancel quickly. */
export const BATCH_SIZE = 25;

export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (size < 1) throw new Error('chunk size must be at least 1');
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export interface FileOutcome {
  linted: boolean;
  /** LSP severities: 1 error, 2 warning, 3 information, 4 hint. */
  severities: number[];
}

export interface WorkspaceLintSummary {
  files: number;
  errors: number;
  warnings: number;
  others: number;
  filesWithProblems: number;
}

export function summarize(outcomes: readonly FileOutcome[]): WorkspaceLintSummary {
  const s: WorkspaceLintSummary = { files: 0, errors: 0, warnings: 0, others: 0, filesWithProblems: 0 };
  for (const o of outcomes) {
    if (!o.linted) continue;
    s.files++;
    if (o.severities.length) s.filesWithProblems++;
    for (const sev of o.severities) {
      if (sev === 1) s.errors++;
      else if (sev === 2) s.warnings++;
      else s.others++;
    }
  }
  return s;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function summaryMessage(s: WorkspaceLintSummary, skippedOpen: number, cancelled = false): string {
  const head = cancelled ? 'Cancelled after linting' : 'Linted';
  if (s.files === 0 && skippedOpen === 0) return cancelled ? 'Cancelled before any task definition was linted.' : 'No task definitions found in the workspace.';
  const found = `${head} ${plural(s.files, 'task definition')}`;
  const open = skippedOpen ? ` (plus ${skippedOpen} open in the editor, checked there)` : '';
  const problems = s.errors + s.warnings + s.others === 0
    ? 'no problems'
    : `${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')} and ${plural(s.others, 'other finding')} in ${plural(s.filesWithProblems, 'file')}`;
  return `${found}${open}: ${problems}.`;
}
