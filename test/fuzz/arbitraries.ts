/**
 * fast-check arbitraries for task-definition texts: corpus and fixture files mutated as values (then printed
 * with random indentation, line endings, comments and trailing commas), schema-generated tasks, and texts
 * garbled, truncated or spliced as characters. Everything derives from fast-check values, so a failure
 * replays from its seed and path.
 */
import fc from 'fast-check';
import { parse, type ParseError } from 'jsonc-parser';
import { pick, prng, schemaTask } from './schema-values';
import { loadSeeds } from './seeds';

const SNIPPETS = [
  ',', '}', ']', '{', '[', '"', ':', 'null', 'true', '0', '-', '"x"', '""', '\n', '\r\n', '\t', ' ',
  '// note\n', '/* note */', '/*', '*/', '//', '${PORT}', '{{ .Values.image }}', '<IMAGE>', '#{Tag}', '$$$$PORT$$$$',
  '"name": "web"', '"cpu": "256",', '"memory": 512,', '"essential": false', '"image": "nginx:latest",', '{"name":"a","image":"b"}',
  '"requiresCompatibilities": ["FARGATE"],', '"networkMode": "awsvpc",', '"\\u00', '\\', '\uFEFF', '\uFFFD', '😀', '\uD800',
  // Terraform templates: directives, quotes inside ${…}, and ones left open.
  '%{ if x }', '%{~ else ~}', '%{ endif }', '%{~ for k, v in m ~}', '%{ endfor }', '%{', '"${a == "b" ? 1 : 2}"', '${jsonencode({ a = "}" })}', '${',
];

export const snippet: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...SNIPPETS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) },
);

/** A character-level change; positions are fractions of the text length so they fit any text. */
export interface TextMutation {
  kind: 'truncate' | 'delete' | 'insert' | 'duplicate' | 'replace';
  at: number;
  to: number;
  len: number;
  insert: string;
}

const fraction = fc.double({ min: 0, max: 1, noNaN: true });

export const textMutation: fc.Arbitrary<TextMutation> = fc.record({
  kind: fc.constantFrom('truncate', 'delete', 'insert', 'insert', 'duplicate', 'replace'),
  at: fraction,
  to: fraction,
  len: fc.nat({ max: 40 }),
  insert: snippet,
});

export function applyTextMutation(text: string, m: TextMutation): string {
  const at = Math.floor(m.at * text.length);
  switch (m.kind) {
    case 'truncate':
      return text.slice(0, at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + m.len);
    case 'insert':
      return text.slice(0, at) + m.insert + text.slice(at);
    case 'duplicate': {
      const to = Math.floor(m.to * text.length);
      return text.slice(0, to) + text.slice(at, at + m.len) + text.slice(to);
    }
    case 'replace':
      return text.slice(0, at) + m.insert + text.slice(at + Math.max(1, m.insert.length));
  }
}

/** A value-level change at the `node`-th value in pre-order. */
export interface ValueMutation {
  node: number;
  op: 'delete' | 'replace' | 'add-key' | 'duplicate-element' | 'to-string' | 'to-number' | 'wrap';
  seed: number;
}

export const valueMutation: fc.Arbitrary<ValueMutation> = fc.record({
  node: fc.nat(),
  op: fc.constantFrom('delete', 'replace', 'replace', 'add-key', 'duplicate-element', 'to-string', 'to-number', 'wrap'),
  seed: fc.nat(),
});

const KEYS = ['name', 'image', 'cpu', 'memory', 'memoryReservation', 'essential', 'portMappings', 'environment', 'secrets', 'networkMode',
  'requiresCompatibilities', 'executionRoleArn', 'taskRoleArn', 'logConfiguration', 'healthCheck', 'dependsOn', 'links', 'user', 'privileged',
  'mountPoints', 'volumes', 'hostPort', 'containerPort', 'family', 'Image', 'memoryreservation', 'unknownKey', 'taskDefinitionArn', 'pidMode'];
const VALUES: unknown[] = [null, '', 0, -1, 1, 256, '256', 512, '512', 4096, true, false, 'true', [], {}, 'x', '${X}', '<X>', 'nginx:latest',
  'FARGATE', ['FARGATE'], ['EC2'], 'awsvpc', 'host', 'bridge', 'root', 'arn:aws:iam::123456789012:role/r', [{ name: 'A', value: 'b' }],
  { containerPort: 80, hostPort: 8080 }, { logDriver: 'awslogs', options: { 'awslogs-group': 'g' } }, { name: 'web', image: 'nginx' }];

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function nodesOf(value: Json, out: Array<{ holder?: Json[] | Record<string, Json>; key?: string | number; value: Json }> = [], holder?: Json[] | Record<string, Json>, key?: string | number) {
  out.push({ holder, key, value });
  if (Array.isArray(value)) value.forEach((v, i) => nodesOf(v, out, value, i));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) nodesOf(v, out, value, k);
  return out;
}

