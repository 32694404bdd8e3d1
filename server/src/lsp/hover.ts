/** textDocument/hover: adapts the core hover (offsets, markdown) to LSP, on the cached analysis; cross-file hovers from cross-file.ts. */
import type { Hover } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { hoverAt } from '../core/hover';
import { deployFileHoverAt } from '../core/hover/deploy-file-hover';
import { deployFileKind } from '../core/workspace/deploy-files';
import { parseDocument } from '../core/syntax/parse';
import { readYaml } from '../core/syntax/yaml';
import { URI_PATH } from './uri';
import { toLspRange } from './convert';
import { crossFileHover, deployedByMarkdown } from './cross-file';
import { taskLinkHover } from './link-hover';
import { isDeployingDocument } from './workflow-diagnostics';
import type { FeatureContext } from './server';

export function registerHover(ctx: FeatureContext): void {
  ctx.connection.onHover(async (params): Promise<Hover | null> => {
    if (!ctx.documents.get(params.textDocument.uri)) return null;
    // A file the document names that appeared unannounced is read now: hover agrees with the diagnostics.
    await ctx.links.ensureLinked(params.textDocument.uri);
    const doc = ctx.documents.get(params.textDocument.uri);
    if (!doc) return null;
    const offset = doc.offsetAt(params.position);
    // Where a deploying file names its task definition: which file that links, or why none does.
    if (isDeployingDocument(doc)) {
      await ctx.settingsFor(doc.uri); // the config mapping is looked up without waiting after this
      const link = taskLinkHover(doc, offset, ctx.deployReadContext(doc));
      if (link) return link;
    }
    // A deploying file (workflow, appspec, service): its container names and ports point into the task definition;
    // elsewhere in a service definition or an appspec, the service schema says what a key or value is.
    const crossFile = crossFileHover(ctx.links, doc);
    if (crossFile) return crossFile(offset) ?? deployFileHover(doc, offset);
    // The analysis the diagnostics were computed from, when current: no settings round trip or config-file stat per request.
    const analysis = ctx.cache.peek(doc.uri, doc.version) ?? ctx.cache.get(doc, await ctx.settingsFor(doc.uri));
    if (!analysis.enabled || !analysis.output) return null;
    const result = hoverAt(analysis.output, offset);
    const deployedBy = onFamilyLine(ctx, doc, offset) ? deployedByMarkdown(ctx.links, doc.uri) : '';
    // A JSON file a Terraform resource loads: hovers say whose settings it is checked with (over blank space: line 1 only).
    const loadedBy = analysis.output.loadedBy && (result || doc.positionAt(offset).line === 0) ? analysis.output.loadedBy : '';
    const deployed = [deployedBy, loadedBy].filter(Boolean).join('\n\n---\n\n');
    if (!result) return deployed ? { contents: { kind: 'markdown', value: deployed } } : null;
    const value = deployed ? `${result.markdown}\n\n---\n\n${deployed}` : result.markdown;
    return { contents: { kind: 'markdown', value }, range: toLspRange(doc, result.range) };
  });
}

/** True on the line of the task definition's `family` (or on its first line): where the file says who deploys it. */
function onFamilyLine(ctx: FeatureContext, doc: TextDocument, offset: number): boolean {
  const task = ctx.links.index.task(ctx.links.pathOf(doc.uri));
  const line = doc.positionAt(offset).line;
  if (line === 0) return true;
  return !!task?.familyRange && doc.positionAt(task.familyRange.offset).line === line;
}

/** The service schema's hover in a service definition or an appspec (null in any other file). */
function deployFileHover(doc: TextDocument, offset: number): Hover | null {
  const path = URI_PATH(doc.uri);
  const text = doc.getText();
  const kind = deployFileKind(path, text);
  if (kind !== 'service' && kind !== 'appspec') return null;
  const root = kind === 'appspec' && !/\.json$/i.test(path) ? readYaml(text).root : parseDocument(text).root;
  const result = deployFileHoverAt(kind, root, offset);
  return result ? { contents: { kind: 'markdown', value: result.markdown }, range: toLspRange(doc, result.range) } : null;
}
