/**
 * Lints a CloudFormation template: each AWS::ECS::TaskDefinition resource is one subject linted with every rule
 * (checkSubject on the converted tree); reports already point into the template, and are then named after
 * their resource, worded with CloudFormation's property names, and left only the fixes this syntax can apply.
 */
import { classify, type Classification } from './classify';
import { checkSubject, DEFAULT_MAX_FULL_LINT_SIZE, finalize, type LintOutput } from '../lint';
import type { ParsedDocument } from '../syntax/parse';
import { rangeOf } from '../syntax/tree';
import type { Diagnostic, Fix, LintOptions } from '../types';
import { cfnNameOf } from './cfn-names';
import { readTemplateSteps, type TemplateSubject, type TemplateSyntax } from './cfn-template';
import { adaptFix } from './template-fixes';

/** Rules that judge a describe output or a file rather than a resource: CloudFormation takes neither. */
export const TEMPLATE_SKIPPED_RULES: ReadonlySet<string> = new Set(['read-only-property', 'json-syntax']);

export function* lintTemplateSteps(text: string, syntax: TemplateSyntax, options: LintOptions): Generator<void, LintOutput, void> {
  const template = yield* readTemplateSteps(text, syntax);
  yield;
  const parsed: ParsedDocument = {
    text,
    analysisText: text,
    root: template.root,
    syntaxErrors: template.syntaxErrors,
    templateTokens: [],
    placeholderOffsets: new Set(),
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
  for (const subject of template.subjects) {
    const sub: ParsedDocument = { text, analysisText: text, root: subject.root, syntaxErrors: [], templateTokens: [], placeholderOffsets: subject.placeholderOffsets, duplicateKeys: subject.duplicateKeys };
    const doc = classify(sub, options);
    doc.kind = 'register'; // a resource's Properties are register input, whatever keys it holds
    doc.templated ||= subject.placeholderOffsets.size > 0;
    subjects.push({ parsed: sub, doc });
    launchTypes.add(doc.launchType);
    const raw = yield* checkSubject(text, sub, doc, options, TEMPLATE_SKIPPED_RULES);
    for (const d of finalize(raw, options)) out.push(inTemplate(d, subject, syntax));
  }
  out.sort((a, b) => a.range.offset - b.range.offset);
  const launchType = launchTypes.size === 1 ? [...launchTypes][0] : launchTypes.size === 0 ? 'unknown' : [...launchTypes].join(' | ');
  const templated = subjects.some((s) => s.doc.templated);
  // The template as a whole has no task of its own: hover goes to the subject under the cursor instead.
  const doc: Classification = { kind: 'cfn-template', containers: [], containersTemplated: false, launch: new Set(), launchType, launchSource: 'none', os: 'unknown', networkModeExplicit: false, templated };
  return { kind: 'cfn-template', launchType, templated, diagnostics: out, parsed, doc, subjects };
}

/** A subject's diagnostic as the template shows it. */
function inTemplate(d: Diagnostic, subject: TemplateSubject, syntax: TemplateSyntax): Diagnostic {
  // A report about the task as a whole is anchored at its root: in a template that is the resource's logical id.
  if (d.range.offset === subject.root.offset && (d.range.length <= 1 || !subject.properties)) d.range = rangeOf(subject.idNode);
  const who = subject.cdkPath ?? subject.logicalId;
  d.message = `${who}: ${cfnWording(d.message)}`;
  d.related = [...(d.related ?? []).map((r) => ({ ...r, message: cfnWording(r.message) })), { range: rangeOf(subject.idNode), message: `In ${subject.cdkPath ? `construct ${subject.cdkPath}, ` : ''}resource ${subject.logicalId} (AWS::ECS::TaskDefinition).` }];
  const desc = Object.getOwnPropertyDescriptor(d, 'fixes');
  if (desc) {
    let built: Fix[] | undefined;
    Object.defineProperty(d, 'fixes', {
      enumerable: true,
      configurable: true,
      get: () => {
        if (!built) {
          let fixes: Fix[] | undefined;
          try {
            fixes = desc.get ? (desc.get.call(d) as Fix[] | undefined) : (desc.value as Fix[] | undefined);
          } catch {
            fixes = undefined; // a JSON helper that cannot read this template: no fix, never a crash
          }
          built = (fixes ?? []).map((f) => adaptFix(f, subject, syntax)).filter((f): f is Fix => !!f).map((f) => ({ ...f, title: cfnWording(f.title) }));
        }
        return built.length > 0 ? built : undefined;
      },
      set: (v: Fix[] | undefined) => (built = v ?? []),
    });
  }
  return d;
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
    .replace(/(?<=include: )[A-Za-z0-9, ]+/, (list) => list.split(', ').map(name).join(', '));
}
