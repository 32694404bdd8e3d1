/**
 * YAML → the shared document model (jsonc-parser's Node shape: type, offset, length, value, children, parent),
 * with UTF-16 offsets into the YAML text, as yaml-language-server's ast-converter does. CloudFormation short-form
 * tags become the JSON form (`!Ref X` → an object `{ Ref: X }` spanning the tag), so later layers see one shape.
 */
import type { Alias, CollectionTag, Document, ScalarTag } from 'yaml';
import type { Node } from 'jsonc-parser';
import type { DuplicateKey, SyntaxProblem } from './parse';
import { MAX_NESTING_DEPTH } from './unreadable-text';
import type { MutableNode } from './tree';

/**
 * The `yaml` package (about 112 KB minified) is loaded on first use: a JSON task definition, the usual document,
 * never needs it, and running its module code cost every server and CLI start ~6 ms of CPU (docs/performance.md,
 * round two c). esbuild keeps a `require` of an ES module lazy: its code runs at the first call.
 */
let yamlLib: typeof import('yaml') | undefined;
function yaml(): typeof import('yaml') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (yamlLib ??= require('yaml') as typeof import('yaml'));
}

/** CloudFormation's short-form tags and the function each one stands for. */
export const CFN_SHORT_TAGS: Readonly<Record<string, string>> = {
  '!Ref': 'Ref',
  '!Condition': 'Condition',
  '!Sub': 'Fn::Sub',
  '!GetAtt': 'Fn::GetAtt',
  '!If': 'Fn::If',
  '!Join': 'Fn::Join',
  '!Select': 'Fn::Select',
  '!FindInMap': 'Fn::FindInMap',
  '!ImportValue': 'Fn::ImportValue',
  '!Split': 'Fn::Split',
  '!Base64': 'Fn::Base64',
  '!Cidr': 'Fn::Cidr',
  '!GetAZs': 'Fn::GetAZs',
  '!Equals': 'Fn::Equals',
  '!Not': 'Fn::Not',
  '!And': 'Fn::And',
  '!Or': 'Fn::Or',
  '!Transform': 'Fn::Transform',
  '!Length': 'Fn::Length',
  '!ToJsonString': 'Fn::ToJsonString',
};

// Each tag may sit on a scalar, a sequence or a mapping; the node keeps its tag, resolution stays the default.
const CUSTOM_TAGS: Array<ScalarTag | CollectionTag> = Object.keys(CFN_SHORT_TAGS).flatMap((tag) => [
  { tag, resolve: (s: string) => s } as ScalarTag,
  { tag, collection: 'seq', resolve: (v: unknown) => v } as unknown as CollectionTag,
  { tag, collection: 'map', resolve: (v: unknown) => v } as unknown as CollectionTag,
]);

/** Aliases expanded at most (all together); a template uses a handful, a "billion laughs" file millions. */
export const MAX_ALIAS_COUNT = 100;
/**
 * Nodes made by expanding aliases at most (all together), so a hundred aliases of one 50,000-key mapping do not
 * build five million nodes; like `yaml`'s own maxAliasCount, which bounds aliases × the size of what they name.
 */
export const MAX_ALIAS_NODES = 10_000;

export interface YamlRead {
  root: Node | undefined;
  /** At most one: the first error; the ones after it are usually its echoes. */
  syntaxErrors: SyntaxProblem[];
  duplicateKeys: DuplicateKey[];
  /** Why part of the file was not converted (too deep, too many aliases), with where; undefined when all was. */
  truncated?: { offset: number; message: string };
  /** Spans of anchored values (`&name`): their text also stands wherever an alias names them. */
  anchored: Array<{ start: number; end: number }>;
  /**
   * Spans (from the start of their first line) of mappings with an explicit `? key` or a collection as a key: no
   * CloudFormation template has them, and neither their entries nor their ends are where their keys and values
   * say, so the fix writer leaves them alone.
   */
  irregular: Array<{ start: number; end: number }>;
}

