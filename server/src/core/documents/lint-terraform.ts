/**
 * Lints a Terraform file: each aws_ecs_task_definition resource is one subject linted with every rule (as a
 * CloudFormation resource is); reports point into the .tf file, are named after the resource address, worded
 * with Terraform's argument names for task-level arguments, and keep only the fixes HCL can take (hcl-writer).
 * Also lints a JSON file that a resource loads with file()/templatefile() with that resource's task settings.
 */
import type { Node } from 'jsonc-parser';
import { classify, type Classification } from './classify';
import { checkSubject, finalize, mapFixes, type LintOutput, type PauseWanted } from '../lint';
import { parseDocument, type ParsedDocument } from '../syntax/parse';
import { compilePlaceholderPatterns } from '../syntax/placeholders';
import { hclReady, MAX_HCL_SIZE } from '../syntax/hcl';
import type { Diagnostic, Fix, LintOptions } from '../types';
import { readTerraform, TF_TASK_DEFINITION, type TfModule, type TfSubject } from './tf-module';
import { droppedKeyWording, resolvedNote, shortenAddress, tfWording } from './tf-names';
import type { TfValue } from './tf-values';

export { tfWording };
import { HclFixWriter } from '../fixes/hcl-writer';
import { TEMPLATE_SKIPPED_RULES } from './skipped-rules';
import { readPlan } from './tf-plan';
import { checkTerraformServices, clusterStrategyInSight, type TfCheckedSubject } from './tf-services';

/**
 * Lints `terraform show -json` output: each task definition Terraform will register, named by its resource
 * address. Reports on the decoded containers point at the container_definitions string; there are no fixes
 * (the plan is generated: the change belongs in the .tf file).
 */
export function* lintPlanSteps(text: string, options: LintOptions, pause: PauseWanted = undefined): Generator<void, TerraformOutput, void> {
  const plan = readPlan(text);
  yield;
  const out: Diagnostic[] = [];
  const sev = options.rules?.['json-syntax'];
  if (sev !== 'off') for (const e of plan.parsed.syntaxErrors) out.push({ code: 'json-syntax', severity: sev ?? 'error', message: e.message, range: { offset: e.offset, length: e.length } });
  const subjects: NonNullable<LintOutput['subjects']> = [];
  const launchTypes = new Set<string>();
  const placeholders = compilePlaceholderPatterns(options.placeholderPatterns);
  for (const s of plan.subjects) {
    const sub: ParsedDocument = { text, analysisText: text, root: s.root, syntaxErrors: [], templateTokens: [], placeholderOffsets: s.placeholderOffsets, placeholders, duplicateKeys: [] };
    const d = classify(sub, options);
    d.kind = 'register';
    d.templated ||= s.placeholderOffsets.size > 0;
    subjects.push({ parsed: sub, doc: d });
    launchTypes.add(d.launchType);
    const raw = yield* checkSubject(text, sub, d, options, pause, planSkippedRules());
    for (const diag of finalize(raw, options)) {
      droppedKeyWording(diag, options.rules?.[diag.code]);
      if (diag.range.offset === s.resource.offset && diag.range.length <= 1) diag.range = { offset: s.resource.offset, length: 1 };
      const plain: Diagnostic = { ...diag, message: shortenAddress(s.address, tfWording(diag.message)), related: [{ range: { offset: s.resource.offset, length: 1 }, message: `In resource ${s.address}.` }] };
      delete plain.fixes;
      out.push(plain);
    }
  }
  out.sort((a, b) => a.range.offset - b.range.offset);
  const launchType = launchTypes.size === 1 ? [...launchTypes][0] : launchTypes.size === 0 ? 'unknown' : [...launchTypes].join(' | ');
  const doc: Classification = { kind: 'terraform', containers: [], containersTemplated: false, launch: new Set(), launchType, launchSource: 'none', os: 'unknown', networkModeExplicit: false, templated: false };
  return { kind: 'terraform', launchType, templated: subjects.some((x) => x.doc.templated), diagnostics: out, parsed: plan.parsed, doc, subjects };
}

/** Plans hold no comments or duplicate keys of the user's, and the decoded containers share one range. */
// Built on first use: lint.ts and lint-template.ts import each other through this module.
let planSkipped: ReadonlySet<string> | undefined;
const planSkippedRules = (): ReadonlySet<string> => (planSkipped ??= new Set([...TEMPLATE_SKIPPED_RULES, 'duplicate-key']));

