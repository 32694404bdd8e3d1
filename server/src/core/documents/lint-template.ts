/**
 * Lints a CloudFormation template: each AWS::ECS::TaskDefinition resource is one subject linted with every rule
 * (checkSubject on the converted tree); reports already point into the template, and are then named after
 * their resource, worded with CloudFormation's property names, and left only the fixes this syntax can apply.
 */
import { classify, type Classification } from './classify';
import { checkSubject, DEFAULT_MAX_FULL_LINT_SIZE, finalize, mapFixes, type LintOutput, type PauseWanted } from '../lint';
import type { ParsedDocument } from '../syntax/parse';
import { compilePlaceholderPatterns } from '../syntax/placeholders';
import { child, rangeOf } from '../syntax/tree';
import type { Node } from 'jsonc-parser';
import { isValidFargatePair } from '../facts/fargate-sizes';
import { isTaskSizeError, parseTaskCpu, parseTaskMemory } from '../facts/task-size-notation';
import type { Diagnostic, Fix, LintOptions } from '../types';
import { cfnNameOf } from './cfn-names';
import { readTemplate, readTemplateSteps, type TemplateSubject, type TemplateSyntax } from './cfn-template';
import { adaptFix } from './template-fixes';
import { checkTemplateServices } from './template-services';

export { TEMPLATE_SKIPPED_RULES } from './skipped-rules';
import { TEMPLATE_SKIPPED_RULES } from './skipped-rules';

export function* lintTemplateSteps(text: string, syntax: TemplateSyntax, options: LintOptions, pause: PauseWanted): Generator<void, LintOutput, void> {
  const template = yield* readTemplateSteps(text, syntax);
  yield;
  const placeholders = compilePlaceholderPatterns(options.placeholderPatterns);
  const parsed: ParsedDocument = {
    text,
    analysisText: text,
    root: template.root,
    syntaxErrors: template.syntaxErrors,
    templateTokens: [],
    placeholderOffsets: new Set(),
    placeholders,
    duplicateKeys: [],
  };
  const out: Diagnostic[] = [];
  const note = (offset: number, message: string) => out.push({ code: 'not-linted', severity: 'information', message, range: { offset, length: Math.min(1, Math.max(0, text.length - offset)) } });
  if (options.rules?.['json-syntax'] !== 'off') {
    for (const e of template.syntaxErrors) out.push({ code: 'json-syntax', severity: options.rules?.['json-syntax'] ?? 'error', message: e.message, range: { offset: e.offset, length: e.length } });
  }
  if (template.truncated) note(template.truncated.offset, template.truncated.message);
  const limit = options.maxFullLintSize ?? DEFAULT_MAX_FULL_LINT_SIZE;
  if (text.length > limit && template.subjects.length > 0) {
    note(0, `This file is ${text.length} characters long, above the ${limit}-character limit (setting ecsTaskdef.maxFileSize); only syntax and size were checked.`);
  }
  if (!template.isTemplate && template.syntaxErrors.length === 0 && !template.truncated) {
    note(0, 'This YAML file is not a CloudFormation template; ecs-taskdef lints task definitions in templates and JSON files.');
  }
  const launchTypes = new Set<string>();
  const subjects: NonNullable<LintOutput['subjects']> = [];
  const checked: Parameters<typeof checkTemplateServices>[2][number][] = [];
  for (const subject of template.subjects) {
    const sub: ParsedDocument = { text, analysisText: text, root: subject.root, syntaxErrors: [], templateTokens: [], placeholderOffsets: subject.placeholderOffsets, placeholders, duplicateKeys: subject.duplicateKeys };
    const doc = classify(sub, options);
    doc.kind = 'register'; // a resource's Properties are register input, whatever keys it holds
    doc.templated ||= subject.placeholderOffsets.size > 0;
    subjects.push({ parsed: sub, doc, logicalId: subject.logicalId, idRange: rangeOf(subject.idNode) });
    checked.push({ subject, parsed: sub, doc });
    launchTypes.add(doc.launchType);
    const raw = yield* checkSubject(text, sub, doc, options, pause, TEMPLATE_SKIPPED_RULES);
    for (const d of finalize(raw, options)) out.push(inTemplate(d, subject, syntax));
    for (const d of allowedSizeFindings(subject, doc, options)) if (!out.some((x) => x.code === d.code && x.range.offset === d.range.offset)) out.push(d);
  }
  // Each AWS::ECS::Service against the task definition it names in this template (the kind-S rules).
  if (template.isTemplate && template.syntaxErrors.length === 0) {
    for (const s of checkTemplateServices(text, template.root, checked, options)) {
      for (const d of finalize(s.diagnostics, options)) {
        out.push({ ...d, message: `${s.logicalId}: ${serviceWording(cfnWording(d.message))}`, related: [...(d.related ?? []), { range: rangeOf(s.idNode), message: `In resource ${s.logicalId} (AWS::ECS::Service).` }] });
      }
    }
  }
  out.sort((a, b) => a.range.offset - b.range.offset);
  const launchType = launchTypes.size === 1 ? [...launchTypes][0] : launchTypes.size === 0 ? 'unknown' : [...launchTypes].join(' | ');
  const templated = subjects.some((s) => s.doc.templated);
  // The template as a whole has no task of its own: hover goes to the subject under the cursor instead.
  const doc: Classification = { kind: 'cfn-template', containers: [], containersTemplated: false, launch: new Set(), launchType, launchSource: 'none', os: 'unknown', networkModeExplicit: false, templated };
  return { kind: 'cfn-template', launchType, templated, diagnostics: out, parsed, doc, subjects };
}

