/**
 * The fix writer of a CloudFormation task-definition subject (fixes/writer.ts). Rules state fixes in API terms
 * (`set executionRoleArn`, `append { name } to volumes`); this writer spells keys and nested keys the way
 * CloudFormation does (`ExecutionRoleArn`, `{ Name: … }`, user keys of free maps as given), turns the made-up
 * account and Region of an inserted ARN into `!Sub` with `${AWS::AccountId}` / `${AWS::Region}`, and hands the
 * text work to the JSON or the YAML writer. It refuses what it cannot do faithfully: an edit outside the
 * resource's Properties, a value shared through a YAML anchor, an intrinsic replaced by a literal.
 */
import { getNodePath, type Node } from 'jsonc-parser';
import { applyTextEdits, jsonRemoveEdits, removeAllIn } from '../fixes/edits';
import { insertionPoint, jsonAppendElementEdits, jsonInsertPropertyEdits, jsonSetPropertyEdits } from '../fixes/layout-edits';
import { isRefused, refusedEdits, writerOf, type FixWriter } from '../fixes/writer';
import { SubValue, yamlAppend, yamlInsert, yamlRemove, yamlRename, yamlReplace, yamlStyleOf, type YamlStyle, type YamlTarget } from '../fixes/yaml-writer';
import type { TextEdit } from '../types';
import { cfnNameOf, childSpot, isFreeMap, itemSpot, ROOT_SPOT, type SchemaSpot } from './cfn-names';
import type { TemplateSyntax } from './cfn-detect';

export interface WriterSubject {
  sourceText: string;
  properties?: Node;
  resource?: Node;
  placeholderOffsets: ReadonlySet<number>;
  /** `!Ref Param` read as its Default: the fix belongs on the parameter, not here. */
  resolved: ReadonlyMap<number, number>;
  anchored: ReadonlyArray<{ start: number; end: number }>;
  irregular: ReadonlyArray<{ start: number; end: number }>;
}

/** Edits this writer made (and may therefore hold new keys or YAML text); template-fixes.ts trusts only these. */
const WRITTEN = new WeakSet<TextEdit>();

export function writtenByTemplateWriter(e: TextEdit): boolean {
  return WRITTEN.has(e);
}

export function templateWriter(subject: WriterSubject, syntax: TemplateSyntax, reread: (text: string) => Node | undefined): FixWriter {
  const text = subject.sourceText;
  // The style is read from the text on the first fix asked for, not on every lint.
  let style: YamlStyle | undefined;
  const yaml: YamlTarget | undefined =
    syntax === 'yaml'
      ? {
          text,
          get style() {
            return (style ??= yamlStyleOf(text));
          },
          rootKey: subject.properties?.parent?.children?.[0],
        }
      : undefined;
  const guard = (edits: TextEdit[]): TextEdit[] => {
    if (isRefused(edits) || edits.some((e) => !fits(e, subject))) return refusedEdits();
    const out = subject.properties ? edits : acrossResource(edits, subject);
    for (const e of out) WRITTEN.add(e);
    return out;
  };
  const remove = (_t: string, node: Node) => guard(yaml ? yamlRemove(yaml, node) : jsonRemoveEdits(text, node));
  const writer: FixWriter = {
    replace(_t, node, value) {
      if (subject.placeholderOffsets.has(node.offset) || subject.resolved.has(node.offset)) return refusedEdits(); // an intrinsic stays an intrinsic
      const shown = toCfn(value, spotOf(node));
      return guard(yaml ? yamlReplace(yaml, node, shown) : [{ offset: node.offset, length: node.length, content: jsonText(shown) }]);
    },
    remove,
    removeAll(_t, nodes) {
      return guard(removeAllIn(text, nodes, reread, (t, n) => writerOf(n)?.remove(t, n) ?? refusedEdits()));
    },
    set(t, obj, key, value) {
      const current = obj.children?.find((p) => p.children?.[0]?.value === key)?.children?.[1];
      if (current) return writer.replace(t, current, value);
      return writer.insert(t, obj, key, value);
    },
    insert(t, obj, key, value) {
      if (obj.children?.some((p) => p.children?.[0]?.value === key && p.children[1])) return writer.set(t, obj, key, value);
      const spot = spotOf(obj);
      const shown = { key: isFreeMap(spot) ? key : cfnKey(key), value: toCfn(value, childSpot(spot, key)) };
      if (!subject.properties) {
        // A resource without Properties: the property goes into a new `Properties` block of the resource.
        const resource = subject.resource;
        if (obj.parent || resource?.type !== 'object' || resource.length === 0) return refusedEdits();
        const block = { [shown.key]: shown.value };
        if (yaml) return guard(yamlInsert(yaml, resource, undefined, 'Properties', block));
        return guard(jsonInsertPropertyEdits(text, resource, 'Properties', jsonValue(block)));
      }
      if (obj.length === 0) return refusedEdits();
      if (yaml) return guard(yamlInsert(yaml, obj, insertionPoint(obj, key), shown.key, shown.value));
      return guard(jsonInsertPropertyEdits(text, obj, key, jsonValue(value), { key: shown.key, value: jsonValue(shown.value) }));
    },
    append(_t, arr, value) {
      const shown = toCfn(value, itemSpot(spotOf(arr)));
      return guard(yaml ? yamlAppend(yaml, arr, shown) : jsonAppendElementEdits(text, arr, jsonValue(shown)));
    },
    rename(_t, keyNode, name) {
      const obj = keyNode.parent?.parent;
      const shown = obj && isFreeMap(spotOf(obj)) ? name : cfnKey(name);
      return guard(yaml ? yamlRename(yaml, keyNode, shown) : [{ offset: keyNode.offset, length: keyNode.length, content: JSON.stringify(shown) }]);
    },
    reread,
    adopt: guard,
  };
  return writer;
}

