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
  const c = async () => {
    for (const f of set.files) api.lint(f.text, { fileName: f.path });
  };
  const samples: number[][] = [[], [], []];
  const fns = [a, b, c];
  const warmup = Math.max(3, Math.round(set.iterations / 10));
  for (let i = 0; i < warmup + set.iterations; i++) {
    // Rotate the order so no step always runs right after another's garbage.
    for (let k = 0; k < 3; k++) {
      const j = (i + k) % 3;
      const start = performance.now();
      await fns[j]();
      const ms = performance.now() - start;
      if (i >= warmup) samples[j].push(ms);
    }
  }
  const bytes = set.files.reduce((n, f) => n + f.text.length, 0);
  return { name: set.name, bytes, files: set.files.length, parse: summarize(samples[0]), jsonLanguageService: summarize(samples[1]), pipeline: summarize(samples[2]) };
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
