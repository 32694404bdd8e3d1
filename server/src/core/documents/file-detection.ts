/** Which files are task definitions: by name, by content, or by user globs (same logic for the CLI and the LSP). */
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { isLoneContainer } from './lone-container';
import { GlobMatcher } from '../config/glob-match';
import { isTemplateFileName, looksLikeCfnTemplate, TASK_DEFINITION_TYPE } from './cfn-detect';
import { looksLikeTerraformPlan } from './tf-plan';

const NAME_PATTERNS = [
  /task[-_.]?def/i, // task-def, taskdef, task_def, task-definition, taskdefinition
  /task[-_]definition/i,
  /container[-_]?definition/i,
  /^ecs[-_].*task.*\.json$/i,
];

/** True when the file name looks like a task definition (`*task-def*.json`, `*taskdef*.jsonc`, …). */
export function isTaskDefinitionFileName(path: string): boolean {
  const p = path.replace(/\\/g, '/');
  const base = p.slice(p.lastIndexOf('/') + 1);
  if (base === '.ecs-taskdef.json') return false; // the config file (core/config.ts), not a task definition
  if (!/\.jsonc?$/i.test(base) && !/\.json\.tpl$/i.test(base)) return false;
  return /(^|\/)\.aws\/[^/]*\.json$/i.test(p) || NAME_PATTERNS.some((re) => re.test(base));
}

const HEAD = 64 * 1024;

/** True when the content looks like a task definition: containerDefinitions, a taskDefinition wrapper, or a container array. */
export function looksLikeTaskDefinition(text: string): boolean {
  const head = text.slice(0, HEAD);
  if (/"containerDefinitions"\s*:/.test(head)) return !/"AWSTemplateFormatVersion"|"Resources"\s*:/.test(head);
  if (/"taskDefinition"\s*:\s*\{/.test(head)) return true;
  const first = /^\s*(?:\/\/[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*(\S)/.exec(head);
  if (first?.[1] === '[') return /"image"\s*:/.test(head) && /"name"\s*:/.test(head);
  return first?.[1] === '{' && text.length <= HEAD && looksLikeLoneContainer(text);
}

/** Keys that only a container definition has: `name` and `image` alone are too common to mean a container. */
const CONTAINER_ONLY_KEYS = ['portMappings', 'essential', 'logConfiguration', 'memoryReservation', 'healthCheck', 'mountPoints', 'entryPoint', 'dependsOn'];

/** One container object (what --container-definitions or Terraform gets by mistake): top-level keys decide. */
function looksLikeLoneContainer(text: string): boolean {
  if (!/"image"\s*:/.test(text) || !CONTAINER_ONLY_KEYS.some((k) => text.includes(`"${k}"`))) return false;
  const root = parseTree(text, [], { allowTrailingComma: true });
  if (!root || !isLoneContainer(root)) return false;
  return CONTAINER_ONLY_KEYS.some((k) => findNodeAtLocation(root, [k]) !== undefined);
}

/** Globs from settings and `.ecs-taskdef.json`: matched in linear time (glob-match.ts), never as a RegExp. */
export function matchesAnyGlob(path: string, globs: readonly string[] | undefined): boolean {
  if (!globs?.length) return false;
  const p = path.replace(/\\/g, '/');
  return globs.some((g) => matcher(g).matches(p));
}

const matchers = new Map<string, GlobMatcher>();
function matcher(glob: string): GlobMatcher {
  let m = matchers.get(glob);
  if (!m) {
    if (matchers.size >= 256) matchers.clear();
    m = new GlobMatcher(glob);
    matchers.set(glob, m);
  }
  return m;
}

/** A CloudFormation template (YAML or JSON, CDK's `*.template.json` included) that holds a task definition. */
export function isTaskDefinitionTemplate(path: string, text: string): boolean {
  return isTemplateFileName(path) && looksLikeCfnTemplate(text) && text.includes(TASK_DEFINITION_TYPE);
}

/** A Terraform file that declares an aws_ecs_task_definition or aws_ecs_service resource (a module's service.tf). */
export function isTaskDefinitionTerraform(path: string, text: string): boolean {
  return /\.tf$/i.test(path) && /resource\s+"aws_ecs_(?:task_definition|service)"/.test(text);
}

/** The decision the LSP and the CLI directory scan share. */
export function shouldLint(path: string, text: string, extraGlobs?: readonly string[]): boolean {
  if (/\.tf$/i.test(path)) return isTaskDefinitionTerraform(path, text) || matchesAnyGlob(path, extraGlobs);
  if (/\.json$/i.test(path) && text.includes('"aws_ecs_task_definition"') && looksLikeTerraformPlan(text)) return true;
  return isTaskDefinitionFileName(path) || matchesAnyGlob(path, extraGlobs) || looksLikeTaskDefinition(text) || isTaskDefinitionTemplate(path, text);
}
