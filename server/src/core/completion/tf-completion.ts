/**
 * Completion inside a .tf file's `resource "aws_ecs_task_definition"`: argument and nested-block names in
 * Terraform's snake_case (tf-names.ts), their values (network_mode, requires_compatibilities, Fargate sizes, …),
 * and container keys and values inside `container_definitions = jsonencode([{ … }])` (API names, HCL syntax).
 * The cursor's place comes from a lexical scan of the text before it (strings, comments and heredocs skipped),
 * so it works while the line being typed does not parse yet; the candidates are the ones a task-definition
 * file gets (schema names, enums, sizes that fit), read with the resource's own model when it parsed.
 */
import type { JSONPath } from 'jsonc-parser';
import type { Classification } from '../documents/classify';
import { TASK_FIELDS, type TfField } from '../documents/tf-names';
import type { TfModule } from '../documents/tf-module';
import type { OffsetRange } from '../types';
import type { RelativePath } from '../hover/schema-nav';
import { keyCandidatesAt, type CompletionEntry } from './index';
import { valueCandidates } from './values';
import { completeInService } from './tf-service';

export interface TfCompletionInput {
  text: string;
  module?: TfModule;
  subjects?: ReadonlyArray<{ doc: Classification }>;
  /** The task definitions the file's services may run, in any file of the module (TerraformOutput.serviceTasks). */
  serviceTasks?: ReadonlyArray<{ address: string; doc: Classification }>;
}

interface Frame {
  ch: '{' | '[' | '(';
  /** `key =` / `key:` before the opener. */
  key?: string;
  /** Block header words (`resource "aws_ecs_task_definition" "web"` → resource, aws_ecs_task_definition, web). */
  block?: string[];
  /** Function name before `(`. */
  fn?: string;
  at: number;
}

/** The open brackets around `offset`, outermost first; undefined inside a comment, heredoc or interpolation. */
export function framesAt(text: string, offset: number): Frame[] | undefined {
  const stack: Frame[] = [];
  let i = 0;
  while (i < offset) {
    const c = text[i];
    if (c === '#' || (c === '/' && text[i + 1] === '/')) {
      const nl = text.indexOf('\n', i);
      if (nl < 0 || nl >= offset) return undefined;
      i = nl + 1;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end < 0 || end + 2 > offset) return undefined;
      i = end + 2;
      continue;
    }
    if (c === '<' && text[i + 1] === '<') {
      const m = /^<<-?([A-Za-z_][A-Za-z0-9_]*)[ \t]*\r?\n/.exec(text.slice(i, i + 80));
      if (m) {
        const close = new RegExp(`^[ \\t]*${m[1]}[ \\t]*$`, 'm');
        const rest = text.slice(i + m[0].length);
        const found = close.exec(rest);
        const end = found ? i + m[0].length + found.index + found[0].length : text.length;
        if (end > offset) return undefined;
        i = end;
        continue;
      }
    }
    if (c === '"') {
      // A quoted string, with `${…}` interpolations that may hold strings themselves.
      let depth = 0;
      let j = i + 1;
      for (; j < text.length; j++) {
        const d = text[j];
        if (d === '\\') j++;
        else if (d === '$' && text[j + 1] === '{') (depth++, j++);
        else if (d === '}' && depth > 0) depth--;
        else if (d === '"' && depth === 0) break;
        else if (d === '\n' && depth === 0) break;
      }
      if (j >= offset) {
        // In a plain string being typed (`logDriver = "aw|"`): a value; inside an interpolation: nothing.
        const sofar = text.slice(i + 1, offset);
        return sofar.includes('${') || sofar.includes('\n') ? undefined : stack;
      }
      i = j + 1;
      continue;
    }
    if (c === '{' || c === '[' || c === '(') {
      stack.push(frameFor(text, i, c));
    } else if (c === '}' || c === ']' || c === ')') {
      stack.pop();
    }
    i++;
  }
  return stack;
}