/**
 * `Cpu` or `Memory` from a parameter with AllowedValues, on Fargate: every allowed value must form a Fargate size
 * with at least one value the other side can take, or choosing it fails the deploy. Pairs of two lists are not
 * all required to fit (the stack picks matching ones); a value that fits nothing is reported on the parameter.
 */
function allowedSizeFindings(subject: TemplateSubject, doc: Classification, options: LintOptions): Diagnostic[] {
  if (!doc.launch.has('F') || options.rules?.['fargate-cpu-memory'] === 'off') return [];
  const side = (key: 'cpu' | 'memory') => {
    const node = child(subject.root, key);
    if (!node) return undefined;
    const param = subject.refs.get(node.offset);
    // A parameter without AllowedValues can be anything at deploy time (its Default included): nothing to pair with.
    const values = param ? param.allowed : subject.placeholderOffsets.has(node.offset) ? undefined : [node];
    if (!values) return undefined;
    const parse = (v: Node) => {
      if (typeof v.value !== 'string' && typeof v.value !== 'number') return undefined;
      const p = key === 'cpu' ? parseTaskCpu(v.value as string | number) : parseTaskMemory(v.value as string | number);
      return isTaskSizeError(p) ? undefined : 'units' in p ? p.units : p.mib;
    };
    return { param: param?.allowed ? param : undefined, values: values.map((v) => ({ node: v, n: parse(v) })).filter((x): x is { node: Node; n: number } => x.n !== undefined) };
  };
  const cpu = side('cpu');
  const memory = side('memory');
  if (!cpu || !memory || (!cpu.param && !memory.param) || cpu.values.length === 0 || memory.values.length === 0) return [];
  const out: Diagnostic[] = [];
  const check = (mine: NonNullable<typeof cpu>, other: NonNullable<typeof cpu>, isCpu: boolean) => {
    if (!mine.param) return;
    for (const v of mine.values) {
      const fits = other.values.some((o) => (isCpu ? isValidFargatePair(v.n, o.n) : isValidFargatePair(o.n, v.n)));
      if (fits) continue;
      const others = other.values.map((o) => String(o.node.value)).join(', ');
      out.push({
        code: 'fargate-cpu-memory',
        severity: 'warning',
        message: `${subject.logicalId}: parameter ${mine.param.name} allows ${isCpu ? 'Cpu' : 'Memory'} ${String(v.node.value)}, which is no Fargate size with ${isCpu ? 'Memory' : 'Cpu'} ${others}; drop it or add a matching value.`,
        range: rangeOf(v.node),
        related: [{ range: rangeOf(subject.idNode), message: `Used by resource ${subject.logicalId} (AWS::ECS::TaskDefinition).` }],
      });
    }
  };
  check(cpu, memory, true);
  check(memory, cpu, false);
  return out;
}

