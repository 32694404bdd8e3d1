/**
 * In-process measurements on the same documents, interleaved per iteration so machine noise hits all three
 * alike: (a) jsonc-parser parseTree, (b) vscode-json-languageservice parse + schema validation, (c) our lint();
 * and (e) hover / completion through the server's handlers on a cached analysis.
 */
import { pathToFileURL } from 'node:url';
import type * as Entry from './inproc-entry';
import { summarize, type Summary } from './stats';

export interface DocSet {
  name: string;
  /** Documents measured together: one sample is one pass over all of them. */
  files: Array<{ path: string; text: string }>;
  iterations: number;
}

export interface PipelineRow {
  name: string;
  bytes: number;
  files: number;
  parse: Summary;
  jsonLanguageService: Summary;
  pipeline: Summary;
}

type Api = typeof Entry;
const PARSE_OPTIONS = { allowTrailingComma: true, disallowComments: false };

export async function measurePipeline(api: Api, set: DocSet, schema: object): Promise<PipelineRow> {
  const service = api.getLanguageService({});
  service.configure({ validate: true, allowComments: true, schemas: [{ uri: 'ecs-taskdef://task-definition.schema.json', fileMatch: ['*'], schema }] });
  const docs = set.files.map((f, i) => api.TextDocument.create(pathToFileURL(f.path).href, 'json', i, f.text));
  const a = async () => {
    for (const f of set.files) api.parseTree(f.text, [], PARSE_OPTIONS);
  };
  const b = async () => {
    for (const d of docs) {
      const json = service.parseJSONDocument(d);
      await service.doValidation(d, json, { comments: 'ignore', trailingCommas: 'ignore' });
    }
  };
  const [parse, jsonLanguageService, pipeline] = await interleaved(set, [a, b, lintAll(api, set)]);
  return { name: set.name, bytes: bytesOf(set), files: set.files.length, parse, jsonLanguageService, pipeline };
}

/** Our lint() of every document of the set: the pipeline column of every row. */
function lintAll(api: Api, set: DocSet): () => Promise<void> {
  return async () => {
    for (const f of set.files) api.lint(f.text, { fileName: f.path });
  };
}

/**
 * Runs the steps in turn for the set's iterations (after a tenth of them as warm-up) and summarizes each one's
 * samples. The order rotates per iteration so no step always runs right after another's garbage.
 */
async function interleaved(set: DocSet, fns: Array<() => Promise<void>>): Promise<Summary[]> {
  const samples: number[][] = fns.map(() => []);
  const warmup = Math.max(3, Math.round(set.iterations / 10));
  for (let i = 0; i < warmup + set.iterations; i++) {
    for (let k = 0; k < fns.length; k++) {
      const j = (i + k) % fns.length;
      const start = performance.now();
      await fns[j]();
      const ms = performance.now() - start;
      if (i >= warmup) samples[j].push(ms);
    }
  }
  return samples.map(summarize);
}

function bytesOf(set: DocSet): number {
  return set.files.reduce((n, f) => n + f.text.length, 0);
}

type Handler = (params: unknown) => Promise<unknown>;

export interface FeatureRow {
  name: string;
  bytes: number;
  hover: Summary;
  completion: Summary;
}

/** Hover and completion at many keys and values, through the LSP handlers, after the analysis is cached. */
export async function measureFeatures(api: Api, name: string, path: string, text: string, rounds: number): Promise<FeatureRow> {
  const handlers: Record<string, Handler> = {};
  const connection = {
    onHover: (h: Handler) => (handlers.hover = h),
    onCompletion: (h: Handler) => (handlers.completion = h),
    console: { error: () => undefined },
  };
  const uri = pathToFileURL(path).href;
  const doc = api.TextDocument.create(uri, 'json', 1, text);
  const cache = new api.AnalysisCache(() => undefined);
  const ctx = {
    connection,
    documents: { get: (u: string) => (u === uri ? doc : undefined) },
    cache,
    links: new api.WorkspaceLinks(() => undefined), // an empty workspace: no deploying files link this document
    settingsFor: () => Promise.resolve(api.DEFAULT_SETTINGS),
    clientCapabilities: () => ({ textDocument: { completion: { completionItem: { snippetSupport: true } } } }),
  } as unknown as Parameters<Api['registerHover']>[0];
  api.registerHover(ctx);
  api.registerCompletion(ctx);
  const positions = samplePositions(text, doc, 200);
  await handlers.hover({ textDocument: { uri }, position: positions[0] }); // computes and caches the analysis
  const hover: number[] = [];
  const completion: number[] = [];
  const warmupRounds = 3; // steady state: the handlers' code optimised, as after a minute of editing
  for (let r = 0; r < rounds + warmupRounds; r++) {
    for (const position of positions) {
      const params = { textDocument: { uri }, position };
      let start = performance.now();
      await handlers.hover(params);
      const h = performance.now() - start;
      start = performance.now();
      await handlers.completion(params);
      const c = performance.now() - start;
      if (r >= warmupRounds) {
        hover.push(h);
        completion.push(c);
      }
    }
  }
  return { name, bytes: text.length, hover: summarize(hover), completion: summarize(completion) };
}

