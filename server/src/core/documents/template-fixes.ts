/**
 * Which fixes survive in a template. Fixes stated through the fix helpers (replace, remove, set, insert, append,
 * rename, chains of them) were written by the subject's template writer (template-writer.ts) in the template's
 * syntax and names, and already checked there: they are kept. A rule that builds a raw JSON edit itself is kept in
 * a JSON template when it stays inside the resource's Properties and adds or renames no key (a new key would
 * carry the API's camelCase name); in YAML only a raw replaced scalar can be rewritten faithfully. A fix with
 * any edit the writer refused is dropped whole.
 */
import type { Fix, TextEdit } from '../types';
import { isRefused } from '../fixes/writer';
import { yamlScalar } from '../fixes/yaml-writer';
import type { TemplateSubject, TemplateSyntax } from './cfn-template';
import { writtenByTemplateWriter } from './template-writer';

const NEW_KEY = /"(?:[^"\\]|\\.)*"\s*:/;

export function adaptFix(fix: Fix, subject: TemplateSubject, syntax: TemplateSyntax): Fix | undefined {
  if (fix.edits.length === 0 || isRefused(fix.edits)) return undefined;
  if (fix.edits.every(writtenByTemplateWriter)) return fix;
  const raw = fix.edits.filter((e) => !writtenByTemplateWriter(e));
  const adapted = syntax === 'json' ? raw.every((e) => jsonEditFits(e, subject)) && raw : yamlEdits(raw, subject);
  return adapted ? { ...fix, edits: fix.edits.map((e) => (writtenByTemplateWriter(e) ? e : adapted[raw.indexOf(e)])) } : undefined;
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
