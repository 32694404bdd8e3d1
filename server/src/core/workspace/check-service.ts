/**
 * Checks a deploying file (appspec, service definition) against the task definition it runs: the kind-S rules over
 * each service of the file. Two phases like workflows: `deployLinks` (deploy-files.ts) says what to read,
 * `checkDeployFile` judges with what the host read. Without a task definition the file is checked alone and
 * nothing is said about links. `runServiceRules` is shared with CloudFormation templates (Service ↔ TaskDefinition).
 */
import { classify } from '../documents/classify';
import type { ServiceModel } from '../documents/service-model';
import { finalize, MAX_SCHEMA_REPORTS, ruleReporter, schemaReportDiagnostics } from '../lint';
import { checkServiceSchema } from '../schema/validate';
import { ALL_RULES } from '../rules';
import { hasPlaceholder } from '../documents/task-index';
import { parseDocument, type ParsedDocument } from '../syntax/parse';
import { compilePlaceholderPatterns } from '../syntax/placeholders';
import type { Diagnostic, LintOptions } from '../types';
import type { LinkedFiles } from './check-workflow';
import { baseName, readDeployFile, taskLinkOf } from './deploy-files';
import { serviceTask, type ServiceRuleContext, type ServiceTask, type TargetGroupFacts } from './service-context';
import type { Node } from 'jsonc-parser';

/** Syntax problems (and merge-conflict markers) are reported like every unreadable file: under json-syntax. */
const SYNTAX_CODE = 'json-syntax';

/** Runs the kind-S rules on one service; raw diagnostics (not finalized). */
export function runServiceRules(text: string, service: ServiceModel, task: ServiceTask | undefined, options: LintOptions, targetGroup?: (n: Node) => TargetGroupFacts | undefined): Diagnostic[] {
  const raw: Diagnostic[] = [];
  const placeholders = compilePlaceholderPatterns(options.placeholderPatterns);
  for (const rule of ALL_RULES) {
    if (!rule.checkService || options.rules?.[rule.id] === 'off') continue;
    const ctx: ServiceRuleContext = {
      text,
      service,
      placeholders,
      task,
      ...(targetGroup ? { targetGroup } : {}),
      report: ruleReporter(rule, raw),
    };
    rule.checkService(ctx);
  }
  return raw;
}

export interface DeployCheck {
  diagnostics: Diagnostic[];
  /** The task-definition file used (relative to the deploying file's folder), and why; undefined when none. */
  task?: { path: string; why: string };
}

/** `mapped`: the task-definition path the project config gives for this file, if any. */
export function checkDeployFile(path: string, text: string, linked: LinkedFiles, options: LintOptions = {}, mapped?: string): DeployCheck {
  const placeholders = compilePlaceholderPatterns(options.placeholderPatterns);
  const file = readDeployFile(path, text, placeholders);
  if (!file) return { diagnostics: [] };
  if (file.conflictMarkers.length > 0) {
    const [first] = file.conflictMarkers;
    const n = file.conflictMarkers.length;
    const message = `Unresolved merge conflict: ${n} marker line${n === 1 ? '' : 's'} (<<<<<<<, =======, >>>>>>>); keep one side and delete the markers.`;
    return { diagnostics: syntaxDiagnostic(message, first, options) };
  }
  if (file.syntaxError) return { diagnostics: syntaxDiagnostic(file.syntaxError.message, file.syntaxError, options) };
  const read = (p: string) => linked.files.get(p);
  const link = taskLinkOf(path, file, read, mapped);
  let taskPath: string | undefined;
  if (link?.by === 'path') taskPath = link.path;
  else if (link?.by === 'family') {
    const paths = linked.families?.get(link.family) ?? [];
    if (paths.length === 1) taskPath = paths[0]; // two files registering one family: which one deploys is unknown
  }
  const taskText = taskPath === undefined ? undefined : read(taskPath);
  let task: ServiceTask | undefined;
  if (taskPath !== undefined && typeof taskText === 'string') {
    const parsed = parseDocument(taskText, placeholders);
    task = serviceTask(parsed, classify(parsed), taskPath, linked.label?.(taskPath) ?? taskPath);
  }
  const raw = file.services.flatMap((s) => runServiceRules(text, s, task, options));
  if (file.kind === 'service' && file.parsed?.root) raw.push(...serviceSchemaDiagnostics(path, text, file.parsed));
  return { diagnostics: finalize(raw, options), task: task && taskPath !== undefined && link ? { path: taskPath, why: link.why } : undefined };
}

/**
 * The service definition against the CreateService/UpdateService input schema, with the task definition's schema
 * rule ids. ecspresso's file (named `*service-def*`, ecspresso's convention) is read the way ecspresso reads it.
 */
function serviceSchemaDiagnostics(path: string, text: string, parsed: ParsedDocument): Diagnostic[] {
  const root = parsed.root!;
  const ecspresso = /service[-_]?def/i.test(baseName(path));
  const reports = checkServiceSchema({ text, root, ecspresso, isPlaceholder: (n) => hasPlaceholder(n, parsed), placeholders: parsed.placeholders, maxReports: MAX_SCHEMA_REPORTS + 1 });
  return schemaReportDiagnostics(reports);
}

function syntaxDiagnostic(message: string, range: { offset: number; length: number }, options: LintOptions): Diagnostic[] {
  const sev = options.rules?.[SYNTAX_CODE];
  return sev === 'off' ? [] : [{ code: SYNTAX_CODE, severity: sev ?? 'error', message, range: { offset: range.offset, length: range.length } }];
}
