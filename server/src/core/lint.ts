/** The pipeline: parse → classify → schema → rules → finalize (severity overrides, precedence, order). */
import type { Node } from 'jsonc-parser';
import { classify, type Classification } from './documents/classify';
import { parseDocument, type ParsedDocument } from './syntax/parse';
import { compilePlaceholderPatterns, isWholePlaceholder, type PlaceholderField } from './syntax/placeholders';
import { isSuperseded, tierOf } from './precedence';
import { ALL_RULES } from './rules';
import type { KindLetter, Report, Rule, RuleContext } from './rules/rule';
import { checkSchema } from './schema/validate';
import type { Diagnostic, Fix, LintOptions, LintResult, OffsetRange, Severity } from './types';
import { MAX_NESTING_DEPTH } from './syntax/unreadable-text';
import { templateSyntax } from './documents/cfn-detect';
import { lintTemplateSteps } from './documents/lint-template';
import { isTerraformFileName, lintLoadedFile, lintPlanSteps, lintTerraformSteps } from './documents/lint-terraform';
import { looksLikeTerraformPlan } from './documents/tf-plan';
import { applyDeployContext } from './workspace/deploy-context';

export const DEFAULT_MAX_FULL_LINT_SIZE = 4 * 1024 * 1024;

/** Reports past this many from one rule (or schema code) are dropped, with one note: keeps generated files answerable. */
export const MAX_REPORTS_PER_RULE = 100;
/** Thrown by `report` to stop a rule that reached MAX_REPORTS_PER_RULE: its remaining work is not needed. */
const ENOUGH = Symbol('enough reports');
/** Schema errors translated at most (all codes together); each translation looks nodes up in the tree. */
export const MAX_SCHEMA_REPORTS = 4 * MAX_REPORTS_PER_RULE;

const KIND_LETTER: Partial<Record<Classification['kind'], KindLetter>> = {
  register: 'R',
  describe: 'D',
  'container-array': 'A',
};

export interface LintOutput extends LintResult {
  parsed: ParsedDocument;
  doc: Classification;
  /** A template's task definitions, each as the model rules read (hover asks the one under the cursor). */
  subjects?: Array<{ parsed: ParsedDocument; doc: Classification; logicalId?: string; idRange?: OffsetRange }>;
  /** A file that a Terraform resource loads (options.loadedBy): which resource, for hover (markdown). */
  loadedBy?: string;
}

export function lint(text: string, options: LintOptions = {}): LintOutput {
  const steps = lintSteps(text, options, undefined);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** How long lintInterruptible works before it lets other messages (a keystroke, a cancellation) in. */
const SLICE_MS = 4;

/**
 * lint() in slices: every few milliseconds it yields to the event loop and stops, returning undefined, when
 * `shouldStop` says the result is no longer wanted (the user typed on, the client cancelled). A document that
 * lints within one slice never waits, so small files cost nothing extra.
 */
export async function lintInterruptible(text: string, options: LintOptions, shouldStop: () => boolean, sliceMs = SLICE_MS): Promise<LintOutput | undefined> {
  if (shouldStop()) return undefined;
  let sliceStart = performance.now();
  // Between rules it pauses only when the slice is used up: a pause per rule cost a small file's lint ~10 %.
  const steps = lintSteps(text, options, () => performance.now() - sliceStart >= sliceMs);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart < sliceMs) continue;
    await new Promise<void>(yieldToEventLoop);
    if (shouldStop()) {
      void steps.return(undefined as never);
      return undefined;
    }
    sliceStart = performance.now();
  }
}

/**
 * Runs `resume` after the messages already queued: setImmediate in Node; in a web worker a MessageChannel message,
 * since nested setTimeout calls are held back to 4 ms each there.
 */
const yieldToEventLoop: (resume: () => void) => void =
  typeof setImmediate === 'function'
    ? (resume) => setImmediate(resume)
    : typeof MessageChannel === 'function'
      ? (resume) => {
          const channel = new MessageChannel();
          // The DOM's MessagePort (Node's typings describe worker_threads' port, which has no onmessage).
          (channel.port1 as unknown as { onmessage: (() => void) | null }).onmessage = () => {
            channel.port1.close();
            resume();
          };
          channel.port2.postMessage(undefined);
        }
      : (resume) => setTimeout(resume, 0);