/** The template's subjects, read and classified but not linted (completion on a line being typed). */
export function templateSubjects(text: string, syntax: TemplateSyntax, options: LintOptions = {}): Array<{ parsed: ParsedDocument; doc: Classification }> {
  const placeholders = compilePlaceholderPatterns(options.placeholderPatterns);
  return readTemplate(text, syntax).subjects.map((subject) => {
    const sub: ParsedDocument = { text, analysisText: text, root: subject.root, syntaxErrors: [], templateTokens: [], placeholderOffsets: subject.placeholderOffsets, placeholders, duplicateKeys: subject.duplicateKeys };
    const doc = classify(sub, options);
    doc.kind = 'register';
    return { parsed: sub, doc };
  });
}

/** A subject's diagnostic as the template shows it. */
function inTemplate(d: Diagnostic, subject: TemplateSubject, syntax: TemplateSyntax): Diagnostic {
  // A report about the task as a whole is anchored at its root: in a template that is the resource's logical id.
  if (d.range.offset === subject.root.offset && (d.range.length <= 1 || !subject.properties)) d.range = rangeOf(subject.idNode);
  const who = subject.cdkPath ?? subject.logicalId;
  const viaDefault = [...subject.resolved].map(([o, length]) => ({ o, length, p: subject.refs.get(o)! })).find(({ o, length }) => d.range.offset >= o && d.range.offset < o + length);
  if (viaDefault?.p.default) {
    // Checked with the parameter's Default: a deploy may pass another value, so this is a warning at most.
    if (d.severity === 'error') d.severity = 'warning';
    const def = viaDefault.p.default;
    const refText = subject.sourceText.slice(viaDefault.o, viaDefault.o + viaDefault.length);
    if (refText) d.message = d.message.split(refText).join(String(def.value));
    d.related = [...(d.related ?? []), { range: rangeOf(def), message: `Checked with the Default of parameter ${viaDefault.p.name} (${String(def.value)}); a stack deployed with another value is judged by that value.` }];
  }
  d.message = `${who}: ${cfnWording(d.message)}`;
  d.related = [...(d.related ?? []).map((r) => ({ ...r, message: cfnWording(r.message) })), { range: rangeOf(subject.idNode), message: `In ${subject.cdkPath ? `construct ${subject.cdkPath}, ` : ''}resource ${subject.logicalId} (AWS::ECS::TaskDefinition).` }];
  mapFixes(d, (f) => {
    const adapted = adaptFix(f, subject, syntax);
    return adapted && { ...adapted, title: templateTitle(adapted) };
  });
  return d;
}

/** A fix's title in the template: CloudFormation's names; an ARN the writer completed with `${AWS::AccountId}` needs no filling in. */
function templateTitle(f: Fix): string {
  const title = cfnWording(f.title);
  return f.edits.some((e) => e.content.includes('${AWS::AccountId}')) ? title.replace('; fill in the account', '') : title;
}

/** API member names in a message, in CloudFormation's spelling: `ephemeralStorage.sizeInGiB` → `EphemeralStorage.SizeInGiB`. */
export function cfnWording(message: string): string {
  const name = (w: string) => cfnNameOf(w) ?? w;
  return message
    .replace(/(?<![\w$/:.-])([a-z][a-z0-9]*[A-Z][A-Za-z0-9]*|'[a-z][a-z0-9]+'|[a-z]+(?=\.[a-z]+[A-Z]))(?![\w(-])/g, (word) =>
      word.startsWith("'") ? `'${name(word.slice(1, -1))}'` : name(word),
    )
    .replace(/(?<=\b[A-Z][A-Za-z]*\.)([a-z][A-Za-z0-9]*)\b/g, name)
    .replace(/(?<=^(?:Set|Remove|Add) )[a-z][A-Za-z0-9]*\b/, name) // fix titles: "Set cpu to 512"
    .replace(/(?<=^Add [A-Za-z]+ \S+ \/ )[a-z][A-Za-z0-9]*\b/, name) // "Add cpu 256 / memory 512"
    .replace(/(?<=include: )[A-Za-z0-9, ]+/, (list) => list.split(', ').map(name).join(', '));
}

/** Service property names in a message, as AWS::ECS::Service spells them. */
function serviceWording(message: string): string {
  return message
    .replace(/\b(networkConfiguration|awsvpcConfiguration|deploymentCircuitBreaker|deploymentConfiguration|maximumPercent|minimumHealthyPercent|desiredCount|launchType|schedulingStrategy)\b/g, (w) => w[0].toUpperCase() + w.slice(1))
    .replace(/\bremove role\b/, 'remove Role')
    .replace(/\bset rollback\b/, 'set Rollback');
}