export function isTerraformFileName(path: string | undefined): boolean {
  return !!path && /\.tf$/i.test(path);
}

/** True when a .tf file's text holds a task definition (the directory scan's cheap test). */
export function looksLikeTerraformTaskDefinition(text: string): boolean {
  return /resource\s+"aws_ecs_task_definition"/.test(text);
}

/**
 * A JSON file opened on its own that a Terraform resource loads (options.loadedBy, found by the host): linted as
 * that resource's containers, with its launch type, network mode, size and roles. Undefined when the resource is
 * not found (the host then lints the file as usual).
 */
export function lintLoadedFile(text: string, options: LintOptions): LintOutput | undefined {
  const by = options.loadedBy;
  if (!by || !hclReady() || by.text.length > MAX_HCL_SIZE) return undefined;
  const module = readTerraform(by.text, readSiblings(by.module).values);
  const subject = module?.subjects.find((s) => s.address === by.address);
  if (!subject) return undefined;
  const diagnostics = lintLoadedContainers(text, subject, options);
  const task: ParsedDocument = { text: by.text, analysisText: by.text, root: subject.root, syntaxErrors: [], templateTokens: [], placeholderOffsets: subject.placeholderOffsets, placeholders: compilePlaceholderPatterns(options.placeholderPatterns), duplicateKeys: [] };
  const taskDoc = classify(task, options);
  const parsed = parseDocument(text);
  const doc = classify(parsed, options);
  const tfName = by.path.slice(by.path.replace(/\\/g, '/').lastIndexOf('/') + 1);
  const settings = [`launch type ${taskDoc.launchType}`, taskDoc.networkMode ? `network mode ${taskDoc.networkMode}` : undefined].filter(Boolean).join(', ');
  const loadedBy = `Loaded by \`${by.address}\` (${tfName}) with \`${subject.link?.fn ?? 'file'}()\`: checked as its containers, with its ${settings}, task size, roles and volumes.`;
  return { kind: doc.kind, launchType: taskDoc.launchType, templated: doc.templated, diagnostics, parsed, doc, loadedBy };
}

export interface TerraformOutput extends LintOutput {
  /** The file's model (undefined while the HCL parser loads): subjects with their file() links. */
  module?: TfModule;
  /** Hover notes on file()/templatefile() calls. */
  links?: Array<{ range: { offset: number; length: number }; markdown: string }>;
  /** The file's aws_ecs_service blocks (hover). */
  tfServices?: TfModule['services'];
  /**
   * The task definitions a service of this file may run, by address: this file's and the module's other files', with
   * the containers they load with file()/templatefile() when those were read (service completion). Set when the
   * file declares a service, even one that does not parse yet (it is being typed).
   */
  serviceTasks?: ReadonlyArray<{ address: string; doc: Classification }>;
}