/**
 * Says whether an interruptible run wants to pause now (its slice is used up); undefined for lint(), which never
 * pauses. Stages always yield; rules only when this says so.
 */
export type PauseWanted = (() => boolean) | undefined;

/** The pipeline as steps: it yields between stages and, when `pause` asks, between rules. */
function* lintSteps(text: string, options: LintOptions, pause: PauseWanted): Generator<void, LintOutput, void> {
  // Terraform files take the HCL reader; CloudFormation templates (and any YAML file: never read as JSON) the template reader.
  if (isTerraformFileName(options.fileName)) return yield* lintTerraformSteps(text, options, pause);
  const loaded = options.loadedBy ? lintLoadedFile(text, options) : undefined;
  if (loaded) return loaded;
  if (!/\.ya?ml$/i.test(options.fileName ?? '') && looksLikeTerraformPlan(text)) return yield* lintPlanSteps(text, options, pause);
  const syntax = templateSyntax(text, options.fileName);
  if (syntax) return yield* lintTemplateSteps(text, syntax, options, pause);
  // The user's placeholder patterns travel with the document, never in module state: lints may interleave.
  const parsed = parseDocument(text, compilePlaceholderPatterns(options.placeholderPatterns));
  yield;
  const doc = classify(parsed, options);
  const raw = yield* checkSubject(text, parsed, doc, options, pause);
  const tooBig = text.length > (options.maxFullLintSize ?? DEFAULT_MAX_FULL_LINT_SIZE);
  if (parsed.unreadable?.reason === 'too-deep') {
    raw.push({
      code: 'not-linted',
      severity: 'information',
      message: `Brackets nest deeper than ${MAX_NESTING_DEPTH} levels here (a task definition needs about 8); the file was not checked.`,
      range: { offset: parsed.unreadable.offset, length: 1 },
    });
  }
  if (doc.kind === 'cfn-template') {
    raw.push({
      code: 'not-linted',
      severity: 'information',
      message: 'This is a CloudFormation template; ecs-taskdef lints task-definition JSON, not CloudFormation resources (yet).',
      range: { offset: parsed.root?.offset ?? 0, length: 1 },
    });
  }
  if (tooBig && KIND_LETTER[doc.kind]) {
    raw.push({
      code: 'not-linted',
      severity: 'information',
      message: `This file is ${text.length} characters long, above the ${options.maxFullLintSize ?? DEFAULT_MAX_FULL_LINT_SIZE}-character limit (setting ecsTaskdef.maxFileSize); only JSON syntax was checked.`,
      range: { offset: 0, length: 1 },
    });
  }
  const diagnostics = options.deployedBy?.length ? applyDeployContext(finalize(raw, options), text, parsed, doc, options.deployedBy, fade) : finalize(raw, options);
  return { kind: doc.kind, launchType: doc.launchType, templated: doc.templated, diagnostics, parsed, doc };
}

/**
 * Rules and the schema on one subject (a task-definition file, or one resource of a template): raw reports,
 * capped per rule, before finalize. `skip` names rules that make no sense for the subject's host.
 */
