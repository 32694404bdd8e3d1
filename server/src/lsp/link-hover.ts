/**
 * Hover on the place a deploying file names its task definition (a workflow step's `task-definition`, an appspec's
 * `TargetService` / `TaskDefinition`, a service definition's `taskDefinition`): which file it links, or what was
 * looked for and why nothing links. The answer comes from the same reads as the diagnostics (workflow-diagnostics.ts),
 * so what the hover says is what the checks used.
 */
import type { Hover } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Node } from 'jsonc-parser';
import { readDeployFile, taskLinkOf } from '../core/workspace/deploy-files';
import { readWorkflow } from '../core/workspace/workflow';
import { toLspRange } from './convert';
import { type DeployReadContext, isEcsWorkflow, readDeployLinked, readWorkflowLinked } from './workflow-diagnostics';
import { URI_PATH } from './uri';

const CHECKED_ALONE = 'the file is checked alone, and nothing is said about container names, ports or launch types';
const STEP_UNCHECKED = 'the step is not checked against it';
const MAP_HINT = 'map it in `.ecs-taskdef.json` (`taskDefinitions`: glob → path) if the convention misses it';

/** The hover at `offset` when it is on a task-definition reference; undefined elsewhere (other hovers answer). */
export function taskLinkHover(doc: TextDocument, offset: number, context: DeployReadContext): Hover | undefined {
  const text = doc.getText();
  const within = (n: Node | undefined) => !!n && offset >= n.offset && offset <= n.offset + n.length;
  const hover = (n: Node, value: string): Hover => ({ contents: { kind: 'markdown', value }, range: toLspRange(doc, { offset: n.offset, length: n.length }) });

  if (isEcsWorkflow(doc)) {
    const steps = readWorkflow(text).steps;
    const step = steps.find((s) => within(s.taskDefinition?.node));
    if (!step?.taskDefinition) return undefined;
    const path = step.taskDefinition.value;
    if (step.generated) return hover(step.taskDefinition.node, `**Task definition \`${path}\`: not linked.** An earlier step of the job may write it (a \`run:\`, a download, a checkout into a folder), so the repository's copy is not what the action reads and ${STEP_UNCHECKED}.`);
    const linked = readWorkflowLinked(doc);
    if (!linked) return hover(step.taskDefinition.node, `**Task definition \`${path}\`: not linked.** The workflow's repository could not be found (no folder holds its \`.github\`), so ${STEP_UNCHECKED}.`);
    return hover(step.taskDefinition.node, pathLink(path, 'relative to the repository root', linked.files.get(path), STEP_UNCHECKED));
  }

  const path = URI_PATH(doc.uri);
  const file = readDeployFile(path, text);
  if (!file || (file.kind !== 'appspec' && file.kind !== 'service')) return undefined;
  const service = file.services[0];
  const anchors = [service?.taskDefinition?.node, file.kind === 'appspec' ? service?.anchor : undefined];
  const node = anchors.find(within);
  if (!node) return undefined;
  const linked = readDeployLinked(doc, context);
  const link = taskLinkOf(path, file, (p) => linked.files.get(p), context.mapped);
  if (!link) {
    return hover(node, `**No task definition linked.** The family cannot be read from \`taskDefinition\` (missing, templated or a reference) and neither an ecspresso config nor \`.ecs-taskdef.json\` names a file; ${CHECKED_ALONE}.`);
  }
  const name = (p: string) => linked.label?.(p) ?? p;
  if (link.by === 'path') return hover(node, pathLink(name(link.path), link.why, linked.files.get(link.path)));
  const files = linked.families?.get(link.family) ?? [];
  if (files.length === 1) {
    const t = linked.files.get(files[0]);
    return hover(node, typeof t === 'string' ? `**Runs \`${name(files[0])}\`**: the only task-definition file in the workspace with \`family\` \`${link.family}\`.` : pathLink(name(files[0]), `family \`${link.family}\``, t));
  }
  if (files.length === 0) {
    return hover(node, `**No task definition linked.** Looked for a task-definition file with \`family\` \`${link.family}\` in the workspace and found none; ${CHECKED_ALONE}. Add that file, or ${MAP_HINT}.`);
  }
  const shown = files.slice(0, 5).map((f) => `\`${name(f)}\``).join(', ');
  return hover(node, `**No task definition linked.** ${files.length} files have \`family\` \`${link.family}\` (${shown}${files.length > 5 ? ', …' : ''}), so which one this service runs is unknown; ${CHECKED_ALONE}. Name one: ${MAP_HINT.replace(' if the convention misses it', '')}.`);
}

function pathLink(path: string, why: string, text: string | null | undefined, unchecked = CHECKED_ALONE): string {
  if (typeof text === 'string') return `**Runs \`${path}\`** (${why}).`;
  const hint = unchecked !== CHECKED_ALONE ? '' : /^mapped/.test(why) ? ' Fix the path in `.ecs-taskdef.json` (relative to that file).' : ` Add it, or ${MAP_HINT}.`;
  if (text === null) return `**No task definition linked.** Looked for \`${path}\` (${why}): there is no such file; ${unchecked}.${hint}`;
  return `**Task definition \`${path}\` (${why}): not read** (not in the workspace, too large, or unreadable); ${unchecked}.`;
}
