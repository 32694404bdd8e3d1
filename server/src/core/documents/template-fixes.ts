/**
 * Which fixes survive in a template. Rules build JSON edits against the subject's nodes, whose offsets are the
 * template's. In a JSON template an edit is kept when it stays inside the resource's Properties and adds or
 * renames no key (a new key would carry the API's camelCase name, not CloudFormation's). In YAML only a
 * replaced scalar can be written faithfully (fixes/yaml-writer.ts); every other fix is dropped there.
 */
import type { Fix, TextEdit } from '../types';
import { yamlScalar } from '../fixes/yaml-writer';
import type { TemplateSubject, TemplateSyntax } from './cfn-template';

const NEW_KEY = /"(?:[^"\\]|\\.)*"\s*:/;

export function adaptFix(fix: Fix, subject: TemplateSubject, syntax: TemplateSyntax): Fix | undefined {
  if (fix.edits.length === 0) return undefined;
  const edits = syntax === 'json' ? fix.edits.every((e) => jsonEditFits(e, subject)) && fix.edits : yamlEdits(fix.edits, subject);
  return edits ? { ...fix, edits } : undefined;
}

function jsonEditFits(e: TextEdit, subject: TemplateSubject): boolean {
  const p = subject.properties;
  if (!p || e.offset < p.offset || e.offset + e.length > p.offset + p.length) return false;
  if (e.length > 0 && subject.keyOffsets.has(e.offset) && e.content !== '') return false; // a key renamed to an API name
  return !NEW_KEY.test(e.content);
}

function yamlEdits(edits: readonly TextEdit[], subject: TemplateSubject): TextEdit[] | undefined {
  const text = subject.sourceText;
  const out: TextEdit[] = [];
  for (const e of edits) {
    const node = subject.scalars.get(e.offset);
    if (!node || node.length !== e.length || e.length === 0 || subject.placeholderOffsets.has(e.offset)) return undefined;
    const p = subject.properties;
    if (!p || e.offset < p.offset || e.offset + e.length > p.offset + p.length) return undefined;
    if (subject.anchored.some((a) => e.offset < a.end && e.offset + e.length > a.start)) return undefined; // shared through aliases
    let value: unknown;
    try {
      value = JSON.parse(e.content);
    } catch {
      return undefined;
    }
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return undefined;
    out.push({ offset: e.offset, length: e.length, content: yamlScalar(value, text.slice(e.offset, e.offset + e.length)) });
  }
  return out;
}