export function* checkSubject(
  text: string,
  parsed: ParsedDocument,
  doc: Classification,
  options: LintOptions,
  pause: PauseWanted,
  skip?: ReadonlySet<string>,
): Generator<void, Diagnostic[], void> {
  const raw: Diagnostic[] = [];
  const isPlaceholder = (node: Node | undefined, field?: PlaceholderField): boolean =>
    !!node && (parsed.placeholderOffsets.has(node.offset) || (node.type === 'string' && isWholePlaceholder(node.value as string, parsed.placeholders, field)));
  const tooBig = text.length > (options.maxFullLintSize ?? DEFAULT_MAX_FULL_LINT_SIZE);
  const kindLetter = KIND_LETTER[doc.kind];

  const capped = new Map<string, Diagnostic>(); // rule id (or 'The schema check') → its first report that was not listed
  const counts = new Map<string, number>();
  const add = (code: string, severity: Severity, r: Report): boolean => {
    const n = (counts.get(code) ?? 0) + 1;
    counts.set(code, n);
    if (n <= MAX_REPORTS_PER_RULE) raw.push(toDiagnostic(code, severity, r));
    else if (!capped.has(code)) capped.set(code, toDiagnostic(code, severity, r));
    return n <= MAX_REPORTS_PER_RULE;
  };

  // One context for every rule of the subject (a context per rule was a measurable share of a small file's lint);
  // `report` files under the rule that is running, and rules report only while their check runs.
  let current: Rule = ALL_RULES[0];
  const ctx: RuleContext = {
    text,
    parsed,
    doc,
    options,
    isPlaceholder,
    launchIs: (letter) => doc.launch.has(letter),
    report: (r) => {
      if (!add(current.id, current.severity, r)) throw ENOUGH;
    },
  };

  const userRules = options.rules;
  for (const rule of rulesFor(doc, kindLetter)) {
    if ((userRules && userRules[rule.id] === 'off') || skip?.has(rule.id)) continue;
    if (tooBig && !CHEAP_RULES.has(rule.id)) continue;
    current = rule;
    try {
      rule.check!(ctx);
    } catch (e) {
      // A broken rule must never take the others down; the LSP/CLI layer logs it.
      if (e !== ENOUGH) ruleFailures.push({ rule: rule.id, error: e });
    }
    if (pause?.()) yield;
  }
  if (kindLetter && !tooBig) {
    const reports = checkSchema({ text, doc, isPlaceholder, placeholders: parsed.placeholders, maxReports: MAX_SCHEMA_REPORTS + 1 });
    for (const r of reports.slice(0, MAX_SCHEMA_REPORTS)) add(r.code, severityOf(r.code), r);
    if (reports.length > MAX_SCHEMA_REPORTS) capped.set('The schema check', toDiagnostic('', 'error', reports[MAX_SCHEMA_REPORTS]));
  }
  for (const [who, first] of capped) {
    const limit = who === 'The schema check' ? MAX_SCHEMA_REPORTS : MAX_REPORTS_PER_RULE;
    raw.push({
      code: 'not-linted',
      severity: 'information',
      message: `${who} found more than ${limit} problems; only the first ${limit} are listed (fix those and the rest appear).`,
      range: first.range,
      dedupeKey: `not-linted:${who}`, // a note, never in competition with the diagnostics at the same spot
    });
  }
  return raw;
}

/** Rules that stay on for huge files: they only look at the parse result. */
const CHEAP_RULES = new Set(['json-syntax', 'duplicate-key', 'task-definition-too-large']);

export const ruleFailures: Array<{ rule: string; error: unknown }> = [];

/**
 * The rules with a check that apply to a document of this kind and launch set, in catalog order. Worked out once
 * per kind and launch set (a handful in practice) instead of asking every rule for every document.
 */
const RULES_FOR = new Map<string, Rule[]>();
function rulesFor(doc: Classification, kind: KindLetter | undefined): Rule[] {
  let key = kind ?? '-';
  for (const l of doc.launch) key += l;
  let list = RULES_FOR.get(key);
  if (!list) {
    list = ALL_RULES.filter((rule) => !!rule.check && appliesTo(rule, doc, kind));
    RULES_FOR.set(key, list);
  }
  return list;
}

function appliesTo(rule: Rule, doc: Classification, kind: KindLetter | undefined): boolean {
  if (rule.id === 'json-syntax' || rule.id === 'duplicate-key') return true; // every JSON document
  if (!kind || !rule.kinds.includes(kind)) return false;
  if (rule.launch === 'any') return true;
  if (doc.launch.size === 0) return rule.launch.includes('U');
  return rule.launch.some((l) => l !== 'U' && doc.launch.has(l));
}

