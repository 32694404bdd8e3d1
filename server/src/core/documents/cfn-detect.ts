/**
 * Which files are CloudFormation templates, from their name and content only (no parser: the client and the
 * CLI's directory scan use it on every candidate file).
 */
export type TemplateSyntax = 'json' | 'yaml';

const HEAD = 64 * 1024;

/** True when the text reads as a CloudFormation template: a format version, or Resources holding `AWS::…` types. */
export function looksLikeCfnTemplate(text: string): boolean {
  const head = text.slice(0, HEAD);
  if (/["']?AWSTemplateFormatVersion["']?\s*:/.test(head)) return true;
  return /(^|[\s{,])["']?Resources["']?\s*:/.test(head) && /["']?Type["']?\s*:\s*["']?AWS::[A-Za-z0-9]+::[A-Za-z0-9]+/.test(head);
}

/** A file name CloudFormation templates use (CDK writes `*.template.json`). */
export function isTemplateFileName(path: string): boolean {
  return /\.(ya?ml|json|template)$/i.test(path);
}

export function isYamlFileName(path: string | undefined): boolean {
  return !!path && /\.ya?ml$/i.test(path);
}

/**
 * The syntax to read `text` with when it is a template (or a YAML file, which is never read as JSON), else
 * undefined: the task-definition JSON path takes it.
 */
export function templateSyntax(text: string, fileName?: string): TemplateSyntax | undefined {
  if (isYamlFileName(fileName)) return 'yaml';
  if (!looksLikeCfnTemplate(text)) return undefined;
  if (fileName && /\.json$/i.test(fileName)) return 'json';
  return /^\s*(\/\/[^\n]*\n\s*)*[{[]/.test(text.slice(0, 4096)) ? 'json' : 'yaml';
}

export const TASK_DEFINITION_TYPE = 'AWS::ECS::TaskDefinition';
