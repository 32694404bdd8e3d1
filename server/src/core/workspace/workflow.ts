/**
 * GitHub Actions workflows that deploy to ECS: the steps using aws-actions/amazon-ecs-render-task-definition and
 * aws-actions/amazon-ecs-deploy-task-definition, with their `task-definition` path and `container-name` resolved
 * from literals, `${{ env.X }}` (step, then job, then workflow `env:`) and a previous render step's output.
 * Anything else inside `${{ }}` stays unknown: rules skip it rather than guess.
 */
import type { Node } from 'jsonc-parser';
import { readYaml } from '../syntax/yaml';
import { child, entries, items, str } from '../syntax/tree';

export type EcsAction = 'render' | 'deploy';

/** A resolved input: its text and the node the user would edit (the `with:` value or the env value it came from). */
export interface Resolved {
  value: string;
  node: Node;
}

export interface EcsStep {
  action: EcsAction;
  /** The `uses:` value node. */
  uses: Node;
  /** The literal `task-definition` path (repository-relative, normalised), when it resolves to one. */
  taskDefinition?: Resolved;
  /** A render step's `container-name`, when it resolves to a literal. */
  containerName?: Resolved;
  /**
   * The file may be written by the job before this step (a `run:` naming it, a downloaded artifact, a checkout into
   * a sub-folder): the repository's copy, if any, is not what the action reads.
   */
  generated: boolean;
}

export interface WorkflowModel {
  steps: EcsStep[];
}

const ACTION = /^aws-actions\/amazon-ecs-(render|deploy)-task-definition(@|$)/;
const ENV_REF = /^\s*env\.([A-Za-z_][A-Za-z0-9_]*)\s*$/;
const STEP_OUTPUT = /^\s*steps\.([A-Za-z_][A-Za-z0-9_-]*)\.outputs\.task-definition\s*$/;
/** Actions that put files into the workspace: after them, a path may name a file the repository does not hold. */
const WRITES_FILES = /^actions\/download-artifact(@|$)/;

/** Cheap test before parsing: the text names one of the two actions. */
export function mentionsEcsActions(text: string): boolean {
  return /aws-actions\/amazon-ecs-(render|deploy)-task-definition/.test(text);
}

/** True for `.github/workflows/<name>.yml|yaml` (any folder above `.github`). */
export function isWorkflowPath(path: string): boolean {
  return /(^|[\\/])\.github[\\/]workflows[\\/][^\\/]+\.ya?ml$/i.test(path);
}

/** The ECS deploy steps of a workflow text; an unreadable file has none. */
export function readWorkflow(text: string): WorkflowModel {
  if (!mentionsEcsActions(text)) return { steps: [] };
  const root = readYaml(text).root;
  const out: EcsStep[] = [];
  const workflowEnv = child(root, 'env');
  for (const [, , job] of entries(child(root, 'jobs'))) {
    const jobEnv = child(job, 'env');
    const byId = new Map<string, EcsStep>();
    let writer = false; // a step before this one may have written files
    const runs: string[] = [];
    for (const step of items(child(job, 'steps'))) {
      const uses = child(step, 'uses');
      const usesText = str(uses)?.trim() ?? '';
      const m = ACTION.exec(usesText);
      if (m && uses) {
        const envs = [child(step, 'env'), jobEnv, workflowEnv];
        const inputs = child(step, 'with');
        const action = m[1] as EcsAction;
        const taskDefinition = resolvePath(child(inputs, 'task-definition'), envs, byId);
        const generated = writer || (taskDefinition !== undefined && runs.some((r) => mayWrite(r, baseName(taskDefinition.value)) || /describe-task-definition/.test(r)));
        const ecs: EcsStep = {
          action,
          uses,
          taskDefinition,
          containerName: action === 'render' ? resolveText(child(inputs, 'container-name'), envs) : undefined,
          generated,
        };
        // A path followed back through a render step's output inherits whether that step's input was generated.
        const from = outputStep(child(inputs, 'task-definition'), byId);
        if (from) ecs.generated ||= from.generated;
        out.push(ecs);
        const id = str(child(step, 'id'));
        if (id) byId.set(id, ecs);
      }
      const run = str(child(step, 'run'));
      if (run) runs.push(run);
      const checkoutElsewhere = /^actions\/checkout(@|$)/.test(usesText) && (child(child(step, 'with'), 'path') || child(child(step, 'with'), 'repository'));
      if (WRITES_FILES.test(usesText) || checkoutElsewhere || (usesText && !m && !isKnownHarmless(usesText))) writer = true;
    }
  }
  return { steps: out };
}