function frameFor(text: string, at: number, ch: Frame['ch']): Frame {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const before = text.slice(lineStart, at);
  if (ch === '(') {
    const m = /(?:(?:"([^"]+)"|([A-Za-z_][\w-]*))\s*=\s*)?([A-Za-z_][\w]*)\s*$/.exec(before);
    return { ch, at, fn: m?.[3], key: m?.[1] ?? m?.[2] };
  }
  const kv = /(?:"([^"]+)"|([A-Za-z_][\w-]*))\s*[=:]\s*$/.exec(before);
  if (kv) return { ch, at, key: kv[1] ?? kv[2] };
  if (ch === '{') {
    const header = /^\s*([A-Za-z_][\w-]*(?:\s+(?:"[^"]*"|[A-Za-z_][\w-]*))*)\s*$/.exec(before);
    if (header) return { ch, at, block: header[1].match(/"[^"]*"|[^\s"]+/g)!.map((w) => w.replace(/^"|"$/g, '')) };
  }
  return { ch, at };
}

type Place =
  | { mode: 'hcl'; fields: Record<string, TfField>; path: JSONPath; valueKey?: TfField; inList?: boolean }
  | { mode: 'json'; path: JSONPath; inList?: boolean; valueKey?: string };

/** What the frames mean inside an aws_ecs_task_definition resource; undefined elsewhere. */
function placeOf(frames: Frame[]): { place: Place; resourceAt: number } | undefined {
  const top = frames[0];
  if (!top?.block || top.block[0] !== 'resource' || top.block[1] !== 'aws_ecs_task_definition') return undefined;
  let place: Place = { mode: 'hcl', fields: TASK_FIELDS, path: [] };
  let pendingJson = false;
  for (const f of frames.slice(1)) {
    if (place.mode === 'hcl') {
      if (pendingJson) {
        if (f.ch === '(' && f.fn === 'jsonencode') continue;
        if (f.ch === '[') {
          place = { mode: 'json', path: ['containerDefinitions'], inList: true };
          pendingJson = false;
          continue;
        }
        return undefined;
      }
      if (f.block) {
        const name = f.block[0] === 'dynamic' ? f.block[1] : f.block[0];
        if (name === 'content') continue; // dynamic "x" { content { … } }: the block x
        const field: TfField | undefined = place.fields[name];
        if (!field?.fields) return undefined;
        place = { mode: 'hcl', fields: field.fields, path: field.list ? [...place.path, field.api, 0] : [...place.path, field.api] };
        continue;
      }
      if (f.key === 'container_definitions') {
        pendingJson = true;
        if (f.ch === '[') {
          place = { mode: 'json', path: ['containerDefinitions'], inList: true };
          pendingJson = false;
        } else if (f.ch !== '(') return undefined;
        continue;
      }
      if (f.key && f.ch === '[' && place.fields[f.key] && !place.fields[f.key].fields) {
        place = { ...place, valueKey: place.fields[f.key], inList: true };
        continue;
      }
      return undefined;
    }
    // Inside jsonencode: HCL object and tuple literals with API keys.
    if (f.ch === '(') return undefined;
    if (f.key !== undefined) place = { mode: 'json', path: [...place.path, f.key], inList: f.ch === '[' };
    else if (place.inList) place = { mode: 'json', path: [...place.path, 0], inList: f.ch === '[' };
    else return undefined;
    if (f.ch === '[' && f.key === undefined) return undefined;
  }
  if (pendingJson) return undefined;
  return { place, resourceAt: top.at };
}

const EMPTY_DOC: Classification = { kind: 'register', containers: [], containersTemplated: false, launch: new Set(), launchType: 'unknown', launchSource: 'none', os: 'unknown', networkModeExplicit: false, templated: false };