export function applyValueMutation(root: Json, m: ValueMutation): Json {
  const nodes = nodesOf(root);
  const target = nodes[m.node % nodes.length];
  const rng = prng(m.seed);
  const set = (v: Json) => {
    if (!target.holder) return v;
    (target.holder as Record<string, Json>)[target.key as string] = v;
    return root;
  };
  switch (m.op) {
    case 'delete':
      if (Array.isArray(target.holder)) target.holder.splice(target.key as number, 1);
      else if (target.holder) delete target.holder[target.key as string];
      return root;
    case 'replace':
      return set(structuredClone(pick(rng, VALUES)) as Json);
    case 'add-key':
      if (target.value && typeof target.value === 'object' && !Array.isArray(target.value)) target.value[pick(rng, KEYS)] = structuredClone(pick(rng, VALUES)) as Json;
      return root;
    case 'duplicate-element':
      if (Array.isArray(target.value) && target.value.length > 0) target.value.push(structuredClone(pick(rng, target.value)));
      return root;
    case 'to-string':
      return typeof target.value === 'number' || typeof target.value === 'boolean' ? set(String(target.value)) : root;
    case 'to-number':
      return typeof target.value === 'string' && target.value.trim() !== '' && !Number.isNaN(Number(target.value)) ? set(Number(target.value)) : root;
    case 'wrap':
      return set([target.value]);
  }
}

/** How a value is printed: indentation, line ends, comments (unique texts) and trailing commas. */
export interface Layout {
  indent: 0 | 2 | 4 | '\t';
  crlf: boolean;
  lineComments: number;
  blockComments: number;
  trailingCommas: boolean;
  seed: number;
}

export const layout: fc.Arbitrary<Layout> = fc.record({
  indent: fc.constantFrom(0 as const, 2 as const, 2 as const, 4 as const, '\t' as const),
  crlf: fc.boolean(),
  lineComments: fc.constantFrom(0, 0, 0.1, 0.3),
  blockComments: fc.constantFrom(0, 0, 0.05, 0.2),
  trailingCommas: fc.boolean(),
  seed: fc.nat(),
});

/** Prints `value` as JSONC. Every comment text is unique (`c1`, `b2`, …) so tests can follow each one. */
export function print(value: unknown, l: Layout): string {
  const rng = prng(l.seed);
  let n = 0;
  let text = JSON.stringify(value, null, l.indent === 0 ? undefined : l.indent);
  if (text === undefined) return '';
  if (l.indent !== 0) {
    const lines = text.split('\n').map((line) => {
      let out = line;
      if (rng() < l.blockComments) out = out.replace(/^(\s*)/, `$1/* b${++n} */ `);
      if (rng() < l.lineComments) out += ` // c${++n}`;
      return out;
    });
    text = lines.join('\n');
    if (l.trailingCommas) text = text.replace(/([^\s,[{])(\n\s*[}\]])/g, (m, a, b) => (rng() < 0.3 ? `${a},${b}` : m));
  } else if (rng() < l.blockComments * 3) {
    text = `/* b${++n} */ ${text}`;
  }
  return l.crlf ? text.replace(/\n/g, '\r\n') : text;
}

const seedIndex = fc.nat();

function seedText(i: number): string {
  const seeds = loadSeeds();
  return seeds[i % seeds.length].text;
}

function seedValue(i: number): Json | undefined {
  const errors: ParseError[] = [];
  const v = parse(seedText(i), errors, { allowTrailingComma: true }) as Json;
  return errors.length === 0 && v && typeof v === 'object' ? v : undefined;
}

/** Mostly well-formed documents: a seed or a schema task, changed as a value, printed with a random layout. */
export const wellFormedText: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.tuple(seedIndex, fc.array(valueMutation, { maxLength: 4 }), layout).map(([i, ms, l]) => {
      const v = seedValue(i);
      if (v === undefined) return seedText(i);
      return print(ms.reduce((acc, m) => applyValueMutation(acc, m), structuredClone(v)), l);
    }),
  },
  {
    weight: 2,
    arbitrary: fc.tuple(fc.nat(), fc.array(valueMutation, { maxLength: 2 }), layout).map(([s, ms, l]) =>
      print(ms.reduce((acc, m) => applyValueMutation(acc, m), schemaTask(s) as Json), l),
    ),
  },
  { weight: 1, arbitrary: seedIndex.map(seedText) },
);

/** Anything: well-formed documents, character-level garbling of them and of raw seeds, truncations, junk. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: wellFormedText },
  {
    weight: 3,
    arbitrary: fc.tuple(fc.oneof(wellFormedText, seedIndex.map(seedText)), fc.array(textMutation, { minLength: 1, maxLength: 4 })).map(([t, ms]) =>
      ms.reduce(applyTextMutation, t),
    ),
  },
  { weight: 1, arbitrary: fc.tuple(seedIndex, fraction).map(([i, f]) => seedText(i).slice(0, Math.floor(f * seedText(i).length))) },
  { weight: 1, arbitrary: fc.oneof(fc.json(), fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 })) },
);

/** An edit as an editor sends it: a range (fractions of the current text) replaced by a snippet, or typed one character at a time. */
export interface EditorEdit {
  at: number;
  remove: number;
  insert: string;
  typed: boolean;
}

export const editorEdit: fc.Arbitrary<EditorEdit> = fc.record({ at: fraction, remove: fc.nat({ max: 12 }), insert: snippet, typed: fc.boolean() });

export { schemaTask, seedText };