/** Positions inside keys and values spread over the whole document (one char after each opening quote or digit). */
function samplePositions(text: string, doc: Entry.TextDocument, count: number): Array<{ line: number; character: number }> {
  const offsets: number[] = [];
  const re = /"[A-Za-z]|: \d/g;
  for (let m = re.exec(text); m; m = re.exec(text)) offsets.push(m.index + (m[0][0] === '"' ? 1 : 2));
  const step = Math.max(1, Math.floor(offsets.length / count));
  const picked: Array<{ line: number; character: number }> = [];
  for (let i = 0; i < offsets.length && picked.length < count; i += step) picked.push(doc.positionAt(offsets[i]));
  return picked;
}

export interface YamlRow {
  name: string;
  bytes: number;
  files: number;
  parse: Summary;
  yamlLanguageService: Summary;
  pipeline: Summary;
}

/**
 * CloudFormation YAML templates: (a) `yaml` parseDocument alone (with CloudFormation's tags), (b) the YAML language
 * server's own language service, parse + doValidation against a JSON schema of the template whose task-definition
 * Properties are our task-definition schema with PascalCase keys (a comparable schema: CloudFormation's resource
 * schema is not offline), (c) our lint() of the template: every task definition with every rule.
 */
export async function measureYamlPipeline(api: Api, set: DocSet, schema: object): Promise<YamlRow> {
  const service = api.getYamlLanguageService({ schemaRequestService: async () => '', workspaceContext: { resolveRelativePath: (p: string) => p } } as never);
  const customTags = Object.keys(api.CFN_SHORT_TAGS).flatMap((t) => [`${t} scalar`, `${t} sequence`, `${t} mapping`]);
  service.configure({ validate: true, customTags, schemas: [{ uri: 'ecs-taskdef://cfn-template.schema.json', fileMatch: ['*'], schema: templateSchema(schema) }] });
  // A new document version each pass: the service caches its parse per version, and an edit makes a new one.
  let version = 0;
  const uris = set.files.map((f) => pathToFileURL(f.path).href);
  const tags = Object.keys(api.CFN_SHORT_TAGS).flatMap((tag) => [
    { tag, resolve: (s: string) => s },
    { tag, collection: 'seq', resolve: (v: unknown) => v },
    { tag, collection: 'map', resolve: (v: unknown) => v },
  ]);
  const a = async () => {
    for (const f of set.files) api.parseYaml(f.text, { customTags: tags as never, uniqueKeys: false, strict: false });
  };
  const b = async () => {
    version++;
    for (let i = 0; i < set.files.length; i++) await service.doValidation(api.TextDocument.create(uris[i], 'yaml', version, set.files[i].text), false);
  };
  const [parse, yamlLanguageService, pipeline] = await interleaved(set, [a, b, lintAll(api, set)]);
  return { name: set.name, bytes: bytesOf(set), files: set.files.length, parse, yamlLanguageService, pipeline };
}

/** A template schema whose task-definition Properties are `taskSchema` with every property name in PascalCase. */
function templateSchema(taskSchema: object): object {
  const pascal = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(pascal);
    if (!v || typeof v !== 'object') return v;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      if ((k === 'properties' || k === 'required') && x && typeof x === 'object') {
        out[k] = Array.isArray(x) ? x.map((n) => (typeof n === 'string' ? n[0].toUpperCase() + n.slice(1) : n)) : Object.fromEntries(Object.entries(x).map(([p, s]) => [p[0].toUpperCase() + p.slice(1), pascal(s)]));
      } else out[k] = pascal(x);
    }
    return out;
  };
  const task = pascal(taskSchema) as Record<string, unknown>;
  const { $schema: _drop, definitions, $defs, ...body } = task as Record<string, unknown>;
  return {
    type: 'object',
    definitions,
    $defs,
    properties: {
      AWSTemplateFormatVersion: { type: 'string' },
      Resources: {
        type: 'object',
        additionalProperties: {
          type: 'object',
          required: ['Type'],
          properties: { Type: { type: 'string' } },
          if: { properties: { Type: { const: 'AWS::ECS::TaskDefinition' } } },
          then: { properties: { Properties: body } },
        },
      },
    },
  };
}