export function completeInTerraform(input: TfCompletionInput, offset: number): CompletionEntry[] {
  const { text } = input;
  const frames = framesAt(text, offset);
  if (!frames || frames.length === 0) return [];
  if (frames[0].block?.[0] === 'resource' && frames[0].block[1] === 'aws_ecs_service') return serviceCompletion(input, frames, offset);
  const found = placeOf(frames);
  if (!found) return [];
  const { place } = found;
  // The resource's model when it parsed (sizes that fit its launch type, container names), else a bare task.
  const i = input.module?.subjects.findIndex((s) => s.block.offset <= offset && offset <= s.block.offset + s.block.length) ?? -1;
  const doc = (i >= 0 ? input.subjects?.[i]?.doc : undefined) ?? EMPTY_DOC;
  const inner = frames[frames.length - 1];
  // The text of the current item: since the line start or the last `,` / opener on this line.
  const lineStart = Math.max(text.lastIndexOf('\n', offset - 1) + 1, inner.at + 1);
  let segStart = lineStart;
  for (let j = offset - 1; j >= lineStart; j--) {
    if (text[j] === ',' || text[j] === '{' || text[j] === '[') {
      segStart = j + 1;
      break;
    }
  }
  const seg = text.slice(segStart, offset);
  const wordEnd = (from: number) => {
    let e = from;
    while (e < text.length && /[\w"-]/.test(text[e])) e++;
    return e;
  };

  // A value of `key = ` / `key:` being typed.
  const kv = /(?:"([^"]+)"|([A-Za-z_][\w-]*))\s*[=:]\s*("?[\w.-]*"?)$/.exec(seg);
  const listValue = inner.ch === '[' ? /^\s*("?[\w.-]*"?)$/.exec(seg) : null;
  if (kv || (listValue && (place.mode === 'hcl' ? place.valueKey : place.inList))) {
    const typed = kv ? kv[3] : listValue![1];
    const range: OffsetRange = { offset: offset - typed.length, length: wordEnd(offset) - (offset - typed.length) };
    let rel: RelativePath | undefined;
    if (place.mode === 'hcl') {
      const f = kv ? place.fields[kv[1] ?? kv[2]] : place.valueKey;
      if (!f || f.fields || f.api === 'containerDefinitions') return [];
      rel = { base: 'task', path: kv ? [...place.path, f.api] : [...place.path, f.api, 0] };
    } else {
      if (kv && inner.ch !== '{') return [];
      rel = { base: 'task', path: kv ? [...place.path, kv[1] ?? kv[2]] : [...place.path, 0] };
    }
    return valueCandidates(doc, rel).map((c) => {
      const written = typeof c.value === 'string' ? JSON.stringify(c.value) : String(c.value);
      return { label: String(c.value), kind: c.kind, insertText: written, range, filterText: typed.startsWith('"') ? written : String(c.value), detail: c.detail, documentation: c.documentation, sortText: c.sortText };
    });
  }

  // An argument, block or key name at the start of an item.
  const word = /^\s*("?[\w-]*)$/.exec(seg);
  if (!word || inner.ch !== '{') return [];
  const range: OffsetRange = { offset: offset - word[1].length, length: wordEnd(offset) - (offset - word[1].length) };
  const body = text.slice(inner.at + 1, matchingClose(text, inner.at));
  const present = topLevelKeys(body);
  const typing = word[1].replace(/^"/, '');
  present.delete(typing);
  const indent = /^[ \t]*/.exec(text.slice(text.lastIndexOf('\n', offset - 1) + 1))![0];
  if (place.mode === 'hcl') {
    const apiCandidates = new Map(keyCandidatesAt(doc, { base: 'task', path: place.path }).map((c) => [c.key, c]));
    return Object.entries(place.fields)
      .filter(([name]) => !present.has(name) || place.fields[name].list)
      .map(([name, f]) => {
        const info = apiCandidates.get(f.api);
        const block = !!f.fields;
        const value =
          f.api === 'containerDefinitions'
            ? `jsonencode([\n${indent}  {\n${indent}    $0\n${indent}  }\n${indent}])`
            : f.api === 'host'
              ? '"$1"'
              : info
                ? info.valueSnippet.replace(/\n\t/g, `\n${indent}  `).replace(/\n\]/g, `\n${indent}]`)
                : '$1';
        return {
          label: name,
          kind: 'property' as const,
          insertText: block ? `${name} {\n${indent}  $0\n${indent}}` : `${name} = ${value}`,
          snippet: true,
          range,
          filterText: name,
          detail: block ? `block${f.list ? ' (repeatable)' : ''} · ${f.api}` : `${info?.detail ?? 'argument'} · ${f.api}`,
          documentation: info?.documentation,
        };
      });
  }
  return keyCandidatesAt(doc, { base: 'task', path: place.path })
    .filter((c) => !present.has(c.key))
    .map((c) => ({
      label: c.key,
      kind: 'property' as const,
      insertText: `${c.key} = ${c.valueSnippet.replace(/\n\t/g, `\n${indent}  `).replace(/\n\]/g, `\n${indent}]`)}`,
      snippet: true,
      range,
      filterText: c.key,
      detail: c.detail,
      documentation: c.documentation,
    }));
}

/** The offset of the bracket closing the one at `open` (strings skipped); the text's end when unclosed. */
function matchingClose(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"' && text[i] !== '\n'; i++) if (text[i] === '\\') i++;
    } else if (c === '#') {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl;
    } else if (c === '{' || c === '[' || c === '(') depth++;
    else if (c === '}' || c === ']' || c === ')') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return text.length;
}

