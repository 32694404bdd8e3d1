/** The shape of a rule: metadata as data plus one check function (STYLE.md). */
import type { Node } from 'jsonc-parser';
import type { Classification } from '../documents/classify';
import type { ParsedDocument } from '../syntax/parse';
import type { PlaceholderField } from '../syntax/placeholders';
import type { ServiceRuleContext } from '../workspace/service-context';
import type { WorkflowRuleContext } from '../workspace/workflow-context';
import type { Diagnostic, Fix, LaunchLetter, LintOptions, OffsetRange, Severity } from '../types';

/**
 * R register input, D describe output, A container-definitions array (RULES.md §1.2); W a workflow that deploys one;
 * S a service that runs one (service definition, CodeDeploy appspec, CloudFormation AWS::ECS::Service).
 */
export type KindLetter = 'R' | 'D' | 'A' | 'W' | 'S';

export type RuleCategory =
  | 'document'
  | 'fargate'
  | 'roles'
  | 'networking'
  | 'containers'
  | 'health'
  | 'security'
  | 'deployment';

export interface RuleMeta {
  /** Catalog id (kebab-case, stable): the diagnostic code. */
  id: string;
  /** Default severity. */
  severity: Severity;
  kinds: KindLetter[];
  /** 'any' includes unknown; a list fires only when the launch set meets it ('U' = unknown launch type). */
  launch: 'any' | Array<LaunchLetter | 'U'>;
  category: RuleCategory;
  /** One line for tables: what it catches. */
  summary: string;
  /** Markdown, our own words: what the user did wrong, why ECS cares, how to fix it. */
  docs: string;
  /** Bad and good examples (JSONC) for the docs page. */
  examples?: { bad: string; good: string };
  /** What the fixes do, for the docs page. */
  fixDocs?: string;
  /** Sub-case severities, for the docs page (e.g. "warning: numeric strings"). */
  subCases?: string[];
  /** Where the facts come from (URLs or short citations). */
  sources?: string[];
  /**
   * Reported by the schema validator (ajv error translation) rather than by `check`; the rule file then
   * holds metadata only and the schema module is its implementation.
   */
  fromSchema?: boolean;
}

export interface Report {
  /** The offending key or value; or give `range`. */
  node?: Node;
  range?: OffsetRange;
  message: string;
  /** A sub-case severity; user overrides still replace it. */
  severity?: Severity;
  /** `file`: a linked file the range points into (workflow and service rules), as RelatedInfo.file. */
  related?: Array<{ node?: Node; range?: OffsetRange; message: string; file?: string }>;
  /**
   * Fixes, or a function that builds them on first use: give the function when building scans or re-parses the
   * text (removeEdits, setPropertyEdits, chainEdits, an ARN from the document…), so typing never pays for it.
   * It runs when a code action, `fix` or JSON output asks, maybe after other lints: the placeholder checks it asks
   * read the patterns the document carries (ParsedDocument.placeholders), never another lint's. An empty list
   * means no fixes.
   */
  fixes?: Fix[] | (() => Fix[]);
  /** The reported value is or contains a template placeholder (caps the severity at warning). */
  placeholder?: boolean;
  /** Same key = same mistake; the higher-precedence rule's report wins. Defaults to the range. */
  dedupeKey?: string;
  /** Part of a mistake another report of this rule carries: a faded hint whatever the severity settings. */
  unnecessary?: true;
  /**
   * Reports of one rule with the same group are one mistake the user fixes at once. After precedence, the first
   * survivor is the finding (its `lead` rewords it for the others: message, related, fixes) and the rest
   * become faded hints. A group of one is reported as it is.
   */
  group?: { key: string; lead?: (others: ReadonlyArray<Diagnostic>) => Pick<Report, 'message' | 'related' | 'fixes'> };
}

export interface RuleContext {
  text: string;
  parsed: ParsedDocument;
  doc: Classification;
  options: LintOptions;
  report(r: Report): void;
  /** True when the node's whole value is a template placeholder (skip value checks on it). */
  isPlaceholder(node: Node | undefined, field?: PlaceholderField): boolean;
  /** True when the launch set contains this letter. */
  launchIs(letter: LaunchLetter): boolean;
}

export interface Rule extends RuleMeta {
  /** Absent for `fromSchema` rules, which the schema validator implements, and for workflow rules (kind W). */
  check?(ctx: RuleContext): void;
  /** A kind-W rule's check: a workflow's ECS deploy steps against the files they link (workspace/check-workflow.ts). */
  checkWorkflow?(ctx: WorkflowRuleContext): void;
  /** A kind-S rule's check: one service against the task definition it runs, when found (workspace/check-service.ts). */
  checkService?(ctx: ServiceRuleContext): void;
}

/** Identity helper that gives rule files type checking and a uniform shape. */
export function defineRule(rule: Rule): Rule {
  return rule;
}