/** Schema reports of a file checked outside `lint` (service definitions) as raw diagnostics, capped like a task's. */
export function schemaReportDiagnostics(reports: ReadonlyArray<Report & { code: string }>): Diagnostic[] {
  const out = reports.slice(0, MAX_SCHEMA_REPORTS).map((r) => toDiagnostic(r.code, severityOf(r.code), r));
  if (reports.length > MAX_SCHEMA_REPORTS) {
    const first = toDiagnostic('', 'error', reports[MAX_SCHEMA_REPORTS]);
    out.push({
      code: 'not-linted',
      severity: 'information',
      message: `The schema check found more than ${MAX_SCHEMA_REPORTS} problems; only the first ${MAX_SCHEMA_REPORTS} are listed (fix those and the rest appear).`,
      range: first.range,
      dedupeKey: 'not-linted:The schema check',
    });
  }
  return out;
}

const SEVERITY_BY_ID = new Map<string, Severity>();
function severityOf(code: string): Severity {
  if (SEVERITY_BY_ID.size === 0) for (const r of ALL_RULES) SEVERITY_BY_ID.set(r.id, r.severity);
  return SEVERITY_BY_ID.get(code) ?? 'error';
}

function clipFixes(fixes: Fix[]): Fix[] {
  return fixes.map((f) => (f.title.length > MAX_MESSAGE_LENGTH ? { ...f, title: clip(f.title) } : f));
}

/**
 * `report` for a rule run outside checkSubject (workflow and service rules): the same mapping to a diagnostic,
 * capped at MAX_REPORTS_PER_RULE like a task rule.
 */
export function ruleReporter(rule: Pick<Rule, 'id' | 'severity'>, raw: Diagnostic[]): (r: Report) => void {
  let reported = 0;
  return (r) => {
    if (++reported <= MAX_REPORTS_PER_RULE) raw.push(toDiagnostic(rule.id, rule.severity, r));
  };
}

/** The one mapping of a rule's report to a diagnostic (range from the node, message clipped, fixes lazy or not). */
function toDiagnostic(code: string, defaultSeverity: Severity, r: Report): Diagnostic {
  const range = r.range ?? (r.node ? { offset: r.node.offset, length: r.node.length } : { offset: 0, length: 0 });
  const d: Diagnostic = { code, severity: r.severity ?? defaultSeverity, message: '', range };
  setReported(d, r);
  if (r.placeholder) d.placeholder = true;
  if (r.dedupeKey) d.dedupeKey = r.dedupeKey;
  if (r.unnecessary) d.unnecessary = true;
  if (r.group) GROUP_OF.set(d, r.group);
  return d;
}

/** The parts of a diagnostic a report words: message, related information and fixes. */
function setReported(d: Diagnostic, r: Pick<Report, 'message' | 'related' | 'fixes'>): void {
  const range = d.range;
  d.message = clip(r.message);
  if (r.related?.length) {
    d.related = r.related.map((x) => ({
      range: x.range ?? (x.node ? { offset: x.node.offset, length: x.node.length } : range),
      message: clip(x.message),
      ...(x.file ? { file: x.file } : {}),
    }));
  }
  if (typeof r.fixes === 'function') {
    // Costly fixes are built on first use (code action, CLI fix/json), not for every lint while typing.
    // An empty list reads as no fixes, as it does when given eagerly.
    const make = r.fixes;
    lazyFixes(d, () => clipFixes(make()));
  } else if (r.fixes?.length) d.fixes = clipFixes(r.fixes);
  else delete d.fixes;
}

/**
 * Rewrites a diagnostic's fixes through `map` (undefined drops one), on first use like a rule's own lazy fixes. A fix
 * builder that throws on a converted tree (a JSON helper reading a template or HCL) yields no fix, never a crash.
 */
export function mapFixes(d: Diagnostic, map: (f: Fix) => Fix | undefined): void {
  const desc = Object.getOwnPropertyDescriptor(d, 'fixes');
  if (!desc) return;
  lazyFixes(d, () => {
    let fixes: Fix[] | undefined;
    try {
      fixes = desc.get ? (desc.get.call(d) as Fix[] | undefined) : (desc.value as Fix[] | undefined);
    } catch {
      fixes = undefined;
    }
    return (fixes ?? []).map(map).filter((f): f is Fix => !!f);
  });
}

