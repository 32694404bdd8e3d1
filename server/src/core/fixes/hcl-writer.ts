/**
 * Fixes in Terraform files. Rules describe their fixes as JSON text edits on the subject's nodes (whose offsets
 * are the .tf file's); this writer turns each edit into HCL or drops the fix:
 *
 * - inside `jsonencode([...])`: JSON members and values are valid HCL object syntax (`"key": value`, commas), so
 *   an edit is kept with `${`/`%{` in strings escaped as `$${`/`%%{`;
 * - inside a heredoc of JSON: the edit is JSON already and kept as is;
 * - on a task-level argument or nested block: a replaced scalar becomes an HCL literal (`"512"`, `true`), and an
 *   inserted `"key": value` becomes `snake_name = value` on a line of its own after the block's last argument.
 *
 * Dropped: removing or renaming a task-level argument (an HCL argument has no comma to share and a rename would
 * need the Terraform name), values that are objects at task level, edits inside a quoted string of JSON
 * (escaping), anything touching a placeholder, and any result that no longer parses. Kept behind `FixWriter`
 * so it can join the intent-based writer of the YAML work later.
 */
import type { Fix, TextEdit } from '../types';
import type { TfSubject } from '../documents/tf-module';
import type { TfField } from '../documents/tf-names';
import { applyTextEdits } from './edits';
import { parseHcl } from '../syntax/hcl';

export interface FixWriter {
  /** The fix in this syntax, or undefined when it cannot be written faithfully. */
  adapt(fix: Fix): Fix | undefined;
}

/** A value as an HCL literal: strings quoted with HCL escapes, numbers, booleans, lists of those. */
export function hclLiteral(value: unknown): string | undefined {
  if (typeof value === 'string') return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\$\{/g, '$${').replace(/%\{/g, '%%{')}"`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    const parts = value.map(hclLiteral);
    return parts.every((p) => p !== undefined) ? `[${parts.join(', ')}]` : undefined;
  }
  return undefined;
}

export class HclFixWriter implements FixWriter {
  constructor(private readonly subject: TfSubject) {}

  adapt(fix: Fix): Fix | undefined {
    if (fix.edits.length === 0) return undefined;
    const edits: TextEdit[] = [];
    for (const e of fix.edits) {
      const out = this.edit(e);
      if (!out) return undefined;
      edits.push(out);
    }
    if (!this.stillParses(edits)) return undefined;
    return { ...fix, edits };
  }

  private edit(e: TextEdit): TextEdit | undefined {
    const s = this.subject;
    const end = e.offset + e.length;
    // A value read through var.x/local.x belongs to its declaration, not to the reference.
    for (const [at, v] of s.resolved) if (e.offset < at + v.name.length && end > at) return undefined;
    for (const p of s.placeholderOffsets) {
      const n = s.scalars.get(p);
      if (n && e.offset < n.offset + n.length && end > n.offset) return undefined;
    }
    const span = s.jsonSpans.find((j) => e.offset >= j.offset && end <= j.offset + j.length);
    if (span) {
      if (span.kind === 'json-text') return s.sourceText[span.offset - 1] === '"' ? undefined : e;
      return { ...e, content: e.content.replace(/\$\{/g, '$${').replace(/%\{/g, '%%{') };
    }
    if (e.offset < s.block.offset || end > s.block.offset + s.block.length) return undefined;
    // A task-level scalar replaced in place.
    const node = s.scalars.get(e.offset);
    if (node && e.length === node.length && e.length > 0) {
      const value = parseJson(e.content);
      // `memory = 300` stays a number (`512`): Terraform converts it to the string the provider takes.
      const original = s.sourceText.slice(e.offset, e.offset + e.length);
      if (typeof value === 'string' && /^\d+$/.test(value) && /^\d+$/.test(original)) return { ...e, content: value };
      const lit = value === NONE ? undefined : hclLiteral(value);
      return lit === undefined ? undefined : { ...e, content: lit };
    }
    if (e.length === 0) return this.insertArgument(e);
    return undefined;
  }

  /** `"cpu": "256"` inserted into the task (or a nested block) → `cpu = "256"` after the block's last argument. */
  private insertArgument(e: TextEdit): TextEdit | undefined {
    const m = /^\s*,?\s*"([A-Za-z][A-Za-z0-9]*)"\s*:\s*([\s\S]*?)\s*,?\s*$/.exec(e.content);
    if (!m) return undefined;
    const value = parseJson(m[2]);
    const lit = value === NONE ? undefined : hclLiteral(value);
    if (lit === undefined) return undefined;
    const s = this.subject;
    const block = s.blocks.filter((b) => e.offset > b.offset && e.offset < b.offset + b.length).sort((a, b) => a.length - b.length)[0];
    const target = block ?? s.body;
    const tf = tfArgument(target.fields, m[1]);
    if (!tf) return undefined;
    const eol = s.sourceText.includes('\r\n') ? '\r\n' : '\n';
    const at = target.lastArgumentEnd ?? target.bodyOffset;
    return { offset: at, length: 0, content: `${eol}${target.indent}${tf} = ${lit}` };
  }

  private stillParses(edits: readonly TextEdit[]): boolean {
    const tree = parseHcl(applyTextEdits(this.subject.sourceText, edits));
    if (!tree) return false;
    try {
      return !tree.rootNode.hasError;
    } finally {
      tree.delete();
    }
  }
}

function tfArgument(fields: Record<string, TfField>, api: string): string | undefined {
  for (const [tf, f] of Object.entries(fields)) if (f.api === api && !f.fields && !f.list && api !== 'containerDefinitions') return tf;
  return undefined;
}

const NONE = Symbol('not JSON');
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return NONE;
  }
}