type YNode = { range?: [number, number, number] | null; tag?: string } & object;

export function readYaml(text: string): YamlRead {
  const steps = readYamlSteps(text);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** readYaml as steps: it yields between the parse and the conversion, where an interruptible lint may pause. */
export function* readYamlSteps(text: string): Generator<void, YamlRead, void> {
  const unreadable = unreadableCharacter(text);
  if (unreadable) return { root: undefined, syntaxErrors: [unreadable], duplicateKeys: [], anchored: [], irregular: [] };
  const doc = yaml().parseDocument(text, { customTags: CUSTOM_TAGS, uniqueKeys: false, prettyErrors: false, strict: false });
  const first = doc.errors[0];
  if (first && /call stack/i.test(first.message)) {
    // The parser recursed past the stack on a hostile nesting: not a mistake to fix, a file not to read.
    return { root: undefined, syntaxErrors: [], duplicateKeys: [], anchored: [], irregular: [], truncated: { offset: 0, message: 'This YAML nests too deeply to read (a task definition needs about 8 levels); the file was not checked.' } };
  }
  if (first) {
    const [start, end] = first.pos;
    const offset = Math.min(start, text.length);
    const message = first.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    return { root: undefined, syntaxErrors: [{ offset, length: Math.max(0, Math.min(end, text.length) - offset), message: `YAML syntax error: ${sentence(message)}` }], duplicateKeys: [], anchored: [], irregular: [] };
  }
  yield;
  const targets = aliasTargets(doc);
  for (const [alias, target] of targets) {
    if (target) continue;
    const [start, end] = alias.range ?? [0, 0];
    return { root: undefined, syntaxErrors: [{ offset: start, length: end - start, message: `YAML syntax error: the alias *${alias.source} names no anchor set before it.` }], duplicateKeys: [], anchored: [], irregular: [] };
  }
  const c = new Converter(text, targets);
  const root = doc.contents ? c.convert(doc.contents as YNode, undefined, 0) : undefined;
  return { root: root as Node | undefined, syntaxErrors: [], duplicateKeys: c.duplicates, truncated: c.truncated, anchored: c.anchored, irregular: c.irregular };
}

/**
 * Characters YAML text never holds, which the parser lets through: a NUL (binary data) and U+FFFD, what a reader
 * makes of bytes that are not UTF-8 (a template saved as Windows-1252; CloudFormation reads UTF-8 only).
 */
function unreadableCharacter(text: string): SyntaxProblem | undefined {
  const nul = text.indexOf('\0');
  if (nul >= 0) return { offset: nul, length: 1, message: 'YAML syntax error: this file holds binary data (a NUL character here), not YAML text.' };
  const bad = text.indexOf('\uFFFD');
  if (bad >= 0) return { offset: bad, length: 1, message: 'YAML syntax error: this character stands for bytes that are not valid UTF-8 (the file may be saved as Windows-1252); save it as UTF-8.' };
  return undefined;
}

function sentence(s: string): string {
  const t = s.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

/**
 * Each alias and the node it names, in one walk: YAML's rule is the nearest anchor of that name before the alias
 * (an enclosing node's included). `Alias.resolve` walks the document from its start on every call, which made a
 * file of many aliases quadratic.
 */
function aliasTargets(doc: Document.Parsed): Map<Alias, YNode | undefined> {
  const anchors = new Map<string, YNode>();
  const targets = new Map<Alias, YNode | undefined>();
  yaml().visit(doc, {
    Alias: (_key, alias) => {
      targets.set(alias, anchors.get(alias.source));
    },
    Node: (_key, node) => {
      if (!yaml().isAlias(node) && node.anchor) anchors.set(node.anchor, node as YNode);
    },
  });
  return targets;
}

class Converter {
  duplicates: DuplicateKey[] = [];
  truncated: YamlRead['truncated'];
  anchored: YamlRead['anchored'] = [];
  irregular: YamlRead['irregular'] = [];
  private aliases = 0;
  /** Nodes made while expanding an alias, and how many expansions are under way (with the nodes they name). */
  private aliasNodes = 0;
  private readonly expanding = new Set<YNode>();
  /** Where the outermost alias being expanded stands: notes about its expansion point there, not into the anchor. */
  private expansionStart = 0;
  constructor(
    private readonly text: string,
    private readonly targets: Map<Alias, YNode | undefined>,
  ) {}

  convert(y: YNode, parent: MutableNode | undefined, depth: number): MutableNode {
    const [start, end] = this.span(y);
    if (depth > MAX_NESTING_DEPTH) return this.stop(start, `YAML nests deeper than ${MAX_NESTING_DEPTH} levels here; the rest of this value was not checked.`, parent);
    if (this.expanding.size > 0 && ++this.aliasNodes > MAX_ALIAS_NODES) {
      return this.stop(this.expansionStart, `YAML aliases expand to more than ${MAX_ALIAS_NODES} values from here on; the rest of them was not expanded or checked.`, parent);
    }
    if (yaml().isAlias(y)) {
      if (++this.aliases > MAX_ALIAS_COUNT) return this.stop(start, `More than ${MAX_ALIAS_COUNT} YAML aliases; the ones after that were not expanded or checked.`, parent);
      const target = this.targets.get(y);
      if (!target) return leaf('null', null, start, end - start, parent);
      if (this.expanding.has(target) || this.contains(target, start)) {
        return this.stop(start, `The alias *${y.source} names a value that contains it (a loop); it was not expanded.`, parent);
      }
      if (this.expanding.size === 0) this.expansionStart = start;
      this.expanding.add(target);
      try {
        if (yaml().isScalar(target)) {
          const n = this.convert(target, parent, depth + 1);
          return { ...n, offset: start, length: end - start };
        }
        return this.convert(target, parent, depth + 1);
      } finally {
        this.expanding.delete(target);
      }
    }
    if ((y as { anchor?: string }).anchor) this.anchored.push({ start, end });
    const tag = y.tag && CFN_SHORT_TAGS[y.tag];
    if (tag) return this.intrinsic(y, tag, parent, depth);
    return this.plain(y, parent, depth, start, end);
  }

  private plain(y: YNode, parent: MutableNode | undefined, depth: number, start: number, end: number): MutableNode {
    if (yaml().isMap(y)) {
      const obj: MutableNode = { type: 'object', offset: start, length: end - start, children: [], parent };
      const seen = new Map<string, MutableNode>();
      let irregular = false;
      for (const pair of y.items) {
        if (this.exhausted()) break;
        if (!yaml().isPair(pair)) continue;
        const keyY = pair.key as YNode | null;
        const [ks, ke] = keyY ? this.trimmed(this.span(keyY)) : [start, start];
        const keyValue = keyY && yaml().isScalar(keyY) ? String(keyY.value) : this.text.slice(ks, ke);
        if (!irregular && keyY && (!yaml().isScalar(keyY) || EXPLICIT_KEY.test(this.text.slice(Math.max(0, ks - 256), ks)))) {
          irregular = true;
          this.irregular.push({ start: this.text.lastIndexOf('\n', start - 1) + 1, end });
        }
        const prop: MutableNode = { type: 'property', offset: ks, length: ke - ks, children: [], parent: obj };
        const key = leaf('string', keyValue, ks, ke - ks, prop);
        const valueY = pair.value as YNode | null;
        const value = valueY && valueY.range ? this.convert(valueY, prop, depth + 1) : leaf('null', null, ke, 0, prop);
        prop.children = [key, value];
        prop.length = Math.max(ke, value.offset + value.length) - ks;
        obj.children!.push(prop);
        const earlier = seen.get(keyValue);
        if (earlier) this.duplicates.push({ ignored: earlier as unknown as Node, winner: prop as unknown as Node });
        seen.set(keyValue, prop);
      }
      return obj;
    }
    if (yaml().isSeq(y)) {
      const arr: MutableNode = { type: 'array', offset: start, length: end - start, children: [], parent };
      for (const item of y.items) {
        if (this.exhausted()) break;
        const itemY = item as YNode | null;
        if (itemY && (itemY as { range?: unknown }).range) arr.children!.push(this.convert(itemY, arr, depth + 1));
        else arr.children!.push(leaf('null', null, start, 0, arr));
      }
      return arr;
    }
    if (yaml().isScalar(y)) {
      [start, end] = this.trimmed([start, end]);
      const v = y.value;
      if (v === null || v === undefined) return leaf('null', null, start, end - start, parent);
      if (typeof v === 'boolean') return leaf('boolean', v, start, end - start, parent);
      if (typeof v === 'number' && Number.isFinite(v)) return leaf('number', v, start, end - start, parent);
      if (typeof v === 'string') return leaf('string', v, start, end - start, parent);
      return leaf('string', this.text.slice(start, end), start, end - start, parent); // .inf, .nan, dates, binary
    }
    return leaf('null', null, start, end - start, parent);
  }

  /** `!Ref X` → `{ Ref: X }`: one property whose key spans the tag, so both forms look alike downstream. */
  private intrinsic(y: YNode, fn: string, parent: MutableNode | undefined, depth: number): MutableNode {
    const [valueStart, end] = this.span(y);
    const tagText = y.tag!;
    const at = this.text.lastIndexOf(tagText, valueStart);
    const start = at >= 0 && valueStart - at < 4096 ? at : valueStart;
    const obj: MutableNode = { type: 'object', offset: start, length: end - start, children: [], parent };
    const prop: MutableNode = { type: 'property', offset: start, length: end - start, children: [], parent: obj };
    const key = leaf('string', fn, start, tagText.length, prop);
    const value = this.plain(y, prop, depth + 1, valueStart, end);
    prop.children = [key, value];
    obj.children = [prop];
    SHORT_FORM.add(obj as unknown as Node);
    return obj;
  }

  /** True once alias expansion has made its share of nodes: collections being expanded stop taking items. */
  private exhausted(): boolean {
    return this.expanding.size > 0 && this.aliasNodes > MAX_ALIAS_NODES;
  }

  /** True when `offset` lies inside the text of `y`: an alias there names its own ancestor. */
  private contains(y: YNode, offset: number): boolean {
    const [s, e] = this.span(y);
    return offset >= s && offset < e;
  }

  /**
   * A scalar's own text: a block scalar's range (`|`, `>-`) and an explicit complex key's run on past the line
   * break after their last line, which put a diagnostic's end, a replaced value's end or a key inserted after it
   * on the next line.
   */
  private trimmed([start, end]: [number, number]): [number, number] {
    let e = end;
    while (e > start && /\s/.test(this.text[e - 1])) e--;
    return [start, e];
  }

  private span(y: YNode): [number, number] {
    const r = y.range;
    if (!r) return [0, 0];
    return [r[0], Math.max(r[0], r[1])];
  }

  private stop(offset: number, message: string, parent: MutableNode | undefined): MutableNode {
    this.truncated ??= { offset, message };
    return leaf('null', null, offset, 0, parent);
  }
}

/** `? key` (on its line, or alone on the line above the key), with the key's tag or anchor after it. */
const EXPLICIT_KEY = /(?:^|\n)[ \t]*(?:-[ \t]+)*\?(?:[ \t]+[!&]\S*)*\s+$/;

/** Objects made from a short-form tag (`!Condition X` included, which has no `Fn::` key to recognise it by). */
export const SHORT_FORM = new WeakSet<Node>();

function leaf(type: Node['type'], value: unknown, offset: number, length: number, parent: MutableNode | undefined): MutableNode {
  return { type, value, offset, length, parent };
}
