/** Shared types of the core. Offsets are UTF-16 code-unit offsets into the document text. */

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];
export type SeveritySetting = Severity | 'off';

export interface OffsetRange {
  offset: number;
  length: number;
}

/** A text replacement on the original document (as produced by jsonc-parser `modify`). */
export interface TextEdit {
  offset: number;
  length: number;
  content: string;
}

export interface Fix {
  title: string;
  /** Marked `isPreferred` in the editor; applied by `ecs-taskdef fix` and fix-on-save. */
  preferred?: boolean;
  edits: TextEdit[];
}

export interface RelatedInfo {
  range: OffsetRange;
  message: string;
  /** The linked file the range points into (its repository-relative path); absent: the same document. */
  file?: string;
}

export interface Diagnostic {
  /** Rule id from the catalog; also the LSP `code`. */
  code: string;
  severity: Severity;
  message: string;
  range: OffsetRange;
  related?: RelatedInfo[];
  fixes?: Fix[];
  /** Set when the value at `range` is (or contains) a template placeholder: caps severity at warning. */
  placeholder?: boolean;
  /** Two diagnostics with the same dedupe key describe one mistake; the higher-precedence rule wins. */
  dedupeKey?: string;
  /**
   * Part of a mistake already reported by another diagnostic of the same rule: always a hint, shown faded
   * (LSP DiagnosticTag.Unnecessary); severity overrides apply to the main finding only.
   */
  unnecessary?: true;
}

/** Document kinds of RULES.md §1.2. */
export type DocKind = 'register' | 'describe' | 'container-array' | 'cfn-template' | 'terraform' | 'not-task-definition' | 'invalid' | 'workflow' | 'appspec' | 'service';

/** Launch-type letters of RULES.md §1.3 (U = unknown is the empty set). */
export type LaunchLetter = 'F' | 'E' | 'X' | 'M';
export type LaunchTypeName = 'FARGATE' | 'EC2' | 'EXTERNAL' | 'MANAGED_INSTANCES';
export const LAUNCH_LETTERS: Record<LaunchTypeName, LaunchLetter> = {
  FARGATE: 'F',
  EC2: 'E',
  EXTERNAL: 'X',
  MANAGED_INSTANCES: 'M',
};

export type OsFamily = 'linux' | 'windows' | 'unknown';

export interface LintOptions {
  /** File name, used for messages only (the core never reads files). */
  fileName?: string;
  /** Launch type to assume when the document declares none (setting, config file or CLI flag). */
  defaultLaunchType?: LaunchTypeName;
  /** Per-rule severity overrides; 'off' disables the rule. */
  rules?: Record<string, SeveritySetting>;
  /** Above this many characters, costly rules are skipped (one information diagnostic says so). */
  maxFullLintSize?: number;
  /** Extra placeholder regexes (source strings) from settings/config. */
  placeholderPatterns?: string[];
  /** Image tags that move (setting ecsTaskdef.mutableTags); default ["latest"]. Used by image-mutable-tag. */
  mutableTags?: string[];
  /**
   * Files that deploy this task definition (workspace/deploy-context.ts): null values and the keys the ECS deploy
   * action drops fade to hints, and the image findings of the containers a render step names are left out.
   */
  deployedBy?: import('./workspace/deploy-context').DeployContext[];
  /**
   * The other .tf files of a Terraform file's folder (a folder is one module): their locals, variables' defaults,
   * resources and task definitions are in sight (a service in service.tf runs the task definition of task.tf).
   */
  terraformModule?: ReadonlyArray<{ path: string; text: string }>;
  /**
   * The JSON files the module's task definitions load with file()/templatefile(), by the path as written there
   * (`${path.module}/` taken off): their containers are what a service of the module runs (its load_balancer,
   * service_connect_configuration are checked against them). The host reads them; absent means unknown.
   */
  terraformLoaded?: ReadonlyArray<{ path: string; text: string }>;
  /**
   * For a JSON file that a Terraform resource loads with file()/templatefile(): the .tf file and the resource's
   * address; the file is linted as that resource's containers, with its launch type, network mode, size and roles.
   */
  loadedBy?: { path: string; text: string; address: string; module?: ReadonlyArray<{ path: string; text: string }> };
}

export interface LintResult {
  kind: DocKind;
  /** Launch type as shown to users: "FARGATE", "EC2", "EC2,EXTERNAL" or "unknown". */
  launchType: string;
  /** True when the document contains template placeholders. */
  templated: boolean;
  diagnostics: Diagnostic[];
}