function lazyFixes(d: Diagnostic, make: () => Fix[]): void {
  let built: Fix[] | undefined;
  Object.defineProperty(d, 'fixes', {
    enumerable: true,
    configurable: true,
    get: () => {
      built ??= make();
      return built.length > 0 ? built : undefined;
    },
    set: (v: Fix[] | undefined) => (built = v ?? []),
  });
}

/** The group a diagnostic's report belongs to (see Report.group); kept off the diagnostic, which is output. */
const GROUP_OF = new WeakMap<Diagnostic, NonNullable<Report['group']>>();

/** A finding that another diagnostic of its rule carries: a faded hint whose fixes are offered, not preferred. */
export function fade(d: Diagnostic): void {
  d.severity = 'hint';
  d.unnecessary = true;
  const own = Object.getOwnPropertyDescriptor(d, 'fixes');
  if (!own) return;
  const read = (): Fix[] => (own.get ? own.get.call(d) : own.value) ?? [];
  lazyFixes(d, () => read().map((f) => (f.preferred ? { ...f, preferred: false } : f)));
}

/** One finding per group (Report.group): the first survivor leads, the others fade. */
function settleGroups(out: Diagnostic[]): void {
  const groups = new Map<string, Diagnostic[]>();
  for (const d of out) {
    const g = GROUP_OF.get(d);
    if (!g) continue;
    const key = `${d.code}\u0000${g.key}`;
    const list = groups.get(key);
    if (list) list.push(d);
    else groups.set(key, [d]);
  }
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    members.sort((a, b) => a.range.offset - b.range.offset);
    const [lead, ...rest] = members;
    const reword = GROUP_OF.get(lead)!.lead;
    if (reword) setReported(lead, reword(rest));
    rest.forEach(fade);
  }
}

const MAX_MESSAGE_LENGTH = 1000;

/** Messages quote the user's values: a 1 MB string must not make a 1 MB message (or a hundred of them). */
function clip(text: string): string {
  if (text.length <= MAX_MESSAGE_LENGTH) return text;
  const shorter = text.replace(/'([^']{100,})'/g, (_m, v: string) => `'${v.slice(0, 60)}…${v.slice(-20)}'`);
  return shorter.length <= MAX_MESSAGE_LENGTH ? shorter : `${shorter.slice(0, MAX_MESSAGE_LENGTH - 1)}…`;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

export function finalize(raw: Diagnostic[], options: LintOptions): Diagnostic[] {
  const byKey = new Map<string, Diagnostic[]>();
  for (const d of raw) {
    const key = d.dedupeKey ?? `${d.range.offset}:${d.range.length}`;
    const list = byKey.get(key);
    if (list) list.push(d);
    else byKey.set(key, [d]);
  }
  // A literal template expression silences every other rule on the same value, whatever its dedupe key.
  const unrendered = new Set(raw.filter((d) => tierOf(d.code) === 0).map((d) => `${d.range.offset}:${d.range.length}`));
  const out: Diagnostic[] = [];
  for (const list of byKey.values()) {
    for (const d of list) {
      if (list.some((o) => isSuperseded(d.code, o.code))) continue;
      if (tierOf(d.code) > 0 && unrendered.has(`${d.range.offset}:${d.range.length}`)) continue;
      const override = options.rules?.[d.code];
      if (override === 'off') continue;
      if (override) d.severity = override;
      if (d.placeholder && SEVERITY_RANK[d.severity] < SEVERITY_RANK.warning) d.severity = 'warning';
      if (d.unnecessary) fade(d);
      out.push(d);
    }
  }
  settleGroups(out);
  return out.sort((a, b) => a.range.offset - b.range.offset || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || byCode(a.code, b.code));
}

/**
 * Rule ids in code-unit order, the same order as localeCompare for ids of lower-case letters, digits and hyphens
 * (the catalog test holds every id to that). localeCompare's first call builds an ICU collator: ~9 ms of CPU and
 * 2.6 MB of resident ICU data in every server start (docs/performance.md, round two c).
 */
function byCode(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