/**
 * Inside the resource's Properties, and (YAML) clear of anchored values that aliases repeat elsewhere and of
 * mappings with explicit or collection keys (an insertion there included).
 */
function fits(e: TextEdit, subject: WriterSubject): boolean {
  const p = subject.properties ?? subject.resource; // no Properties: only the block a fix adds to the resource
  const text = subject.sourceText;
  const from = text.lastIndexOf('\n', p ? p.offset - 1 : 0) + 1; // a block's first line starts at its indentation
  if (!p || e.offset < (/^[ \t]*$/.test(text.slice(from, p.offset)) ? from : p.offset)) return false;
  // A block ends at the start of the next line; a chained fix's minimal edit may slide an insertion over that
  // line's indentation (it shares the new text's leading spaces), which inserts the same text.
  const end = p.offset + p.length;
  if (e.offset + e.length > end && !(e.length === 0 && /^[ \t]*$/.test(text.slice(end, e.offset)))) return false;
  if (subject.irregular.some((a) => e.offset < a.end && Math.max(e.offset + e.length, e.offset + 1) > a.start)) return false;
  return !subject.anchored.some((a) => e.offset < a.end && e.offset + e.length > a.start && !(e.length === 0 && (e.offset === a.start || e.offset === a.end)));
}

/**
 * Fixes that give a resource its `Properties` block rewrite the resource's whole text as one edit: two such fixes
 * then overlap, and fix-all applies one per round instead of writing two `Properties` keys side by side.
 */
function acrossResource(edits: TextEdit[], subject: WriterSubject): TextEdit[] {
  const r = subject.resource;
  if (!r || edits.length === 0) return edits;
  const from = Math.min(r.offset, ...edits.map((e) => e.offset));
  const to = Math.max(r.offset + r.length, ...edits.map((e) => e.offset + e.length));
  const content = applyTextEdits(subject.sourceText.slice(from, to), edits.map((e) => ({ ...e, offset: e.offset - from })));
  return [{ offset: from, length: to - from, content }];
}

function cfnKey(api: string): string {
  return cfnNameOf(api) ?? (api.length > 0 ? api[0].toUpperCase() + api.slice(1) : api);
}

/** The schema position of a model node: its API path walked from the task's root. */
function spotOf(node: Node): SchemaSpot {
  let spot = ROOT_SPOT;
  for (const seg of getNodePath(node)) spot = typeof seg === 'number' ? itemSpot(spot) : childSpot(spot, String(seg));
  return spot;
}

const MADE_UP = /\$\{AWS_(ACCOUNT_ID|REGION)\}/g;

/** An API-shaped value in CloudFormation's names; an ARN with a made-up account or Region becomes `!Sub`. */
function toCfn(value: unknown, spot: SchemaSpot): unknown {
  if (typeof value === 'string' && MADE_UP.test(value)) {
    MADE_UP.lastIndex = 0;
    return new SubValue(value.replace(MADE_UP, (_m, what: string) => (what === 'REGION' ? '${AWS::Region}' : '${AWS::AccountId}')));
  }
  if (Array.isArray(value)) return value.map((v) => toCfn(v, itemSpot(spot)));
  if (value && typeof value === 'object') {
    const free = isFreeMap(spot);
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [free ? k : cfnKey(k), toCfn(v, childSpot(spot, k))]));
  }
  return value;
}

/** `SubValue` → `{ "Fn::Sub": … }` for JSON. */
function jsonValue(v: unknown): unknown {
  if (v instanceof SubValue) return v.ref ? { Ref: v.ref } : { 'Fn::Sub': v.text };
  if (Array.isArray(v)) return v.map(jsonValue);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, jsonValue(x)]));
  return v;
}

function jsonText(v: unknown): string {
  const j = jsonValue(v);
  return j && typeof j === 'object' ? JSON.stringify(j).replace(/":/g, '": ').replace(/,"/g, ', "') : JSON.stringify(j);
}