export function* lintTerraformSteps(text: string, options: LintOptions, pause: PauseWanted = undefined): Generator<void, TerraformOutput, void> {
  const placeholders = compilePlaceholderPatterns(options.placeholderPatterns);
  const empty: ParsedDocument = { text, analysisText: text, root: undefined, syntaxErrors: [], templateTokens: [], placeholderOffsets: new Set(), placeholders, duplicateKeys: [] };
  const doc: Classification = { kind: 'terraform', containers: [], containersTemplated: false, launch: new Set(), launchType: 'unknown', launchSource: 'none', os: 'unknown', networkModeExplicit: false, templated: false };
  const note = (message: string): TerraformOutput => ({ kind: 'terraform', launchType: 'unknown', templated: false, diagnostics: [{ code: 'not-linted', severity: 'information', message, range: { offset: 0, length: Math.min(1, text.length) } }], parsed: empty, doc });
  if (text.length > MAX_HCL_SIZE) return note(`This Terraform file is ${text.length} characters long, above the ${MAX_HCL_SIZE}-character limit for HCL; it was not checked.`);
  if (!hclReady()) return note('The HCL parser is still loading; this Terraform file is checked in a moment.');
  const sibling = readSiblings(options.terraformModule);
  const module = readTerraform(text, sibling.values)!;
  yield;
  const out: Diagnostic[] = [];
  const syntaxSeverity = options.rules?.['json-syntax'];
  if (module.syntaxError && syntaxSeverity !== 'off') {
    out.push({ code: 'json-syntax', severity: syntaxSeverity ?? 'error', message: module.syntaxError.message, range: { offset: module.syntaxError.offset, length: module.syntaxError.length } });
  }
  const launchTypes = new Set<string>();
  const subjects: NonNullable<LintOutput['subjects']> = [];
  for (const subject of module.subjects) {
    for (const e of subject.jsonSyntaxErrors) {
      if (syntaxSeverity !== 'off') out.push({ code: 'json-syntax', severity: syntaxSeverity ?? 'error', message: `${subject.address}: ${e.message}`, range: { offset: e.offset, length: e.length } });
    }
    const sub: ParsedDocument = { text, analysisText: text, root: subject.root, syntaxErrors: [], templateTokens: [], placeholderOffsets: subject.placeholderOffsets, placeholders, duplicateKeys: subject.duplicateKeys };
    const d = classify(sub, options);
    d.kind = 'register';
    d.templated ||= subject.placeholderOffsets.size > 0;
    subjects.push({ parsed: sub, doc: d });
    launchTypes.add(d.launchType);
    const raw = yield* checkSubject(text, sub, d, options, pause, tfSkippedRules());
    const writer = new HclFixWriter(subject);
    for (const diag of finalize(raw, options)) out.push(inTerraform(diag, subject, (f) => writer.adapt(f), options));
  }
  let serviceTasks: TfCheckedSubject[] | undefined;
  if (module.services.length > 0 || SERVICE_BLOCK.test(text)) {
    yield;
    // A service may run a task definition of another file of the module (service.tf → task.tf): checked here, reported there.
    const own = module.subjects.map((s, i) => withLoadedContainers({ address: s.address, ...subjects[i] }, s, undefined, options));
    const others = sibling.files.flatMap((f) => (f.hasTasks ? siblingSubjects(f, sibling.values, options) : []));
    serviceTasks = [...own, ...others];
    out.push(...checkTerraformServices(text, module, serviceTasks, options, sibling.strategyInSight));
  }
  out.sort((a, b) => a.range.offset - b.range.offset);
  const launchType = launchTypes.size === 1 ? [...launchTypes][0] : launchTypes.size === 0 ? 'unknown' : [...launchTypes].join(' | ');
  const templated = subjects.some((s) => s.doc.templated);
  const links = module.subjects.flatMap((s, i) => (s.link ? [{ range: s.link.call, markdown: linkMarkdown(s, subjects[i].doc) }] : []));
  return { kind: 'terraform', launchType, templated, diagnostics: out, parsed: { ...empty }, doc: { ...doc, launchType }, subjects, module, links, tfServices: module.services, serviceTasks: serviceTasks?.map((t) => ({ address: t.address, doc: t.doc })) };
}

/** A service block, parsed or not (completion reads the task definitions while its line is being typed). */
const SERVICE_BLOCK = /\bresource\s+"aws_ecs_service"/;

function linkMarkdown(s: TfSubject, d: Classification): string {
  const link = s.link!;
  const what = link.path ? `\`${link.path}\`` : 'a file whose path is computed when Terraform runs';
  const settings = [`launch type ${d.launchType}`, d.networkMode ? `network mode ${d.networkMode}` : undefined, 'task size, roles and volumes'].filter(Boolean).join(', ');
  const vars = link.vars.length > 0 ? `\n\nTemplate variables: ${link.vars.map((v) => `\`${v}\``).join(', ')} (unknown here: their \`\${…}\` stay placeholders).` : '';
  return `**container_definitions** of \`${s.address}\` are loaded from ${what} with \`${link.fn}()\`.\n\necs-taskdef lints that file as this resource's containers, with its ${settings}.${vars}`;
}

/** Rules that judge a file rather than a resource, plus duplicate-key: HCL itself refuses a repeated argument. */
let tfSkipped: ReadonlySet<string> | undefined;
const tfSkippedRules = (): ReadonlySet<string> => (tfSkipped ??= new Set([...TEMPLATE_SKIPPED_RULES]));