/** Argument, block and key names directly in a body (not in its nested blocks or objects). */
function topLevelKeys(body: string): Set<string> {
  const out = new Set<string>();
  let depth = 0;
  let itemStart = true;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (itemStart && depth === 0) {
      const m = /^\s*"?([\w-]+)"?\s*(?:[=:{]|"[^"]*"\s*\{)/.exec(body.slice(i, i + 200));
      if (m) out.add(m[1]);
      itemStart = false;
    }
    if (c === '"') {
      for (i++; i < body.length && body[i] !== '"' && body[i] !== '\n'; i++) if (body[i] === '\\') i++;
    } else if (c === '#') {
      const nl = body.indexOf('\n', i);
      i = nl < 0 ? body.length : nl - 1;
    } else if (c === '{' || c === '[' || c === '(') depth++;
    else if (c === '}' || c === ']' || c === ')') depth--;
    else if (depth === 0 && (c === '\n' || c === ',')) itemStart = true;
  }
  return out;
}

/** Inside `resource "aws_ecs_service"`: nested blocks only (no objects or lists), argument names or a value. */
function serviceCompletion(input: TfCompletionInput, frames: Frame[], offset: number): CompletionEntry[] {
  const { text } = input;
  const inner = frames[frames.length - 1];
  if (inner.ch !== '{' || frames.slice(1).some((f) => !f.block || f.block[0] === 'dynamic')) return [];
  const blocks = frames.slice(1).map((f) => f.block![0]);
  const lineStart = Math.max(text.lastIndexOf('\n', offset - 1) + 1, inner.at + 1);
  const seg = text.slice(lineStart, offset);
  let end = offset;
  while (end < text.length && /[\w"-]/.test(text[end])) end++;
  const svc = input.module?.services.find((s) => offset >= s.root.offset && offset <= s.root.offset + s.root.length);
  // While the line being typed does not parse, the block is not read: its task_definition is found in the text.
  const ref = svc ? svc.taskDefinitionRef : /\btask_definition\s*=\s*"?(?:\$\{)?\s*(aws_ecs_task_definition\.[A-Za-z0-9_-]+)/.exec(text.slice(frames[0].at, matchingClose(text, frames[0].at)))?.[1];
  const i = ref ? (input.module?.subjects.findIndex((s) => s.address === ref) ?? -1) : -1;
  const task = (ref ? input.serviceTasks?.find((t) => t.address === ref)?.doc : undefined) ?? (i >= 0 ? input.subjects?.[i]?.doc : undefined);
  const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
  const kv = /^\s*([A-Za-z_][\w-]*)\s*=\s*("?[\w.-]*"?)$/.exec(seg);
  if (kv) {
    const range: OffsetRange = { offset: offset - kv[2].length, length: end - (offset - kv[2].length) };
    return completeInService({ blocks, valueFor: kv[1], range, typedQuote: kv[2].startsWith('"'), present: new Set(), indent, task });
  }
  const word = /^\s*([\w-]*)$/.exec(seg);
  if (!word) return [];
  const present = topLevelKeys(text.slice(inner.at + 1, matchingClose(text, inner.at)));
  present.delete(word[1]);
  return completeInService({ blocks, range: { offset: offset - word[1].length, length: end - (offset - word[1].length) }, typedQuote: false, present, indent, task });
}
