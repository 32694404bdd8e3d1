/**
 * textDocument/documentSymbol: the outline. Task-level keys; under `containerDefinitions` one entry per
 * container (named by its `name`, image as detail, its keys below); under `volumes` one entry per volume.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type DocumentSymbol, SymbolKind } from 'vscode-languageserver';
import type { Node } from 'jsonc-parser';
import type { Classification } from '../core/documents/classify';
import type { LintOutput } from '../core/lint';
import { child, entries, items, str } from '../core/syntax/tree';
import { toLspRange } from './convert';
import type { FeatureContext } from './server';

const VOLUME_TYPES = ['efsVolumeConfiguration', 'dockerVolumeConfiguration', 'fsxWindowsFileServerVolumeConfiguration', 's3filesVolumeConfiguration', 'host'];

export function registerSymbols(ctx: FeatureContext): void {
  ctx.connection.onDocumentSymbol(async (params) => {
    const doc = ctx.documents.get(params.textDocument.uri);
    if (!doc) return [];
    const analysis = ctx.cache.get(doc, await ctx.settingsFor(doc.uri));
    if (!analysis.enabled || !analysis.output) return [];
    return outline(doc, analysis.output.doc, analysis.output.subjects);
  });
}

type TemplateSubjectOutput = NonNullable<LintOutput['subjects']>[number];

export function outline(doc: TextDocument, c: Classification, subjects?: readonly TemplateSubjectOutput[]): DocumentSymbol[] {
  if (c.kind === 'cfn-template') return (subjects ?? []).map((s) => resourceSymbol(doc, s)).filter((s): s is DocumentSymbol => !!s);
  if (c.kind === 'container-array') return items(c.containersNode).map((el, i) => containerSymbol(doc, el, i));
  if (!c.task) return [];
  const out = propertySymbols(doc, c.task, (key, value) => {
    if (key === 'containerDefinitions') return items(value).map((el, i) => containerSymbol(doc, el, i));
    if (key === 'volumes') return items(value).map((el, i) => volumeSymbol(doc, el, i));
    return undefined;
  });
  // Describe output: keep the wrapper's own siblings (e.g. `tags`) visible too.
  const root = c.wrapper?.parent?.parent;
  if (c.wrapper && root) for (const [key, keyNode, value] of entries(root)) if (key !== 'taskDefinition') out.push(symbol(doc, key, keyNode, value));
  return out;
}

/**
 * A template's task definition: the resource (its logical id) holding its properties and containers, named as the
 * template spells them. The model's keys are API names; the outline shows the key text of the template.
 */
function resourceSymbol(doc: TextDocument, s: TemplateSubjectOutput): DocumentSymbol | undefined {
  const props = s.parsed.root;
  if (!props || !s.idRange) return undefined;
  const text = doc.getText();
  const shownKey = (keyNode: Node) => text.slice(keyNode.offset, keyNode.offset + keyNode.length).replace(/^["']|["']$/g, '');
  const children = propertySymbols(
    doc,
    props,
    (key, value) => {
      if (key === 'containerDefinitions') return items(value).map((el, i) => containerSymbol(doc, el, i, shownKey));
      if (key === 'volumes') return items(value).map((el, i) => volumeSymbol(doc, el, i));
      return undefined;
    },
    shownKey,
  );
  const start = s.idRange.offset;
  const end = Math.max(start + s.idRange.length, props.offset + props.length);
  return {
    name: s.logicalId ?? 'task definition',
    kind: SymbolKind.Module,
    detail: `AWS::ECS::TaskDefinition${s.doc.launchType !== 'unknown' ? ` · ${s.doc.launchType}` : ''}`,
    range: toLspRange(doc, { offset: start, length: end - start }),
    selectionRange: toLspRange(doc, s.idRange),
    children,
  };
}

function propertySymbols(doc: TextDocument, obj: Node, childrenOf?: (key: string, value: Node | undefined) => DocumentSymbol[] | undefined, shown?: (keyNode: Node) => string): DocumentSymbol[] {
  return entries(obj).filter(([, keyNode]) => keyNode.length > 0).map(([key, keyNode, value]) => {
    const s = symbol(doc, shown ? shown(keyNode) : key, keyNode, value);
    const kids = childrenOf?.(key, value);
    if (kids) s.children = kids;
    return s;
  });
}

function symbol(doc: TextDocument, name: string, keyNode: Node, value: Node | undefined): DocumentSymbol {
  const prop = keyNode.parent ?? keyNode;
  return {
    name: name || '""',
    kind: kindOf(value),
    detail: value && (value.type === 'string' || value.type === 'number' || value.type === 'boolean') ? String(value.value) : undefined,
    range: toLspRange(doc, { offset: prop.offset, length: prop.length }),
    selectionRange: toLspRange(doc, { offset: keyNode.offset, length: keyNode.length }),
  };
}

function containerSymbol(doc: TextDocument, el: Node, i: number, shown?: (keyNode: Node) => string): DocumentSymbol {
  const nameNode = child(el, 'name');
  const image = str(child(el, 'image'));
  return {
    name: str(nameNode) || `container ${i + 1}`,
    kind: SymbolKind.Class,
    detail: image,
    range: toLspRange(doc, el),
    selectionRange: toLspRange(doc, nameNode ?? { offset: el.offset, length: Math.min(1, el.length) }),
    children: el.type === 'object' ? propertySymbols(doc, el, undefined, shown) : undefined,
  };
}

function volumeSymbol(doc: TextDocument, el: Node, i: number): DocumentSymbol {
  const nameNode = child(el, 'name');
  return {
    name: str(nameNode) || `volume ${i + 1}`,
    kind: SymbolKind.Struct,
    detail: VOLUME_TYPES.find((t) => child(el, t) !== undefined) ?? (child(el, 'configuredAtLaunch') ? 'configured at launch' : undefined),
    range: toLspRange(doc, el),
    selectionRange: toLspRange(doc, nameNode ?? { offset: el.offset, length: Math.min(1, el.length) }),
  };
}

function kindOf(value: Node | undefined): SymbolKind {
  switch (value?.type) {
    case 'array':
      return SymbolKind.Array;
    case 'object':
      return SymbolKind.Object;
    case 'number':
      return SymbolKind.Number;
    case 'boolean':
      return SymbolKind.Boolean;
    case 'null':
      return SymbolKind.Null;
    default:
      return SymbolKind.String;
  }
}