/** A subject's diagnostic as the .tf file shows it. */
function inTerraform(d: Diagnostic, subject: TfSubject, adapt: (f: Fix) => Fix | undefined, options: LintOptions): Diagnostic {
  // A report about the task as a whole is anchored at its root: in Terraform that is the resource's header.
  if (d.range.offset === subject.root.offset && (d.range.length <= 1 || d.range.length === subject.root.length)) d.range = { ...subject.header };
  droppedKeyWording(d, options.rules?.[d.code]);
  d.message = shortenAddress(subject.address, tfWording(d.message));
  d.related = [...(d.related ?? []).map((r) => ({ ...r, message: tfWording(r.message) })), { range: { ...subject.header }, message: `In resource ${subject.address}.` }];
  resolvedNote(d, subject.resolved);
  mapFixes(d, (f) => {
    const adapted = adapt(f);
    return adapted && { ...adapted, title: tfWording(adapted.title) };
  });
  return d;
}


/**
 * The JSON a resource loads with file()/templatefile(), linted as that resource's containers: the task's other
 * members (launch type, network mode, size, roles, volumes) come from the resource as zero-length nodes at the
 * file's start, so rules judge the containers with them; reports on those members belong to the .tf file and
 * are left out here.
 */
export function lintLoadedContainers(jsonText: string, subject: TfSubject, options: LintOptions): Diagnostic[] {
  const parsed = parseDocument(jsonText, compilePlaceholderPatterns(options.placeholderPatterns));
  const out: Diagnostic[] = [];
  if (parsed.syntaxErrors.length > 0 || !parsed.root) {
    const sev = options.rules?.['json-syntax'];
    if (sev === 'off') return out;
    for (const e of parsed.syntaxErrors) out.push({ code: 'json-syntax', severity: sev ?? 'error', message: e.message, range: { offset: e.offset, length: e.length } });
    return out;
  }
  const { sub, d } = loadedTask(parsed, subject, options);
  const steps = checkSubject(jsonText, sub, d, options, undefined, tfSkippedRules());
  let step = steps.next();
  while (!step.done) step = steps.next();
  for (const diag of finalize(step.value, options)) {
    if (diag.range.length === 0 && diag.range.offset === 0) continue; // about a task-level argument: the .tf file's
    droppedKeyWording(diag, options.rules?.[diag.code]);
    diag.message = shortenAddress(subject.address, diag.message);
    diag.related = [...(diag.related ?? []).filter((r) => r.range.length > 0 || r.range.offset > 0)];
    // A fix that edits a task-level member would write into this file's first character: left out.
    mapFixes(diag, (f) => (f.edits.every((e) => e.offset > 0 || e.length > 0) ? f : undefined));
    out.push(diag);
  }
  return out;
}


/**
 * The loaded JSON as the resource's task, the JSON as its containers. The resource's other members are zero-length
 * nodes at the file's start; or, with `shift` (past the JSON text's end), copies at their .tf offsets plus `shift`,
 * so that a range at or past `shift` is one of the .tf file's, and its placeholders stay known.
 */
function loadedTask(parsed: ParsedDocument, subject: TfSubject, options: LintOptions, shift?: number): { sub: ParsedDocument; d: Classification } {
  const task: Node = { type: 'object', offset: 0, length: 0, children: [] } as unknown as Node;
  const virtual = (n: Node, parent: Node | undefined): Node => {
    const at = shift === undefined ? { offset: 0, length: 0 } : { offset: n.offset + shift, length: n.length };
    const v: { -readonly [K in keyof Node]: Node[K] } = { type: n.type, value: n.value, ...at, parent };
    if (n.children) v.children = n.children.map((c) => virtual(c, v));
    return v;
  };
  for (const p of subject.root.children ?? []) {
    if (p.children?.[0]?.value === 'containerDefinitions') continue;
    task.children!.push(virtual(p, task));
  }
  const prop = { type: 'property', offset: 0, length: 0, parent: task, children: [] as Node[] } as unknown as Node;
  prop.children!.push({ type: 'string', value: 'containerDefinitions', offset: 0, length: 0, parent: prop } as Node);
  const root = parsed.root!;
  const containers = (root.type === 'object' ? { type: 'array', offset: root.offset, length: root.length, children: [root] } : root) as { -readonly [K in keyof Node]: Node[K] };
  containers.parent = prop;
  prop.children!.push(containers);
  task.children!.push(prop);
  const placeholderOffsets = new Set(parsed.placeholderOffsets);
  if (shift !== undefined) for (const o of subject.placeholderOffsets) placeholderOffsets.add(o + shift);
  const sub: ParsedDocument = { ...parsed, root: task, placeholderOffsets };
  const d = classify(sub, options);
  d.kind = 'register';
  return { sub, d };
}