/**
 * Steps that never write task-definition files: checkout into the root, credentials, registry login, setup actions,
 * Docker builds, and caches (real workflows cache build layers under /tmp before rendering).
 */
function isKnownHarmless(uses: string): boolean {
  return /^(actions\/(checkout|cache|setup-[a-z]+)|aws-actions\/(configure-aws-credentials|amazon-ecr-login)|docker\/[a-z-]+)(@|$)/.test(uses);
}

/** Commands that only read the files they name (a debug `cat`, `xxd | head`): a line of them writes nothing. */
const READ_ONLY_LINE = /^\s*(cat|head|tail|xxd|hexdump|wc|ls|stat|file|grep|less|test|\[)\b[^>|]*(\|\s*(head|tail|wc|grep|less|xxd)\b[^>|]*)*$/;

/** A `run:` script that may write the file `name`: some line naming it is not a plain read. */
function mayWrite(run: string, name: string): boolean {
  return run.split('\n').some((line) => line.includes(name) && !(READ_ONLY_LINE.test(line) && !/\btee\b|\s-i\b/.test(line)));
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** The step a `${{ steps.<id>.outputs.task-definition }}` value names, if it is an earlier render step. */
function outputStep(node: Node | undefined, byId: ReadonlyMap<string, EcsStep>): EcsStep | undefined {
  const s = str(node)?.trim();
  const m = s && /^\$\{\{([^}]*)\}\}$/.exec(s);
  const out = m && STEP_OUTPUT.exec(m[1]);
  const step = out ? byId.get(out[1]) : undefined;
  return step?.action === 'render' ? step : undefined;
}

/** A task-definition path: literal or env-resolved text, or the input of the render step whose output it names. */
function resolvePath(node: Node | undefined, envs: ReadonlyArray<Node | undefined>, byId: ReadonlyMap<string, EcsStep>): Resolved | undefined {
  const from = outputStep(node, byId);
  if (from) return from.taskDefinition;
  const r = resolveText(node, envs);
  if (!r) return undefined;
  const path = normalisePath(r.value);
  return path === undefined ? undefined : { value: path, node: r.node };
}

/**
 * The literal text of an input: a plain string, or one that is exactly `${{ env.X }}` with X a literal in the
 * nearest env block that sets it. Mixed or other expressions are unknown.
 */
function resolveText(node: Node | undefined, envs: ReadonlyArray<Node | undefined>): Resolved | undefined {
  const s = str(node);
  if (!node || s === undefined) return undefined;
  if (!s.includes('${{')) return s.trim() ? { value: s.trim(), node } : undefined;
  const whole = /^\s*\$\{\{([^}]*)\}\}\s*$/.exec(s);
  const env = whole && ENV_REF.exec(whole[1]);
  if (!env) return undefined;
  for (const block of envs) {
    const v = child(block, env[1]);
    if (!v) continue;
    const text = v.type === 'string' ? (v.value as string) : v.type === 'number' ? String(v.value) : undefined;
    // An env value that is itself an expression (secrets, vars, matrix) is known only when the job runs.
    return text !== undefined && !text.includes('${{') && text.trim() ? { value: text.trim(), node: v } : undefined;
  }
  return undefined;
}

/** `./a//b.json` → `a/b.json`; undefined for absolute paths and paths leaving the repository. */
export function normalisePath(path: string): string | undefined {
  if (path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('~')) return undefined;
  const parts: string[] = [];
  for (const part of path.replace(/\\/g, '/').split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(part);
  }
  return parts.length ? parts.join('/') : undefined;
}

/** The folder of a repository-relative path ('' for the root). */
export function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}