/**
 * A task definition whose containers are loaded with file()/templatefile(), as the service checks read it: the
 * loaded JSON's containers (options.terraformLoaded has its text, by the path as written) with the resource's
 * settings. Undefined when the file's text is not at hand or is not JSON (the task's containers stay unknown).
 */
function withLoadedContainers(s: TfCheckedSubject, subject: TfSubject, tfFile: string | undefined, options: LintOptions): TfCheckedSubject {
  const path = subject.link?.path;
  const text = path === undefined ? undefined : options.terraformLoaded?.find((f) => f.path === path)?.text;
  if (text === undefined) return s;
  const parsed = parseDocument(text, compilePlaceholderPatterns(options.placeholderPatterns));
  if (parsed.syntaxErrors.length > 0 || !parsed.root || (parsed.root.type !== 'array' && parsed.root.type !== 'object')) return s;
  const shift = text.length + 1;
  const { sub, d } = loadedTask(parsed, subject, options, shift);
  return { address: s.address, file: path, text, parsed: sub, doc: d, loadedFrom: { shift, file: tfFile, text: s.text } };
}

/** At most this many other .tf files of a folder are read as the module (a real module has a handful). */
const MAX_MODULE_FILES = 64;

interface SiblingFile {
  path: string;
  text: string;
  hasTasks: boolean;
}

/** The module's other files: their locals and variables' defaults (first declaration wins), and which declare task definitions. */
function readSiblings(files: LintOptions['terraformModule']): { files: SiblingFile[]; values: Map<string, TfValue>; strategyInSight: boolean } {
  const values = new Map<string, TfValue>();
  const out: SiblingFile[] = [];
  let strategyInSight = false;
  for (const f of (files ?? []).slice(0, MAX_MODULE_FILES)) {
    if (f.text.length > MAX_HCL_SIZE) continue;
    const m = readTerraform(f.text);
    if (!m) continue;
    for (const [k, v] of m.values) if (!values.has(k)) values.set(k, { ...v, file: f.path });
    strategyInSight ||= clusterStrategyInSight(f.text, m);
    out.push({ path: f.path, text: f.text, hasTasks: m.subjects.length > 0 });
  }
  return { files: out, values, strategyInSight };
}

/** Task definitions of another module file, read with the module's values, as the service checks read them. */
function siblingSubjects(f: SiblingFile, values: ReadonlyMap<string, TfValue>, options: LintOptions): TfCheckedSubject[] {
  const m = readTerraform(f.text, values);
  return (m?.subjects ?? []).map((s) => {
    const parsed: ParsedDocument = { text: f.text, analysisText: f.text, root: s.root, syntaxErrors: [], templateTokens: [], placeholderOffsets: s.placeholderOffsets, placeholders: compilePlaceholderPatterns(options.placeholderPatterns), duplicateKeys: s.duplicateKeys };
    const doc = classify(parsed, { ...options, fileName: f.path });
    doc.kind = 'register';
    doc.templated ||= s.placeholderOffsets.size > 0;
    return withLoadedContainers({ address: s.address, file: f.path, text: f.text, parsed, doc }, s, f.path, options);
  });
}

/**
 * The paths (as written, relative to the module folder) of the JSON files the task definitions of these .tf texts
 * load with file()/templatefile(): what a host reads into LintOptions.terraformLoaded. Computed paths are left out.
 */
export function terraformLoadPaths(texts: readonly string[]): Array<{ path: string; fromModule: boolean }> {
  const out = new Map<string, boolean>();
  for (const text of texts) {
    if (text.length > MAX_HCL_SIZE || !/\b(?:file|templatefile)\s*\(/.test(text) || !text.includes(TF_TASK_DEFINITION)) continue;
    for (const s of readTerraform(text)?.subjects ?? []) if (s.link?.path && !s.link.path.includes('${') && !/\.tf(\.json)?$/i.test(s.link.path) && !out.has(s.link.path)) out.set(s.link.path, s.link.fromModule);
  }
  return [...out].map(([path, fromModule]) => ({ path, fromModule }));
}
